/**
 * The Chinese lunisolar calendar (农历) and the 清明 solar term, as far as the statutory holidays
 * need them: 正月初一, 除夕, 端午 (五月初五), 中秋 (八月十五) and 清明, for Gregorian years 1901–2099.
 *
 * The month table is the one published by the Hong Kong Observatory and used by every Chinese
 * calendar library (bits 4–15: months 12…1, 1 = 30 days; bits 0–3: the leap month, 0 = none;
 * bit 16: the leap month has 30 days). Lunar year 1900 begins on 1900-01-31.
 */
import { addDays } from './iso-date.ts';

const LUNAR_YEARS: readonly number[] = [
  0x04bd8, 0x04ae0, 0x0a570, 0x054d5, 0x0d260, 0x0d950, 0x16554, 0x056a0, 0x09ad0, 0x055d2, 0x04ae0, 0x0a5b6,
  0x0a4d0, 0x0d250, 0x1d255, 0x0b540, 0x0d6a0, 0x0ada2, 0x095b0, 0x14977, 0x04970, 0x0a4b0, 0x0b4b5, 0x06a50,
  0x06d40, 0x1ab54, 0x02b60, 0x09570, 0x052f2, 0x04970, 0x06566, 0x0d4a0, 0x0ea50, 0x06e95, 0x05ad0, 0x02b60,
  0x186e3, 0x092e0, 0x1c8d7, 0x0c950, 0x0d4a0, 0x1d8a6, 0x0b550, 0x056a0, 0x1a5b4, 0x025d0, 0x092d0, 0x0d2b2,
  0x0a950, 0x0b557, 0x06ca0, 0x0b550, 0x15355, 0x04da0, 0x0a5b0, 0x14573, 0x052b0, 0x0a9a8, 0x0e950, 0x06aa0,
  0x0aea6, 0x0ab50, 0x04b60, 0x0aae4, 0x0a570, 0x05260, 0x0f263, 0x0d950, 0x05b57, 0x056a0, 0x096d0, 0x04dd5,
  0x04ad0, 0x0a4d0, 0x0d4d4, 0x0d250, 0x0d558, 0x0b540, 0x0b6a0, 0x195a6, 0x095b0, 0x049b0, 0x0a974, 0x0a4b0,
  0x0b27a, 0x06a50, 0x06d40, 0x0af46, 0x0ab60, 0x09570, 0x04af5, 0x04970, 0x064b0, 0x074a3, 0x0ea50, 0x06b58,
  0x055c0, 0x0ab60, 0x096d5, 0x092e0, 0x0c960, 0x0d954, 0x0d4a0, 0x0da50, 0x07552, 0x056a0, 0x0abb7, 0x025d0,
  0x092d0, 0x0cab5, 0x0a950, 0x0b4a0, 0x0baa4, 0x0ad50, 0x055d9, 0x04ba0, 0x0a5b0, 0x15176, 0x052b0, 0x0a930,
  0x07954, 0x06aa0, 0x0ad50, 0x05b52, 0x04b60, 0x0a6e6, 0x0a4e0, 0x0d260, 0x0ea65, 0x0d530, 0x05aa0, 0x076a3,
  0x096d0, 0x04afb, 0x04ad0, 0x0a4d0, 0x1d0b6, 0x0d250, 0x0d520, 0x0dd45, 0x0b5a0, 0x056d0, 0x055b2, 0x049b0,
  0x0a577, 0x0a4b0, 0x0aa50, 0x1b255, 0x06d20, 0x0ada0, 0x14b63, 0x09370, 0x049f8, 0x04970, 0x064b0, 0x168a6,
  0x0ea50, 0x06b20, 0x1a6c4, 0x0aae0, 0x0a2e0, 0x0d2e3, 0x0c960, 0x0d557, 0x0d4a0, 0x0da50, 0x05d55, 0x056a0,
  0x0a6d0, 0x055d4, 0x052d0, 0x0a9b8, 0x0a950, 0x0b4a0, 0x0b6a6, 0x0ad50, 0x055a0, 0x0aba4, 0x0a5b0, 0x052b0,
  0x0b273, 0x06930, 0x07337, 0x06aa0, 0x0ad50, 0x14b55, 0x04b60, 0x0a570, 0x054e4, 0x0d160, 0x0e968, 0x0d520,
  0x0daa0, 0x16aa6, 0x056d0, 0x04ae0, 0x0a9d4, 0x0a2d0, 0x0d150, 0x0f252, 0x0d520,
];
const FIRST_YEAR = 1900;
const FIRST_NEW_YEAR = '1900-01-31';

/** Gregorian years whose statutory holidays can be computed (lunar dates and 清明 formula). */
export const LUNAR_RANGE = { from: 1901, to: 2099 } as const;

function info(year: number): number {
  const v = LUNAR_YEARS[year - FIRST_YEAR];
  if (v === undefined) throw new RangeError(`Lunar year out of range: ${year}`);
  return v;
}

const leapMonth = (year: number) => info(year) & 0xf;
const leapDays = (year: number) => (leapMonth(year) ? (info(year) & 0x10000 ? 30 : 29) : 0);
const monthDays = (year: number, month: number) => (info(year) & (0x10000 >> month) ? 30 : 29);

function yearDays(year: number): number {
  let days = 0;
  for (let m = 1; m <= 12; m++) days += monthDays(year, m);
  return days + leapDays(year);
}

/**
 * The Gregorian date of a day of a lunar year's ordinary (not leap) month: 正月初一 is (y, 1, 1).
 * A leap month follows the month of the same number, so it counts only before later months.
 */
export function lunarToSolar(year: number, month: number, day: number): string {
  if (month < 1 || month > 12 || day < 1 || day > monthDays(year, month))
    throw new RangeError(`No such lunar date: ${year}-${month}-${day}`);
  let offset = 0;
  for (let y = FIRST_YEAR; y < year; y++) offset += yearDays(y);
  const leap = leapMonth(year);
  for (let m = 1; m < month; m++) offset += monthDays(year, m) + (m === leap ? leapDays(year) : 0);
  return addDays(FIRST_NEW_YEAR, offset + day - 1);
}

/** 正月初一 (Spring Festival) of the lunar year that begins in Gregorian year `year`. */
export const lunarNewYear = (year: number) => lunarToSolar(year, 1, 1);

/**
 * 清明 (the solar term at 15° of solar longitude) in Gregorian year `year`: the "寿星" formula
 * [Y·0.2422 + C] − [Y/4] with Y the year within its century and C = 5.59 (1900s) / 4.81 (2000s),
 * which has no known exception for 清明 in 1901–2099.
 */
export function qingming(year: number): string {
  if (year < LUNAR_RANGE.from || year > LUNAR_RANGE.to) throw new RangeError(`Year out of range: ${year}`);
  const y = year % 100;
  const c = year >= 2000 ? 4.81 : 5.59;
  const day = Math.floor(y * 0.2422 + c) - Math.floor(y / 4);
  return `${year}-04-${String(day).padStart(2, '0')}`;
}
