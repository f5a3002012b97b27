/**
 * Metrics of the daily 执法记录仪 spot checks and the 民意监测 call-backs. Call-backs count by
 * their incident's receipt, so a rate's parts cover the same incidents as its base.
 */
import {
  CALLBACK_STATUS_NAMES,
  CAMERA_RESULT_NAMES,
  FOLLOW_UP_STATUS_NAMES,
  SATISFACTION_NAMES,
} from '@fazhi/common';
import { sql } from 'drizzle-orm';
import type { PeriodRange } from './period.ts';
import { type ComputedMetric, cn, col, dateIn, tsIn } from './types.ts';

const CALLBACK_COLUMNS = [
  col('incident_no', '警情编号', 'Incident no.'),
  col('received_at', '接报时间', 'Received'),
  col('unit', '处警单位', 'Unit'),
  col('status', '回访状态', 'Status', CALLBACK_STATUS_NAMES),
  col('satisfaction', '满意度', 'Satisfaction', SATISFACTION_NAMES),
  col('follow_up', '二次查办', 'Second handling', FOLLOW_UP_STATUS_NAMES),
];

function callbackRows(where: ReturnType<typeof sql>) {
  return (orgId: number, p: PeriodRange) => sql`
    select cb.id, i.received_at as at, i.incident_no, ${cn('i.received_at')} as received_at, u.name as unit,
           cb.status, cb.satisfaction, cb.follow_up_status as follow_up, cb.unit_id
    from callbacks cb join incidents i on i.id = cb.incident_id
    left join units u on u.id = cb.unit_id
    where cb.org_id = ${orgId} and ${tsIn('i.received_at', p)} and ${where}`;
}

const CAMERA_COLUMNS = [
  col('sample_day', '抽查日', 'Sample day'),
  col('incident_no', '警情编号', 'Incident no.'),
  col('unit', '处警单位', 'Unit'),
  col('result', '检查结果', 'Result', CAMERA_RESULT_NAMES),
];

function cameraRows(where: ReturnType<typeof sql>) {
  return (orgId: number, p: PeriodRange) => sql`
    select k.id, k.sample_day as at, k.sample_day::text as sample_day, i.incident_no, u.name as unit, k.result, k.unit_id
    from camera_checks k join incidents i on i.id = k.incident_id
    left join units u on u.id = k.unit_id
    where k.org_id = ${orgId} and ${dateIn('k.sample_day', p)} and ${where}`;
}

export const CHECK_METRICS: ComputedMetric[] = [
  {
    id: 'callbacks.burglary_called_back',
    columns: CALLBACK_COLUMNS,
    byUnit: true,
    rows: callbackRows(sql`cb.reason = 'burglary' and cb.status = 'done' and i.category_code = 'XS-RSDQ'`),
  },
  {
    id: 'callbacks.dissatisfied',
    columns: CALLBACK_COLUMNS,
    byUnit: true,
    rows: callbackRows(sql`cb.satisfaction = 'dissatisfied'`),
  },
  {
    id: 'callbacks.second_handlings',
    columns: CALLBACK_COLUMNS,
    byUnit: true,
    rows: callbackRows(sql`cb.satisfaction = 'dissatisfied' and cb.follow_up_status in ('open', 'done')`),
  },
  {
    id: 'camera.checks',
    columns: CAMERA_COLUMNS,
    byUnit: true,
    rows: cameraRows(sql`k.result <> 'pending'`),
  },
  {
    id: 'camera.not_recorded',
    columns: CAMERA_COLUMNS,
    byUnit: true,
    rows: cameraRows(sql`k.result in ('not_recorded', 'partial')`),
  },
];
