import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { SUPERVISION_KEYS } from './api.ts';

/**
 * A 409 on a finding: someone acted on it since the page was read (the version moved), or the
 * step is no longer open in its state. The data is refreshed and the user told why, instead of
 * a form error no field can fix. Returns true when it handled the error.
 */
export function useConflictHandler(onConflict?: () => void) {
  const qc = useQueryClient();
  const { modal } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (e: unknown): boolean => {
      if (!(e instanceof ApiError && e.status === 409)) return false;
      const reason = e.fields ? Object.values(e.fields).join('；') : e.message;
      for (const queryKey of SUPERVISION_KEYS) void qc.invalidateQueries({ queryKey });
      onConflict?.();
      modal.warning({
        title: t('supervision.conflict.title'),
        content: reason || t('supervision.conflict.body'),
      });
      return true;
    },
    [qc, modal, t, onConflict],
  );
}
