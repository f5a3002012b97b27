import type { App, AppDeps } from '../../http/app.ts';

export function registerCasesRoutes(_app: App, _deps: AppDeps) {}
