import type { App, AppDeps } from '../../http/app.ts';

/** 统计报表: the city bureau's quarterly tables and ad-hoc metric tables, from the catalogue. */
export function registerStatTableRoutes(_app: App, _deps: AppDeps) {}
