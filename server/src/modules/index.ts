import type { App, AppDeps } from '../http/app.ts';
import { registerCasesRoutes } from './cases/routes.ts';
import { registerClockRoutes } from './clocks/routes.ts';
import { registerDashboardRoutes } from './dashboard/routes.ts';
import { registerEvaluationRoutes } from './evaluation/routes.ts';
import { registerIncidentsRoutes } from './incidents/routes.ts';
import { registerLawRoutes } from './law/routes.ts';
import { registerPlatformRoutes } from './platform/routes/index.ts';
import { registerPublicityRoutes } from './publicity/routes.ts';
import { registerReportRoutes } from './reports/routes.ts';
import { registerSupervisionRoutes } from './supervision/routes.ts';

/** Every module's routes; a new module adds one line here. */
export function registerModules(app: App, deps: AppDeps) {
  registerPlatformRoutes(app, deps);
  registerIncidentsRoutes(app, deps);
  registerCasesRoutes(app, deps);
  registerClockRoutes(app);
  registerLawRoutes(app);
  registerPublicityRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  registerSupervisionRoutes(app, deps);
  registerEvaluationRoutes(app, deps);
  registerReportRoutes(app, deps);
}
