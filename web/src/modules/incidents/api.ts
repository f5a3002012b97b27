import type { IncidentCategoryNode, IncidentResponse, OfficerResponse } from '@fazhi/common';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

export const INCIDENTS_KEY = ['incidents'] as const;
export const incidentKey = (id: number) => ['incidents', 'one', id] as const;

export function useIncident(id: number | null) {
  return useQuery({
    queryKey: incidentKey(id ?? 0),
    queryFn: () => api.get<IncidentResponse>(`/api/incidents/${id}`),
    enabled: id !== null,
  });
}

/** The branch's category dictionary; it changes rarely. */
export function useCategories() {
  return useQuery({
    queryKey: ['incidents', 'categories'],
    queryFn: () => api.get<{ items: IncidentCategoryNode[] }>('/api/incidents/categories'),
    select: (d) => d.items,
    staleTime: 10 * 60_000,
  });
}

/** 出警民警: police officers of the branch in the user's scope, by name or badge number. */
export function useOfficerSearch(q: string) {
  return useQuery({
    queryKey: ['incidents', 'officers', q],
    queryFn: () =>
      api.get<{ items: OfficerResponse[] }>('/api/officers', { q, kind: 'police', pageSize: 20 }),
    select: (d) => d.items.filter((o) => o.active),
    staleTime: 60_000,
  });
}
