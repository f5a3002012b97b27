/**
 * What a supervision rule implementation supplies to the scan engine (scan.service.ts): SQL that
 * yields the rule's problems as a set, SQL naming the subjects it examines (all of them for a full
 * scan, those changed or past a time threshold for an incremental one), and the reason a problem
 * went away. The engine applies each version of a rule to its window of occurrence dates and
 * merges the problems into `supervision_findings` in one statement per rule.
 */
import type { FindingSource, RuleKind, RuleParams, RuleScope } from '@fazhi/common';
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/index.ts';

export interface RuleRun<K extends RuleKind = RuleKind> {
  orgId: number;
  /** The instant the scan looks from (problems are judged as of now). */
  now: Date;
  /** China-time date of `now`. */
  today: string;
  /** Incremental scans: records changed after this instant (null: a full scan). */
  since: Date | null;
  /** China-time date of `since`. */
  sinceDay: string | null;
  params: RuleParams<K>;
  /** What the rule's `prepare` read once before the statement (settings …). */
  prepared: Record<string, unknown>;
}

/**
 * The columns `problems` selects, in this order:
 * problem_key text, subject_type text, subject_id bigint, incident_id bigint, case_id bigint,
 * unit_id int, officer_id int, occurred_on date, detail jsonb, source text.
 */
export const PROBLEM_COLUMNS =
  'problem_key, subject_type, subject_id, incident_id, case_id, unit_id, officer_id, occurred_on, detail, source';

export interface RuleImpl<K extends RuleKind = RuleKind> {
  kind: K;
  scope: RuleScope;
  /** The sources of its findings (a scan resolves only findings it could have raised). */
  sources: readonly FindingSource[];
  /** Reads what the SQL needs besides the parameters (once per scan). */
  prepare?(db: Queryable, orgId: number): Promise<Record<string, unknown>>;
  /**
   * The subjects examined, as (subject_type text, subject_id bigint): with `since` null every
   * subject the rule could flag; otherwise those changed since then, or whose time threshold
   * was crossed between `since` and `now`.
   */
  subjects(r: RuleRun<K>): SQL;
  /**
   * The problems (PROBLEM_COLUMNS). With `restrict`, only among the subjects of the CTE `s`
   * (the temporary table scan_s: subject_type, subject_id) the engine built from `subjects`.
   */
  problems(r: RuleRun<K>, restrict: boolean): SQL;
  /**
   * Why the finding `f` (a supervision_findings row) no longer applies: a text expression
   * "中文 | English" (see closedReasonText in common).
   */
  reason(r: RuleRun<K>): SQL;
}

// ---- SQL pieces the rules share --------------------------------------------------------------

/** The China-time date of a timestamptz expression. */
export const cstDate = (expr: SQL) => sql`((${expr}) at time zone 'Asia/Shanghai')::date`;

/** A text[] parameter. */
export const textArray = (values: readonly string[]) =>
  sql`${`{${values.map((v) => `"${v}"`).join(',')}}`}::text[]`;

/** Restricts `idExpr` to the engine's subject set of one type. */
export const inSubjects = (restrict: boolean, type: string, idExpr: SQL) =>
  restrict ? sql`and ${idExpr} in (select s.subject_id from scan_s s where s.subject_type = ${type})` : sql``;

/** A date parameter. */
export const d = (date: string) => sql`${date}::date`;

/** The generic reason: the rule no longer sees the problem (changed data or parameters). */
export const GONE = sql`'问题已不再存在（数据或规则已变化） | The problem no longer applies (data or rule changed)'`;

/** "中文 | English" from two text expressions. */
export const both = (zh: SQL, en: SQL) => sql`(${zh}) || ' | ' || (${en})`;

/** A name of a legal_rules clock (zh or en), the newest version. */
export const clockName = (codeExpr: SQL, lang: 'zh' | 'en') =>
  sql`(select ${sql.raw(lang === 'zh' ? 'lr.name_zh' : 'lr.name_en')} from legal_rules lr where lr.code = ${codeExpr} order by lr.effective_from desc limit 1)`;

/** An instant parameter. */
export const ts = (x: Date) => sql`${x.toISOString()}::timestamptz`;

/** A code column turned into its display name by a CASE over a names table from common. */
export function nameOf(names: Record<string, { zh: string; en: string }>, expr: SQL, lang: 'zh' | 'en'): SQL {
  const whens = Object.entries(names).map(
    ([code, n]) => sql`when ${code} then ${lang === 'zh' ? n.zh : n.en}`,
  );
  return sql`(case ${expr} ${sql.join(whens, sql` `)} else ${expr} end)`;
}

/**
 * The category codes of the branch's dictionary with a flag set. Read once per scan so the
 * incident rules filter incidents by a list (one pass over the table) instead of joining the
 * dictionary, which without fresh statistics planned as a loop over the incidents per category.
 */
export async function categoryCodes(
  db: Queryable,
  orgId: number,
  flag: 'needs_case' | 'camera_required',
): Promise<string[]> {
  const found = await db.execute(
    sql`select code from incident_categories where org_id = ${orgId} and ${sql.raw(flag)} order by code`,
  );
  return (found as unknown as { rows: { code: string }[] }).rows.map((r) => r.code);
}

/** The category's name (zh or en) of incident alias i, looked up per row. */
export const categoryName = (lang: 'zh' | 'en') =>
  sql`(select ${sql.raw(lang === 'zh' ? 'c.name_zh' : 'c.name_en')} from incident_categories c where c.org_id = i.org_id and c.code = i.category_code)`;
