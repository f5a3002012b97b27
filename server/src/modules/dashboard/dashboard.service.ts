import {
  CASE_STATUSES,
  type CaseStatus,
  type CaseType,
  chinaToday,
  DASHBOARD_MAX_DAYS,
  type DashboardQuery,
  type DashboardResponse,
  daysBetween,
  GATES,
  type Gate,
  isValidIsoDate,
} from '@fazhi/common';
import { and, asc, count, eq, inArray, isNotNull, like, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { cases, decisions, incidentCategories, incidents, units } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { inScope } from '../platform/scope.ts';
import { openClocks, publicityFigures, type Range, within } from './figures.ts';

const TOP_UNITS = 20;

const cstMonth = (col: PgColumn) => sql<string>`to_char(${col} at time zone 'Asia/Shanghai', 'YYYY-MM')`;
const num = (v: unknown) => Number(v ?? 0);

/** The default range: the 12 calendar months up to today, starting on the first of a month. */
function resolveRange(q: DashboardQuery, today: string): Range {
  for (const k of ['from', 'to'] as const) {
    const v = q[k];
    if (v !== undefined && !isValidIsoDate(v)) throw new AppError('VALIDATION', { [k]: 'date' });
  }
  const to = q.to ?? today;
  const [y, m] = to.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 10);
  const from = q.from ?? first;
  if (from > to || daysBetween(from, to) > DASHBOARD_MAX_DAYS)
    throw new AppError('VALIDATION', { from: 'dashboard.range' });
  return { from, to };
}

const lastYear = (date: string) => {
  const [y, m, d] = date.split('-') as [string, string, string];
  // 29 February has no counterpart: the 28th stands in.
  return `${Number(y) - 1}-${m}-${m === '02' && d === '29' ? '28' : d}`;
};

/**
 * The enforcement overview of everything in the reader's scope (optionally one unit's subtree).
 * Figures are plain aggregates of the records, so each one can be traced back through the
 * drill-down links the page draws to the incident and case lists.
 */
export async function enforcementDashboard(ctx: Ctx, q: DashboardQuery): Promise<DashboardResponse> {
  const actor = requireActor(ctx);
  const db = ctx.db;
  const today = chinaToday();
  const range = resolveRange(q, today);
  const prior: Range = { from: lastYear(range.from), to: lastYear(range.to) };

  let subtree: SQL | null = null;
  if (q.unitId) {
    const [unit] = await db
      .select({ path: units.path })
      .from(units)
      .where(and(eq(units.id, q.unitId), inScope(actor, units.id, units.orgId)));
    if (!unit) throw notFound();
    subtree = sql`(select ${units.id} from ${units} where ${units.orgId} = ${actor.orgId} and ${like(units.path, `${unit.path}%`)})`;
  }
  /** The scope condition on a unit-owned table, narrowed to the chosen unit's subtree. */
  const scoped = (unitCol: PgColumn, orgCol: PgColumn) =>
    subtree
      ? and(inScope(actor, unitCol, orgCol), inArray(unitCol, subtree))!
      : inScope(actor, unitCol, orgCol);
  const inc = (r: Range) => and(scoped(incidents.unitId, incidents.orgId), within(incidents.receivedAt, r));
  const cas = (r: Range) => and(scoped(cases.unitId, cases.orgId), within(cases.receivedAt, r));

  const topCategory = sql<string>`coalesce(${incidentCategories.parentCode}, ${incidents.categoryCode})`;
  const categoryJoin = and(
    eq(incidentCategories.orgId, incidents.orgId),
    eq(incidentCategories.code, incidents.categoryCode),
  );

  const [
    categoryRows,
    byMonthRows,
    lastYearMonthRows,
    tagRows,
    unitRows,
    [incTotals],
    [incPrior],
    caseRows,
    [casePrior],
    gateRows,
    [decisionTotals],
  ] = await Promise.all([
    db
      .select({
        code: incidentCategories.code,
        nameZh: incidentCategories.nameZh,
        nameEn: incidentCategories.nameEn,
      })
      .from(incidentCategories)
      .where(and(eq(incidentCategories.orgId, actor.orgId), sql`${incidentCategories.parentCode} is null`))
      .orderBy(asc(incidentCategories.code)),
    db
      .select({ month: cstMonth(incidents.receivedAt), category: topCategory, n: count() })
      .from(incidents)
      .leftJoin(incidentCategories, categoryJoin)
      .where(inc(range))
      .groupBy(sql`1`, sql`2`),
    db
      .select({ month: cstMonth(incidents.receivedAt), n: count() })
      .from(incidents)
      .where(inc(prior))
      .groupBy(sql`1`),
    db
      .select({ tag: sql<string>`t.tag`, n: count() })
      .from(sql`${incidents} cross join lateral unnest(${incidents.tags}) as t(tag)`)
      .where(inc(range))
      .groupBy(sql`1`),
    db
      .select({ unitId: incidents.unitId, unitName: units.name, n: count() })
      .from(incidents)
      .innerJoin(units, eq(units.id, incidents.unitId))
      .where(inc(range))
      .groupBy(incidents.unitId, units.name)
      .orderBy(sql`3 desc`, asc(units.name))
      .limit(TOP_UNITS),
    db
      .select({
        n: count(),
        // Written out: inside select fields drizzle leaves columns unqualified, and "id" would be the case's.
        toCases: sql<number>`count(*) filter (where exists (select 1 from cases c where c.incident_id = "incidents"."id"))`,
      })
      .from(incidents)
      .where(inc(range)),
    db.select({ n: count() }).from(incidents).where(inc(prior)),
    db
      .select({
        unitId: cases.unitId,
        unitName: units.name,
        status: cases.status,
        caseType: cases.caseType,
        n: count(),
      })
      .from(cases)
      .innerJoin(units, eq(units.id, cases.unitId))
      .where(cas(range))
      .groupBy(cases.unitId, units.name, cases.status, cases.caseType),
    db.select({ n: count() }).from(cases).where(cas(prior)),
    db
      .select({ gate: cases.currentGate, n: count() })
      .from(cases)
      .where(
        and(scoped(cases.unitId, cases.orgId), eq(cases.status, 'in_review'), isNotNull(cases.currentGate)),
      )
      .groupBy(cases.currentGate),
    db
      .select({ n: count(), fines: sql<string>`coalesce(sum(${decisions.fineAmount}), 0)` })
      .from(decisions)
      .innerJoin(cases, eq(cases.id, decisions.caseId))
      .where(and(scoped(cases.unitId, cases.orgId), within(decisions.decidedAt, range))),
  ]);

  const clocks = await openClocks(db, scoped, today);
  const publicity = await publicityFigures(db, scoped, range, today);

  // ---- incidents ----
  const categoryCodes = new Set(categoryRows.map((c) => c.code));
  const incidentsByMonth = byMonthRows
    .map((r) => ({
      month: r.month,
      category: categoryCodes.has(r.category) ? r.category : 'QT',
      count: num(r.n),
    }))
    .sort((a, b) => a.month.localeCompare(b.month) || a.category.localeCompare(b.category));
  const byCategory = new Map<string, number>();
  for (const r of incidentsByMonth) byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + r.count);
  const shiftMonth = (m: string) => `${Number(m.slice(0, 4)) + 1}${m.slice(4)}`;

  // ---- cases ----
  const byStatus = new Map<CaseStatus, number>();
  const byType = new Map<CaseType, number>();
  const byUnit = new Map<
    number,
    { unitId: number; unitName: string; total: number; statuses: Map<CaseStatus, number> }
  >();
  for (const r of caseRows) {
    const n = num(r.n);
    const status = r.status as CaseStatus;
    byStatus.set(status, (byStatus.get(status) ?? 0) + n);
    byType.set(r.caseType as CaseType, (byType.get(r.caseType as CaseType) ?? 0) + n);
    const u = byUnit.get(r.unitId) ?? {
      unitId: r.unitId,
      unitName: r.unitName,
      total: 0,
      statuses: new Map(),
    };
    u.total += n;
    u.statuses.set(status, (u.statuses.get(status) ?? 0) + n);
    byUnit.set(r.unitId, u);
  }
  const casesTotal = [...byStatus.values()].reduce((a, b) => a + b, 0);
  const queue = new Map(gateRows.map((g) => [g.gate as Gate, num(g.n)]));

  return {
    from: range.from,
    to: range.to,
    today,
    kpis: {
      incidents: num(incTotals?.n),
      incidentsLastYear: num(incPrior?.n),
      cases: casesTotal,
      casesLastYear: num(casePrior?.n),
      incidentsToCases: num(incTotals?.toCases),
      inReview: [...queue.values()].reduce((a, b) => a + b, 0),
      overdue: clocks.bySource.reduce((a, s) => a + s.overdue, 0),
      dueToday: clocks.bySource.reduce((a, s) => a + s.dueToday, 0),
      decisions: num(decisionTotals?.n),
      fineTotal: Number(decisionTotals?.fines ?? 0),
    },
    categories: categoryRows,
    incidentsByMonth,
    incidentsByMonthLastYear: lastYearMonthRows
      .map((r) => ({ month: shiftMonth(r.month), count: num(r.n) }))
      .sort((a, b) => a.month.localeCompare(b.month)),
    incidentsByCategory: categoryRows
      .map((c) => ({ category: c.code, count: byCategory.get(c.code) ?? 0 }))
      .filter((c) => c.count > 0),
    incidentsByTag: tagRows.map((t) => ({ tag: t.tag, count: num(t.n) })).sort((a, b) => b.count - a.count),
    incidentsByUnit: unitRows.map((u) => ({ unitId: u.unitId, unitName: u.unitName, count: num(u.n) })),
    casesByStatus: CASE_STATUSES.filter((s) => byStatus.has(s)).map((s) => ({
      status: s,
      count: byStatus.get(s)!,
    })),
    casesByType: [...byType].map(([caseType, n]) => ({ caseType, count: n })),
    casesByUnit: [...byUnit.values()]
      .sort((a, b) => b.total - a.total || a.unitName.localeCompare(b.unitName))
      .slice(0, TOP_UNITS)
      .map((u) => ({
        unitId: u.unitId,
        unitName: u.unitName,
        total: u.total,
        byStatus: CASE_STATUSES.filter((s) => u.statuses.has(s)).map((s) => ({
          status: s,
          count: u.statuses.get(s)!,
        })),
      })),
    clocksByUnit: clocks.byUnit,
    clocksBySource: clocks.bySource,
    reviewQueue: GATES.filter((g) => g !== 'officer').map((gate) => ({ gate, count: queue.get(gate) ?? 0 })),
    publicity,
  };
}
