/**
 * What the metric routes answer: the catalogue with a period's values, one metric with where its
 * value came from, its records, and the Excel exports (records, and any table of metrics).
 */
import {
  type MetricDetailResponse,
  type MetricItem,
  type MetricListResponse,
  type MetricSubmissionDetail,
  metricById,
} from '@fazhi/common';
import { sql } from 'drizzle-orm';
import { rows } from '../../../db/index.ts';
import type { Ctx } from '../../../http/context.ts';
import { AppError, notFound } from '../../../http/errors.ts';
import { writeSheet } from '../../../platform-io/excel.ts';
import { periodRange } from './period.ts';
import { COMPUTED_METRICS, metricRecords, type RecordsPage } from './registry.ts';
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

const STATUS_ZH = { computed: '系统计算', submitted: '部门填报', missing: '缺数' } as const;
const STATUS_EN = { computed: 'Computed', submitted: 'Submitted', missing: 'Missing' } as const;

/** Any table of metrics a user picks: one row per metric with value, 同比 and source. */
export async function metricTableXlsx(ctx: Ctx, period: string, idsRaw: string) {
  const ids = parseIds(idsRaw) ?? [];
  if (ids.length === 0) throw new AppError('VALIDATION', { ids: 'required' });
  const { items } = await listMetrics(ctx, period, ids.join(','));
  const en = ctx.locale === 'en-US';
  const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
  const buffer = await writeSheet<MetricItem>(
    en ? 'Metrics' : '指标',
    [
      { header: en ? 'Metric' : '指标', width: 36, value: (m) => (en ? m.nameEn : m.nameZh) },
      { header: en ? 'Section' : '报告章节', width: 10, value: (m) => m.section },
      { header: en ? 'Unit' : '单位', width: 8, value: (m) => m.unit },
      { header: period, width: 14, value: (m) => m.value },
      { header: en ? 'Same period last year' : '上年同期', width: 14, value: (m) => m.previous },
      { header: en ? 'Change %' : '同比增减%', width: 12, value: (m) => pct(m.change) },
      { header: en ? 'Status' : '来源', width: 12, value: (m) => (en ? STATUS_EN : STATUS_ZH)[m.status] },
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
