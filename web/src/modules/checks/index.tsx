import type { AppModule } from '../../app/module.ts';

export const checksModule: AppModule = {
  key: 'checks',
  messages: { 'zh-CN': {}, 'en-US': {} },
  routes: [],
};
