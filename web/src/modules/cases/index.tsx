import { AuditOutlined, DisconnectOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/module.ts';
import { enUS } from './i18n/en-US.ts';
import { zhCN } from './i18n/zh-CN.ts';

/** 受案立案 / 案件办理 / 三级五关: the case list, the case page, the review queue, offline handling. */
export const casesModule: AppModule = {
  key: 'cases',
  groups: [{ key: 'cases', label: 'cases.nav.group', order: 200 }],
  messages: { 'zh-CN': zhCN, 'en-US': enUS },
  routes: [
    {
      path: '/cases',
      permission: 'case.read',
      component: lazy(() => import('./list/cases-page.tsx')),
      menu: { group: 'cases', label: 'cases.nav.list', icon: <FolderOpenOutlined />, order: 10 },
    },
    {
      path: '/cases/review',
      permission: 'case.review',
      component: lazy(() => import('./review/review-queue-page.tsx')),
      menu: { group: 'cases', label: 'cases.nav.review', icon: <AuditOutlined />, order: 20 },
    },
    {
      path: '/cases/offline',
      permission: 'case.read',
      component: lazy(() => import('./offline/offline-page.tsx')),
      menu: { group: 'cases', label: 'cases.nav.offline', icon: <DisconnectOutlined />, order: 30 },
    },
    { path: '/cases/:id', permission: 'case.read', component: lazy(() => import('./detail/case-page.tsx')) },
  ],
};
