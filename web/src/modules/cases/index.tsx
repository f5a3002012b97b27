import type { AppModule } from '../../app/module.ts';

export const casesModule: AppModule = {
  key: 'cases',
  messages: { 'zh-CN': {}, 'en-US': {} },
  routes: [],
};
