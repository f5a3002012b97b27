/**
 * Supervision figures: found / corrected / confirmed, open and overdue, by rule, unit and month,
 * and rectification on time. Every figure is an aggregate of exactly the rows the findings list
 * returns with the same filters, so each number drills down to its records.
 */
import {
  chinaToday,
  isValidIsoDate,
  type Locale,
  type SupervisionStatsQuery,
  type SupervisionStatsResponse,
} from '@fazhi/common';
import { and, type SQL, sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../db/index.ts';
import { supervisionFindings, units } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { findingConditions } from './findings.service.ts';
import { lateCond, overdueCond, ruleInfos, ruleOf } from './findings-common.ts';

const f = supervisionFindings;
const n = (v: unknown) => Number(v ?? 0);
const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null);

const isOpen = sql`${f.status} in ('open', 'answered')`;

export type FindingAggregates = Omit<SupervisionStatsResponse, 'from' | 'to'>;

/** The aggregates of the findings matching `where` (the caller includes org and scope). */
export async function aggregateFindings(
  db: Queryable,
  orgId: number,
  where: SQL,
  locale: Locale,
  today: string,
): Promise<FindingAggregates> {
  // The unit's timeliness (timeliness.ts): 逾期 is late and not yet closed; 按期整改 a corrected
  // finding answered by its deadline (the new one after a return), however long the
  // detachment took to verify it.
  const overdue = overdueCond(today);
  const onTime = sql`${f.status} = 'corrected' and not ${lateCond(today)}`;
  const cnt = (cond: SQL) => sql`count(*) filter (where ${cond})`;
  const [totals, byRule, byUnit, byMonth, rules] = await Promise.all([
    rows<Record<string, unknown>>(
      db,
      sql`select count(*) as found,
                 ${cnt(sql`${f.status} = 'corrected'`)} as corrected,
                 ${cnt(sql`${f.confirmedViolation}`)} as confirmed,
                 ${cnt(isOpen)} as open,
                 ${cnt(overdue)} as overdue,
                 ${cnt(sql`${f.status} = 'dismissed'`)} as dismissed,
                 ${cnt(sql`${f.status} = 'resolved'`)} as resolved,
                 ${cnt(onTime)} as on_time
          from ${f} where ${where}`,
    ),
    rows<{ code: string; count: unknown; open: unknown }>(
      db,
      sql`select ${f.ruleCode} as code, count(*) as count, ${cnt(isOpen)} as open
          from ${f} where ${where} group by ${f.ruleCode} order by count(*) desc, ${f.ruleCode}`,
    ),
    rows<Record<string, unknown>>(
      db,
      sql`select ${f.unitId} as unit_id, min(${units.name}) as unit_name, count(*) as count,
                 ${cnt(isOpen)} as open, ${cnt(overdue)} as overdue,
                 ${cnt(sql`${f.status} = 'corrected'`)} as corrected, ${cnt(onTime)} as on_time
          from ${f} join ${units} on ${units.id} = ${f.unitId}
          where ${where} group by ${f.unitId} order by count(*) desc, ${f.unitId}`,
    ),
    rows<{ month: string; found: unknown; corrected: unknown }>(
      db,
      sql`select to_char(${f.occurredOn}, 'YYYY-MM') as month, count(*) as found,
                 ${cnt(sql`${f.status} = 'corrected'`)} as corrected
          from ${f} where ${where} group by 1 order by 1`,
    ),
    ruleInfos(db, orgId),
  ]);
  const t = totals[0] ?? {};
  const corrected = n(t.corrected);
  const onTimeCount = n(t.on_time);
  return {
    totals: {
      found: n(t.found),
      corrected,
      confirmed: n(t.confirmed),
      open: n(t.open),
      overdue: n(t.overdue),
      dismissed: n(t.dismissed),
      resolved: n(t.resolved),
    },
    byRule: byRule.map((r) => {
      const rule = ruleOf(rules, r.code);
      return {
        code: r.code,
        name: locale === 'en-US' ? rule.nameEn : rule.nameZh,
        count: n(r.count),
        open: n(r.open),
      };
    }),
    byUnit: byUnit.map((r) => ({
      unitId: n(r.unit_id),
      unitName: String(r.unit_name ?? ''),
      count: n(r.count),
      open: n(r.open),
      overdue: n(r.overdue),
      onTimeRate: rate(n(r.on_time), n(r.corrected)),
    })),
    byMonth: byMonth.map((r) => ({ month: r.month, found: n(r.found), corrected: n(r.corrected) })),
    rectification: {
      closed: corrected,
      onTime: onTimeCount,
      late: corrected - onTimeCount,
      onTimeRate: rate(onTimeCount, corrected),
    },
  };
}

/** The statistics of the reader's scope over a period (default: this year to date). */
export async function supervisionStats(
  ctx: Ctx,
  q: SupervisionStatsQuery,
): Promise<SupervisionStatsResponse> {
  const actor = requireActor(ctx);
  const today = chinaToday();
  for (const k of ['from', 'to'] as const) {
    const v = q[k];
    if (v !== undefined && !isValidIsoDate(v)) throw new AppError('VALIDATION', { [k]: 'date' });
  }
  const from = q.from ?? `${today.slice(0, 4)}-01-01`;
  const to = q.to ?? today;
  if (from > to) throw new AppError('VALIDATION', { to: 'supervision.period' });
  const where = and(...findingConditions(actor, { from, to, unit: q.unit }, today))!;
  return { from, to, ...(await aggregateFindings(ctx.db, actor.orgId, where, ctx.locale, today)) };
}
