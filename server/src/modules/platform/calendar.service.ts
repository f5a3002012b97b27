import {
  Calendar,
  type CalendarDay,
  CalendarRangeError,
  type Due,
  dueDate,
  isoYear,
  PROVISIONAL_RANGE,
} from '@fazhi/common';
import { and, asc, count, gte, lte, sql } from 'drizzle-orm';
import { audit } from '../../audit/record.ts';
import { type Queryable, rows } from '../../db/index.ts';
import { holidayCalendar, holidayYears } from '../../db/schema/index.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { databaseKey } from './settings.service.ts';

/**
 * The calendar is read on every deadline computation, so it is kept in memory per database and
 * reloaded when the database says it changed (another server instance may have loaded a year).
 * That change stamp is read at most once per STAMP_MS; this instance's own loads forget it.
 */
const STAMP_MS = 1_000;
const calendars = new WeakMap<object, { stamp: string; checkedAt: number; calendar: Promise<Calendar> }>();

async function stampOf(db: Queryable): Promise<string> {
  const [s] = await rows<{ stamp: string }>(
    db,
    sql`select (select count(*) || '/' || coalesce(max(${holidayYears.loadedAt})::text, '') from ${holidayYears})
               || '/' || (select count(*) from ${holidayCalendar}) as stamp`,
  );
  return s?.stamp ?? '';
}

/** The calendar as the database holds it now (loadCalendar keeps a copy in memory). */
export async function readCalendar(db: Queryable): Promise<Calendar> {
  const years = await db.select({ year: holidayYears.year }).from(holidayYears);
  const days = await db.select().from(holidayCalendar);
  return Calendar.fromDays(
    years.map((y) => y.year),
    days.map((d) => ({ date: d.date, kind: d.kind as CalendarDay['kind'], name: d.name })),
  );
}

export async function loadCalendar(db: Queryable): Promise<Calendar> {
  const key = databaseKey(db);
  const cached = calendars.get(key);
  if (cached && Date.now() - cached.checkedAt < STAMP_MS) return cached.calendar;
  const checkedAt = Date.now();
  const stamp = await stampOf(db);
  const now = calendars.get(key);
  if (now?.stamp === stamp) {
    now.checkedAt = Math.max(now.checkedAt, checkedAt);
    return now.calendar;
  }
  const calendar = readCalendar(db);
  const entry = { stamp, checkedAt, calendar };
  calendars.set(key, entry);
  calendar.catch(() => {
    if (calendars.get(key) === entry) calendars.delete(key);
  });
  return calendar;
}

/** After this instance changed the calendar (and committed), the next read checks the stamp. */
export function forgetCalendar(db: Queryable) {
  calendars.delete(databaseKey(db));
}

/**
 * Runs a calendar computation. A year without a loaded notice is counted provisionally, so the
 * only failure left is a date no calendar covers: a validation error on `field`.
 */
export async function withCalendar<T>(db: Queryable, fn: (c: Calendar) => T, field = 'date'): Promise<T> {
  const calendar = await loadCalendar(db);
  try {
    return fn(calendar);
  } catch (e) {
    if (e instanceof CalendarRangeError) {
      throw new AppError('VALIDATION', {
        [field]: { key: 'calendar.outOfRange', params: { year: e.year, ...PROVISIONAL_RANGE } },
      });
    }
    throw e;
  }
}

export async function listYears(db: Queryable) {
  const years = await db.select().from(holidayYears).orderBy(asc(holidayYears.year));
  const counts = await db
    .select({
      year: sql<number>`extract(year from ${holidayCalendar.date})::int`,
      kind: holidayCalendar.kind,
      n: count(),
    })
    .from(holidayCalendar)
    .groupBy(sql`1`, holidayCalendar.kind);
  return years.map((y) => ({
    year: y.year,
    source: y.source,
    loadedAt: y.loadedAt.toISOString(),
    holidays: counts.find((c) => c.year === y.year && c.kind === 'holiday')?.n ?? 0,
    workdays: counts.find((c) => c.year === y.year && c.kind === 'workday')?.n ?? 0,
  }));
}

/**
 * A year's days off and make-up days: the loaded notice's, or, for a year without one, the
 * statutory holidays its deadlines are provisionally counted on.
 */
export async function yearDays(
  db: Queryable,
  year: number,
): Promise<{ provisional: boolean; items: CalendarDay[] }> {
  const calendar = await loadCalendar(db);
  if (calendar.hasYear(year)) return { provisional: false, items: await listDays(db, year) };
  const items = await withCalendar(db, (c) => [...c.provisionalHolidays(year)], 'year');
  return {
    provisional: true,
    items: items.map(([date, name]) => ({ date, kind: 'holiday' as const, name })),
  };
}

export async function listDays(db: Queryable, year: number): Promise<CalendarDay[]> {
  const rows = await db
    .select()
    .from(holidayCalendar)
    .where(and(gte(holidayCalendar.date, `${year}-01-01`), lte(holidayCalendar.date, `${year}-12-31`)))
    .orderBy(asc(holidayCalendar.date));
  return rows.map((r) => ({ date: r.date, kind: r.kind as CalendarDay['kind'], name: r.name }));
}

/**
 * Loads (or replaces) one year's State Council notice: all its holidays and make-up working
 * days at once, so a year is never half loaded.
 */
export async function loadYear(
  ctx: Ctx | null,
  db: Queryable,
  input: { year: number; source: string; days: CalendarDay[] },
) {
  const wrong = input.days.findIndex((d) => isoYear(d.date) !== input.year);
  if (wrong >= 0) throw new AppError('VALIDATION', { [`days.${wrong}.date`]: 'calendar.year' });
  const seen = new Set<string>();
  for (const [i, d] of input.days.entries()) {
    if (seen.has(d.date)) throw new AppError('VALIDATION', { [`days.${i}.date`]: 'calendar.duplicate' });
    seen.add(d.date);
  }
  const before = await listDays(db, input.year);
  await db
    .delete(holidayCalendar)
    .where(
      and(gte(holidayCalendar.date, `${input.year}-01-01`), lte(holidayCalendar.date, `${input.year}-12-31`)),
    );
  await db.insert(holidayCalendar).values(input.days);
  await db
    .insert(holidayYears)
    .values({ year: input.year, source: input.source })
    .onConflictDoUpdate({ target: holidayYears.year, set: { source: input.source, loadedAt: new Date() } });
  if (ctx) {
    await audit(db, ctx, {
      action: 'calendar.loadYear',
      targetType: 'calendar',
      targetId: input.year,
      summary: { source: input.source, before: { days: before.length }, after: { days: input.days.length } },
    });
  }
  // Outside a transaction this is already committed; inside one, loadYearAudited forgets again.
  forgetCalendar(db);
}

/** The deadline calculator: N working days, or N calendar days with the holiday roll-over. */
export async function computeDeadline(
  db: Queryable,
  q: { from: string; workdays?: number | undefined; days?: number | undefined; custody?: boolean },
): Promise<Due> {
  if (q.workdays === undefined && q.days === undefined)
    throw new AppError('VALIDATION', { workdays: 'required' });
  const rule =
    q.workdays !== undefined
      ? { amount: q.workdays, unit: 'working_days' as const }
      : { amount: q.days!, unit: 'calendar_days' as const, custody: q.custody };
  return withCalendar(db, (c) => dueDate(rule, q.from, c), 'from');
}
