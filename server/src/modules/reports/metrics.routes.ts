import type { App, AppDeps } from '../../http/app.ts';

export function registerMetricRoutes(_app: App, _deps: AppDeps) {}
