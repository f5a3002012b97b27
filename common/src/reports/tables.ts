/**
 * 统计报表: the statistics tables the city bureau asks for, stated as data over the metric
 * catalogue — which metrics make the columns, whether a row per case-handling unit precedes the
 * 合计 — and the contracts of their API and of the ad-hoc metric table.
 *
 *   GET /api/reports/stat-tables                      report.read  – → StatTableListResponse
 *   GET /api/reports/stat-tables/{id}?period=         report.read  StatTableQuery → StatTableResponse
 *   GET /api/reports/stat-tables/{id}/table.xlsx?period=  report.read  StatTableQuery → .xlsx
 *   GET /api/reports/tables.xlsx?period=&ids=&by=     report.read  MetricTableXlsxQuery → .xlsx
 *
 * A quarterly table is asked for a quarter ('2021-Q3') or a whole year ('2021'); a yearly table
 * for a year only (400 fields.period otherwise). Errors name the field: period, ids, by.
 */
import { z } from 'zod';
import { OFFLINE_REASONS } from '../cases/contracts.ts';
import { OFFLINE_REASON_NAMES } from '../cases/names.ts';
import { MetricPeriodParam, MetricTableQuery } from './contracts.ts';

export const STAT_TABLE_PERIODS = ['quarter', 'year'] as const;
export type StatTablePeriod = (typeof STAT_TABLE_PERIODS)[number];

/** 'units': one row per case-handling unit, then 合计; 'none': the branch's one row. */
export const STAT_TABLE_ROWS = ['units', 'none'] as const;
export type StatTableRows = (typeof STAT_TABLE_ROWS)[number];

export interface StatTableColumn {
  /** A metric of the catalogue: the cell is its value for the unit (or the branch). */
  metric: string;
  /** The table's own header when it is not the metric's name. */
  headerZh?: string;
  headerEn?: string;
}

export interface StatTableDef {
  id: string;
  nameZh: string;
  nameEn: string;
  period: StatTablePeriod;
  rows: StatTableRows;
  columns: readonly StatTableColumn[];
}

export const STAT_TABLES: readonly StatTableDef[] = [
  {
    id: 'offline-cases',
    nameZh: '线下办理案件情况统计表',
    nameEn: 'Cases handled offline',
    period: 'quarter',
    rows: 'units',
    columns: [
      { metric: 'offline.admin_cases', headerZh: '行政案件', headerEn: 'Administrative' },
      { metric: 'offline.criminal_cases', headerZh: '刑事案件', headerEn: 'Criminal' },
      { metric: 'offline.cases', headerZh: '合计', headerEn: 'Total' },
      ...OFFLINE_REASONS.map((r) => ({
        metric: `offline.reason.${r}`,
        headerZh: `原因：${OFFLINE_REASON_NAMES[r].zh}`,
        headerEn: `Reason: ${OFFLINE_REASON_NAMES[r].en}`,
      })),
    ],
  },
  {
    id: 'enforcement',
    nameZh: '执法办案主要数据统计表',
    nameEn: 'Main law-enforcement figures',
    period: 'quarter',
    rows: 'units',
    columns: [
      { metric: 'incidents.received', headerZh: '接报警情', headerEn: 'Incidents received' },
      { metric: 'cases.admin_received', headerZh: '受理行政案件', headerEn: 'Admin cases accepted' },
      { metric: 'cases.criminal_filed', headerZh: '刑事立案', headerEn: 'Criminal cases filed' },
      { metric: 'cases.admin_penalty_persons', headerZh: '行政处罚人数', headerEn: 'Persons penalised' },
      {
        metric: 'publicity.admin_penalty_published_persons',
        headerZh: '其中已公示人数',
        headerEn: 'Of which published',
      },
      {
        metric: 'review.admin_cases_reviewed',
        headerZh: '法制审核行政案件',
        headerEn: 'Admin cases reviewed',
      },
      {
        metric: 'review.criminal_cases_reviewed',
        headerZh: '法制审核刑事案件',
        headerEn: 'Criminal cases reviewed',
      },
      { metric: 'offline.cases', headerZh: '线下办理案件', headerEn: 'Handled offline' },
    ],
  },
  {
    id: 'supervision',
    nameZh: '执法监督情况统计表',
    nameEn: 'Law-enforcement supervision',
    period: 'quarter',
    rows: 'units',
    columns: [
      { metric: 'supervision.findings_raised', headerZh: '发现问题', headerEn: 'Problems found' },
      { metric: 'supervision.findings_corrected', headerZh: '已整改', headerEn: 'Corrected' },
      { metric: 'supervision.findings_open', headerZh: '未整改', headerEn: 'Not yet corrected' },
      { metric: 'supervision.findings_confirmed', headerZh: '确认违规', headerEn: 'Confirmed violations' },
      {
        metric: 'supervision.irregular_acceptance_found',
        headerZh: '受立案不规范已纠正',
        headerEn: 'Irregular acceptance corrected',
      },
      { metric: 'supervision.suggestion_letters', headerZh: '执法建议书', headerEn: 'Suggestion letters' },
      { metric: 'callbacks.dissatisfied', headerZh: '回访不满意', headerEn: 'Dissatisfied call-backs' },
      { metric: 'camera.checks', headerZh: '执法记录仪抽查', headerEn: 'Body-camera checks' },
      { metric: 'camera.not_recorded', headerZh: '未全程记录', headerEn: 'Not fully recorded' },
      { metric: 'evaluation.cases_evaluated', headerZh: '考评案件', headerEn: 'Cases evaluated' },
    ],
  },
];

const BY_ID = new Map(STAT_TABLES.map((t) => [t.id, t]));

export function statTableById(id: string): StatTableDef | undefined {
  return BY_ID.get(id);
}

/** Whether a table can be asked for the period: a yearly table has no quarters. */
export function statTableAccepts(t: StatTableDef, period: string): boolean {
  return t.period === 'quarter' || !/-Q/.test(period);
}

export const StatTableColumnSchema = z.object({
  metric: z.string(),
  headerZh: z.string().optional(),
  headerEn: z.string().optional(),
});

export const StatTableDefSchema = z.object({
  id: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  period: z.enum(STAT_TABLE_PERIODS),
  rows: z.enum(STAT_TABLE_ROWS),
  columns: z.array(StatTableColumnSchema),
});

export const StatTableListResponse = z.object({ items: z.array(StatTableDefSchema) });
export type StatTableListResponse = z.infer<typeof StatTableListResponse>;

export const StatTableQuery = z.object({ period: MetricPeriodParam });
export type StatTableQuery = z.infer<typeof StatTableQuery>;

/** One row: a unit (unitId null: records of no unit) or, for a 'none' table, the branch. */
export const StatTableRow = z.object({
  unitId: z.number().nullable(),
  unitName: z.string(),
  /** One per column; null where the metric has no value for the period. */
  values: z.array(z.number().nullable()),
});
export type StatTableRow = z.infer<typeof StatTableRow>;

/** A table for a period: its columns, unit rows and the 合计 row (the branch's metric values). */
export const StatTableResponse = z.object({
  table: StatTableDefSchema,
  forPeriod: z.string(),
  orgName: z.string(),
  /** The title as printed: the branch, the period and the table's name. */
  title: z.string(),
  headers: z.array(z.object({ metric: z.string(), title: z.string(), unit: z.string() })),
  rows: z.array(StatTableRow),
  totals: z.array(z.number().nullable()),
});
export type StatTableResponse = z.infer<typeof StatTableResponse>;

/** How an ad-hoc table breaks each metric down: per unit, per quarter or per month of a year. */
export const METRIC_TABLE_BREAKDOWNS = ['unit', 'quarter', 'month'] as const;
export type MetricTableBreakdown = (typeof METRIC_TABLE_BREAKDOWNS)[number];

export const MetricTableXlsxQuery = MetricTableQuery.extend({
  by: z.enum(METRIC_TABLE_BREAKDOWNS).optional(),
});
export type MetricTableXlsxQuery = z.infer<typeof MetricTableXlsxQuery>;
