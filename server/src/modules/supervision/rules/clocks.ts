/**
 * The statutory clocks both clock rules watch: the case's running clock (`cases.clock_due`,
 * cleared when the case is decided, closed, transferred …) and the due dates of open side
 * proceedings (not-filed notice, 复议/复核 windows, procuratorate replies, extensions).
 * `clock_overdue` flags a due date that has passed; `clock_due_soon` one within N days.
 */
import { CASE_STATUS_NAMES, PROCEEDING_KIND_NAMES } from '@fazhi/common';
import { type SQL, sql } from 'drizzle-orm';
import { both, clockName, d, GONE, inSubjects, nameOf, type RuleRun, textArray, ts } from './types.ts';

export interface ClockWindow {
  /** The due dates flagged: [from, to] inclusive (null: open-ended). */
  dueFrom: SQL | null;
  dueTo: SQL;
  /** The date the problem arose, from the due date expression. */
  occurred: (due: SQL, start: SQL) => SQL;
  /** Key infix ('clock' / 'soon'). */
  tag: string;
  includeProceedings: boolean;
  excludeKinds: readonly string[];
}

const inWindow = (due: SQL, w: ClockWindow) =>
  w.dueFrom ? sql`${due} between ${w.dueFrom} and ${w.dueTo}` : sql`${due} <= ${w.dueTo}`;

export function clockSubjects(r: RuleRun, w: ClockWindow, crossFrom: SQL, crossTo: SQL): SQL {
  // Incremental: cases changed since (a clock set, moved or stopped) or whose due date entered
  // or left the window between the two scans.
  const select = sql`select 'case'::text as subject_type, k.id as subject_id from cases k where k.org_id = ${r.orgId}`;
  const procs = sql`select 'proceeding'::text, p.id from proceedings p where p.org_id = ${r.orgId}`;
  if (!r.since)
    return w.includeProceedings
      ? sql`${select} and k.clock_due is not null union all ${procs} and p.status = 'open' and p.due_on is not null`
      : sql`${select} and k.clock_due is not null`;
  // Branches each an index answers (cases_org_updated, cases_clock_due, proceedings_org_due):
  // cases changed since (a clock set, moved or stopped; a proceeding stepped touches its case)
  // and due dates that entered or left the window between the two scans.
  const cases = sql`${select} and k.updated_at >= ${ts(r.since)}
    union all ${select} and k.clock_due between ${crossFrom} and ${crossTo}`;
  if (!w.includeProceedings) return cases;
  return sql`${cases}
    union all ${procs} and p.status = 'open' and p.due_on between ${crossFrom} and ${crossTo}
    union all ${procs} and p.case_id in (select k.id from cases k where k.org_id = ${r.orgId} and k.updated_at >= ${ts(r.since)})`;
}

export function clockProblems(r: RuleRun, w: ClockWindow, restrict: boolean): SQL {
  const cases = sql`select 'case:' || k.id || ':' || ${w.tag} || ':' || k.clock_rule || ':' || k.clock_due as problem_key,
      'case'::text as subject_type, k.id as subject_id, k.incident_id, k.id as case_id, k.unit_id,
      k.lead_officer_id as officer_id, ${w.occurred(sql`k.clock_due`, sql`k.clock_start`)} as occurred_on,
      jsonb_build_object('caseNo', k.case_no, 'target', 'case', 'clockRule', k.clock_rule,
        'clockName', ${clockName(sql`k.clock_rule`, 'zh')}, 'clockNameEn', ${clockName(sql`k.clock_rule`, 'en')},
        'dueOn', k.clock_due, 'dueProvisional', k.clock_provisional,
        'daysLate', greatest(${d(r.today)} - k.clock_due, 0)) as detail,
      'scan'::text as source
    from cases k
    where k.org_id = ${r.orgId} and k.clock_due is not null and ${inWindow(sql`k.clock_due`, w)}
      ${inSubjects(restrict, 'case', sql`k.id`)}`;
  if (!w.includeProceedings) return cases;
  const kindZh = nameOf(PROCEEDING_KIND_NAMES, sql`p.kind`, 'zh');
  const kindEn = nameOf(PROCEEDING_KIND_NAMES, sql`p.kind`, 'en');
  return sql`${cases} union all
    select 'proceeding:' || p.id || ':' || ${w.tag} || ':' || p.due_on, 'proceeding'::text, p.id, k.incident_id, k.id,
      k.unit_id, k.lead_officer_id, ${w.occurred(sql`p.due_on`, sql`p.started_on`)},
      jsonb_build_object('caseNo', k.case_no, 'target', 'proceeding', 'proceedingKind', p.kind,
        'clockRule', p.clock_rule,
        'clockName', coalesce(${clockName(sql`p.clock_rule`, 'zh')}, ${kindZh}),
        'clockNameEn', coalesce(${clockName(sql`p.clock_rule`, 'en')}, ${kindEn}),
        'dueOn', p.due_on, 'dueProvisional', p.due_provisional,
        'daysLate', greatest(${d(r.today)} - p.due_on, 0)),
      'scan'::text
    from proceedings p join cases k on k.id = p.case_id
    where p.org_id = ${r.orgId} and p.status = 'open' and p.due_on is not null and ${inWindow(sql`p.due_on`, w)}
      and p.kind <> all(${textArray(w.excludeKinds)})
      ${inSubjects(restrict, 'proceeding', sql`p.id`)}`;
}

/** Why a clock finding went away: the clock stopped or moved, the proceeding was done … */
export function clockReason(r: RuleRun, overdueNow: boolean): SQL {
  const k = (col: string) => sql`(select ${sql.raw(`k.${col}`)} from cases k where k.id = f.subject_id)`;
  const p = (col: string) =>
    sql`(select ${sql.raw(`p.${col}`)} from proceedings p where p.id = f.subject_id)`;
  const status = k('status');
  const due = k('clock_due');
  const caseReason = sql`case
    when ${due} is null then ${both(
      sql`'期限已停止（案件' || ${nameOf(CASE_STATUS_NAMES, status, 'zh')} || '）'`,
      sql`'Clock stopped (case: ' || ${nameOf(CASE_STATUS_NAMES, status, 'en')} || ')'`,
    )}
    when ${due}::text <> f.detail->>'dueOn' then ${both(
      sql`'期限已变更为 ' || ${due}`,
      sql`'Deadline moved to ' || ${due}`,
    )}
    ${overdueNow ? sql`when ${due} < ${d(r.today)} then ${both(sql`'期限已届满（转为超期问题）'`, sql`'Now overdue'`)}` : sql``}
    else ${GONE} end`;
  const closed = p('closed_on');
  const procReason = sql`case
    when ${p('status')} = 'done' then ${both(sql`'已于 ' || ${closed} || ' 办结'`, sql`'Done on ' || ${closed}`)}
    ${overdueNow ? sql`when ${p('due_on')} < ${d(r.today)} then ${both(sql`'期限已届满（转为超期问题）'`, sql`'Now overdue'`)}` : sql``}
    else ${GONE} end`;
  return sql`case when f.subject_type = 'case' then ${caseReason} else ${procReason} end`;
}
