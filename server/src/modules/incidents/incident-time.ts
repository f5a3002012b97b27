/**
 * Incident times and numbers. Times without a zone (as 110 exports write them) are China
 * Standard Time; the year of an incident number is the China year of its received time.
 */

const CST_OFFSET_MS = 8 * 3600_000;

/** The China Standard Time calendar year of an instant. */
export function chinaYear(at: Date): number {
  return new Date(at.getTime() + CST_OFFSET_MS).getUTCFullYear();
}

/** The instant a China Standard Time date (YYYY-MM-DD) begins. */
export function chinaDayStart(isoDate: string): Date {
  return new Date(Date.parse(`${isoDate}T00:00:00+08:00`));
}

/** J + year + six digits: J2021000123. */
export function formatIncidentNo(year: number, n: number): string {
  return `J${year}${String(n).padStart(6, '0')}`;
}

// 2021-03-04 08:30[:15[.123]], 2021/3/4 8:30, 2021.03.04T08:30:00+08:00, 2021年3月4日 8时30分
const TEXT_TIME =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s]+(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})(?:\.\d{1,6})?秒?)?分?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
// 20210304083015 or 202103040830: the compact form many 110 systems export
const COMPACT_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?$/;

/**
 * Reads a date and time as people and 110 systems write them. Without a zone the wall-clock
 * time is China Standard Time. A time of day is required: an incident received "on a day"
 * cannot be placed on the statutory clocks that start from it.
 */
export function parseChinaTime(text: string): Date | null {
  const s = text.trim();
  const m = TEXT_TIME.exec(s) ?? COMPACT_TIME.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, sec, zone] = m;
  if (h === undefined || mi === undefined) return null;
  const parts = [y, mo, d, h, mi, sec ?? '0'].map(Number) as [number, number, number, number, number, number];
  const [year, month, day, hour, minute, second] = parts;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 2021-02-30 over to March: refuse dates that do not exist
  if (new Date(wall).getUTCDate() !== day) return null;
  let offsetMs = CST_OFFSET_MS;
  if (zone && zone.toUpperCase() === 'Z') offsetMs = 0;
  else if (zone) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMs = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return new Date(wall - offsetMs);
}

/** A Date read from an .xlsx cell holds the sheet's wall-clock time as if it were UTC. */
export function sheetDateText(d: Date): string {
  const iso = d.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
