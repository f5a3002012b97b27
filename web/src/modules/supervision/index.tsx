import type { AppModule } from '../../app/module.ts';

export const supervisionModule: AppModule = {
  key: 'supervision',
  messages: { 'zh-CN': {}, 'en-US': {} },
  routes: [],
};
