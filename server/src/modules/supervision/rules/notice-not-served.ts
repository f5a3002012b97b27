/**
 * 不予立案通知书未按期送达: the notice of a decision not to file a criminal case must reach the
 * complainant within N days (公安机关办理刑事案件程序规定 art.178: 3 days). Flags a notice still
 * unserved after that, and one served late (the service date is the proceeding's closed_on).
 */
import { sql } from 'drizzle-orm';
import { both, d, GONE, inSubjects, type RuleImpl, ts } from './types.ts';

export const noticeNotServed: RuleImpl<'notice_not_served'> = {
  kind: 'notice_not_served',
  scope: 'proceeding',
  sources: ['scan'],
  subjects(r) {
    // Open notices are few: examine them all; and those of cases touched since (serving one
    // touches its case).
    const select = sql`select 'proceeding'::text as subject_type, p.id as subject_id from proceedings p
      where p.org_id = ${r.orgId} and p.kind = 'not_filed_notice'`;
    if (!r.since) return select;
    return sql`${select} and p.status = 'open'
      union all ${select} and p.case_id in (select k.id from cases k where k.org_id = ${r.orgId} and k.updated_at >= ${ts(r.since)})`;
  },
  problems(r, restrict) {
    const due = sql`(p.started_on + ${r.params.days}::int)`;
    return sql`select 'proceeding:' || p.id as problem_key, 'proceeding'::text as subject_type, p.id as subject_id,
        k.incident_id, k.id as case_id, k.unit_id, k.lead_officer_id as officer_id, ${due} + 1 as occurred_on,
        jsonb_build_object('caseNo', k.case_no, 'docNo', p.detail->>'docNo', 'decidedOn', p.started_on,
          'dueOn', ${due}, 'servedOn', case when p.status = 'done' then p.closed_on end,
          'daysLate', coalesce(case when p.status = 'done' then p.closed_on end, ${d(r.today)}) - ${due}) as detail,
        'scan'::text as source
      from proceedings p
      join cases k on k.id = p.case_id
      where p.org_id = ${r.orgId} and p.kind = 'not_filed_notice'
        and ((p.status = 'open' and ${due} < ${d(r.today)}) or (p.status = 'done' and p.closed_on > ${due}))
        ${inSubjects(restrict, 'proceeding', sql`p.id`)}`;
  },
  reason() {
    const served = sql`(select p.closed_on from proceedings p where p.id = f.subject_id and p.status = 'done')`;
    return sql`case when ${served} is not null then ${both(
      sql`'已于 ' || ${served} || ' 送达'`,
      sql`'Served on ' || ${served}`,
    )} else ${GONE} end`;
  },
};
