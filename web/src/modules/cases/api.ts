import type { CaseAction, CaseResponse, OfficerResponse, PenaltyItemResponse } from '@fazhi/common';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api.ts';
import { type ActionOptions, useAction } from '../../app/ui/action.ts';

/** Query keys: every case query starts with 'cases', so one invalidation refreshes lists and pages. */
export const CASES_KEY = ['cases'] as const;
export const caseKey = (id: number) => ['cases', 'detail', id] as const;

export function useCase(id: number, reveal: boolean) {
  return useQuery({
    queryKey: [...caseKey(id), reveal],
    queryFn: () => api.get<CaseResponse>(`/api/cases/${id}`, reveal ? { reveal: 1 } : undefined),
    enabled: Number.isFinite(id) && id > 0,
    // whole ID numbers do not linger in memory once the user hides them again
    gcTime: reveal ? 0 : undefined,
  });
}

/**
 * Handles a 409 on a case: the case moved on since the page was read (someone else acted
 * first), or the step is not open in its state. The page is refreshed and the user told why,
 * instead of a form error that no field of the form can fix. Returns true when it handled it.
 */
export function useConflictHandler(onConflict?: () => void) {
  const qc = useQueryClient();
  const { modal } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (e: unknown): boolean => {
      if (!(e instanceof ApiError && e.status === 409 && e.code === 'CONFLICT')) return false;
      const reason = e.fields ? Object.values(e.fields).join('；') : '';
      void qc.invalidateQueries({ queryKey: CASES_KEY });
      onConflict?.();
      modal.warning({ title: t('cases.conflict.title'), content: reason || t('cases.conflict.body') });
      return true;
    },
    [qc, modal, t, onConflict],
  );
}

/** A mutation of one case (a party, a file, a step …) with the 409 handling above. */
export function useCaseMutation<A, R = unknown>(
  fn: (arg: A) => Promise<R>,
  opts: Omit<ActionOptions<R>, 'invalidate'> = {},
) {
  const conflict = useConflictHandler();
  return useAction(fn, {
    ...opts,
    invalidate: [CASES_KEY],
    onError: (e) => conflict(e) || opts.onError?.(e),
  });
}

/** POST /api/cases/{id}/actions/{action}; the case's version makes a stale page conflict. */
export const postAction = (c: Pick<CaseResponse, 'id' | 'version'>, action: CaseAction, body: object) =>
  api.post<CaseResponse>(`/api/cases/${c.id}/actions/${action}`, { ...body, version: c.version });

export function usePenaltyItems(caseType: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['penalty-items', caseType ?? 'all'],
    queryFn: () =>
      api.get<{ items: PenaltyItemResponse[] }>('/api/penalty-items', caseType ? { caseType } : undefined),
    select: (d) => d.items,
    staleTime: 10 * 60_000,
    enabled,
  });
}

/**
 * Police officers of the branch for pickers (chair, participants, co-officers), searched by name:
 * auxiliary police, civilian staff and the stationed lawyer are not officers (the server refuses them).
 */
export function useOfficers(q: string, enabled = true) {
  return useQuery({
    queryKey: ['officers', 'pick', q],
    queryFn: () =>
      api.get<{ items: OfficerResponse[] }>('/api/officers', { q, kind: 'police', pageSize: 50 }),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
    enabled,
  });
}
