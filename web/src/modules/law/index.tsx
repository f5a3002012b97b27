import { BookOutlined, FileSearchOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/module.ts';
import { lawEn } from './i18n/en-US.ts';
import { lawZh } from './i18n/zh-CN.ts';

/**
 * 法律法规库: the law versions and offences the penalty check applies, with their ranges; and
 * 新旧法适用复查, the legal detachment's list of decisions to look at again after a revision.
 */
export const lawModule: AppModule = {
  key: 'law',
  messages: { 'zh-CN': lawZh, 'en-US': lawEn },
  routes: [
    {
      path: '/law/register',
      component: lazy(() => import('./register-page.tsx')),
      menu: { group: 'cases', label: 'law.register.menu', icon: <BookOutlined />, order: 60 },
    },
    {
      path: '/law/review',
      permission: 'case.legal',
      component: lazy(() => import('./review-page.tsx')),
      menu: { group: 'cases', label: 'law.review.menu', icon: <FileSearchOutlined />, order: 65 },
    },
  ],
};
