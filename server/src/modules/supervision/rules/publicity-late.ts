/**
 * 执法公示逾期或未公示: a decision due for publicity (7 working days for penalties, 20 for other
 * decisions — the due date is the publication task's) still not published after its due date,
 * or published after it. Publishing late does not make the problem go away; publishing an
 * overdue decision closes it only when late publications are not flagged.
 */
import { sql } from 'drizzle-orm';
import { both, cstDate, d, GONE, inSubjects, type RuleImpl, ts } from './types.ts';

export const publicityLate: RuleImpl<'publicity_late'> = {
  kind: 'publicity_late',
  scope: 'publication',
  sources: ['scan'],
  subjects(r) {
    // Pending tasks are few (an index on status, due_on): examine them all; and what was
    // published or withdrawn since.
    const select = sql`select 'publication'::text as subject_type, p.id as subject_id from publications p
      where p.org_id = ${r.orgId}`;
    if (!r.since) return select;
    // publications_org_status_due and publications_published answer the branches.
    return sql`${select} and p.status = 'pending'
      union all ${select} and p.published_at >= ${ts(r.since)}`;
  },
  problems(r, restrict) {
    const { graceDays, includePublishedLate } = r.params;
    const limit = sql`(p.due_on + ${graceDays}::int)`;
    const published = cstDate(sql`p.published_at`);
    const late = includePublishedLate
      ? sql`or (p.published_at is not null and ${published} > ${limit})`
      : sql``;
    return sql`select 'publication:' || p.id as problem_key, 'publication'::text as subject_type, p.id as subject_id,
        k.incident_id, p.case_id, p.unit_id, k.lead_officer_id as officer_id,
        ${limit} + 1 as occurred_on,
        jsonb_build_object('caseNo', k.case_no, 'docNo', dd.doc_no, 'decisionKind', dd.kind, 'dueOn', p.due_on,
          'dueProvisional', p.due_provisional, 'publishedOn', ${published},
          'daysLate', coalesce(${published}, ${d(r.today)}) - p.due_on) as detail,
        'scan'::text as source
      from publications p
      join cases k on k.id = p.case_id
      join decisions dd on dd.id = p.decision_id
      where p.org_id = ${r.orgId}
        and ((p.status = 'pending' and ${limit} < ${d(r.today)}) ${late})
        ${inSubjects(restrict, 'publication', sql`p.id`)}`;
  },
  reason() {
    const published = sql`(select ${cstDate(sql`p.published_at`)} from publications p where p.id = f.subject_id)`;
    return sql`case when ${published} is not null then ${both(
      sql`'已于 ' || ${published} || ' 公示'`,
      sql`'Published on ' || ${published}`,
    )} else ${GONE} end`;
  },
};
