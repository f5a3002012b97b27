import { addDays, type CaseStatus } from '@fazhi/common';
import { and, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { cases, proceedings, publications, units } from '../../db/schema/index.ts';
import type { Ctx } from '../../http/context.ts';

/** Statuses whose case clock is running (acceptance, filing review, the case period). */
const CLOCKED_STATUSES: CaseStatus[] = [
  'acceptance_review',
  'filing_review',
  'investigating',
  'in_review',
  'approved',
  'informed',
];
const TOP_UNITS = 20;
/** "Due soon" on the dashboard: within the next 3 calendar days, today excluded. */
const SOON_DAYS = 3;

const cstStart = (date: string) => new Date(`${date}T00:00:00+08:00`);
const cstDate = (col: PgColumn) => sql`(${col} at time zone 'Asia/Shanghai')::date`;
const num = (v: unknown) => Number(v ?? 0);

export interface Range {
  from: string;
  to: string;
}

/** A timestamp within the CST dates of the range, both days included. */
export const within = (col: PgColumn, r: Range) =>
  and(gte(col, cstStart(r.from)), lt(col, cstStart(addDays(r.to, 1))));

export type Scoped = (unitCol: PgColumn, orgCol: PgColumn) => SQL;
type Db = Ctx['db'];

/**
 * Open clocks now, whatever the range: a case's running clock, an open side proceeding (the
 * not-filed notice, 复议/复核, replies to the procuratorate) and a pending publicity task.
 */
export async function openClocks(db: Db, scoped: Scoped, today: string) {
  const soon = addDays(today, SOON_DAYS);
  const tally = (due: PgColumn) => ({
    dueToday: sql<number>`count(*) filter (where ${due} = ${today})`,
    dueSoon: sql<number>`count(*) filter (where ${due} > ${today} and ${due} <= ${soon})`,
    overdue: sql<number>`count(*) filter (where ${due} < ${today})`,
  });
  const [caseRows, proceedingRows, publicationRows] = await Promise.all([
    db
      .select({ unitId: cases.unitId, ...tally(cases.clockDue) })
      .from(cases)
      .where(
        and(
          scoped(cases.unitId, cases.orgId),
          inArray(cases.status, CLOCKED_STATUSES),
          sql`${cases.clockDue} <= ${soon}`,
        ),
      )
      .groupBy(cases.unitId),
    db
      .select({ unitId: cases.unitId, ...tally(proceedings.dueOn) })
      .from(proceedings)
      .innerJoin(cases, eq(cases.id, proceedings.caseId))
      .where(
        and(
          scoped(cases.unitId, cases.orgId),
          eq(proceedings.status, 'open'),
          sql`${proceedings.dueOn} <= ${soon}`,
        ),
      )
      .groupBy(cases.unitId),
    db
      .select({ unitId: publications.unitId, ...tally(publications.dueOn) })
      .from(publications)
      .where(
        and(
          scoped(publications.unitId, publications.orgId),
          eq(publications.status, 'pending'),
          sql`${publications.dueOn} <= ${soon}`,
        ),
      )
      .groupBy(publications.unitId),
  ]);
  const sources = [
    ['case', caseRows],
    ['proceeding', proceedingRows],
    ['publicity', publicationRows],
  ] as const;
  const perUnit = new Map<number, { dueToday: number; dueSoon: number; overdue: number }>();
  const bySource = sources.map(([source, rows]) => {
    const s = { source, dueToday: 0, dueSoon: 0, overdue: 0 };
    for (const r of rows) {
      const u = perUnit.get(r.unitId) ?? { dueToday: 0, dueSoon: 0, overdue: 0 };
      for (const k of ['dueToday', 'dueSoon', 'overdue'] as const) {
        u[k] += num(r[k]);
        s[k] += num(r[k]);
      }
      perUnit.set(r.unitId, u);
    }
    return s;
  });
  const ids = [...perUnit.keys()];
  const names = ids.length
    ? new Map(
        (await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids))).map(
          (u) => [u.id, u.name],
        ),
      )
    : new Map<number, string>();
  const byUnit = [...perUnit]
    .map(([unitId, c]) => ({ unitId, unitName: names.get(unitId) ?? '', ...c }))
    .filter((u) => u.dueToday + u.dueSoon + u.overdue > 0)
    .sort(
      (a, b) =>
        b.overdue - a.overdue || b.dueToday - a.dueToday || b.dueSoon - a.dueSoon || a.unitId - b.unitId,
    )
    .slice(0, TOP_UNITS);
  return { byUnit, bySource };
}

/**
 * Publicity timeliness (7 / 20 working days): of the tasks due in the range that were
 * published or are past due, how many went out on time. A task closed unpublished because its
 * decision was revoked never counts.
 */
export async function publicityFigures(db: Db, scoped: Scoped, range: Range, today: string) {
  const publishedOn = cstDate(publications.publishedAt);
  const [due] = await db
    .select({
      onTime: sql<number>`count(*) filter (where ${publications.publishedAt} is not null and ${publishedOn} <= ${publications.dueOn})`,
      late: sql<number>`count(*) filter (where ${publications.publishedAt} is not null and ${publishedOn} > ${publications.dueOn})`,
      overdue: sql<number>`count(*) filter (where ${publications.status} = 'pending' and ${publications.dueOn} < ${today})`,
    })
    .from(publications)
    .where(
      and(
        scoped(publications.unitId, publications.orgId),
        gte(publications.dueOn, range.from),
        sql`${publications.dueOn} <= ${range.to}`,
      ),
    );
  const [now] = await db
    .select({
      published: sql<number>`count(*) filter (where ${within(publications.publishedAt, range)})`,
      pending: sql<number>`count(*) filter (where ${publications.status} = 'pending')`,
    })
    .from(publications)
    .where(scoped(publications.unitId, publications.orgId));
  const onTime = num(due?.onTime);
  const late = num(due?.late);
  const overdue = num(due?.overdue);
  const total = onTime + late + overdue;
  return {
    due: total,
    onTime,
    late,
    overdue,
    onTimeRate: total ? onTime / total : null,
    published: num(now?.published),
    pending: num(now?.pending),
  };
}
