import { ENFORCEMENT_METRICS } from './catalogue/enforcement.ts';
import { EPIDEMIC_METRICS } from './catalogue/epidemic.ts';
import { GOVERNANCE_METRICS } from './catalogue/governance.ts';
import { LEGAL_AFFAIRS_METRICS } from './catalogue/legal-affairs.ts';
import { LITIGATION_METRICS } from './catalogue/litigation.ts';
import { MEDIATION_METRICS } from './catalogue/mediation.ts';
import { PEOPLE_METRICS } from './catalogue/people.ts';
import { PUBLIC_SAFETY_METRICS } from './catalogue/public-safety.ts';
import { SERVICES_METRICS } from './catalogue/services.ts';
import { STATISTICS_METRICS } from './catalogue/statistics.ts';
import { SUPERVISION_METRICS } from './catalogue/supervision.ts';

/**
 * How a metric covers time: a year or quarter's flow; a stock as of the period's end (officers
 * qualified, units); a running total the report states "截至目前/以来".
 */
export const METRIC_PERIODS = ['year', 'quarter', 'stock', 'cumulative'] as const;
export type MetricPeriod = (typeof METRIC_PERIODS)[number];

/**
 * Where a figure comes from. `computed`: Fazhi holds the records today and counts them (the
 * drill-down shows exactly those rows). `submitted`: a department fills it in a collection round
 * (数据填报) because no module records it yet; `note` says why, or which module will compute it.
 */
export type MetricSource =
  | { kind: 'computed'; records: string }
  | { kind: 'submitted'; ownerUnitCode: string; ownerName: string; note?: string };

/** One figure of the 法治政府建设年度报告, stated once with its definition and source. */
export interface MetricDef {
  /** Stable dotted id, e.g. 'cases.admin_penalty_persons'; templates embed it as {{id}}. */
  id: string;
  nameZh: string;
  nameEn: string;
  /** 统计口径 in Chinese: what is counted. */
  definition: string;
  /** 人 | 件 | 起 | % | 元 | 个 | 项 … as the report prints it. */
  unit: string;
  period: MetricPeriod;
  /** The reference report's own period wording when it is not a plain year (本轮疫情, 近两年 …). */
  periodNote?: string;
  /** The report section that states it, e.g. '一(二)3'. */
  section: string;
  source: MetricSource;
  /** Rates are never stored: value = numerator / denominator × 100. */
  numerator?: string;
  denominator?: string;
  /** zh phrases a report uses for the subject; the consistency checker matches them. */
  aliases?: string[];
  /** A breakdown of another metric ("其中 …"): the parts should not exceed the whole. */
  partOf?: string;
}

/** Every figure of the annual report (the 2021 reference report's ~200) plus the parts of rates. */
export const METRICS: readonly MetricDef[] = [
  ...EPIDEMIC_METRICS,
  ...PUBLIC_SAFETY_METRICS,
  ...ENFORCEMENT_METRICS,
  ...SUPERVISION_METRICS,
  ...SERVICES_METRICS,
  ...GOVERNANCE_METRICS,
  ...LEGAL_AFFAIRS_METRICS,
  ...PEOPLE_METRICS,
  ...MEDIATION_METRICS,
  ...LITIGATION_METRICS,
  ...STATISTICS_METRICS,
];

const BY_ID = new Map(METRICS.map((m) => [m.id, m]));

export function metricById(id: string): MetricDef | undefined {
  return BY_ID.get(id);
}

/** A rate metric: its value is derived from two other metrics. */
export function isRateMetric(m: MetricDef): m is MetricDef & { numerator: string; denominator: string } {
  return m.numerator !== undefined && m.denominator !== undefined;
}

/** The unit codes of the departments that owe submitted metrics (one form per department). */
export function submittedMetricsByOwner(): Map<string, MetricDef[]> {
  const out = new Map<string, MetricDef[]>();
  for (const m of METRICS) {
    if (m.source.kind !== 'submitted') continue;
    const list = out.get(m.source.ownerUnitCode) ?? [];
    list.push(m);
    out.set(m.source.ownerUnitCode, list);
  }
  return out;
}
