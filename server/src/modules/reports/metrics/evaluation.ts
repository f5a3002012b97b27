/**
 * Metrics of 执法质量考评: cases scored, case-area self-inspections, the year's awards. They count
 * by the year and quarter their round is labelled with, so they have no value for a month.
 */
import { sql } from 'drizzle-orm';
import type { PeriodRange } from './period.ts';
import { type ComputedMetric, cn, col } from './types.ts';

/** Evaluation rounds and self-inspections are labelled by year and quarter, not by date. */
const roundIn = (p: PeriodRange) =>
  p.quarter ? sql`er.year = ${p.year} and er.quarter = ${p.quarter}` : sql`er.year = ${p.year}`;

function awardRows(kind: 'excellent_unit' | 'legal_star') {
  return (orgId: number, p: PeriodRange) => sql`
    select a.id, a.rank as at, a.year, a.rank, u.name as unit, o.name as officer, a.score::float8 as score,
           a.consecutive_years, a.unit_id
    from evaluation_awards a left join units u on u.id = a.unit_id left join officers o on o.id = a.officer_id
    where a.org_id = ${orgId} and a.kind = ${kind} and a.status = 'approved' and a.year = ${p.year}`;
}

const AWARD_COLUMNS = [
  col('year', '考评年度', 'Year'),
  col('rank', '名次', 'Rank'),
  col('unit', '单位', 'Unit'),
  col('officer', '民警', 'Officer'),
  col('score', '得分', 'Score'),
  col('consecutive_years', '连续优秀年数', 'Consecutive years'),
];

// Awards are made for a year: a quarter has none.
const yearly = (p: PeriodRange) => p.quarter === null;

export const EVALUATION_METRICS: ComputedMetric[] = [
  {
    id: 'evaluation.cases_evaluated',
    columns: [
      col('round', '考评轮次', 'Round'),
      col('case_no', '案件编号', 'Case no.'),
      col('unit', '办案单位', 'Unit'),
      col('score', '得分', 'Score'),
      col('scored_at', '评分时间', 'Scored'),
    ],
    byUnit: true,
    labelled: true,
    rows: (orgId, p) => sql`
      select s.id, s.scored_at as at, er.year::text || '-Q' || er.quarter::text as round, c.case_no,
             u.name as unit, s.score::float8 as score, ${cn('s.scored_at')} as scored_at, s.unit_id
      from evaluation_samples s join evaluation_rounds er on er.id = s.round_id
      join cases c on c.id = s.case_id left join units u on u.id = s.unit_id
      where s.org_id = ${orgId} and s.status in ('scored', 'disputed', 'final') and ${roundIn(p)}`,
  },
  {
    // Each case-handling area once: it inspected itself and fixed what it found in the period.
    id: 'evaluation.case_area_self_inspections',
    columns: [
      col('unit', '单位', 'Unit'),
      col('period', '自查期次', 'Period'),
      col('problems', '发现问题数', 'Problems'),
      col('rectified_at', '整改完成时间', 'Rectified'),
    ],
    byUnit: true,
    labelled: true,
    rows: (orgId, p) => sql`
      select * from (
        select distinct on (si.unit_id) si.unit_id as id, si.period as at, u.name as unit, si.period,
               si.problems, ${cn('si.rectified_at')} as rectified_at, si.unit_id
        from self_inspections si left join units u on u.id = si.unit_id
        where si.org_id = ${orgId} and si.status = 'rectified'
          and ${p.quarter ? sql`si.period = ${p.period}` : sql`left(si.period, 4) = ${String(p.year)}`}
        order by si.unit_id, si.period
      ) x`,
  },
  {
    id: 'evaluation.excellent_units',
    columns: AWARD_COLUMNS,
    byUnit: true,
    labelled: true,
    rows: awardRows('excellent_unit'),
    appliesTo: yearly,
  },
  {
    id: 'evaluation.legal_stars',
    columns: AWARD_COLUMNS,
    byUnit: true,
    labelled: true,
    rows: awardRows('legal_star'),
    appliesTo: yearly,
  },
];
