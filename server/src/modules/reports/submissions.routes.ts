import type { App, AppDeps } from '../../http/app.ts';

export function registerSubmissionRoutes(_app: App, _deps: AppDeps) {}
