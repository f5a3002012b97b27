import { describe, expect, it } from 'vitest';
import { lunarNewYear, lunarToSolar, qingming } from './lunar.ts';
import { STATUTORY_HOLIDAY_VERSIONS, statutoryHolidays, statutoryVersion } from './statutory-holidays.ts';

const days = (year: number) => [...statutoryHolidays(year).keys()];

describe('lunar dates and 清明', () => {
  // Spring Festival, 端午, 中秋 and 清明 as published (Purple Mountain Observatory almanacs).
  const published: [year: number, newYear: string, dragonBoat: string, midAutumn: string, qm: string][] = [
    [2008, '2008-02-07', '2008-06-08', '2008-09-14', '2008-04-04'],
    [2020, '2020-01-25', '2020-06-25', '2020-10-01', '2020-04-04'],
    [2023, '2023-01-22', '2023-06-22', '2023-09-29', '2023-04-05'],
    [2025, '2025-01-29', '2025-05-31', '2025-10-06', '2025-04-04'],
    [2026, '2026-02-17', '2026-06-19', '2026-09-25', '2026-04-05'],
    [2027, '2027-02-06', '2027-06-09', '2027-09-15', '2027-04-05'],
    [2028, '2028-01-26', '2028-05-28', '2028-10-03', '2028-04-04'],
  ];
  it.each(published)('%i', (year, newYear, dragonBoat, midAutumn, qm) => {
    expect(lunarNewYear(year)).toBe(newYear);
    expect(lunarToSolar(year, 5, 5)).toBe(dragonBoat);
    expect(lunarToSolar(year, 8, 15)).toBe(midAutumn);
    expect(qingming(year)).toBe(qm);
  });

  it('counts a leap month only before the later months (2023 has a leap 2nd month)', () => {
    expect(lunarToSolar(2023, 2, 1)).toBe('2023-02-20');
    expect(lunarToSolar(2023, 3, 1)).toBe('2023-04-20');
  });

  it('refuses dates that do not exist', () => {
    expect(() => lunarToSolar(2025, 13, 1)).toThrow(RangeError);
    expect(() => lunarToSolar(2200, 1, 1)).toThrow(RangeError);
  });
});

describe('statutory holidays by version of 全国年节及纪念日放假办法', () => {
  it('2025 rules: 春节 4 days from 除夕, 劳动节 2 days — 13 days', () => {
    expect(statutoryVersion(2027).citation).toContain('795号');
    expect(days(2027)).toEqual([
      '2027-01-01',
      '2027-02-05', // 除夕
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ]);
  });

  it('2014–2024 rules: 春节 初一 to 初三, 劳动节 1 day — 11 days', () => {
    expect(days(2024)).toHaveLength(11);
    expect(statutoryHolidays(2024).get('2024-02-09')).toBeUndefined(); // 除夕 was not a holiday
    expect(statutoryHolidays(2024).get('2024-02-12')).toBe('春节');
  });

  it('2008–2013 rules: 春节 除夕 to 初二', () => {
    expect(statutoryHolidays(2013).get('2013-02-09')).toBe('春节'); // 除夕
    expect(statutoryHolidays(2013).get('2013-02-12')).toBeUndefined(); // 初三
  });

  it('names a day that is two holidays once', () => {
    expect(statutoryHolidays(2028).get('2028-10-03')).toBe('中秋节、国庆节');
    expect(days(2028)).toHaveLength(12);
  });

  it('has versions in date order, each citing its order', () => {
    const from = STATUTORY_HOLIDAY_VERSIONS.map((v) => v.effectiveFrom);
    expect([...from].sort()).toEqual(from);
    for (const v of STATUTORY_HOLIDAY_VERSIONS) expect(v.citation).toMatch(/国务院令第\d+号/);
  });
});
