import type { AppModule } from '../../app/module.ts';

export const incidentsModule: AppModule = {
  key: 'incidents',
  messages: { 'zh-CN': {}, 'en-US': {} },
  routes: [],
};
