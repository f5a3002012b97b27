import { DashboardOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/module.ts';
import { dashboardEn } from './i18n/en-US.ts';
import { dashboardZh } from './i18n/zh-CN.ts';

/** 执法态势: incidents and cases by unit, status and clock, with drill-down to the lists. */
export const dashboardModule: AppModule = {
  key: 'dashboard',
  messages: { 'zh-CN': dashboardZh, 'en-US': dashboardEn },
  routes: [
    {
      path: '/dashboard',
      permission: 'dashboard.read',
      component: lazy(() => import('./dashboard-page.tsx')),
      menu: { group: 'workbench', label: 'dashboard.menu', icon: <DashboardOutlined />, order: 10 },
    },
  ],
};
