import type {
  AwardListResponse,
  RankingResponse,
  RoundDetailResponse,
  RubricResponse,
  SampleResponse,
} from '@fazhi/common';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api.ts';
import { type ActionOptions, useAction } from '../../app/ui/action.ts';

/** Every evaluation query starts with this key, so one invalidation refreshes lists, rankings and pages. */
export const EVALUATION_KEY = ['evaluation'] as const;
export const ROUNDS_KEY = 'evaluation-rounds';
export const SELF_KEY = 'evaluation-self-inspections';
export const SAMPLES_KEY = 'evaluation-samples';

/** The rubric in force today, or one version by id. */
export function useRubric(id?: number) {
  return useQuery({
    queryKey: [...EVALUATION_KEY, 'rubric', id ?? 'current'],
    queryFn: ({ signal }) => api.get<RubricResponse>('/api/evaluation/rubric', { id }, { signal }),
  });
}

export function useRound(id: number) {
  return useQuery({
    queryKey: [...EVALUATION_KEY, 'round', id],
    queryFn: ({ signal }) =>
      api.get<RoundDetailResponse>(`/api/evaluation/rounds/${id}`, undefined, { signal }),
    enabled: Number.isFinite(id) && id > 0,
  });
}

export function useSample(id: number) {
  return useQuery({
    queryKey: [...EVALUATION_KEY, 'sample', id],
    queryFn: ({ signal }) => api.get<SampleResponse>(`/api/evaluation/samples/${id}`, undefined, { signal }),
    enabled: Number.isFinite(id) && id > 0,
  });
}

export const rankingsQuery = (year: number, quarter: number | null) => ({
  queryKey: [...EVALUATION_KEY, 'rankings', year, quarter],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api.get<RankingResponse>('/api/evaluation/rankings', { year, quarter: quarter ?? undefined }, { signal }),
});

export function useRankings(year: number, quarter: number | null) {
  return useQuery({ ...rankingsQuery(year, quarter), placeholderData: keepPreviousData });
}

export function useAwards(year: number) {
  return useQuery({
    queryKey: [...EVALUATION_KEY, 'awards', year],
    queryFn: ({ signal }) => api.get<AwardListResponse>('/api/evaluation/awards', { year }, { signal }),
  });
}

/**
 * A 409 means the record moved on since the page read it (someone scored or decided first):
 * the page is refreshed and the user told why, rather than a form error no field can fix.
 */
export function useConflictHandler() {
  const qc = useQueryClient();
  const { modal } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (e: unknown): boolean => {
      if (!(e instanceof ApiError && e.status === 409 && e.code === 'CONFLICT')) return false;
      const reason = e.fields ? Object.values(e.fields).join('；') : '';
      void qc.invalidateQueries({ queryKey: EVALUATION_KEY });
      modal.warning({
        title: t('evaluation.conflict.title'),
        content: reason || e.message || t('evaluation.conflict.body'),
      });
      return true;
    },
    [qc, modal, t],
  );
}

/** A mutation of evaluation data: refreshes every evaluation query and the round list; 409 handled above. */
export function useEvaluationAction<A, R = unknown>(
  fn: (arg: A) => Promise<R>,
  opts: Omit<ActionOptions<R>, 'invalidate'> = {},
) {
  const conflict = useConflictHandler();
  return useAction(fn, {
    ...opts,
    invalidate: [EVALUATION_KEY, [ROUNDS_KEY], [SELF_KEY], [SAMPLES_KEY]],
    onError: (e) => opts.onError?.(e) || conflict(e),
  });
}
