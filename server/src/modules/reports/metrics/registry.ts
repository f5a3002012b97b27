/**
 * The computed metrics by id, and the questions each answers: how many (one count over its record
 * query), how many per unit (the same query grouped by its records' unit) and which (a page of the
 * same query). All read one query, so they agree: the units' counts add up to the branch's.
 */
import { type Locale, say } from '@fazhi/common';
import { sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../../db/index.ts';
import { CASE_METRICS, PUBLICITY_METRICS } from './cases.ts';
import { CHECK_METRICS } from './checks.ts';
import { EVALUATION_METRICS } from './evaluation.ts';
import { INCIDENT_METRICS } from './incidents.ts';
import { OFFLINE_METRICS } from './offline.ts';
import { PEOPLE_METRICS } from './people.ts';
import { type PeriodRange, periodRange } from './period.ts';
import { RULE_METRICS } from './rules.ts';
import { SUPERVISION_METRICS } from './supervision.ts';
import type { ComputedMetric, RecordColumn } from './types.ts';

export const COMPUTED_METRICS: ReadonlyMap<string, ComputedMetric> = new Map(
  [
    ...INCIDENT_METRICS,
    ...CASE_METRICS,
    ...PUBLICITY_METRICS,
    ...SUPERVISION_METRICS,
    ...CHECK_METRICS,
    ...EVALUATION_METRICS,
    ...PEOPLE_METRICS,
    ...OFFLINE_METRICS,
    ...RULE_METRICS,
  ].map((m) => [m.id, m]),
);

export interface RecordsPage {
  columns: { key: string; title: string }[];
  items: Record<string, unknown>[];
  total: number;
}

function metricOf(id: string): ComputedMetric {
  const m = COMPUTED_METRICS.get(id);
  if (!m) throw new Error(`no computed metric ${id}`);
  return m;
}

/** A calendar month in China time, e.g. (2021, 8) → [2021-08-01, 2021-09-01) +08:00. */
export function monthRange(year: number, month: number): PeriodRange {
  const pad = (n: number) => String(n).padStart(2, '0');
  const fromDate = `${year}-${pad(month)}-01`;
  const toDate = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
  return {
    period: `${year}-${pad(month)}`,
    year,
    // The month's quarter: a yearly-only metric does not apply to it.
    quarter: Math.ceil(month / 3),
    fromDate,
    toDate,
    from: `${fromDate}T00:00:00+08:00`,
    to: `${toDate}T00:00:00+08:00`,
  };
}

const isMonth = (p: PeriodRange) => /^\d{4}-\d{2}$/.test(p.period);
const rangeOf = (period: string | PeriodRange) => (typeof period === 'string' ? periodRange(period) : period);

/** Whether the metric has a value for the range (a labelled metric has none for a month). */
function applies(m: ComputedMetric, p: PeriodRange): boolean {
  if (m.labelled && isMonth(p)) return false;
  return !m.appliesTo || m.appliesTo(p);
}

/** The metric counts its records by unit: a per-unit table can show it. */
export function breaksDownByUnit(id: string): boolean {
  const m = COMPUTED_METRICS.get(id);
  return !!m?.byUnit && !m.value;
}

/** The metric's value for the period: the count of its records, or null where it does not apply. */
export async function computeMetric(
  db: Queryable,
  orgId: number,
  id: string,
  period: string | PeriodRange,
): Promise<number | null> {
  const m = metricOf(id);
  const p = rangeOf(period);
  if (!applies(m, p)) return null;
  const query = m.value ? m.value(orgId, p) : sql`select count(*) as n from (${m.rows(orgId, p)}) r`;
  const [row] = await rows<{ n: unknown }>(db, query);
  if (m.value && (row?.n === null || row?.n === undefined)) return null;
  return Number(row?.n ?? 0);
}

/**
 * The metric's records counted per unit (null: records of no unit), in one grouped query over the
 * records that make its value; null when the metric does not break down by unit (a rule's
 * parameter, records of no unit) or has no value for the period.
 */
export async function computeByUnit(
  db: Queryable,
  orgId: number,
  id: string,
  period: string | PeriodRange,
): Promise<Map<number | null, number> | null> {
  const m = metricOf(id);
  const p = rangeOf(period);
  if (!breaksDownByUnit(id) || !applies(m, p)) return null;
  const list = await rows<{ unit_id: unknown; n: unknown }>(
    db,
    sql`select r.unit_id, count(*) as n from (${m.rows(orgId, p)}) r group by r.unit_id`,
  );
  return new Map(list.map((r) => [r.unit_id === null ? null : Number(r.unit_id), Number(r.n)]));
}

/** A record's value as people read it: a code by its name in the user's language. */
function cell(c: RecordColumn, v: unknown, locale: Locale): unknown {
  if (v === null || v === undefined) return null;
  const name = c.names?.[String(v)];
  return name ? say(name, locale) : v;
}

/** The records behind the value, a page at a time (pageSize 0: all of them, for Excel). */
export async function metricRecords(
  db: Queryable,
  orgId: number,
  id: string,
  period: string,
  opts: { page?: number; pageSize?: number; locale?: Locale } = {},
): Promise<RecordsPage> {
  const m = metricOf(id);
  const p = periodRange(period);
  const columns = m.columns.map((c) => ({ key: c.key, title: opts.locale === 'en-US' ? c.en : c.zh }));
  if (!applies(m, p)) return { columns, items: [], total: 0 };
  const page = opts.page ?? 1;
  const pageSize = opts.pageSize ?? 20;
  const limit = pageSize > 0 ? sql`limit ${pageSize} offset ${(page - 1) * pageSize}` : sql``;
  const list = await rows<Record<string, unknown>>(
    db,
    sql`select r.*, count(*) over () as total_count from (${m.rows(orgId, p)}) r order by r.at, r.id ${limit}`,
  );
  let total = Number(list[0]?.total_count ?? 0);
  if (list.length === 0 && page > 1) {
    const [row] = await rows<{ n: unknown }>(db, sql`select count(*) as n from (${m.rows(orgId, p)}) r`);
    total = Number(row?.n ?? 0);
  }
  const locale = opts.locale ?? 'zh-CN';
  const items = list.map((r) => {
    const item: Record<string, unknown> = { id: String(r.id) };
    for (const c of m.columns) item[c.key] = cell(c, r[c.key], locale);
    return item;
  });
  return { columns, items, total };
}
