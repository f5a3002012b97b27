import type { CalendarDay } from '@fazhi/common';
import { sql } from 'drizzle-orm';
import { type Queryable, rows } from '../db/index.ts';
import { loadYear } from '../modules/platform/calendar.service.ts';

/**
 * TESTS ONLY. The product refuses to count working days in a year whose State Council holiday
 * notice is not loaded (LEGAL-RULES.md: "an error, not a guess"), and the newest notice Fazhi
 * ships is 2026's. Tests and the browser tests start clocks "today", so from December on their
 * deadlines reach into a year without a notice and would fail for a reason that has nothing to do
 * with what they test. They therefore load this stand-in for this year and next year when no
 * notice is loaded: the fixed-date statutory holidays of 全国年节及纪念日放假办法 (元旦, 劳动节,
 * 国庆节) and no 调休 — never the real notice, and marked as such in its source.
 */
export const STAND_IN_SOURCE = 'test stand-in (fixed-date statutory holidays only)';

export function standInDays(year: number): CalendarDay[] {
  const day = (md: string, name: string): CalendarDay => ({ date: `${year}-${md}`, kind: 'holiday', name });
  return [
    day('01-01', '元旦'),
    day('05-01', '劳动节'),
    day('05-02', '劳动节'),
    day('10-01', '国庆节'),
    day('10-02', '国庆节'),
    day('10-03', '国庆节'),
  ];
}

/** The years a test run may reach (this year and next) that have no notice loaded. */
export function yearsToStandIn(loaded: Iterable<number>, today = new Date()): number[] {
  const have = new Set(loaded);
  const year = today.getFullYear();
  return [year, year + 1].filter((y) => !have.has(y));
}

export async function loadStandInYears(db: Queryable): Promise<number[]> {
  const loaded = await rows<{ year: number }>(db, sql`select year from holiday_years`);
  const years = yearsToStandIn(loaded.map((r) => Number(r.year)));
  for (const year of years)
    await loadYear(null, db, { year, source: STAND_IN_SOURCE, days: standInDays(year) });
  return years;
}
