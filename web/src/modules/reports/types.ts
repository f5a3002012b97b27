/**
 * The shapes the report pages read, from the shared contracts (common/src/reports/contracts.ts
 * for metrics, annual.ts for the report), under the names the pages use.
 */
import type { AnnualReportResponse, CheckFinding, MetricDef, PreviewSegment } from '@fazhi/common';

export type {
  MetricDetailResponse as MetricDetail,
  MetricItem as MetricRow,
  MetricRecordsResponse as RecordsPage,
  MetricValueStatus as MetricStatus,
} from '@fazhi/common';
export type MetricSourceKind = MetricDef['source']['kind'];

export type {
  AnnualReportCompareResponse as ReportCompare,
  AnnualReportResponse as AnnualReport,
  AnnualReportVersionResponse as ReportVersionText,
  DatedFlag,
  DiffBlock,
  DiffParagraph,
  PreviewBlock,
  PreviewResponse as AnnualPreview,
  PreviewSegment,
  ReportBlock,
} from '@fazhi/common';
export type ReportVersion = AnnualReportResponse['versions'][number];

/** A checker finding as the server sends it (locations only when it has them). */
export type Finding = Omit<CheckFinding, 'locations' | 'kind'> & {
  kind: string;
  locations?: CheckFinding['locations'];
};

/** The checker answers with its findings, bare or wrapped. */
export type FindingsAnswer = Finding[] | { findings: Finding[] } | { items: Finding[] };

export const findingsOf = (a: FindingsAnswer | undefined): Finding[] =>
  !a ? [] : Array.isArray(a) ? a : 'findings' in a ? a.findings : a.items;

export const isFigure = (s: PreviewSegment): s is Extract<PreviewSegment, { metricId: string }> =>
  'metricId' in s;
