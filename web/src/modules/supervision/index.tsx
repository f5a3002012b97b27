import {
  AlertOutlined,
  AuditOutlined,
  FileTextOutlined,
  FundOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/module.ts';
import { supervisionEn } from './i18n/en-US.ts';
import { supervisionZh } from './i18n/zh-CN.ts';

/**
 * 执法监督: the overview, findings and their rectification, the rules with their scans, the
 * documents (执法建议书 / 督办通知书 / 执法质量通报), 责任追究 and the 执法监督委员会.
 * The checks and evaluation modules put their entries into the same menu group.
 */
export const supervisionModule: AppModule = {
  key: 'supervision',
  groups: [{ key: 'supervision', label: 'supervision.group', order: 250 }],
  messages: { 'zh-CN': supervisionZh, 'en-US': supervisionEn },
  routes: [
    {
      path: '/supervision',
      permission: 'supervision.read',
      component: lazy(() => import('./dashboard/dashboard-page.tsx')),
      menu: { group: 'supervision', label: 'supervision.nav.dashboard', icon: <FundOutlined />, order: 10 },
    },
    {
      path: '/supervision/findings',
      permission: 'supervision.read',
      component: lazy(() => import('./findings/findings-page.tsx')),
      menu: { group: 'supervision', label: 'supervision.nav.findings', icon: <AlertOutlined />, order: 20 },
    },
    {
      path: '/supervision/findings/:id',
      permission: 'supervision.read',
      component: lazy(() => import('./findings/finding-page.tsx')),
    },
    {
      path: '/supervision/rules',
      permission: 'supervision.read',
      component: lazy(() => import('./rules/rules-page.tsx')),
      menu: {
        group: 'supervision',
        label: 'supervision.nav.rules',
        icon: <SafetyCertificateOutlined />,
        order: 30,
      },
    },
    {
      path: '/supervision/documents',
      permission: 'supervision.read',
      component: lazy(() => import('./documents/documents-page.tsx')),
      menu: {
        group: 'supervision',
        label: 'supervision.nav.documents',
        icon: <FileTextOutlined />,
        order: 40,
      },
    },
    {
      path: '/supervision/accountability',
      permission: 'supervision.manage',
      component: lazy(() => import('./accountability/accountability-page.tsx')),
      menu: {
        group: 'supervision',
        label: 'supervision.nav.accountability',
        icon: <AuditOutlined />,
        order: 50,
      },
    },
    {
      path: '/supervision/committee',
      permission: 'supervision.manage',
      component: lazy(() => import('./committee/committee-page.tsx')),
      menu: { group: 'supervision', label: 'supervision.nav.committee', icon: <TeamOutlined />, order: 60 },
    },
  ],
};
