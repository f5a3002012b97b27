/**
 * The scan engine's core: for one rule code, the problems of every enabled version (each on its
 * window of occurrence dates) computed into a temporary table, then merged into
 * `supervision_findings` in one statement — new problem → open finding + 'raised' event; seen
 * again → last_seen_at (and the refreshed detail); back after a scan had resolved it → open
 * again + 'reopened'; gone → 'resolved' with the rule's reason. Corrected and dismissed findings are never touched
 * (the insert's ON CONFLICT DO NOTHING keeps them as they are). Set-based throughout: the
 * database does the work however many subjects there are.
 */
import { chinaToday, RULE_PARAM_SCHEMAS, type RuleKind } from '@fazhi/common';
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../../db/index.ts';
import type { supervisionRules } from '../../../db/schema/index.ts';
import { ruleImpl } from './index.ts';
import { d, PROBLEM_COLUMNS, type RuleImpl, type RuleRun, textArray, ts } from './types.ts';

type RuleRow = typeof supervisionRules.$inferSelect;

export interface RuleVersion {
  row: RuleRow;
  /** The window of occurrence dates this version judges: [from, to). */
  from: string;
  to: string | null;
  params: Record<string, unknown>;
}

export interface RuleSet {
  code: string;
  kind: RuleKind;
  impl: RuleImpl;
  versions: RuleVersion[];
  /** Last change of any version (an incremental scan re-runs a changed rule in full). */
  updatedAt: Date;
}

/** The branch's rules grouped by code, each version with its window; unknown kinds skipped. */
export async function loadRuleSets(db: Queryable, orgId: number): Promise<RuleSet[]> {
  const all = await rows<Record<string, unknown>>(
    db,
    sql`select * from supervision_rules where org_id = ${orgId} order by code, effective_from`,
  );
  const byCode = new Map<string, RuleRow[]>();
  for (const r of all) {
    const row: RuleRow = {
      id: Number(r.id),
      orgId: Number(r.org_id),
      code: String(r.code),
      kind: String(r.kind),
      nameZh: String(r.name_zh),
      nameEn: String(r.name_en),
      legalBasis: String(r.legal_basis),
      severity: String(r.severity),
      scope: String(r.scope),
      params: r.params,
      effectiveFrom: String(r.effective_from).slice(0, 10),
      enabled: Boolean(r.enabled),
      rectifyDays: Number(r.rectify_days),
      updatedAt: new Date(r.updated_at as string),
    };
    byCode.set(row.code, [...(byCode.get(row.code) ?? []), row]);
  }
  const out: RuleSet[] = [];
  for (const [code, list] of byCode) {
    // A code keeps the kind of its newest version; older versions of another kind are ignored.
    const kind = list[list.length - 1]!.kind;
    const impl = ruleImpl(kind);
    if (!impl) continue;
    const same = list.filter((v) => v.kind === kind);
    out.push({
      code,
      kind: kind as RuleKind,
      impl,
      updatedAt: new Date(Math.max(...same.map((v) => v.updatedAt.getTime()))),
      versions: same.map((row, i) => ({
        row,
        from: row.effectiveFrom,
        to: same[i + 1]?.effectiveFrom ?? null,
        params: paramsOf(kind as RuleKind, row.params),
      })),
    });
  }
  return out;
}

/** Stored parameters over the kind's defaults; a stored value the schema refuses falls back. */
function paramsOf(kind: RuleKind, stored: unknown): Record<string, unknown> {
  const schema = RULE_PARAM_SCHEMAS[kind];
  const given = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const parsed = schema.safeParse(given);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const defaults = schema.parse({}) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...defaults };
  for (const [k, v] of Object.entries(given)) {
    const one = schema.safeParse({ ...defaults, [k]: v });
    if (one.success) out[k] = v;
  }
  return out;
}

export interface RuleCounts {
  examined: number;
  raised: number;
  reopened: number;
  stillOpen: number;
  resolved: number;
}

export interface StatementOptions {
  orgId: number;
  now: Date;
  /** null: examine everything. */
  since: Date | null;
  /** 'now': findings raised at `now`; 'occurrence': the day after the problem arose (demo history). */
  raisedAt: 'now' | 'occurrence';
  prepared: Record<string, unknown>;
  /** Count the subjects a full scan examined (one more pass over them; default true). */
  countExamined?: boolean;
}

const windowOf = (col: SQL, v: RuleVersion) =>
  v.to ? sql`(${col} >= ${d(v.from)} and ${col} < ${d(v.to)})` : sql`${col} >= ${d(v.from)}`;

/**
 * Runs one rule code on `q` in a transaction of its own (a savepoint inside an open one): the
 * subjects (incremental) and the problems go to temporary tables the planner has statistics
 * for — joined against thousands of findings, a CTE estimated at one row made nested loops
 * that took seconds — then one statement merges them into the findings.
 */
export async function scanRule(q: Queryable, set: RuleSet, o: StatementOptions): Promise<RuleCounts> {
  const plan = rulePlan(set, o);
  if (!plan) return { examined: 0, raised: 0, reopened: 0, stillOpen: 0, resolved: 0 };
  return q.transaction(async (t) => {
    const tx = t as unknown as Queryable;
    await tx.execute(sql`drop table if exists pg_temp.scan_s, pg_temp.scan_p`);
    // Indexed too: the findings table's statistics may be stale (a first scan filled it), and
    // a join planned on them then still probes an index instead of rescanning the table.
    if (plan.subjects) {
      await tx.execute(sql`create temp table scan_s as ${plan.subjects}`);
      await tx.execute(sql`create index on scan_s (subject_id, subject_type)`);
      await tx.execute(sql`analyze scan_s`);
    }
    await tx.execute(sql`create temp table scan_p as ${plan.problems}`);
    await tx.execute(sql`create unique index on scan_p (problem_key)`);
    await tx.execute(sql`analyze scan_p`);
    const [row] = await rows<Record<string, string | number>>(tx, plan.merge);
    const [ex] = plan.examined ? await rows<{ n: number }>(tx, plan.examined) : [];
    await tx.execute(sql`drop table if exists pg_temp.scan_s, pg_temp.scan_p`);
    return {
      examined: Number(ex?.n ?? 0),
      raised: Number(row?.raised ?? 0),
      reopened: Number(row?.reopened ?? 0),
      stillOpen: Number(row?.still_open ?? 0),
      resolved: Number(row?.resolved ?? 0),
    };
  });
}

export interface RulePlan {
  /** (subject_type, subject_id) of an incremental scan, into scan_s. */
  subjects: SQL | null;
  /** The problems, one row per problem key, into scan_p. */
  problems: SQL;
  /** The merge of scan_p into the findings (and their events). */
  merge: SQL;
  /** Counts the subjects examined (null: not counted). */
  examined: SQL | null;
}

/** One rule code's statements (null when no version is enabled). */
export function rulePlan(set: RuleSet, o: StatementOptions): RulePlan | null {
  const enabled = set.versions.filter((v) => v.row.enabled);
  if (!enabled.length) return null;
  const today = chinaToday(o.now);
  const run = (v: RuleVersion): RuleRun => ({
    orgId: o.orgId,
    now: o.now,
    today,
    since: o.since,
    sinceDay: o.since ? chinaToday(o.since) : null,
    params: v.params as RuleRun['params'],
    prepared: o.prepared,
  });
  const restrict = o.since !== null;
  const impl = set.impl;
  const union = sql.join(
    enabled.map(
      (v) => sql`select ${sql.raw(PROBLEM_COLUMNS)}, ${v.row.severity}::text as severity,
          ${v.row.rectifyDays}::int as rectify_days
        from (${impl.problems(run(v), restrict)}) x where ${windowOf(sql`x.occurred_on`, v)}`,
    ),
    sql` union all `,
  );
  const newest = enabled[enabled.length - 1]!;
  // Incremental: the subjects of every version (their thresholds differ); full: the newest
  // version's, only counted.
  const subjects = restrict
    ? sql`select distinct subject_type, subject_id from (${sql.join(
        enabled.map((v) => sql`(${impl.subjects(run(v))})`),
        sql` union all `,
      )}) u`
    : null;
  const examined = restrict
    ? sql`select count(*)::int as n from scan_s`
    : o.countExamined === false
      ? null
      : sql`select count(*)::int as n from (${impl.subjects(run(newest))}) u`;
  const inWindows = sql.join(
    enabled.map((v) => windowOf(sql`f.occurred_on`, v)),
    sql` or `,
  );
  const touched = restrict
    ? sql`and (f.subject_type, f.subject_id) in (select s.subject_type, s.subject_id from scan_s s)`
    : sql``;
  const raisedAt =
    o.raisedAt === 'now'
      ? ts(o.now)
      : sql`least(${ts(o.now)}, ((p.occurred_on + 1)::timestamp + interval '9 hours') at time zone 'Asia/Shanghai')`;
  const raiseDay = o.raisedAt === 'now' ? d(today) : sql`least(${d(today)}, p.occurred_on + 1)`;
  const match = sql`f.org_id = ${o.orgId} and f.rule_code = ${set.code} and f.problem_key = p.problem_key`;
  const merge = sql`with
      seen as (
        update supervision_findings f set last_seen_at = ${ts(o.now)}, detail = p.detail
        from scan_p p where ${match} and f.status in ('open', 'answered')
        returning f.id),
      reopened as (
        update supervision_findings f set status = 'open', last_seen_at = ${ts(o.now)}, detail = p.detail,
          severity = p.severity, rectify_due_on = ${d(today)} + p.rectify_days, answered_at = null,
          closed_at = null, closed_by = null, closed_reason = null, version = f.version + 1
        from scan_p p where ${match} and f.status = 'resolved'
        returning f.id),
      raised as (
        insert into supervision_findings (org_id, rule_code, problem_key, subject_type, subject_id, incident_id,
          case_id, unit_id, officer_id, severity, detail, occurred_on, status, source, raised_at, rectify_due_on,
          last_seen_at)
        select ${o.orgId}::int, ${set.code}, p.problem_key, p.subject_type, p.subject_id, p.incident_id, p.case_id,
          p.unit_id, p.officer_id, p.severity, p.detail, p.occurred_on, 'open', p.source, ${raisedAt},
          ${raiseDay} + p.rectify_days, ${ts(o.now)}
        from scan_p p
        on conflict (org_id, rule_code, problem_key) do nothing
        returning id, raised_at),
      resolved as (
        update supervision_findings f set status = 'resolved', closed_at = ${ts(o.now)}, closed_by = null,
          closed_reason = ${impl.reason(run(newest))}, version = f.version + 1
        where f.org_id = ${o.orgId} and f.rule_code = ${set.code} and f.status in ('open', 'answered')
          and f.source = any(${textArray(impl.sources)}) and (${inWindows}) ${touched}
          and not exists (select 1 from scan_p p where p.problem_key = f.problem_key)
        returning f.id, f.closed_reason),
      events as (
        insert into finding_events (org_id, finding_id, kind, note, at)
        select ${o.orgId}::int, id, 'raised', null, raised_at from raised
        union all select ${o.orgId}::int, id, 'reopened', null, ${ts(o.now)} from reopened
        union all select ${o.orgId}::int, id, 'resolved', closed_reason, ${ts(o.now)} from resolved
        returning 1)
      select (select count(*) from raised)::int as raised, (select count(*) from reopened)::int as reopened,
        (select count(*) from seen)::int as still_open, (select count(*) from resolved)::int as resolved,
        (select count(*) from events)::int as events`;
  return {
    subjects,
    problems: sql`select distinct on (problem_key) * from (${union}) y order by problem_key`,
    merge,
    examined,
  };
}
