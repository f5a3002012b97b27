import type { AppModule } from '../../app/module.ts';

export const evaluationModule: AppModule = {
  key: 'evaluation',
  messages: { 'zh-CN': {}, 'en-US': {} },
  routes: [],
};
