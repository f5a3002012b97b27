/**
 * Metrics of 执法监督: the findings raised and rectified (all rules, and those about acceptance and
 * filing, 受立案), the numbered documents (执法建议书, 执法质量通报, by the unit they are addressed
 * to) and the 执法监督委员会's meetings (the branch's own, not a unit's).
 */
import { FINDING_STATUS_NAMES } from '@fazhi/common';
import { sql } from 'drizzle-orm';
import type { PeriodRange } from './period.ts';
import { type ComputedMetric, cn, col, dateIn, tsIn, YES_NO } from './types.ts';

/** The rule kinds about 受案立案: 有警无案 (应立未立) and 不予立案通知书未送达. */
const ACCEPTANCE_KINDS = sql.raw(`('incident_without_case', 'notice_not_served')`);

const FINDING_COLUMNS = [
  col('occurred_on', '问题发生日期', 'Occurred on'),
  col('rule', '监督规则', 'Rule'),
  col('unit', '责任单位', 'Unit'),
  col('status', '状态', 'Status', FINDING_STATUS_NAMES),
  col('confirmed', '确认违规', 'Confirmed', YES_NO),
];

/** Findings whose problem arose in the period; `acceptance`: only the 受立案 rules. */
function findingRows(extra: ReturnType<typeof sql>, acceptance = true) {
  return (orgId: number, p: PeriodRange) => sql`
    select f.id, f.occurred_on as at, f.occurred_on::text as occurred_on, r.name_zh as rule,
           u.name as unit, f.status, f.confirmed_violation as confirmed, f.unit_id
    from supervision_findings f
    join supervision_rules r on r.org_id = f.org_id and r.code = f.rule_code
    left join units u on u.id = f.unit_id
    where f.org_id = ${orgId} and ${acceptance ? sql`r.kind in ${ACCEPTANCE_KINDS}` : sql`true`}
      and ${dateIn('f.occurred_on', p)} and ${extra}`;
}

const DOC_COLUMNS = [
  col('doc_no', '文号', 'Document no.'),
  col('title', '标题', 'Title'),
  col('issued_at', '制发时间', 'Issued'),
  col('unit', '主送单位', 'Addressed unit'),
];

function documentRows(kind: string) {
  return (orgId: number, p: PeriodRange) => sql`
    select d.id, d.issued_at as at, d.doc_no, d.title, ${cn('d.issued_at')} as issued_at, u.name as unit, d.unit_id
    from supervision_documents d left join units u on u.id = d.unit_id
    where d.org_id = ${orgId} and d.kind = ${kind} and ${tsIn('d.issued_at', p)}`;
}

export const SUPERVISION_METRICS: ComputedMetric[] = [
  {
    // Raised: every finding but those dismissed as not a problem.
    id: 'supervision.findings_raised',
    columns: FINDING_COLUMNS,
    byUnit: true,
    rows: findingRows(sql`f.status <> 'dismissed'`, false),
  },
  {
    id: 'supervision.findings_corrected',
    columns: FINDING_COLUMNS,
    byUnit: true,
    rows: findingRows(sql`f.status = 'corrected'`, false),
  },
  {
    id: 'supervision.findings_open',
    columns: FINDING_COLUMNS,
    byUnit: true,
    rows: findingRows(sql`f.status in ('open', 'answered')`, false),
  },
  {
    id: 'supervision.findings_confirmed',
    columns: FINDING_COLUMNS,
    byUnit: true,
    rows: findingRows(sql`f.confirmed_violation`, false),
  },
  {
    id: 'supervision.irregular_acceptance_found',
    columns: FINDING_COLUMNS,
    byUnit: true,
    rows: findingRows(sql`f.status = 'corrected'`),
  },
  {
    id: 'supervision.irregular_acceptance_confirmed',
    columns: FINDING_COLUMNS,
    byUnit: true,
    rows: findingRows(sql`f.confirmed_violation`),
  },
  {
    id: 'supervision.suggestion_letters',
    columns: DOC_COLUMNS,
    byUnit: true,
    rows: documentRows('suggestion'),
  },
  {
    id: 'supervision.quality_bulletins',
    columns: DOC_COLUMNS,
    byUnit: true,
    rows: documentRows('quality_bulletin'),
  },
  {
    // One row per 法制专题报告 listed in the meetings held in the period.
    id: 'supervision.committee_topic_reports',
    columns: [
      col('held_on', '会议日期', 'Held on'),
      col('meeting', '会议', 'Meeting'),
      col('title', '专题报告', 'Topic report'),
      col('reporter', '报告人', 'Reporter'),
    ],
    rows: (orgId, p) => sql`
      select m.id::text || '-' || t.ord::text as id, m.held_on as at, m.held_on::text as held_on,
             m.title as meeting, t.r ->> 'title' as title, t.r ->> 'reporter' as reporter
      from committee_meetings m
      cross join lateral jsonb_array_elements(m.topic_reports) with ordinality as t(r, ord)
      where m.org_id = ${orgId} and ${dateIn('m.held_on', p)}`,
  },
  {
    // Each case once, at the first meeting of the period that studied it.
    id: 'supervision.committee_cases_studied',
    columns: [
      col('case_no', '案件编号', 'Case no.'),
      col('title', '案件名称', 'Title'),
      col('held_on', '研究日期', 'Studied on'),
      col('meeting', '会议', 'Meeting'),
    ],
    rows: (orgId, p) => sql`
      select * from (
        select distinct on (x.case_id) x.case_id as id, m.held_on as at, c.case_no, c.title,
               m.held_on::text as held_on, m.title as meeting
        from committee_meetings m
        cross join lateral unnest(m.case_ids) as x(case_id)
        left join cases c on c.id = x.case_id
        where m.org_id = ${orgId} and ${dateIn('m.held_on', p)}
        order by x.case_id, m.held_on
      ) y`,
  },
];
