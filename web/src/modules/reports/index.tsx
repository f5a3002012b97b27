import { AuditOutlined, FileTextOutlined, TableOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { Navigate } from 'react-router';
import type { AppModule } from '../../app/module.ts';
import { reportsEn } from './i18n/en-US.ts';
import { reportsZh } from './i18n/zh-CN.ts';

/** The latest report year: a year's report is written in the January after it. */
function LatestReport() {
  const year = Math.max(2021, new Date().getFullYear() - 1);
  return <Navigate to={`/reports/annual/${year}`} replace />;
}

/**
 * 法治政府建设: the annual report built from the metric catalogue (every figure clickable down to
 * its records or submission), the catalogue itself with Excel tables, and the consistency check
 * of hand-written reports. The data collection (数据填报) pages sit in the same menu group.
 */
export const reportsModule: AppModule = {
  key: 'reports',
  groups: [{ key: 'reports', label: 'reports.group', order: 400 }],
  messages: { 'zh-CN': reportsZh, 'en-US': reportsEn },
  routes: [
    {
      path: '/reports/annual',
      permission: 'report.read',
      component: LatestReport,
      menu: { group: 'reports', label: 'reports.menu.annual', icon: <FileTextOutlined />, order: 10 },
    },
    {
      path: '/reports/annual/:year',
      permission: 'report.read',
      component: lazy(() => import('./annual-page.tsx')),
    },
    {
      path: '/reports/annual/:year/edit',
      permission: 'report.manage',
      component: lazy(() => import('./editor-page.tsx')),
    },
    {
      path: '/reports/metrics',
      permission: 'report.read',
      component: lazy(() => import('./metrics-page.tsx')),
      menu: { group: 'reports', label: 'reports.menu.metrics', icon: <TableOutlined />, order: 20 },
    },
    {
      path: '/reports/check',
      permission: 'report.read',
      component: lazy(() => import('./check-page.tsx')),
      menu: { group: 'reports', label: 'reports.menu.check', icon: <AuditOutlined />, order: 30 },
    },
  ],
};
