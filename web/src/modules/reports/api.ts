import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type {
  AnnualPreview,
  AnnualReport,
  FindingsAnswer,
  MetricDetail,
  MetricRow,
  RecordsPage,
  ReportCompare,
  ReportVersionText,
} from './types.ts';

/** Every report query starts with this key, so saving the text refreshes preview, checks and lists. */
export const REPORTS_KEY = ['reports'] as const;

const enc = encodeURIComponent;

export function useMetrics(period: string) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'metrics', period],
    queryFn: ({ signal }) =>
      api.get<{ items: MetricRow[]; total: number }>('/api/reports/metrics', { period }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMetric(id: string | undefined, period: string) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'metric', id, period],
    queryFn: ({ signal }) =>
      api.get<MetricDetail>(`/api/reports/metrics/${enc(id ?? '')}`, { period }, { signal }),
    enabled: !!id,
  });
}

export function useMetricRecords(
  id: string | undefined,
  period: string,
  page: number,
  pageSize: number,
  enabled: boolean,
) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'records', id, period, page, pageSize],
    queryFn: ({ signal }) =>
      api.get<RecordsPage>(
        `/api/reports/metrics/${enc(id ?? '')}/records`,
        { period, page, pageSize },
        { signal },
      ),
    enabled: !!id && enabled,
    placeholderData: keepPreviousData,
  });
}

export function useAnnualReport(year: number) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'annual', year],
    queryFn: ({ signal }) => api.get<AnnualReport>(`/api/reports/annual/${year}`, undefined, { signal }),
  });
}

export function useAnnualPreview(year: number) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'preview', year],
    queryFn: ({ signal }) =>
      api.get<AnnualPreview>(`/api/reports/annual/${year}/preview`, undefined, { signal }),
  });
}

/** A saved version's text (版本记录); `version` undefined: nothing asked yet. */
export function useAnnualVersion(year: number, version: number | undefined) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'version', year, version],
    queryFn: ({ signal }) =>
      api.get<ReportVersionText>(`/api/reports/annual/${year}/versions/${version}`, undefined, { signal }),
    enabled: version !== undefined,
  });
}

/** A saved version rendered with today's figures. */
export function useVersionPreview(year: number, version: number | undefined) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'version-preview', year, version],
    queryFn: ({ signal }) =>
      api.get<AnnualPreview>(`/api/reports/annual/${year}/versions/${version}/preview`, undefined, {
        signal,
      }),
    enabled: version !== undefined,
  });
}

/** A saved version against the current text, block by block. */
export function useVersionCompare(year: number, version: number | undefined, enabled = true) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'version-compare', year, version],
    queryFn: ({ signal }) =>
      api.get<ReportCompare>(`/api/reports/annual/${year}/versions/${version}/compare`, undefined, {
        signal,
      }),
    enabled: version !== undefined && enabled,
  });
}

/** The check runs on demand (a button), not on every visit: it reads the whole report. */
export function useAnnualCheck(year: number, enabled: boolean) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'check', year],
    queryFn: ({ signal }) =>
      api.get<FindingsAnswer>(`/api/reports/annual/${year}/check`, undefined, { signal }),
    enabled,
  });
}

export const downloadRecords = (id: string, period: string) =>
  api.download(`/api/reports/metrics/${enc(id)}/records.xlsx`, { period }, `${id}-${period}.xlsx`);

export const downloadTables = (ids: string[], period: string) =>
  api.download('/api/reports/tables.xlsx', { ids: ids.join(','), period }, `指标-${period}.xlsx`);

export const downloadReport = (year: number, format: 'docx' | 'md') =>
  api.download(
    `/api/reports/annual/${year}/export.${format}`,
    undefined,
    `${year}年法治政府建设年度报告.${format}`,
  );
