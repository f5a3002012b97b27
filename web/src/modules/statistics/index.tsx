import { BarChartOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/module.ts';
import { statisticsEn } from './i18n/en-US.ts';
import { statisticsZh } from './i18n/zh-CN.ts';

/**
 * 统计报表: the quarterly tables the city bureau asks for (线下办理案件情况统计表 …) and ad-hoc
 * metric tables, both from the metric catalogue, as Excel. Entries sit in the reports menu group.
 */
export const statisticsModule: AppModule = {
  key: 'statistics',
  messages: { 'zh-CN': statisticsZh, 'en-US': statisticsEn },
  routes: [
    {
      path: '/reports/statistics',
      permission: 'report.read',
      component: lazy(() => import('./statistics-page.tsx')),
      menu: { group: 'reports', label: 'statistics.menu', icon: <BarChartOutlined />, order: 25 },
    },
  ],
};
