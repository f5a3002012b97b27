import type { MetricTableBreakdown, StatTableListResponse, StatTableResponse } from '@fazhi/common';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

const KEY = ['statistics'] as const;
const enc = encodeURIComponent;

export function useStatTables() {
  return useQuery({
    queryKey: [...KEY, 'tables'],
    queryFn: ({ signal }) =>
      api.get<StatTableListResponse>('/api/reports/stat-tables', undefined, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useStatTable(id: string | undefined, period: string) {
  return useQuery({
    queryKey: [...KEY, 'table', id, period],
    queryFn: ({ signal }) =>
      api.get<StatTableResponse>(`/api/reports/stat-tables/${enc(id ?? '')}`, { period }, { signal }),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

export const downloadStatTable = (id: string, period: string) =>
  api.download(`/api/reports/stat-tables/${enc(id)}/table.xlsx`, { period }, `${id}-${period}.xlsx`);

export const downloadMetricTable = (ids: string[], period: string, by: MetricTableBreakdown | undefined) =>
  api.download(
    '/api/reports/tables.xlsx',
    { ids: ids.join(','), period, ...(by ? { by } : {}) },
    `指标表-${period}${by ? `-${by}` : ''}.xlsx`,
  );
