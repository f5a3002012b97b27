import type { App, AppDeps } from '../../http/app.ts';

export function registerIncidentsRoutes(_app: App, _deps: AppDeps) {}
