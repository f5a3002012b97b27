import { NotificationOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/module.ts';
import { publicityEn } from './i18n/en-US.ts';
import { publicityZh } from './i18n/zh-CN.ts';

/** Enforcement publicity (执法公示): the publishers' task list and the public portal. */
export const publicityModule: AppModule = {
  key: 'publicity',
  groups: [{ key: 'openness', label: 'publicity.group', order: 300 }],
  messages: { 'zh-CN': publicityZh, 'en-US': publicityEn },
  routes: [
    {
      path: '/publicity',
      permission: 'publicity.read',
      component: lazy(() => import('./publicity-page.tsx')),
      menu: { group: 'openness', label: 'publicity.menu', icon: <NotificationOutlined />, order: 10 },
    },
    // The public portal: no sign-in, outside the shell.
    { path: '/public/publicity', layout: 'public', component: lazy(() => import('./public-page.tsx')) },
  ],
};
