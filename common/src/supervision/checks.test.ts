import { describe, expect, it } from 'vitest';
import {
  availableCallbackActions,
  callbackSampleCount,
  cameraRates,
  sampleSeed,
  stratifiedSample,
} from './checks.ts';

const items = (spec: Record<number, number>) => {
  const out: { id: number; unitId: number }[] = [];
  let id = 1;
  for (const [unitId, n] of Object.entries(spec))
    for (let i = 0; i < n; i++) out.push({ id: id++ * 7, unitId: Number(unitId) });
  return out;
};

describe('stratifiedSample', () => {
  it('takes every item when there are no more than n, and nothing for n = 0', () => {
    const few = items({ 1: 3, 2: 2 });
    expect(stratifiedSample(few, 40, 1).map((x) => x.id)).toEqual(few.map((x) => x.id));
    expect(stratifiedSample(few, 0, 1)).toEqual([]);
  });

  it('allocates seats in proportion to each unit, the leftovers by largest remainder', () => {
    const pool = items({ 1: 30, 2: 20, 3: 10 });
    const got = stratifiedSample(pool, 40, 99);
    const per = (u: number) => got.filter((x) => x.unitId === u).length;
    expect([per(1), per(2), per(3)]).toEqual([20, 13, 7]);
    expect(new Set(got.map((x) => x.id)).size).toBe(40);
  });

  it('gives a small unit its seat when its remainder is the largest', () => {
    const pool = items({ 1: 97, 2: 3 });
    const got = stratifiedSample(pool, 10, 5);
    // 9.7 and 0.3: floors 9 + 0, the one seat left goes to unit 1 (0.7 > 0.3).
    expect(got.filter((x) => x.unitId === 1)).toHaveLength(10);
  });

  it('draws the same for the same seed whatever the input order, and differently for another seed', () => {
    const pool = items({ 1: 50, 2: 40, 3: 30 });
    const a = stratifiedSample(pool, 40, sampleSeed('camera.sample', 1, '2025-06-10'));
    const b = stratifiedSample([...pool].reverse(), 40, sampleSeed('camera.sample', 1, '2025-06-10'));
    const c = stratifiedSample(pool, 40, sampleSeed('camera.sample', 1, '2025-06-11'));
    expect(a.map((x) => x.id)).toEqual(b.map((x) => x.id));
    expect(a.map((x) => x.id)).not.toEqual(c.map((x) => x.id));
  });

  it('gives every item of a unit the same chance', () => {
    const pool = items({ 1: 20 });
    const hits = new Map<number, number>();
    for (let s = 0; s < 2000; s++)
      for (const x of stratifiedSample(pool, 5, sampleSeed('t', 1, String(s))))
        hits.set(x.id, (hits.get(x.id) ?? 0) + 1);
    // Expected 500 each (2000 × 5/20); allow ±25 %.
    for (const x of pool) expect(hits.get(x.id)).toBeGreaterThan(375);
    for (const x of pool) expect(hits.get(x.id)).toBeLessThan(625);
  });
});

describe('callbackSampleCount', () => {
  it('is exact when the share is whole, and averages the rate when it is not', () => {
    expect(callbackSampleCount(40, 0.25, 1)).toBe(10);
    expect(callbackSampleCount(0, 0.5, 1)).toBe(0);
    expect(callbackSampleCount(10, 0, 1)).toBe(0);
    expect(callbackSampleCount(10, 1, 1)).toBe(10);
    let sum = 0;
    for (let s = 0; s < 1000; s++) sum += callbackSampleCount(15, 0.05, sampleSeed('c', 1, String(s)));
    // 0.75 a day on average
    expect(sum / 1000).toBeGreaterThan(0.7);
    expect(sum / 1000).toBeLessThan(0.8);
  });
});

describe('call-back actions and camera rates', () => {
  it('offers the call to the inspectorate and the 二次查办 to the unit', () => {
    const pending = { status: 'pending' as const, followUpStatus: 'none' as const };
    const open = { status: 'done' as const, followUpStatus: 'open' as const };
    expect(availableCallbackActions(pending, ['callback.perform'])).toEqual(['call']);
    expect(availableCallbackActions(pending, ['supervision.answer'])).toEqual([]);
    expect(availableCallbackActions(open, ['supervision.answer'])).toEqual(['followUp']);
    expect(availableCallbackActions(open, ['callback.perform', 'supervision.read'])).toEqual([]);
  });

  it('counts rates over the checked only', () => {
    expect(cameraRates({ recorded: 0, partial: 0, notRecorded: 0 })).toEqual({
      openRate: null,
      fullRate: null,
    });
    expect(cameraRates({ recorded: 6, partial: 2, notRecorded: 2 })).toEqual({
      openRate: 0.8,
      fullRate: 0.6,
    });
  });
});
