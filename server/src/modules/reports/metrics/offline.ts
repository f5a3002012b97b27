/**
 * Metrics of 线下办理 (cases handled outside the online system): the reports filed in the period
 * (by their reporting date), by case type and by reason, each in the reporting unit. They make the
 * city bureau's quarterly 线下办理案件情况统计表.
 */
import { CASE_TYPE_NAMES, OFFLINE_REASON_NAMES, OFFLINE_REASONS, type OfflineReason } from '@fazhi/common';
import { type SQL, sql } from 'drizzle-orm';
import type { PeriodRange } from './period.ts';
import { type ComputedMetric, col, dateIn } from './types.ts';

const COLUMNS = [
  col('reported_on', '报告日期', 'Reported on'),
  col('case_type', '案件类型', 'Case type', CASE_TYPE_NAMES),
  col('title', '案件名称', 'Title'),
  col('unit', '办案单位', 'Unit'),
  col('reason', '线下办理原因', 'Reason', OFFLINE_REASON_NAMES),
];

/**
 * The reason column holds the code, then any free text on the next lines; a first line that is
 * not a known code reads as 'other' (as the offline reports list shows it).
 */
const reasonCode = sql.raw(`split_part(r.reason, E'\\n', 1)`);
const KNOWN = OFFLINE_REASONS.filter((x) => x !== 'other');

function isReason(reason: OfflineReason): SQL {
  if (reason !== 'other') return sql`${reasonCode} = ${reason}`;
  return sql`${reasonCode} not in (${sql.join(
    KNOWN.map((k) => sql`${k}`),
    sql`, `,
  )})`;
}

const reason = sql`case when ${isReason('other')} then 'other' else ${reasonCode} end`;

function offlineRows(where: SQL) {
  return (orgId: number, p: PeriodRange) => sql`
    select r.id, r.reported_on as at, r.reported_on::text as reported_on,
           r.case_type, r.title, u.name as unit, ${reason} as reason, r.unit_id
    from offline_reports r left join units u on u.id = r.unit_id
    where r.org_id = ${orgId} and ${dateIn('r.reported_on', p)} and ${where}`;
}

export const OFFLINE_METRICS: ComputedMetric[] = [
  { id: 'offline.cases', columns: COLUMNS, byUnit: true, rows: offlineRows(sql`true`) },
  {
    id: 'offline.admin_cases',
    columns: COLUMNS,
    byUnit: true,
    rows: offlineRows(sql`r.case_type <> 'criminal'`),
  },
  {
    id: 'offline.criminal_cases',
    columns: COLUMNS,
    byUnit: true,
    rows: offlineRows(sql`r.case_type = 'criminal'`),
  },
  ...OFFLINE_REASONS.map(
    (reason): ComputedMetric => ({
      id: `offline.reason.${reason}`,
      columns: COLUMNS,
      byUnit: true,
      rows: offlineRows(isReason(reason)),
    }),
  ),
];
