/**
 * Metrics of 案件 (cases), their decisions and the legal detachment's review (法制审核): cases
 * accepted and filed, 涉疫 and 涉企 cases, persons penalised and published, cases reviewed.
 * Persons are counted once (by ID number). Every record belongs to its case's unit (办案单位).
 */
import { CASE_ACTION_NAMES, CASE_STATUS_NAMES, DECISION_KIND_NAMES } from '@fazhi/common';
import { type SQL, sql } from 'drizzle-orm';
import type { PeriodRange } from './period.ts';
import { type ComputedMetric, cn, col, PENALTY_KINDS, personKey, tsIn } from './types.ts';

const CASE_COLUMNS = [
  col('case_no', '案件编号', 'Case no.'),
  col('title', '案件名称', 'Title'),
  col('received_at', '受理时间', 'Received'),
  col('unit', '办案单位', 'Unit'),
  col('status', '状态', 'Status', CASE_STATUS_NAMES),
];

/** Cases received in the period: a case is 查处/立案 in the period it was received. */
function caseRows(where: SQL) {
  return (orgId: number, p: PeriodRange) => sql`
    select c.id, c.received_at as at, c.case_no, c.title, ${cn('c.received_at')} as received_at,
           u.name as unit, c.status, c.unit_id
    from cases c left join units u on u.id = c.unit_id
    where c.org_id = ${orgId} and ${tsIn('c.received_at', p)} and ${where}`;
}

const epidemicAdmin = sql`c.case_type = 'admin' and '涉疫' = any(c.tags) and c.status <> 'not_accepted'`;
// 立案: criminal cases past the filing decision (not refused, not still awaiting it).
const epidemicCriminal = sql`c.case_type = 'criminal' and '涉疫' = any(c.tags)
  and c.status not in ('acceptance_review', 'filing_review', 'not_accepted', 'not_filed')`;
// 受理: an administrative case the unit accepted (not refused at acceptance).
const adminAccepted = sql`c.case_type = 'admin' and c.status <> 'not_accepted'`;
const criminalFiled = sql`c.case_type = 'criminal'
  and c.status not in ('acceptance_review', 'filing_review', 'not_accepted', 'not_filed')`;
const withOffence = (code: string) =>
  sql`exists (select 1 from case_offences o where o.case_id = c.id and o.penalty_item_code = ${code})`;

const PERSON_COLUMNS = [
  col('case_no', '案件编号', 'Case no.'),
  col('doc_no', '文书号', 'Document no.'),
  col('decision', '决定种类', 'Decision', DECISION_KIND_NAMES),
  col('decided_at', '决定时间', 'Decided'),
  col('unit', '办案单位', 'Unit'),
];

const REVIEW_COLUMNS = [
  col('case_no', '案件编号', 'Case no.'),
  col('title', '案件名称', 'Title'),
  col('reviewed_at', '首次审核时间', 'First reviewed'),
  col('outcome', '审核结果', 'Outcome', CASE_ACTION_NAMES),
  col('unit', '办案单位', 'Unit'),
];

/** Cases the legal detachment's gate acted on in the period, each case once (its first act). */
function reviewedRows(caseType: 'admin' | 'criminal') {
  return (orgId: number, p: PeriodRange) => sql`
    select * from (
      select distinct on (r.case_id) r.case_id as id, r.acted_at as at, c.case_no, c.title,
             ${cn('r.acted_at')} as reviewed_at, r.outcome, u.name as unit, c.unit_id
      from reviews r join cases c on c.id = r.case_id left join units u on u.id = c.unit_id
      where r.org_id = ${orgId} and r.gate = 'legal' and r.outcome <> 'submit'
        and c.case_type = ${caseType} and ${tsIn('r.acted_at', p)}
      order by r.case_id, r.acted_at
    ) x`;
}

/** Effective penalty decisions made in the period, each person once (at their first decision). */
function penaltyPersonRows(published: boolean) {
  return (orgId: number, p: PeriodRange) => sql`
    select * from (
      select distinct on (${personKey('pt', 'd.case_id')}) d.id, d.decided_at as at, c.case_no, d.doc_no,
             d.kind as decision, ${cn('d.decided_at')} as decided_at, u.name as unit, c.unit_id
             ${published ? sql`, ${cn('pb.published_at')} as published_at` : sql``}
      from decisions d join cases c on c.id = d.case_id
      ${published ? sql`join publications pb on pb.decision_id = d.id and pb.status in ('published', 'withdrawn')` : sql``}
      left join case_parties pt on pt.id = d.party_id
      left join units u on u.id = c.unit_id
      where d.org_id = ${orgId} and d.kind in ${PENALTY_KINDS} and d.status = 'effective'
        and ${tsIn('d.decided_at', p)}
      order by ${personKey('pt', 'd.case_id')}, d.decided_at, d.id
    ) x`;
}

export const CASE_METRICS: ComputedMetric[] = [
  { id: 'cases.admin_received', columns: CASE_COLUMNS, byUnit: true, rows: caseRows(adminAccepted) },
  { id: 'cases.criminal_filed', columns: CASE_COLUMNS, byUnit: true, rows: caseRows(criminalFiled) },
  {
    id: 'cases.epidemic_admin_cases',
    columns: CASE_COLUMNS,
    byUnit: true,
    rows: caseRows(epidemicAdmin),
  },
  {
    id: 'cases.epidemic_admin_offenders',
    columns: [
      col('case_no', '案件编号', 'Case no.'),
      col('title', '案件名称', 'Title'),
      col('received_at', '受理时间', 'Received'),
      col('unit', '办案单位', 'Unit'),
    ],
    byUnit: true,
    rows: (orgId, p) => sql`
      select * from (
        select distinct on (${personKey('pt', 'c.id')}) pt.id, c.received_at as at, c.case_no, c.title,
               ${cn('c.received_at')} as received_at, u.name as unit, c.unit_id
        from case_parties pt join cases c on c.id = pt.case_id left join units u on u.id = c.unit_id
        where c.org_id = ${orgId} and pt.role = 'offender' and ${tsIn('c.received_at', p)} and ${epidemicAdmin}
        order by ${personKey('pt', 'c.id')}, c.received_at
      ) x`,
  },
  {
    id: 'cases.epidemic_criminal_filed',
    columns: CASE_COLUMNS,
    byUnit: true,
    rows: caseRows(epidemicCriminal),
  },
  {
    id: 'cases.epidemic_criminal_filed.provoking',
    columns: CASE_COLUMNS,
    byUnit: true,
    rows: caseRows(sql`${epidemicCriminal} and ${withOffence('XF-293')}`),
  },
  {
    id: 'cases.epidemic_criminal_filed.fraud',
    columns: CASE_COLUMNS,
    byUnit: true,
    rows: caseRows(sql`${epidemicCriminal} and ${withOffence('XF-266')}`),
  },
  {
    // 破案: the first 提请批捕 or 移送起诉 decision of a 涉企 criminal case falls in the period.
    id: 'cases.enterprise_criminal_solved',
    columns: [
      col('case_no', '案件编号', 'Case no.'),
      col('title', '案件名称', 'Title'),
      col('solved_at', '破案（首次提捕/移诉）时间', 'Solved'),
      col('unit', '办案单位', 'Unit'),
    ],
    byUnit: true,
    rows: (orgId, p) => sql`
      select c.id, d.first_at as at, c.case_no, c.title, ${cn('d.first_at')} as solved_at, u.name as unit,
             c.unit_id
      from cases c
      join (select case_id, min(decided_at) as first_at from decisions
            where org_id = ${orgId} and kind in ('arrest_request', 'prosecution_transfer')
            group by case_id) d on d.case_id = c.id
      left join units u on u.id = c.unit_id
      where c.org_id = ${orgId} and c.case_type = 'criminal' and '涉企' = any(c.tags)
        and ${tsIn('d.first_at', p)}`,
  },
  {
    id: 'cases.admin_penalty_persons',
    columns: PERSON_COLUMNS,
    byUnit: true,
    rows: penaltyPersonRows(false),
  },
  {
    id: 'review.criminal_cases_reviewed',
    columns: REVIEW_COLUMNS,
    byUnit: true,
    rows: reviewedRows('criminal'),
  },
  { id: 'review.admin_cases_reviewed', columns: REVIEW_COLUMNS, byUnit: true, rows: reviewedRows('admin') },
];

/**
 * 执法公示: persons penalised in the period (by decision date, as 行政处罚人数 counts them) whose
 * decision has been published, so the published never exceed the penalised.
 */
export const PUBLICITY_METRICS: ComputedMetric[] = [
  {
    id: 'publicity.admin_penalty_published_persons',
    columns: [...PERSON_COLUMNS, col('published_at', '公示时间', 'Published')],
    byUnit: true,
    rows: penaltyPersonRows(true),
  },
];
