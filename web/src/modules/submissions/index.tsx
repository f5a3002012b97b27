import { FormOutlined, ScheduleOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/module.ts';
import { submissionsEn } from './i18n/en-US.ts';
import { submissionsZh } from './i18n/zh-CN.ts';

/**
 * 数据填报: departments fill the annual report figures no module records (their own forms, the
 * head's sign-off); the legal detachment opens rounds, follows progress, accepts or returns forms
 * and reminds late departments. Its entries sit in the reports menu group (declared by reports).
 */
export const submissionsModule: AppModule = {
  key: 'submissions',
  messages: { 'zh-CN': submissionsZh, 'en-US': submissionsEn },
  routes: [
    {
      path: '/submissions',
      permission: 'submission.fill',
      component: lazy(() => import('./my-forms-page.tsx')),
      menu: { group: 'reports', label: 'submissions.menu.mine', icon: <FormOutlined />, order: 40 },
    },
    {
      path: '/submissions/rounds',
      permission: 'report.read',
      component: lazy(() => import('./rounds-page.tsx')),
      menu: { group: 'reports', label: 'submissions.menu.rounds', icon: <ScheduleOutlined />, order: 50 },
    },
    {
      path: '/submissions/rounds/:id',
      permission: 'report.read',
      component: lazy(() => import('./round-page.tsx')),
    },
    // Departments and the detachment both open a form; the server decides what each sees.
    { path: '/submissions/:id', component: lazy(() => import('./form-page.tsx')) },
  ],
};
