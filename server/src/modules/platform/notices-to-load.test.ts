import { describe, expect, it } from 'vitest';
import { noticesToLoad } from './tasks.service.ts';

const loaded = new Set([2025, 2026]);

describe("the administrator's reminder to load a holiday notice", () => {
  it('asks for next year from 1 December, not before', () => {
    expect(noticesToLoad('2026-11-30', loaded)).toEqual([]);
    expect(noticesToLoad('2026-12-01', loaded)).toEqual([{ year: 2027, late: false }]);
    expect(noticesToLoad('2026-12-31', loaded)).toEqual([{ year: 2027, late: false }]);
  });

  it("asks for this year's as late when the year began without it", () => {
    expect(noticesToLoad('2027-01-02', loaded)).toEqual([{ year: 2027, late: true }]);
    expect(noticesToLoad('2027-12-15', loaded)).toEqual([
      { year: 2027, late: true },
      { year: 2028, late: false },
    ]);
  });

  it('is quiet once both are loaded', () => {
    expect(noticesToLoad('2026-12-15', new Set([2026, 2027]))).toEqual([]);
  });
});
