/**
 * 立而不侦: an open case (in the statuses watched) with no activity for N days. Activity is the
 * case's own last change (every action, party, offence, proceeding step touches `updated_at`)
 * or the latest review, evidence upload or collective discussion, whichever is latest. The
 * problem is keyed by the last activity date: when work resumes the finding resolves, and a
 * case that falls idle again later is a new problem.
 */
import { CASE_STATUS_NAMES } from '@fazhi/common';
import { sql } from 'drizzle-orm';
import { both, cstDate, d, inSubjects, nameOf, type RuleImpl, textArray, ts } from './types.ts';

/** The case's last activity instant (alias k). */
const LAST = sql`greatest(k.updated_at,
  (select max(e.uploaded_at) from evidence e where e.case_id = k.id),
  (select max(rv.acted_at) from reviews rv where rv.case_id = k.id),
  (select max(x.held_at) from discussions x where x.case_id = k.id))`;

export const caseIdle: RuleImpl<'case_idle'> = {
  kind: 'case_idle',
  scope: 'case',
  sources: ['scan'],
  subjects(r) {
    if (!r.since)
      return sql`select 'case'::text as subject_type, k.id as subject_id from cases k
        where k.org_id = ${r.orgId} and k.status = any(${textArray(r.params.statuses)})`;
    // Changed since, or whose idle days ran out since: either way the last activity is after
    // since − N days. Reviews and discussions touch the case; evidence uploads do not, so the
    // open cases are looked up with their latest evidence (evidence_case), which is cheaper
    // than reading the evidence table by upload time (it has no index on it).
    const from = sql`${ts(r.since)} - make_interval(days => ${r.params.days}::int)`;
    return sql`select 'case'::text as subject_type, k.id as subject_id from cases k
        where k.org_id = ${r.orgId} and k.updated_at >= ${from}
      union all select 'case', k.id from cases k
        where k.org_id = ${r.orgId} and k.status = any(${textArray(r.params.statuses)})
          and exists (select 1 from evidence e where e.case_id = k.id and e.uploaded_at >= ${from})`;
  },
  problems(r, restrict) {
    const { days, statuses } = r.params;
    return sql`select 'case:' || k.id || ':idle:' || a.last_on as problem_key, 'case'::text as subject_type,
        k.id as subject_id, k.incident_id, k.id as case_id, k.unit_id, k.lead_officer_id as officer_id,
        a.last_on + ${days}::int as occurred_on,
        jsonb_build_object('caseNo', k.case_no, 'status', k.status, 'lastActivityOn', a.last_on,
          'days', ${d(r.today)} - a.last_on, 'threshold', ${days}::int) as detail,
        'scan'::text as source
      from cases k
      cross join lateral (select ${cstDate(LAST)} as last_on) a
      where k.org_id = ${r.orgId} and k.status = any(${textArray(statuses)})
        and k.updated_at <= ${ts(r.now)} - make_interval(days => ${days}::int)
        and a.last_on + ${days}::int <= ${d(r.today)}
        ${inSubjects(restrict, 'case', sql`k.id`)}`;
  },
  reason(r) {
    const k = sql`(select k.status from cases k where k.id = f.subject_id)`;
    const last = sql`(select ${cstDate(LAST)} from cases k where k.id = f.subject_id)`;
    return sql`case
      when not (${k} = any(${textArray(r.params.statuses)})) then ${both(
        sql`'案件已进入“' || ${nameOf(CASE_STATUS_NAMES, k, 'zh')} || '”状态'`,
        sql`'The case moved on to: ' || ${nameOf(CASE_STATUS_NAMES, k, 'en')}`,
      )}
      else ${both(sql`'案件于 ' || ${last} || ' 恢复办理'`, sql`'Activity resumed on ' || ${last}`)} end`;
  },
};
