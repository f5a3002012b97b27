/**
 * Pieces shared by the findings services: the rule names (rules are versioned, the list shows
 * the version in force), the unit-subtree filter, and the scope condition of findings.
 */
import { chinaToday, MANUAL_RULE_CODE } from '@fazhi/common';
import { and, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/index.ts';
import { supervisionFindings, supervisionRules, units } from '../../db/schema/index.ts';
import type { Actor } from '../../http/context.ts';
import { inScope } from '../platform/scope.ts';

export interface RuleInfo {
  code: string;
  kind: string;
  nameZh: string;
  nameEn: string;
  legalBasis: string;
  rectifyDays: number;
}

export const MANUAL_RULE: RuleInfo = {
  code: MANUAL_RULE_CODE,
  kind: 'manual',
  nameZh: '人工发现问题',
  nameEn: 'Manual finding',
  legalBasis: '',
  rectifyDays: 10,
};

/** Rectification days of a finding whose rule cannot be found (calendar days). */
export const DEFAULT_RECTIFY_DAYS = 10;

/**
 * Every rule code of the branch with the version in force today (or, before any version takes
 * effect, the earliest). A branch has a few dozen rule rows, so one read per request is cheap.
 */
export async function ruleInfos(db: Queryable, orgId: number): Promise<Map<string, RuleInfo>> {
  const list = await db
    .select()
    .from(supervisionRules)
    .where(eq(supervisionRules.orgId, orgId))
    .orderBy(supervisionRules.code, supervisionRules.effectiveFrom);
  const today = chinaToday();
  const out = new Map<string, RuleInfo>([[MANUAL_RULE_CODE, MANUAL_RULE]]);
  for (const r of list) {
    if (out.has(r.code) && r.effectiveFrom > today) continue;
    out.set(r.code, {
      code: r.code,
      kind: r.kind,
      nameZh: r.nameZh,
      nameEn: r.nameEn,
      legalBasis: r.legalBasis,
      rectifyDays: r.rectifyDays,
    });
  }
  return out;
}

export function ruleOf(rules: Map<string, RuleInfo>, code: string): RuleInfo {
  return (
    rules.get(code) ?? {
      code,
      kind: code,
      nameZh: code,
      nameEn: code,
      legalBasis: '',
      rectifyDays: DEFAULT_RECTIFY_DAYS,
    }
  );
}

/** The ids of a unit and every unit under it, as a subquery (nothing when the unit is unknown). */
export function subtreeIds(orgId: number, unitId: number): SQL {
  return sql`(select ${units.id} from ${units} where ${units.orgId} = ${orgId} and ${like(
    units.path,
    sql`(select ${units.path} from ${units} where ${units.id} = ${unitId} and ${units.orgId} = ${orgId}) || '%'`,
  )})`;
}

export const inSubtree = (col: PgColumn, orgId: number, unitId: number): SQL =>
  inArray(col, subtreeIds(orgId, unitId));

export const findingScope = (actor: Actor): SQL =>
  inScope(actor, supervisionFindings.unitId, supervisionFindings.orgId);

const f = supervisionFindings;

/** The China-time date of the unit's (latest) answer, or of the closing when none was recorded. */
const answeredOn = sql`(coalesce(${f.answeredAt}, ${f.closedAt}) at time zone 'Asia/Shanghai')::date`;

/**
 * The unit was late on `today` (a China-time date): rectificationTimeliness(…).daysLate > 0 in
 * SQL. Open: the deadline has passed; answered or corrected: the answer came after it (frozen,
 * however long the verification took); dismissed or resolved: never.
 */
export const lateCond = (today: string): SQL =>
  sql`(case when ${f.status} = 'open' then ${f.rectifyDueOn} < ${today}
            when ${f.status} in ('answered', 'corrected') then coalesce(${answeredOn} > ${f.rectifyDueOn}, false)
            else false end)`;

/** 逾期: late and not yet closed (rectificationTimeliness(…).overdue). */
export const overdueCond = (today: string): SQL =>
  and(inArray(f.status, ['open', 'answered']), lateCond(today))!;
