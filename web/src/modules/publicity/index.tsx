import type { AppModule } from '../../app/module.ts';

export const publicityModule: AppModule = {
  key: 'publicity',
  messages: { 'zh-CN': {}, 'en-US': {} },
  routes: [],
};
