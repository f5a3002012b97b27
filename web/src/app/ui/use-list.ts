import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../api.ts';

export type Filters = Record<string, string>;
const PAGING = ['page', 'pageSize'];

/**
 * A paginated, filtered server list whose filters live in the address bar, so a filtered
 * view can be linked to, reloaded and navigated back to.
 */
export function useList<T>(key: string, path: string, { pageSize: defaultSize = 20 } = {}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const f: Filters = {};
    for (const [k, v] of params) if (!PAGING.includes(k) && v) f[k] = v;
    return f;
  }, [params]);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Number(params.get('pageSize')) || defaultSize;

  const query = useQuery({
    queryKey: [key, 'list', filters, page, pageSize],
    queryFn: ({ signal }) =>
      api.get<{ items: T[]; total?: number }>(path, { ...filters, page, pageSize }, { signal }),
    placeholderData: keepPreviousData,
  });

  const write = useCallback(
    (next: Filters, p: number, size: number) => {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(next)) if (v) q.set(k, v);
      if (p > 1) q.set('page', String(p));
      if (size !== defaultSize) q.set('pageSize', String(size));
      setParams(q, { replace: true });
    },
    [setParams, defaultSize],
  );

  /** New filters start again at page 1. */
  const setFilters = useCallback((next: Filters) => write(next, 1, pageSize), [write, pageSize]);

  const table: Pick<TableProps<T>, 'dataSource' | 'loading' | 'pagination'> = {
    dataSource: query.data?.items,
    loading: query.isFetching,
    pagination: {
      current: page,
      pageSize,
      total: query.data?.total ?? query.data?.items.length ?? 0,
      showSizeChanger: true,
      pageSizeOptions: [10, 20, 50, 100],
      showTotal: (total) => t('common.total', { total }),
      onChange: (p, size) => write(filters, size !== pageSize ? 1 : p, size),
    },
  };
  return { filters, setFilters, query, table };
}
