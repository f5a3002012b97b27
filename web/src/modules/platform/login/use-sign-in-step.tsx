import { Alert, type FormInstance } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api.ts';

/**
 * Runs one sign-in request: pending state, field errors onto the form, and the error shown
 * in an Alert on the card (sign-in errors must stay visible, not vanish as a toast).
 */
export function useSignInStep(form?: FormInstance) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);

  const run = async (fn: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      setError(err);
      if (err instanceof ApiError && err.fields && form)
        form.setFields(Object.entries(err.fields).map(([name, msg]) => ({ name, errors: [msg] })));
    } finally {
      setPending(false);
    }
  };

  const locked = error instanceof ApiError && error.code === 'ACCOUNT_LOCKED';
  const alert: ReactNode = error ? (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={locked ? t('login.lockedTitle') : error.message}
      description={locked ? error.message : undefined}
      data-testid={locked ? 'login-locked' : 'login-error'}
    />
  ) : null;
  return { run, pending, alert, error, clear: () => setError(null) };
}
