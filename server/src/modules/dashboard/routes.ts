import { DashboardQuery, DashboardResponse } from '@fazhi/common';
import type { App, AppDeps } from '../../http/app.ts';
import { defineRoute } from '../../http/route.ts';
import { enforcementDashboard } from './dashboard.service.ts';

export function registerDashboardRoutes(app: App, _deps: AppDeps) {
  app.openapi(
    defineRoute('dashboard.read', {
      method: 'get',
      path: '/api/dashboard/enforcement',
      tags: ['Dashboard'],
      summary: 'Enforcement overview: incidents and cases by unit, status and clock',
      request: { query: DashboardQuery },
      response: DashboardResponse,
    }),
    async (c) => c.json(await enforcementDashboard(c.get('ctx'), c.req.valid('query')), 200),
  );
}
