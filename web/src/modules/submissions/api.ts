import type { CollectionDetailResponse, SubmissionResponse } from '@fazhi/common';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

/** Every submissions query starts with this key, so one invalidation refreshes lists and pages. */
export const SUBMISSIONS_KEY = ['submissions'] as const;
export const ROUNDS_LIST_KEY = 'submissions-rounds';
export const MINE_LIST_KEY = 'submissions-mine';

export function useCollection(id: number) {
  return useQuery({
    queryKey: [...SUBMISSIONS_KEY, 'round', id],
    queryFn: ({ signal }) =>
      api.get<CollectionDetailResponse>(`/api/reports/collections/${id}`, undefined, { signal }),
    enabled: Number.isFinite(id) && id > 0,
  });
}

export function useSubmission(id: number) {
  return useQuery({
    queryKey: [...SUBMISSIONS_KEY, 'form', id],
    queryFn: ({ signal }) =>
      api.get<SubmissionResponse>(`/api/reports/submissions/${id}`, undefined, { signal }),
    enabled: Number.isFinite(id) && id > 0,
  });
}
