/**
 * Test fixture: the State Council holiday notices for 2020–2022, typed in by hand so the tests
 * do not depend on any holiday package. 2020's Spring Festival runs to 02-02 because the break
 * was extended for COVID-19 (国办发明电〔2020〕1号), which also cancelled the 02-01 make-up day;
 * 2020's Mid-Autumn fell on 10-01 and is merged into National Day. 2022-12-31 belongs to the
 * New Year break of 2023.
 */
import type { CalendarDay } from '../platform/contracts.ts';
import { Calendar } from './calendar.ts';
import { addDays } from './iso-date.ts';

const HOLIDAY_SPANS: ReadonlyArray<readonly [first: string, last: string, name: string]> = [
  ['2020-01-01', '2020-01-01', '元旦'],
  ['2020-01-24', '2020-02-02', '春节'],
  ['2020-04-04', '2020-04-06', '清明'],
  ['2020-05-01', '2020-05-05', '劳动节'],
  ['2020-06-25', '2020-06-27', '端午'],
  ['2020-10-01', '2020-10-08', '国庆节、中秋节'],
  ['2021-01-01', '2021-01-03', '元旦'],
  ['2021-02-11', '2021-02-17', '春节'],
  ['2021-04-03', '2021-04-05', '清明'],
  ['2021-05-01', '2021-05-05', '劳动节'],
  ['2021-06-12', '2021-06-14', '端午'],
  ['2021-09-19', '2021-09-21', '中秋'],
  ['2021-10-01', '2021-10-07', '国庆节'],
  ['2022-01-01', '2022-01-03', '元旦'],
  ['2022-01-31', '2022-02-06', '春节'],
  ['2022-04-03', '2022-04-05', '清明'],
  ['2022-04-30', '2022-05-04', '劳动节'],
  ['2022-06-03', '2022-06-05', '端午'],
  ['2022-09-10', '2022-09-12', '中秋'],
  ['2022-10-01', '2022-10-07', '国庆节'],
  ['2022-12-31', '2022-12-31', '元旦'],
];

const MAKE_UP_WORKDAYS: ReadonlyArray<readonly [date: string, name: string]> = [
  ['2020-01-19', '春节'],
  ['2020-04-26', '劳动节'],
  ['2020-05-09', '劳动节'],
  ['2020-06-28', '端午'],
  ['2020-09-27', '国庆节、中秋节'],
  ['2020-10-10', '国庆节、中秋节'],
  ['2021-02-07', '春节'],
  ['2021-02-20', '春节'],
  ['2021-04-25', '劳动节'],
  ['2021-05-08', '劳动节'],
  ['2021-09-18', '中秋'],
  ['2021-09-26', '国庆节'],
  ['2021-10-09', '国庆节'],
  ['2022-01-29', '春节'],
  ['2022-01-30', '春节'],
  ['2022-04-02', '清明'],
  ['2022-04-24', '劳动节'],
  ['2022-05-07', '劳动节'],
  ['2022-10-08', '国庆节'],
  ['2022-10-09', '国庆节'],
];

export const FIXTURE_YEARS: readonly number[] = [2020, 2021, 2022];

export function fixtureDays(): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (const [first, last, name] of HOLIDAY_SPANS) {
    for (let date = first; date <= last; date = addDays(date, 1)) days.push({ date, kind: 'holiday', name });
  }
  for (const [date, name] of MAKE_UP_WORKDAYS) days.push({ date, kind: 'workday', name });
  return days;
}

export function fixtureCalendar(): Calendar {
  return Calendar.fromDays(FIXTURE_YEARS, fixtureDays());
}
