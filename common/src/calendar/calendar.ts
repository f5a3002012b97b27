/**
 * The working-day calendar that legal time limits are computed on: weekends, the official days
 * off of the State Council holiday notice, and the weekend days it turns into working days (调休).
 */
import type { CalendarDay } from '../platform/contracts.ts';
import { addDays, addMonthsPlain, daysBetween, isoWeekday, isoYear, isValidIsoDate } from './iso-date.ts';

export type CalendarData = {
  /** Years whose State Council holiday notice is loaded; dates in other years cannot be judged. */
  years: ReadonlySet<number>;
  /** Official days off, date → name, including weekend days inside a holiday span. */
  holidays: ReadonlyMap<string, string>;
  /** Make-up working days (weekend days that are working days), date → name. */
  workdays: ReadonlyMap<string, string>;
};

export type PeriodOptions = {
  /**
   * Detention and arrest periods are never extended over a holiday (刑事诉讼法 art. 105), so the
   * last day stands even when it is a day off.
   */
  custody?: boolean;
};

/**
 * Thrown rather than guessing: without the year's notice a weekday might be a day off or a
 * weekend a working day, and a wrong legal deadline is worse than no deadline.
 */
export class CalendarYearMissingError extends Error {
  readonly year: number;

  constructor(year: number) {
    super(`Holiday notice for ${year} is not loaded`);
    this.name = 'CalendarYearMissingError';
    this.year = year;
  }
}

function checkDates(map: ReadonlyMap<string, string>, what: string): void {
  for (const date of map.keys()) {
    if (!isValidIsoDate(date)) throw new RangeError(`Invalid ${what} date: ${JSON.stringify(date)}`);
  }
}

export class Calendar {
  readonly years: ReadonlySet<number>;
  readonly holidays: ReadonlyMap<string, string>;
  readonly workdays: ReadonlyMap<string, string>;

  constructor(data: CalendarData) {
    checkDates(data.holidays, 'holiday');
    checkDates(data.workdays, 'workday');
    for (const date of data.workdays.keys()) {
      if (data.holidays.has(date)) throw new RangeError(`${date} is both a holiday and a make-up workday`);
    }
    // Copies, so that a caller mutating its maps later cannot change deadlines already promised.
    this.years = new Set(data.years);
    this.holidays = new Map(data.holidays);
    this.workdays = new Map(data.workdays);
  }

  /** From the rows of loaded holiday notices (the CalendarDay contract). */
  static fromDays(years: Iterable<number>, days: Iterable<CalendarDay>): Calendar {
    const holidays = new Map<string, string>();
    const workdays = new Map<string, string>();
    for (const day of days) (day.kind === 'holiday' ? holidays : workdays).set(day.date, day.name);
    return new Calendar({ years: new Set(years), holidays, workdays });
  }

  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  /** The name of the holiday or make-up workday on a date, if it is one. */
  dayName(date: string): string | undefined {
    return this.holidays.get(date) ?? this.workdays.get(date);
  }

  isWorkingDay(date: string): boolean {
    this.requireYear(date);
    if (this.workdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const weekday = isoWeekday(date);
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * The n-th working day after `from` (the start day is not counted); a negative n counts
   * backwards. n = 0 returns `from` unchanged.
   */
  addWorkingDays(from: string, n: number): string {
    if (!Number.isInteger(n)) throw new RangeError(`Working-day count must be an integer: ${n}`);
    const step = n < 0 ? -1 : 1;
    let date = addDays(from, 0);
    for (let left = Math.abs(n); left > 0; ) {
      date = addDays(date, step);
      if (this.isWorkingDay(date)) left--;
    }
    return date;
  }

  /**
   * A period of n calendar days: ends on from + n, or, when that is a day off, on the first
   * working day after it — unless it is a custody period.
   */
  addCalendarDays(from: string, n: number, options: PeriodOptions = {}): string {
    return this.endOfPeriod(addDays(from, n), options);
  }

  /** A period of n months, with the same end rule as addCalendarDays. */
  addMonths(from: string, n: number, options: PeriodOptions = {}): string {
    return this.endOfPeriod(addMonthsPlain(from, n), options);
  }

  /** The first working day on or after a date. */
  firstWorkingDayFrom(date: string): string {
    let d = date;
    while (!this.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  /** The number of working days d with from < d <= to; 0 when to <= from. */
  countWorkingDays(from: string, to: string): number {
    const span = daysBetween(from, to);
    let count = 0;
    let date = from;
    for (let i = 0; i < span; i++) {
      date = addDays(date, 1);
      if (this.isWorkingDay(date)) count++;
    }
    return count;
  }

  private endOfPeriod(due: string, options: PeriodOptions): string {
    // A custody end date does not depend on the holiday notice, so a missing year must not block it.
    if (options.custody) return due;
    return this.firstWorkingDayFrom(due);
  }

  private requireYear(date: string): void {
    const year = isoYear(date);
    if (!this.years.has(year)) throw new CalendarYearMissingError(year);
  }
}
