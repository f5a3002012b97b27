/**
 * 重大案件未集体讨论: a decision on a major case (and, if the rule says so, a complex one) with no
 * collective discussion (集体讨论, 行政处罚法 art.57) held on or before the day of the decision.
 * The workflow refuses to submit a major case without one; this catches cases marked major
 * afterwards and records entered around the workflow.
 */
import { sql } from 'drizzle-orm';
import { both, cstDate, GONE, inSubjects, type RuleImpl, ts } from './types.ts';

export const majorWithoutDiscussion: RuleImpl<'major_without_discussion'> = {
  kind: 'major_without_discussion',
  scope: 'case',
  sources: ['scan'],
  subjects(r) {
    const changed = r.since ? sql`and k.updated_at >= ${ts(r.since)}` : sql``;
    const which = r.params.includeComplex ? sql`(k.major or k.complex)` : sql`k.major`;
    return sql`select 'case'::text as subject_type, k.id as subject_id from cases k
      where k.org_id = ${r.orgId} ${r.since ? sql`` : sql`and ${which}`} ${changed}`;
  },
  problems(r, restrict) {
    const which = r.params.includeComplex ? sql`(k.major or k.complex)` : sql`k.major`;
    const decidedOn = cstDate(sql`dd.decided_at`);
    return sql`select 'case:' || k.id || ':decision:' || dd.id as problem_key, 'case'::text as subject_type,
        k.id as subject_id, k.incident_id, k.id as case_id, k.unit_id, k.lead_officer_id as officer_id,
        ${decidedOn} as occurred_on,
        jsonb_build_object('caseNo', k.case_no, 'docNo', dd.doc_no, 'decisionKind', dd.kind,
          'decidedOn', ${decidedOn}, 'major', k.major, 'complex', k.complex) as detail,
        'scan'::text as source
      from decisions dd
      join cases k on k.id = dd.case_id
      where dd.org_id = ${r.orgId} and ${which} and dd.kind <> 'not_filed'
        and not exists (select 1 from discussions x where x.case_id = k.id and ${cstDate(sql`x.held_at`)} <= ${decidedOn})
        ${inSubjects(restrict, 'case', sql`k.id`)}`;
  },
  reason() {
    const held = sql`(select min(${cstDate(sql`x.held_at`)}) from discussions x where x.case_id = f.subject_id)`;
    const major = sql`(select k.major or k.complex from cases k where k.id = f.subject_id)`;
    return sql`case
      when not ${major} then ${both(sql`'案件已不属于重大案件'`, sql`'The case is no longer marked major'`)}
      when ${held} is not null then ${both(
        sql`'已补录 ' || ${held} || ' 的集体讨论记录'`,
        sql`'Collective discussion of ' || ${held} || ' now on record'`,
      )}
      else ${GONE} end`;
  },
};
