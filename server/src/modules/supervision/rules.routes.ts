import type { App, AppDeps } from '../../http/app.ts';

export function registerRuleRoutes(_app: App, _deps: AppDeps) {}
