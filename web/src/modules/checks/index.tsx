import {
  BarChartOutlined,
  PhoneOutlined,
  RetweetOutlined,
  SettingOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/module.ts';
import { checksEn } from './i18n/en-US.ts';
import { checksZh } from './i18n/zh-CN.ts';

/**
 * The daily checks of 执法监督: the command centre's body-camera spot checks and their bulletin,
 * the inspectorate's call-backs (民意监测), the units' second handling (二次查办) and the
 * detachment's settings. Entries go into the 'supervision' menu group the supervision module
 * declares.
 */
export const checksModule: AppModule = {
  key: 'checks',
  messages: { 'zh-CN': checksZh, 'en-US': checksEn },
  routes: [
    {
      path: '/checks/camera',
      permission: 'camera.check',
      component: lazy(() => import('./camera-page.tsx')),
      menu: { group: 'supervision', label: 'checks.nav.camera', icon: <VideoCameraOutlined />, order: 70 },
    },
    {
      path: '/checks/camera-bulletin',
      permission: 'supervision.read',
      component: lazy(() => import('./bulletin-page.tsx')),
      menu: { group: 'supervision', label: 'checks.nav.bulletin', icon: <BarChartOutlined />, order: 72 },
    },
    {
      path: '/checks/callbacks',
      permission: 'supervision.read',
      component: lazy(() => import('./callbacks-page.tsx')),
      menu: { group: 'supervision', label: 'checks.nav.callbacks', icon: <PhoneOutlined />, order: 74 },
    },
    {
      path: '/checks/follow-ups',
      permission: 'supervision.answer',
      component: lazy(() => import('./follow-ups-page.tsx')),
      menu: { group: 'supervision', label: 'checks.nav.followUps', icon: <RetweetOutlined />, order: 76 },
    },
    {
      path: '/checks/settings',
      permission: 'supervision.manage',
      component: lazy(() => import('./settings-page.tsx')),
      menu: { group: 'supervision', label: 'checks.nav.settings', icon: <SettingOutlined />, order: 90 },
    },
  ],
};
