import { useQueryClient } from '@tanstack/react-query';
import { Button, Result } from 'antd';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, Outlet, type RouteObject, useNavigate } from 'react-router';
import { onAuthLost } from './api.ts';
import { loginPath, ME_KEY, RequireAuth, RequirePermission } from './auth.tsx';
import { BootSkeleton } from './boot.tsx';
import i18n from './i18n/index.ts';
import type { RouteDef } from './module.ts';
import { ROUTES } from './modules.ts';
import { Shell } from './shell/shell.tsx';

/** Above every page: sends the user to sign in when the session ends, refetches on language change. */
function Root() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  useEffect(() => {
    onAuthLost((code) => {
      const here = window.location.pathname + window.location.search;
      if (code === 'PASSWORD_EXPIRED' || code === 'PASSWORD_CHANGE_REQUIRED') {
        // the session is fine; the user must choose a new password before anything else
        void qc.invalidateQueries({ queryKey: ME_KEY });
        navigate('/change-password', { replace: true });
        return;
      }
      if (window.location.pathname.startsWith('/login')) return;
      navigate(loginPath(here, code === 'SESSION_EXPIRED' ? 'expired' : undefined), { replace: true });
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      qc.setQueryData(ME_KEY, null);
    });
    // server texts (task titles, messages) follow the language; a pending 2FA secret must not change
    const refetch = () => void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'totp-setup' });
    i18n.on('languageChanged', refetch);
    return () => i18n.off('languageChanged', refetch);
  }, [navigate, qc]);
  return (
    <Suspense fallback={<BootSkeleton />}>
      <Outlet />
    </Suspense>
  );
}

function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('errors.notFoundTitle')}
      subTitle={t('errors.notFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/tasks')}>
          {t('errors.home')}
        </Button>
      }
    />
  );
}

const toRoute = (r: RouteDef): RouteObject => ({
  path: r.path,
  element: r.permission ? (
    <RequirePermission permission={r.permission}>
      <r.component />
    </RequirePermission>
  ) : (
    <r.component />
  ),
});
const layoutOf = (r: RouteDef) => r.layout ?? 'shell';

export const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      ...ROUTES.filter((r) => layoutOf(r) === 'public').map(toRoute),
      { element: <RequireAuth bare />, children: ROUTES.filter((r) => layoutOf(r) === 'bare').map(toRoute) },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <Shell />,
            children: [
              { index: true, element: <Navigate to="/tasks" replace /> },
              ...ROUTES.filter((r) => layoutOf(r) === 'shell').map(toRoute),
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
]);
