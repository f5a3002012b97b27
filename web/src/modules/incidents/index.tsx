import { AlertOutlined, CloudUploadOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/module.ts';
import { enUS } from './i18n/en-US.ts';
import { zhCN } from './i18n/zh-CN.ts';

/** 警情: recording, disposal, search, and the bulk import of 110 exports. */
export const incidentsModule: AppModule = {
  key: 'incidents',
  groups: [{ key: 'incidents', label: 'incidents.nav.group', order: 100 }],
  messages: { 'zh-CN': zhCN, 'en-US': enUS },
  routes: [
    {
      path: '/incidents',
      permission: 'incident.read',
      component: lazy(() => import('./incidents-page.tsx')),
      menu: { group: 'incidents', label: 'incidents.nav.list', icon: <AlertOutlined />, order: 10 },
    },
    {
      path: '/incidents/import',
      permission: 'incident.import',
      component: lazy(() => import('./import/import-page.tsx')),
      menu: { group: 'incidents', label: 'incidents.nav.import', icon: <CloudUploadOutlined />, order: 20 },
    },
    {
      path: '/incidents/:id',
      permission: 'incident.read',
      component: lazy(() => import('./incident-page.tsx')),
    },
  ],
};
