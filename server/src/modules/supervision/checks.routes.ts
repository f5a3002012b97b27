import type { App, AppDeps } from '../../http/app.ts';

export function registerCheckRoutes(_app: App, _deps: AppDeps) {}
