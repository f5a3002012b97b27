import type { App, AppDeps } from '../../../http/app.ts';
import { registerAuthRoutes } from './auth.routes.ts';
import { registerOrgRoutes } from './org.routes.ts';
import { registerSystemRoutes } from './system.routes.ts';

export function registerPlatformRoutes(app: App, deps: AppDeps) {
  registerSystemRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerOrgRoutes(app);
}
