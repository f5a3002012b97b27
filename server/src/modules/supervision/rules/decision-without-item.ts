/**
 * 决定未关联处罚事项: an administrative penalty decision (警告, 罚款, 没收, 行政拘留 by default)
 * that cites no penalty item (处罚事项, with its law and article) — the decision's legal basis
 * (行政处罚法 art.59) cannot be traced to the power list.
 */
import { sql } from 'drizzle-orm';
import { cstDate, GONE, inSubjects, type RuleImpl, textArray, ts } from './types.ts';

export const decisionWithoutItem: RuleImpl<'decision_without_item'> = {
  kind: 'decision_without_item',
  scope: 'case',
  sources: ['scan'],
  subjects(r) {
    // A decision is written with the case's `decide` action, which touches the case.
    const changed = r.since ? sql`and k.updated_at >= ${ts(r.since)}` : sql``;
    return sql`select 'case'::text as subject_type, k.id as subject_id from cases k
      where k.org_id = ${r.orgId} and k.case_type = 'admin' ${changed}`;
  },
  problems(r, restrict) {
    return sql`select 'case:' || k.id || ':decision:' || dd.id as problem_key, 'case'::text as subject_type,
        k.id as subject_id, k.incident_id, k.id as case_id, k.unit_id, k.lead_officer_id as officer_id,
        ${cstDate(sql`dd.decided_at`)} as occurred_on,
        jsonb_build_object('caseNo', k.case_no, 'docNo', dd.doc_no, 'decisionKind', dd.kind,
          'decidedOn', ${cstDate(sql`dd.decided_at`)}) as detail,
        'scan'::text as source
      from decisions dd
      join cases k on k.id = dd.case_id
      where dd.org_id = ${r.orgId} and dd.kind = any(${textArray(r.params.kinds)})
        and coalesce(cardinality(dd.penalty_item_codes), 0) = 0
        ${inSubjects(restrict, 'case', sql`k.id`)}`;
  },
  reason: () => GONE,
};
