import type { FindingDetailResponse, RuleListResponse } from '@fazhi/common';
import { type QueryKey, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

/**
 * Query keys: details, stats, rules and scans start with 'supervision'; after a change (an
 * answer, a verification, a scan) SUPERVISION_KEYS refreshes them and every list at once.
 */
export const SUPERVISION_KEY = ['supervision'] as const;

/** The paged lists (useList keys each list by a name of its own, so lists do not share a cache entry). */
export const LIST_KEYS = {
  findings: 'supervision.findings',
  documents: 'supervision.documents',
  accountability: 'supervision.accountability',
  committee: 'supervision.committee',
} as const;

/** Everything a change of supervision data may make stale: details, stats, rules, scans and the lists. */
export const SUPERVISION_KEYS: QueryKey[] = [SUPERVISION_KEY, ...Object.values(LIST_KEYS).map((k) => [k])];
export const findingKey = (id: number) => ['supervision', 'finding', id] as const;

export const FINDINGS_PATH = '/api/supervision/findings';

export function useFinding(id: number) {
  return useQuery({
    queryKey: findingKey(id),
    queryFn: () => api.get<FindingDetailResponse>(`${FINDINGS_PATH}/${id}`),
    enabled: Number.isFinite(id) && id > 0,
  });
}

/** The findings list behind a number: the list page keeps its filters in the address bar. */
export function findingsUrl(filters: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `/supervision/findings?${s}` : '/supervision/findings';
}

export function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Every rule of the branch (the version in force of each code), for the rules page, filters and names. */
export function useRules() {
  return useQuery({
    queryKey: [...SUPERVISION_KEY, 'rules'],
    queryFn: () => api.get<RuleListResponse>('/api/supervision/rules', { pageSize: 100 }),
    staleTime: 60_000,
  });
}
