/** Metrics of 警情 (incidents): all received, the 涉疫 110 calls and burglaries, by the handling unit. */
import { INCIDENT_DISPOSAL_NAMES } from '@fazhi/common';
import { sql } from 'drizzle-orm';
import type { PeriodRange } from './period.ts';
import { type ComputedMetric, cn, col, tsIn } from './types.ts';

const COLUMNS = [
  col('incident_no', '警情编号', 'Incident no.'),
  col('received_at', '接报时间', 'Received'),
  col('category', '警情类别', 'Category'),
  col('unit', '处警单位', 'Unit'),
  col('disposal', '处置结果', 'Disposal', INCIDENT_DISPOSAL_NAMES),
];

function incidentRows(where: (p: PeriodRange) => ReturnType<typeof sql>) {
  return (orgId: number, p: PeriodRange) => sql`
    select i.id, i.received_at as at, i.incident_no, ${cn('i.received_at')} as received_at,
           coalesce(ic.name_zh, i.category_code) as category, u.name as unit, i.disposal, i.unit_id
    from incidents i
    left join incident_categories ic on ic.org_id = i.org_id and ic.code = i.category_code
    left join units u on u.id = i.unit_id
    where i.org_id = ${orgId} and ${tsIn('i.received_at', p)} and ${where(p)}`;
}

export const INCIDENT_METRICS: ComputedMetric[] = [
  { id: 'incidents.received', columns: COLUMNS, byUnit: true, rows: incidentRows(() => sql`true`) },
  {
    id: 'incidents.epidemic_110',
    columns: COLUMNS,
    byUnit: true,
    rows: incidentRows(() => sql`i.source = '110' and '涉疫' = any(i.tags)`),
  },
  {
    id: 'incidents.epidemic_110_public_order',
    columns: COLUMNS,
    byUnit: true,
    rows: incidentRows(() => sql`i.source = '110' and '涉疫' = any(i.tags) and i.category_code like 'ZA%'`),
  },
  {
    id: 'incidents.burglary',
    columns: COLUMNS,
    byUnit: true,
    rows: incidentRows(() => sql`i.category_code = 'XS-RSDQ'`),
  },
];
