import type { AppModule } from '../../app/module.ts';

export const submissionsModule: AppModule = {
  key: 'submissions',
  messages: { 'zh-CN': {}, 'en-US': {} },
  routes: [],
};
