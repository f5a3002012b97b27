import type { MeResponse, Permission } from '@fazhi/common';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Result } from 'antd';
import { type ReactNode, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { api, isApiError } from './api.ts';
import { BootSkeleton } from './boot.tsx';

export const ME_KEY = ['me'] as const;

async function fetchMe(): Promise<MeResponse | null> {
  try {
    return (await api.get<{ user: MeResponse }>('/api/auth/me', undefined, { noAuthRedirect: true })).user;
  } catch (e) {
    // signed out, or half-way through the second factor: both start again at the sign-in page
    if (isApiError(e) && (e.status === 401 || e.code === 'SECOND_FACTOR_REQUIRED')) return null;
    throw e;
  }
}

export function useMeQuery() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** The signed-in user; only for components below RequireAuth. */
export function useMe(): MeResponse {
  const { data } = useMeQuery();
  if (!data) throw new Error('useMe outside RequireAuth');
  return data;
}

export function useCan() {
  const { data } = useMeQuery();
  return useCallback((p: Permission) => !!data?.permissions.includes(p), [data]);
}

/** Sets the signed-in user after a sign-in step, dropping whatever the last user had loaded. */
export function useSignedIn() {
  const qc = useQueryClient();
  return useCallback(
    (user: MeResponse | null) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      qc.setQueryData(ME_KEY, user);
    },
    [qc],
  );
}

export const loginPath = (next: string, reason?: string) => {
  const q = new URLSearchParams();
  if (next && next !== '/' && !next.startsWith('/login')) q.set('next', next);
  if (reason) q.set('reason', reason);
  const s = q.toString();
  return s ? `/login?${s}` : '/login';
};

/**
 * Lets signed-in users through. A user whose password expired, or who signed in with the
 * one-time password of an administrator's reset, goes to the change-password page first (`bare` routes are that page and must not redirect to themselves).
 */
export function RequireAuth({ bare = false }: { bare?: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMeQuery();
  if (me.isPending) return <BootSkeleton />;
  if (me.isError)
    return (
      <Result
        status="error"
        title={t('errors.loadFailed')}
        subTitle={me.error.message}
        extra={<Button onClick={() => me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  if (!me.data) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  if ((me.data.passwordExpired || me.data.mustChangePassword) && !bare)
    return <Navigate to="/change-password" replace />;
  return <Outlet />;
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const can = useCan();
  if (!can(permission))
    return <Result status="403" title={t('errors.forbiddenTitle')} subTitle={t('errors.forbidden')} />;
  return <>{children}</>;
}
