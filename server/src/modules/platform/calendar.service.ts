import { Calendar, type CalendarDay, CalendarYearMissingError, isoYear } from '@fazhi/common';
import { and, asc, count, gte, lte, sql } from 'drizzle-orm';
import { audit } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import { holidayCalendar, holidayYears } from '../../db/schema/index.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';

/**
 * The calendar is read on every deadline computation, so it is kept in memory and reloaded when
 * the database says it changed (another server instance may have loaded a year).
 */
let cache: { stamp: string; calendar: Calendar } | null = null;

async function stampOf(db: Queryable): Promise<string> {
  const [y] = await db
    .select({ n: count(), last: sql<string>`max(${holidayYears.loadedAt})::text` })
    .from(holidayYears);
  const [d] = await db.select({ n: count() }).from(holidayCalendar);
  return `${y?.n}/${y?.last}/${d?.n}`;
}

export async function loadCalendar(db: Queryable): Promise<Calendar> {
  const stamp = await stampOf(db);
  if (cache?.stamp === stamp) return cache.calendar;
  const years = await db.select({ year: holidayYears.year }).from(holidayYears);
  const days = await db.select().from(holidayCalendar);
  const calendar = Calendar.fromDays(
    years.map((y) => y.year),
    days.map((d) => ({ date: d.date, kind: d.kind as CalendarDay['kind'], name: d.name })),
  );
  cache = { stamp, calendar };
  return calendar;
}

/** Runs a calendar computation, turning a missing year into the user-facing error. */
export async function withCalendar<T>(db: Queryable, fn: (c: Calendar) => T): Promise<T> {
  const calendar = await loadCalendar(db);
  try {
    return fn(calendar);
  } catch (e) {
    if (e instanceof CalendarYearMissingError) {
      throw new AppError('CALENDAR_YEAR_MISSING', {
        from: { key: 'calendar.missingYear', params: { year: e.year } },
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
}

export const loadYearAudited = (ctx: Ctx, input: { year: number; source: string; days: CalendarDay[] }) =>
  ctx.db.transaction((tx) => loadYear(ctx, tx, input));

export async function computeDeadline(
  db: Queryable,
  q: { from: string; workdays?: number | undefined; days?: number | undefined; custody?: boolean },
): Promise<string> {
  if (q.workdays === undefined && q.days === undefined)
    throw new AppError('VALIDATION', { workdays: 'required' });
  return withCalendar(db, (c) =>
    q.workdays !== undefined
      ? c.addWorkingDays(q.from, q.workdays)
      : c.addCalendarDays(q.from, q.days!, { custody: q.custody }),
  );
}
