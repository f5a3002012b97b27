/**
 * 未在执法办案管理中心办理: a case that brings a person in — a suspect or offender is on record —
 * of a type (criminal by default) or with a decision (proposed or made; 行政拘留 by default)
 * that the branch requires to be handled in the case-handling centre, recorded as not handled
 * there. Cases that ended before anyone was brought in (不予受案/不予立案/移送) are left out.
 */
import { sql } from 'drizzle-orm';
import { both, cstDate, GONE, inSubjects, type RuleImpl, textArray, ts } from './types.ts';

export const notInCentre: RuleImpl<'not_in_centre'> = {
  kind: 'not_in_centre',
  scope: 'case',
  sources: ['scan'],
  subjects(r) {
    const changed = r.since ? sql`and k.updated_at >= ${ts(r.since)}` : sql``;
    return sql`select 'case'::text as subject_type, k.id as subject_id from cases k
      where k.org_id = ${r.orgId} ${changed}`;
  },
  problems(r, restrict) {
    const { caseTypes, decisions } = r.params;
    return sql`select 'case:' || k.id as problem_key, 'case'::text as subject_type, k.id as subject_id,
        k.incident_id, k.id as case_id, k.unit_id, k.lead_officer_id as officer_id,
        ${cstDate(sql`k.received_at`)} as occurred_on,
        jsonb_build_object('caseNo', k.case_no, 'caseType', k.case_type,
          'decisionKind', coalesce((select dd.kind from decisions dd where dd.case_id = k.id order by dd.decided_at desc limit 1),
            k.proposed_decision)) as detail,
        'scan'::text as source
      from cases k
      where k.org_id = ${r.orgId} and not k.in_centre
        and k.status not in ('not_accepted', 'not_filed', 'transferred')
        and (k.case_type = any(${textArray(caseTypes)})
          or k.proposed_decision = any(${textArray(decisions)})
          or exists (select 1 from decisions dd where dd.case_id = k.id and dd.kind = any(${textArray(decisions)})))
        and exists (select 1 from case_parties cp where cp.case_id = k.id and cp.role in ('suspect', 'offender'))
        ${inSubjects(restrict, 'case', sql`k.id`)}`;
  },
  reason() {
    const k = (col: string) => sql`(select ${sql.raw(`k.${col}`)} from cases k where k.id = f.subject_id)`;
    return sql`case
      when ${k('in_centre')} then ${both(sql`'已登记在执法办案管理中心办理'`, sql`'Now recorded as handled in the centre'`)}
      when ${k('status')} in ('not_accepted', 'not_filed', 'transferred') then ${both(
        sql`'案件已不予受案、不予立案或移送'`,
        sql`'The case was refused or transferred'`,
      )}
      else ${GONE} end`;
  },
};
