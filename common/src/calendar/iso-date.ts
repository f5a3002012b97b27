/**
 * Plain arithmetic on ISO dates (`YYYY-MM-DD`). Legal dates are China Standard Time calendar
 * dates, so every computation goes through UTC Date objects: the server's time zone must never
 * shift a date by one.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
// China has used UTC+8 without daylight saving since 1991.
const CHINA_OFFSET_MS = 8 * 3_600_000;

function utcDate(year: number, month: number, day: number): Date {
  const d = new Date(0);
  // Date.UTC would map years 0–99 to 1900–1999; setUTCFullYear takes them literally.
  d.setUTCFullYear(year, month - 1, day);
  return d;
}

function parts(s: string): [number, number, number] | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return [year, month, day];
}

/** Number of days in a month (1–12) of a proleptic Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  return utcDate(year, month + 1, 0).getUTCDate();
}

/** True for a well-formed, existing calendar date such as `2024-02-29` (not `2023-02-29`). */
export function isValidIsoDate(s: string): boolean {
  return parts(s) !== null;
}

/** UTC midnight of an ISO date; throws a RangeError for anything that is not a real date. */
export function parseIsoDate(s: string): Date {
  const p = parts(s);
  if (!p) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(s)}`);
  return utcDate(p[0], p[1], p[2]);
}

/** The ISO date of a Date, read in UTC (the inverse of parseIsoDate). */
export function formatIsoDate(d: Date): string {
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

/** The year of an ISO date. */
export function isoYear(date: string): number {
  return parseIsoDate(date).getUTCFullYear();
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function isoWeekday(date: string): number {
  return parseIsoDate(date).getUTCDay();
}

/** Plain calendar-day arithmetic, ignoring holidays; `n` may be negative. */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Day count must be an integer: ${n}`);
  return formatIsoDate(new Date(parseIsoDate(date).getTime() + n * DAY_MS));
}

/**
 * Month arithmetic as the law counts it: the same day of the target month, or its last day
 * when the target month is shorter (2021-01-31 + 1 month = 2021-02-28).
 */
export function addMonthsPlain(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Month count must be an integer: ${n}`);
  const d = parseIsoDate(date);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return formatIsoDate(utcDate(year, month, Math.min(d.getUTCDate(), daysInMonth(year, month))));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / DAY_MS);
}

/** Today's date in Asia/Shanghai, whatever the time zone of the machine running this. */
export function chinaToday(now: Date = new Date()): string {
  return formatIsoDate(new Date(now.getTime() + CHINA_OFFSET_MS));
}
