/**
 * The computed metrics by id, and the two questions each answers: how many (one count over its
 * record query) and which (a page of the same query). Both read one query, so they agree.
 */
import type { Locale } from '@fazhi/common';
import { sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../../db/index.ts';
import { CASE_METRICS, PUBLICITY_METRICS } from './cases.ts';
import { CHECK_METRICS } from './checks.ts';
import { EVALUATION_METRICS } from './evaluation.ts';
import { INCIDENT_METRICS } from './incidents.ts';
import { PEOPLE_METRICS } from './people.ts';
import { periodRange } from './period.ts';
import { SUPERVISION_METRICS } from './supervision.ts';
import type { ComputedMetric } from './types.ts';

export const COMPUTED_METRICS: ReadonlyMap<string, ComputedMetric> = new Map(
  [
    ...INCIDENT_METRICS,
    ...CASE_METRICS,
    ...PUBLICITY_METRICS,
    ...SUPERVISION_METRICS,
    ...CHECK_METRICS,
    ...EVALUATION_METRICS,
    ...PEOPLE_METRICS,
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

/** The metric's value for the period: the count of its records, or null where it does not apply. */
export async function computeMetric(
  db: Queryable,
  orgId: number,
  id: string,
  period: string,
): Promise<number | null> {
  const m = metricOf(id);
  const p = periodRange(period);
  if (m.appliesTo && !m.appliesTo(p)) return null;
  const query = m.value ? m.value(orgId, p) : sql`select count(*) as n from (${m.rows(orgId, p)}) r`;
  const [row] = await rows<{ n: unknown }>(db, query);
  if (m.value && (row?.n === null || row?.n === undefined)) return null;
  return Number(row?.n ?? 0);
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
  if (m.appliesTo && !m.appliesTo(p)) return { columns, items: [], total: 0 };
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
  const items = list.map((r) => {
    const item: Record<string, unknown> = { id: String(r.id) };
    for (const c of m.columns) item[c.key] = r[c.key] ?? null;
    return item;
  });
  return { columns, items, total };
}
