/**
 * A period's metric values: computed ones counted from records, submitted ones from the latest
 * accepted submission of a round for that period, rates derived from their parts (never stored),
 * each with 同比 (the same period a year before).
 */
import {
  isRateMetric,
  type KnownFigure,
  METRICS,
  type MetricDef,
  type MetricValue,
  metricById,
} from '@fazhi/common';
import { sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../../db/index.ts';
import { periodRange, previousPeriod } from './period.ts';
import { COMPUTED_METRICS, computeMetric } from './registry.ts';

interface Raw {
  value: number | null;
  status: MetricValue['status'];
  submissionId?: number;
}

export interface AcceptedValue {
  metricId: string;
  submissionId: number;
  value: number | null;
}

/** The latest accepted value of each metric for the period (latest review wins). */
export async function acceptedValues(
  db: Queryable,
  orgId: number,
  period: string,
  ids: string[],
): Promise<Map<string, AcceptedValue>> {
  if (ids.length === 0) return new Map();
  const list = await rows<{ metric_id: string; submission_id: unknown; value: string | null }>(
    db,
    sql`select distinct on (k.metric_id) k.metric_id, s.id as submission_id,
               s.values -> k.metric_id ->> 'value' as value
        from submissions s join collection_rounds r on r.id = s.round_id
        cross join lateral unnest(s.metric_ids) as k(metric_id)
        where s.org_id = ${orgId} and s.status = 'accepted' and r.period = ${period}
          and k.metric_id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})
          and s.values -> k.metric_id ->> 'value' is not null
        order by k.metric_id, s.reviewed_at desc nulls last, s.id desc`,
  );
  const out = new Map<string, AcceptedValue>();
  for (const r of list) {
    const n = r.value === null ? null : Number(r.value);
    out.set(r.metric_id, {
      metricId: r.metric_id,
      submissionId: Number(r.submission_id),
      value: n !== null && Number.isFinite(n) ? n : null,
    });
  }
  return out;
}

/** The defs asked for, plus the parts of any rate among them (a rate needs both). */
function withParts(defs: readonly MetricDef[]): MetricDef[] {
  const out = new Map(defs.map((d) => [d.id, d]));
  for (const d of defs) {
    if (!isRateMetric(d)) continue;
    for (const part of [d.numerator, d.denominator]) {
      const m = metricById(part);
      if (m) out.set(m.id, m);
    }
  }
  return [...out.values()];
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** value = numerator / denominator in percent (one decimal), from whatever source each part has. */
function rateOf(num: Raw | undefined, den: Raw | undefined): Raw {
  if (!num || !den || num.value === null || den.value === null || den.value === 0)
    return { value: null, status: 'missing' };
  const status = num.status === 'computed' && den.status === 'computed' ? 'computed' : 'submitted';
  return { value: round((num.value / den.value) * 100, 1), status };
}

/**
 * Count queries a few at a time: each is one index-backed count, independent of the others, so
 * on PostgreSQL they spread over the pool's connections (a single connection — PGlite, or a
 * transaction — simply queues them). Four leave the pool free for the users' own requests.
 */
const PARALLEL_COUNTS = 4;

async function inParallel<T, R>(items: readonly T[], f: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_COUNTS, items.length) }, worker));
  return out;
}

async function rawValues(
  db: Queryable,
  orgId: number,
  period: string,
  defs: readonly MetricDef[],
): Promise<Map<string, Raw>> {
  const all = withParts(defs);
  const out = new Map<string, Raw>();
  const submittedIds = all.filter((d) => !COMPUTED_METRICS.has(d.id) && !isRateMetric(d)).map((d) => d.id);
  const accepted = await acceptedValues(db, orgId, period, submittedIds);
  const computed = all.filter((d) => COMPUTED_METRICS.has(d.id));
  const values = await inParallel(computed, (d) => computeMetric(db, orgId, d.id, period));
  computed.forEach((d, i) => {
    const value = values[i] ?? null;
    out.set(d.id, { value, status: value === null ? 'missing' : 'computed' });
  });
  for (const d of all) {
    if (!COMPUTED_METRICS.has(d.id) && !isRateMetric(d)) {
      const a = accepted.get(d.id);
      out.set(
        d.id,
        a
          ? { value: a.value, status: 'submitted', submissionId: a.submissionId }
          : { value: null, status: 'missing' },
      );
    }
  }
  for (const d of all)
    if (isRateMetric(d)) out.set(d.id, rateOf(out.get(d.numerator), out.get(d.denominator)));
  return out;
}

/** Values for the period ('2021' or '2021-Q3'), in catalogue order; `ids` limits them. */
export async function metricValues(
  db: Queryable,
  orgId: number,
  period: string,
  ids?: string[],
): Promise<MetricValue[]> {
  const defs = ids ? ids.map((id) => metricById(id)).filter((d): d is MetricDef => !!d) : METRICS;
  const prior = previousPeriod(period);
  const [now, before, [first]] = await Promise.all([
    rawValues(db, orgId, period, defs),
    rawValues(db, orgId, prior, defs),
    rows<{ any: boolean }>(
      db,
      sql`select exists (select 1 from incidents where org_id = ${orgId}
            and received_at < ${periodRange(prior).to}::timestamptz) as any`,
    ),
  ]);
  // A year before the branch's first record is unknown, not zero: a computed 同比 against it
  // would read as growth from nothing.
  const recordsBefore = first?.any === true;
  return defs.map((d) => {
    const v = now.get(d.id) ?? { value: null, status: 'missing' as const };
    const prior = before.get(d.id);
    const previous = prior && (prior.status !== 'computed' || recordsBefore) ? prior.value : null;
    const change =
      v.value !== null && previous !== null && previous !== 0
        ? round((v.value - previous) / previous, 4)
        : null;
    return {
      id: d.id,
      value: v.value,
      status: v.status,
      ...(v.submissionId !== undefined ? { submissionId: v.submissionId } : {}),
      previous,
      change,
    };
  });
}

/**
 * Several years' values of `ids`, each year counted once (no 同比): for a chart of earlier years.
 * A computed value of a year that ended before the branch's first record is unknown (null), as
 * metricValues treats the year before.
 */
export async function yearValues(
  db: Queryable,
  orgId: number,
  years: readonly number[],
  ids: string[],
): Promise<Map<number, Map<string, number | null>>> {
  const defs = ids.map((id) => metricById(id)).filter((d): d is MetricDef => !!d);
  const [first] = await rows<{ at: string | null }>(
    db,
    sql`select min(received_at)::text as at from incidents where org_id = ${orgId}`,
  );
  const firstAt = first?.at ? new Date(first.at).getTime() : null;
  const out = new Map<number, Map<string, number | null>>();
  for (const year of years) {
    const raw = await rawValues(db, orgId, String(year), defs);
    const known = firstAt !== null && firstAt < new Date(periodRange(String(year)).to).getTime();
    out.set(
      year,
      new Map(
        defs.map((d) => {
          const v = raw.get(d.id);
          return [d.id, v && (v.status !== 'computed' || known) ? v.value : null];
        }),
      ),
    );
  }
  return out;
}

/** The checker's period for a metric: the year, a stock, or the report's running total. */
function knownPeriod(d: MetricDef, year: number): string {
  if (d.period === 'year' || d.period === 'quarter') return String(year);
  if (d.period === 'stock') return 'stock';
  if (d.periodNote?.includes('近两年')) return 'recent:2';
  const since = /(\d{4})/.exec(d.periodNote ?? '');
  return since ? `since:${since[1]}` : 'stock';
}

/** What Fazhi knows of a year, for the consistency checker's record_mismatch check. */
export async function knownFiguresFor(db: Queryable, orgId: number, year: number): Promise<KnownFigure[]> {
  const values = await metricValues(db, orgId, String(year));
  const out: KnownFigure[] = [];
  for (const v of values) {
    const d = metricById(v.id);
    if (!d || v.value === null) continue;
    out.push({
      metricId: d.id,
      names: [d.nameZh, ...(d.aliases ?? [])],
      unit: d.unit,
      period: knownPeriod(d, year),
      value: v.value,
    });
  }
  return out;
}
