import {
  BarChartOutlined,
  CarryOutOutlined,
  ProfileOutlined,
  ReconciliationOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/module.ts';
import { evaluationEn } from './i18n/en-US.ts';
import { evaluationZh } from './i18n/zh-CN.ts';

/**
 * 执法质量考评: quarterly rounds of sampled cases scored against the rubric, disputes, unit and
 * officer rankings, the year's awards (执法质量优秀单位, 法制之星) and the self-inspection of
 * case-handling areas. Its entries sit in the supervision module's menu group.
 */
export const evaluationModule: AppModule = {
  key: 'evaluation',
  messages: { 'zh-CN': evaluationZh, 'en-US': evaluationEn },
  routes: [
    {
      path: '/evaluation',
      permission: 'evaluation.read',
      component: lazy(() => import('./rounds-page.tsx')),
      menu: {
        group: 'supervision',
        label: 'evaluation.menu.rounds',
        icon: <ReconciliationOutlined />,
        order: 100,
      },
    },
    {
      path: '/evaluation/rounds/:id',
      permission: 'evaluation.read',
      component: lazy(() => import('./round-page.tsx')),
    },
    {
      path: '/evaluation/samples',
      permission: 'evaluation.read',
      component: lazy(() => import('./samples-page.tsx')),
    },
    {
      path: '/evaluation/samples/:id',
      permission: 'evaluation.read',
      component: lazy(() => import('./sample-page.tsx')),
    },
    {
      path: '/evaluation/rankings',
      permission: 'evaluation.read',
      component: lazy(() => import('./rankings-page.tsx')),
      menu: {
        group: 'supervision',
        label: 'evaluation.menu.rankings',
        icon: <BarChartOutlined />,
        order: 110,
      },
    },
    {
      path: '/evaluation/awards',
      permission: 'evaluation.read',
      component: lazy(() => import('./awards-page.tsx')),
      menu: { group: 'supervision', label: 'evaluation.menu.awards', icon: <TrophyOutlined />, order: 120 },
    },
    {
      path: '/evaluation/rubric',
      permission: 'evaluation.read',
      component: lazy(() => import('./rubric-page.tsx')),
      menu: { group: 'supervision', label: 'evaluation.menu.rubric', icon: <ProfileOutlined />, order: 130 },
    },
    {
      path: '/evaluation/self-inspections',
      permission: 'evaluation.read',
      component: lazy(() => import('./self-inspections-page.tsx')),
      menu: {
        group: 'supervision',
        label: 'evaluation.menu.selfInspections',
        icon: <CarryOutOutlined />,
        order: 140,
      },
    },
  ],
};
