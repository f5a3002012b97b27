/**
 * The working-day calendar that legal time limits are computed on: weekends, the official days
 * off of the State Council holiday notice, and the weekend days it turns into working days (调休).
 */
import type { CalendarDay } from '../platform/contracts.ts';
import { addDays, addMonthsPlain, daysBetween, isoWeekday, isoYear, isValidIsoDate } from './iso-date.ts';
import { PROVISIONAL_RANGE, statutoryHolidays } from './statutory-holidays.ts';

export type CalendarData = {
  /**
   * Years whose State Council holiday notice is loaded. Other years are counted provisionally
   * (暂定) on the statutory holidays of 全国年节及纪念日放假办法, without 调休.
   */
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
 * A date outside the years any calendar can be counted for: before the five-day week and the
 * 1999 holiday rules, or past the lunar table. Input validation should stop such dates first.
 */
export class CalendarRangeError extends RangeError {
  readonly year: number;

  constructor(year: number) {
    super(`No working-day calendar for ${year}`);
    this.name = 'CalendarRangeError';
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
  private readonly provisional = new Map<number, ReadonlyMap<string, string>>();

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

  /** True when a year is counted provisionally: its holiday notice is not loaded. */
  isProvisional(year: number): boolean {
    return !this.years.has(year);
  }

  /** True when any year from the earlier to the later of two dates is provisional. */
  provisionalBetween(a: string, b: string): boolean {
    const [from, to] = [isoYear(a), isoYear(b)].sort((x, y) => x - y) as [number, number];
    for (let y = from; y <= to; y++) if (this.isProvisional(y)) return true;
    return false;
  }

  /** The name of the holiday or make-up workday on a date, if it is one (provisional years too). */
  dayName(date: string): string | undefined {
    const year = isoYear(date);
    if (this.isProvisional(year)) return this.provisionalHolidays(year).get(date);
    return this.holidays.get(date) ?? this.workdays.get(date);
  }

  isWorkingDay(date: string): boolean {
    const year = isoYear(date);
    const weekday = isoWeekday(date);
    const weekend = weekday === 0 || weekday === 6;
    if (this.isProvisional(year)) return !weekend && !this.provisionalHolidays(year).has(date);
    if (this.workdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    return !weekend;
  }

  /** The statutory days off of a year without a loaded notice (computed once per year). */
  provisionalHolidays(year: number): ReadonlyMap<string, string> {
    let days = this.provisional.get(year);
    if (!days) {
      if (year < PROVISIONAL_RANGE.from || year > PROVISIONAL_RANGE.to) throw new CalendarRangeError(year);
      days = statutoryHolidays(year);
      this.provisional.set(year, days);
    }
    return days;
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
    // Custody periods are never extended over a holiday (刑事诉讼法 art. 105).
    if (options.custody) return due;
    return this.firstWorkingDayFrom(due);
  }
}
