/**
 * 案件反复退回: a case sent back (退回补充) at the review gates N times or more — the case file
 * keeps failing review, a sign of poor case handling the detachment follows up. The problem
 * arose on the day of the N-th send-back.
 */
import { sql } from 'drizzle-orm';
import { GONE, inSubjects, type RuleImpl, ts } from './types.ts';

export const repeatedSendBacks: RuleImpl<'repeated_send_backs'> = {
  kind: 'repeated_send_backs',
  scope: 'case',
  sources: ['scan'],
  subjects(r) {
    // A send-back is a case action, which touches the case.
    if (r.since)
      return sql`select 'case'::text as subject_type, k.id as subject_id from cases k
        where k.org_id = ${r.orgId} and k.updated_at >= ${ts(r.since)}`;
    return sql`select distinct 'case'::text as subject_type, rv.case_id as subject_id from reviews rv
      where rv.org_id = ${r.orgId} and rv.outcome in ('send_back', 'disagree')`;
  },
  problems(r, restrict) {
    const { threshold, countDisagree } = r.params;
    const outcomes = countDisagree ? sql`('send_back', 'disagree')` : sql`('send_back')`;
    return sql`select 'case:' || k.id || ':send_backs' as problem_key, 'case'::text as subject_type,
        k.id as subject_id, k.incident_id, k.id as case_id, k.unit_id, k.lead_officer_id as officer_id,
        b.nth_on as occurred_on,
        jsonb_build_object('caseNo', k.case_no, 'sendBacks', b.n, 'threshold', ${threshold}::int) as detail,
        'scan'::text as source
      from (select rv.case_id, count(*)::int as n,
              ((array_agg(rv.acted_at order by rv.acted_at))[${threshold}::int] at time zone 'Asia/Shanghai')::date as nth_on
            from reviews rv
            where rv.org_id = ${r.orgId} and rv.outcome in ${outcomes}
              ${inSubjects(restrict, 'case', sql`rv.case_id`)}
            group by rv.case_id
            having count(*) >= ${threshold}::int) b
      join cases k on k.id = b.case_id`;
  },
  reason: () => GONE,
};
