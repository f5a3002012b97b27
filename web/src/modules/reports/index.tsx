import type { AppModule } from '../../app/module.ts';

export const reportsModule: AppModule = {
  key: 'reports',
  messages: { 'zh-CN': {}, 'en-US': {} },
  routes: [],
};
