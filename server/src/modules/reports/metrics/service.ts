/**
 * What the metric routes answer: the catalogue with a period's values, one metric with where its
 * value came from, its records, and the Excel exports (records, and any table of metrics).
 */
import {
  METRIC_VALUE_STATUS_NAMES,
  type MetricDetailResponse,
  type MetricItem,
  type MetricListResponse,
  type MetricSubmissionDetail,
  type MetricTableBreakdown,
  metricById,
  say,
} from '@fazhi/common';
import { sql } from 'drizzle-orm';
import { rows } from '../../../db/index.ts';
import type { Ctx } from '../../../http/context.ts';
import { AppError, notFound } from '../../../http/errors.ts';
import { writeSheet } from '../../../platform-io/excel.ts';
import { NO_UNIT, tableUnits } from '../tables/units.ts';
import { periodRange } from './period.ts';
import {
  COMPUTED_METRICS,
  computeByUnit,
  computeMetric,
  metricRecords,
  monthRange,
  type RecordsPage,
} from './registry.ts';
import { metricValues } from './values.ts';

/** A comma list of metric ids: every one must be in the catalogue (names the bad one). */
export function parseIds(raw: string | undefined): string[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const ids = [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = ids.find((id) => !metricById(id));
  if (unknown)
    throw new AppError('VALIDATION', { ids: { key: 'report.unknownMetric', params: { id: unknown } } });
  return ids;
}

function defOf(id: string) {
  const d = metricById(id);
  if (!d) throw notFound();
  return d;
}

export async function listMetrics(ctx: Ctx, period: string, idsRaw?: string): Promise<MetricListResponse> {
  periodRange(period);
  const ids = parseIds(idsRaw);
  const values = await metricValues(ctx.db, ctx.orgId, period, ids);
  const items: MetricItem[] = values.map((v) => ({ ...defOf(v.id), ...v }));
  return { items, total: items.length };
}

async function submissionDetail(
  ctx: Ctx,
  id: string,
  submissionId: number,
): Promise<MetricSubmissionDetail | null> {
  const [r] = await rows<Record<string, unknown>>(
    ctx.db,
    sql`select s.id, s.round_id, r.title as round_title, s.unit_id, u.name as unit_name,
               coalesce(s.values -> ${id} ->> 'note', '') as note,
               so.name as signed_by, s.signed_at, ro.name as accepted_by, s.reviewed_at
        from submissions s join collection_rounds r on r.id = s.round_id
        left join units u on u.id = s.unit_id
        left join officers so on so.id = s.signed_by
        left join officers ro on ro.id = s.reviewed_by
        where s.org_id = ${ctx.orgId} and s.id = ${submissionId}`,
  );
  if (!r) return null;
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  return {
    submissionId: Number(r.id),
    roundId: Number(r.round_id),
    roundTitle: String(r.round_title),
    unitId: Number(r.unit_id),
    unitName: String(r.unit_name ?? ''),
    note: String(r.note ?? ''),
    signedBy: (r.signed_by as string | null) ?? null,
    signedAt: iso(r.signed_at),
    acceptedBy: (r.accepted_by as string | null) ?? null,
    acceptedAt: iso(r.reviewed_at),
  };
}

export async function metricDetail(ctx: Ctx, id: string, period: string): Promise<MetricDetailResponse> {
  const def = defOf(id);
  periodRange(period);
  const partIds = [def.numerator, def.denominator].filter((x): x is string => !!x && !!metricById(x));
  const [value, ...parts] = await metricValues(ctx.db, ctx.orgId, period, [id, ...partIds]);
  const submission =
    value?.submissionId !== undefined ? await submissionDetail(ctx, id, value.submissionId) : null;
  return { ...def, ...value!, forPeriod: period, submission, parts };
}

export async function listMetricRecords(
  ctx: Ctx,
  id: string,
  period: string,
  page: number,
  pageSize: number,
): Promise<RecordsPage> {
  defOf(id);
  periodRange(period);
  // A submitted or derived metric has no records in Fazhi: an empty list says so.
  if (!COMPUTED_METRICS.has(id)) return { columns: [], items: [], total: 0 };
  return metricRecords(ctx.db, ctx.orgId, id, period, { page, pageSize, locale: ctx.locale });
}

const safeName = (s: string) => s.replace(/[\\/:*?"<>|]/g, '_');

export async function metricRecordsXlsx(ctx: Ctx, id: string, period: string) {
  const def = defOf(id);
  const page = await listMetricRecords(ctx, id, period, 1, 0);
  const buffer = await writeSheet<Record<string, unknown>>(
    safeName(def.nameZh).slice(0, 31),
    page.columns.map((c) => ({
      header: c.title,
      width: 20,
      value: (r) => {
        const v = r[c.key];
        return v === null || v === undefined
          ? null
          : typeof v === 'number' || typeof v === 'boolean'
            ? v
            : String(v);
      },
    })),
    [page.items],
  );
  return { buffer, fileName: safeName(`${def.nameZh}-${period}.xlsx`) };
}

type Cell = string | number | boolean | null;

/** One row per metric: its name and unit, then one cell per breakdown column, then the period's value. */
async function breakdown(
  ctx: Ctx,
  period: string,
  items: MetricItem[],
  by: MetricTableBreakdown,
): Promise<{ headers: string[]; cells: Map<string, Cell[]> }> {
  const en = ctx.locale === 'en-US';
  const p = periodRange(period);
  if (by === 'unit') {
    const maps = await Promise.all(items.map((m) => computeByUnit(ctx.db, ctx.orgId, m.id, period)));
    const units = await tableUnits(
      ctx.db,
      ctx.orgId,
      maps.flatMap((m) => (m ? [...m.keys()] : [])),
      NO_UNIT[ctx.locale],
    );
    return {
      headers: units.map((u) => u.name),
      cells: new Map(
        items.map((m, i) => [m.id, units.map((u) => (maps[i] ? (maps[i].get(u.unitId) ?? 0) : null))]),
      ),
    };
  }
  const ids = items.map((m) => m.id);
  if (by === 'quarter') {
    const quarters = await Promise.all(
      [1, 2, 3, 4].map((q) => metricValues(ctx.db, ctx.orgId, `${p.year}-Q${q}`, ids)),
    );
    return {
      headers: [1, 2, 3, 4].map((q) => (en ? `Q${q}` : `第${q}季度`)),
      cells: new Map(ids.map((id, i) => [id, quarters.map((values) => values[i]?.value ?? null)])),
    };
  }
  // Months: computed counts only (a submitted figure is filled for a year or a quarter).
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const cells = new Map<string, Cell[]>();
  for (const id of ids)
    cells.set(
      id,
      COMPUTED_METRICS.has(id)
        ? await Promise.all(months.map((m) => computeMetric(ctx.db, ctx.orgId, id, monthRange(p.year, m))))
        : months.map(() => null),
    );
  return { headers: months.map((m) => (en ? `M${m}` : `${m}月`)), cells };
}

/**
 * Any table of metrics a user picks: one row per metric with value, 同比 and source; or, broken
 * down `by` unit (the metrics that count records by unit), quarter or month of a year, one column
 * per part and the period's value last.
 */
export async function metricTableXlsx(ctx: Ctx, period: string, idsRaw: string, by?: MetricTableBreakdown) {
  const ids = parseIds(idsRaw) ?? [];
  if (ids.length === 0) throw new AppError('VALIDATION', { ids: 'required' });
  // A quarter or month breakdown splits a year.
  if ((by === 'quarter' || by === 'month') && periodRange(period).quarter !== null)
    throw new AppError('VALIDATION', { by: 'report.table.byNeedsYear' });
  const { items } = await listMetrics(ctx, period, ids.join(','));
  const en = ctx.locale === 'en-US';
  const name = (m: MetricItem) => (en ? m.nameEn : m.nameZh);
  if (by) {
    const { headers, cells } = await breakdown(ctx, period, items, by);
    const buffer = await writeSheet<MetricItem>(
      en ? 'Metrics' : '指标',
      [
        { header: en ? 'Metric' : '指标', width: 36, value: name },
        { header: en ? 'Unit' : '计量单位', width: 8, value: (m) => m.unit },
        ...headers.map((header, i) => ({
          header,
          width: Math.max(8, header.length * 2),
          value: (m: MetricItem) => cells.get(m.id)?.[i] ?? null,
        })),
        { header: en ? `Total ${period}` : `${period}合计`, width: 14, value: (m) => m.value },
      ],
      [items],
    );
    return { buffer, fileName: `指标表-${period}-${by}.xlsx` };
  }
  const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
  const buffer = await writeSheet<MetricItem>(
    en ? 'Metrics' : '指标',
    [
      { header: en ? 'Metric' : '指标', width: 36, value: name },
      { header: en ? 'Section' : '报告章节', width: 10, value: (m) => m.section },
      { header: en ? 'Unit' : '单位', width: 8, value: (m) => m.unit },
      { header: period, width: 14, value: (m) => m.value },
      { header: en ? 'Same period last year' : '上年同期', width: 14, value: (m) => m.previous },
      { header: en ? 'Change %' : '同比增减%', width: 12, value: (m) => pct(m.change) },
      {
        header: en ? 'Status' : '来源',
        width: 12,
        value: (m) => say(METRIC_VALUE_STATUS_NAMES[m.status], ctx.locale),
      },
      {
        header: en ? 'Source' : '数据来源',
        width: 40,
        value: (m) => (m.source.kind === 'computed' ? m.source.records : m.source.ownerName),
      },
    ],
    [items],
  );
  return { buffer, fileName: `指标表-${period}.xlsx` };
}
