import { describe, expect, it } from 'vitest';
import { IsoDate } from './contracts.ts';

describe('IsoDate', () => {
  it('takes dates that exist, leap days included', () => {
    for (const d of ['2024-02-29', '2021-12-31', '2000-02-29', '0001-01-01'])
      expect(IsoDate.safeParse(d).success, d).toBe(true);
  });

  it('refuses impossible dates with their own message, and malformed ones with the format message', () => {
    for (const d of [
      '2021-02-30',
      '2023-02-29',
      '1900-02-29',
      '2021-04-31',
      '2021-13-01',
      '2021-00-10',
      '0000-01-01',
    ])
      expect(
        IsoDate.safeParse(d).error?.issues.map((i) => i.message),
        d,
      ).toEqual(['date.impossible']);
    for (const d of ['2021-2-3', '20210203', '', '2021-02-03T00:00'])
      expect(
        IsoDate.safeParse(d).error?.issues.map((i) => i.message),
        d,
      ).toEqual(['date']);
  });
});
