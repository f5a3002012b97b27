import type { App, AppDeps } from '../../http/app.ts';

export function registerPublicityRoutes(_app: App, _deps: AppDeps) {}
