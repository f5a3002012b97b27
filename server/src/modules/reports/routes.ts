import type { App, AppDeps } from '../../http/app.ts';
import { registerAnnualReportRoutes } from './annual.routes.ts';
import { registerMetricRoutes } from './metrics.routes.ts';
import { registerSubmissionRoutes } from './submissions.routes.ts';
import { registerStatTableRoutes } from './tables.routes.ts';

/** 法治政府建设年度报告: the metric catalogue, departmental submissions, the report builder. */
export function registerReportRoutes(app: App, deps: AppDeps) {
  registerMetricRoutes(app, deps);
  registerSubmissionRoutes(app, deps);
  registerAnnualReportRoutes(app, deps);
  registerStatTableRoutes(app, deps);
}
