import { describe, expect, it } from 'vitest';
import { consecutiveYears } from './awards.service.ts';
import { drawSample } from './sampling.ts';

const population = [
  ...Array.from({ length: 30 }, (_, i) => ({ id: 100 + i, unitId: 1 })),
  ...Array.from({ length: 3 }, (_, i) => ({ id: 200 + i, unitId: 2 })),
  { id: 300, unitId: 3 },
];

describe('drawSample', () => {
  it('takes up to perUnit cases of each unit', () => {
    const s = drawSample(population, 2, 42);
    const per = (u: number) => s.filter((c) => c.unitId === u).length;
    expect([per(1), per(2), per(3)]).toEqual([2, 2, 1]);
    expect(drawSample(population, 5, 42).filter((c) => c.unitId === 2)).toHaveLength(3);
  });

  it('is the same for the same seed whatever order the rows come in', () => {
    const a = drawSample(population, 3, 7).map((c) => c.id);
    const b = drawSample([...population].reverse(), 3, 7).map((c) => c.id);
    expect(b).toEqual(a);
  });

  it("draws differently for other seeds, and one unit's cases do not move another unit's draw", () => {
    const draws = new Set(
      Array.from({ length: 20 }, (_, seed) =>
        drawSample(population, 2, seed)
          .map((c) => c.id)
          .join(),
      ),
    );
    expect(draws.size).toBeGreaterThan(10);
    const without3 = population.filter((c) => c.unitId !== 3);
    const unit1 = (p: typeof population) =>
      drawSample(p, 2, 99)
        .filter((c) => c.unitId === 1)
        .map((c) => c.id);
    expect(unit1(without3)).toEqual(unit1(population));
  });

  it('gives every case of a unit about the same chance', () => {
    const hits = new Map<number, number>();
    for (let seed = 0; seed < 3000; seed++)
      for (const c of drawSample(population, 3, seed))
        if (c.unitId === 1) hits.set(c.id, (hits.get(c.id) ?? 0) + 1);
    // 3000 draws × 3 of 30 → 300 each on average.
    for (let id = 100; id < 130; id++) expect(hits.get(id)).toBeGreaterThan(220);
    for (let id = 100; id < 130; id++) expect(hits.get(id)).toBeLessThan(380);
  });
});

describe('consecutiveYears', () => {
  it('counts the years in a row that end with this one', () => {
    expect(consecutiveYears(2025, undefined)).toBe(1);
    expect(consecutiveYears(2025, new Set([2024, 2023]))).toBe(3);
    expect(consecutiveYears(2025, new Set([2024, 2022, 2021]))).toBe(2);
    expect(consecutiveYears(2025, new Set([2023]))).toBe(1);
  });
});
