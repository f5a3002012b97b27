import type { App, AppDeps } from '../../http/app.ts';

export function registerFindingRoutes(_app: App, _deps: AppDeps) {}
