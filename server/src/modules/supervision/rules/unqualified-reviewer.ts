/**
 * 审核人员不具备相应执法资格: a review act (approve, send back, disagree) at a gate by an officer
 * without the qualification the gate requires — at the legal detachment's gate the branch's
 * `legal_gate_min_qualification` (the floor the workflow enforces), at the other gates the
 * rule's level (基本级 by default). The officer's record holds only the current level and the
 * date it was obtained, so an act before that date counts as unqualified: what the officer
 * held then is not on record.
 */
import { GATE_NAMES, QUALIFICATION_NAMES } from '@fazhi/common';
import { sql } from 'drizzle-orm';
import { reviewSettings } from '../../cases/case-view.ts';
import { both, cstDate, inSubjects, nameOf, type RuleImpl, ts } from './types.ts';

const RANK = (expr: string) =>
  sql.raw(`(case ${expr} when 'basic' then 0 when 'intermediate' then 1 when 'advanced' then 2 else -1 end)`);
const LEVEL_RANK: Record<string, number> = { none: -1, basic: 0, intermediate: 1, advanced: 2 };

export const unqualifiedReviewer: RuleImpl<'unqualified_reviewer'> = {
  kind: 'unqualified_reviewer',
  scope: 'review',
  sources: ['scan'],
  async prepare(db, orgId) {
    return { legalGateSetting: (await reviewSettings(db, orgId)).minLevel };
  },
  subjects(r) {
    // A review is written by a case action, which touches the case (reviews have no index on
    // acted_at; the cases changed since lead to theirs through reviews_case).
    const changed = r.since
      ? sql`and rv.case_id in (select k.id from cases k where k.org_id = ${r.orgId} and k.updated_at >= ${ts(r.since)})`
      : sql``;
    return sql`select 'review'::text as subject_type, rv.id as subject_id from reviews rv
      where rv.org_id = ${r.orgId} and rv.gate <> 'officer' ${changed}`;
  },
  problems(r, restrict) {
    const legal =
      r.params.legalGateLevel === 'setting' ? String(r.prepared.legalGateSetting) : r.params.legalGateLevel;
    const other = r.params.otherGatesLevel;
    const required = sql`(case when rv.gate = 'legal' then ${legal}::text else ${other}::text end)`;
    const requiredRank = sql`(case when rv.gate = 'legal' then ${LEVEL_RANK[legal] ?? 1}::int else ${LEVEL_RANK[other] ?? 0}::int end)`;
    const actedOn = cstDate(sql`rv.acted_at`);
    return sql`select 'review:' || rv.id as problem_key, 'review'::text as subject_type, rv.id as subject_id,
        k.incident_id, k.id as case_id, o.unit_id, rv.reviewer_id as officer_id, ${actedOn} as occurred_on,
        jsonb_build_object('caseNo', k.case_no, 'gate', rv.gate, 'reviewerName', o.name,
          'level', o.qualification_level, 'qualifiedOn', o.qualification_date, 'required', ${required},
          'requiredName', ${nameOf(QUALIFICATION_NAMES, required, 'zh')},
          'gateName', ${nameOf(GATE_NAMES, sql`rv.gate`, 'zh')}, 'actedOn', ${actedOn}) as detail,
        'scan'::text as source
      from reviews rv
      join officers o on o.id = rv.reviewer_id
      join cases k on k.id = rv.case_id
      where rv.org_id = ${r.orgId} and rv.gate <> 'officer'
        and rv.outcome in ('approve', 'send_back', 'disagree')
        and ${requiredRank} >= 0
        and (${RANK('o.qualification_level')} < ${requiredRank}
          or o.qualification_date is null or o.qualification_date > ${actedOn})
        ${inSubjects(restrict, 'review', sql`rv.id`)}`;
  },
  reason() {
    return both(
      sql`'审核人执法资格信息或资格要求已变更'`,
      sql`'The reviewer''s qualification record or the requirement changed'`,
    );
  },
};
