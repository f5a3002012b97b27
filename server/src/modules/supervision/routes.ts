import type { App, AppDeps } from '../../http/app.ts';
import { registerCheckRoutes } from './checks.routes.ts';
import { registerFindingRoutes } from './findings.routes.ts';
import { registerRuleRoutes } from './rules.routes.ts';

/** 执法监督: rules and scans, findings and their rectification, spot checks and call-backs. */
export function registerSupervisionRoutes(app: App, deps: AppDeps) {
  registerRuleRoutes(app, deps);
  registerFindingRoutes(app, deps);
  registerCheckRoutes(app, deps);
}
