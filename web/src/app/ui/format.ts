/** Legal dates and timestamps are shown in China Standard Time, whatever the browser's zone. */
const CST = 'Asia/Shanghai';

const fmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: CST,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function cstParts(d: Date) {
  const p = Object.fromEntries(fmt.formatToParts(d).map((x) => [x.type, x.value]));
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    time: `${p.hour}:${p.minute}:${p.second}`,
  };
}

export const EMPTY = '—';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return EMPTY;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const { date, time } = cstParts(d);
  return `${date} ${time}`;
}

/** A YYYY-MM-DD stays as it is; a timestamp becomes its CST date. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return EMPTY;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : cstParts(d).date;
}

export const todayCst = (): string => cstParts(new Date()).date;

/** Whole days from today (CST) to a date; negative when it is past. */
export function daysFromToday(date: string): number {
  const a = Date.parse(`${todayCst()}T00:00:00Z`);
  const b = Date.parse(`${formatDate(date)}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}
