import type { App, AppDeps } from '../../http/app.ts';

export function registerAnnualReportRoutes(_app: App, _deps: AppDeps) {}
