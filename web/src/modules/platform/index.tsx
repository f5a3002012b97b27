import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  FieldTimeOutlined,
  LockOutlined,
  SafetyOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/module.ts';
import { enUS } from './i18n/en-US.ts';
import { zhCN } from './i18n/zh-CN.ts';

/** Sign-in, the organisation, roles, security settings, the calendar, the audit trail, tasks. */
export const platformModule: AppModule = {
  key: 'platform',
  messages: { 'zh-CN': zhCN, 'en-US': enUS },
  routes: [
    { path: '/login', layout: 'public', component: lazy(() => import('./login/login-page.tsx')) },
    {
      path: '/change-password',
      layout: 'bare',
      component: lazy(() => import('./login/password-expired-page.tsx')),
    },
    {
      path: '/tasks',
      component: lazy(() => import('./tasks/tasks-page.tsx')),
      menu: { group: 'workbench', label: 'tasks.menu', icon: <CheckSquareOutlined />, order: 0 },
    },
    {
      path: '/units',
      permission: 'unit.read',
      component: lazy(() => import('./units/units-page.tsx')),
      menu: { group: 'system', label: 'units.title', icon: <ApartmentOutlined />, order: 10 },
    },
    {
      path: '/officers',
      permission: 'officer.read',
      component: lazy(() => import('./officers/officers-page.tsx')),
      menu: { group: 'system', label: 'officers.title', icon: <TeamOutlined />, order: 20 },
    },
    {
      path: '/roles',
      permission: 'role.read',
      component: lazy(() => import('./roles/roles-page.tsx')),
      menu: { group: 'system', label: 'roles.title', icon: <SafetyOutlined />, order: 30 },
    },
    {
      path: '/security',
      permission: 'security.manage',
      component: lazy(() => import('./security/security-page.tsx')),
      menu: { group: 'system', label: 'security.title', icon: <LockOutlined />, order: 40 },
    },
    {
      path: '/calendar',
      component: lazy(() => import('./calendar/calendar-page.tsx')),
      menu: { group: 'system', label: 'calendar.title', icon: <CalendarOutlined />, order: 50 },
    },
    {
      path: '/legal-rules',
      component: lazy(() => import('./legal-rules/legal-rules-page.tsx')),
      menu: { group: 'system', label: 'legalRules.title', icon: <FieldTimeOutlined />, order: 60 },
    },
    {
      path: '/audit',
      permission: 'audit.read',
      component: lazy(() => import('./audit/audit-page.tsx')),
      menu: { group: 'audit', label: 'audit.title', icon: <AuditOutlined />, order: 10 },
    },
    { path: '/account', component: lazy(() => import('./account/account-page.tsx')) },
  ],
};
