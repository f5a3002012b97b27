/** 指标: the computed metrics, their values for a period and what the checker knows of a year. */
export { isReportPeriod, periodRange, previousPeriod } from './period.ts';
export { COMPUTED_METRICS, computeMetric, metricRecords, type RecordsPage } from './registry.ts';
export { acceptedValues, knownFiguresFor, metricValues } from './values.ts';
