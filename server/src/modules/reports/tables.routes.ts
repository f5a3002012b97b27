import { StatTableListResponse, StatTableQuery, StatTableResponse } from '@fazhi/common';
import { z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app.ts';
import { defineRoute } from '../../http/route.ts';
import { XLSX_TYPE, xlsxDownload } from '../platform/routes/helpers.ts';
import { listStatTables, statTable, statTableXlsx } from './tables/service.ts';

const idParam = z.object({ id: z.string().trim().min(1).max(100) });

/**
 * 统计报表: the city bureau's statistics tables (线下办理案件情况统计表 …), stated in the catalogue,
 * for a period — as JSON for the preview and as .xlsx. Branch-wide figures: report.read. The ad-hoc
 * metric table is /api/reports/tables.xlsx (metrics.routes.ts).
 */
export function registerStatTableRoutes(app: App, _deps: AppDeps) {
  const tags = ['Statistics tables'];
  app.openapi(
    defineRoute('report.read', {
      method: 'get',
      path: '/api/reports/stat-tables',
      tags,
      summary: 'The statistics tables: columns (metrics), rows (per unit or none) and period kind',
      response: StatTableListResponse,
    }),
    async (c) => c.json(listStatTables(), 200),
  );
  app.openapi(
    defineRoute('report.read', {
      method: 'get',
      path: '/api/reports/stat-tables/{id}',
      tags,
      summary: 'One statistics table for a period: a row per unit, the 合计 (the branch values)',
      request: { params: idParam, query: StatTableQuery },
      response: StatTableResponse,
    }),
    async (c) =>
      c.json(await statTable(c.get('ctx'), c.req.valid('param').id, c.req.valid('query').period), 200),
  );
  app.openapi(
    defineRoute('report.read', {
      method: 'get',
      path: '/api/reports/stat-tables/{id}/table.xlsx',
      tags,
      summary: 'One statistics table for a period as .xlsx (title, header, unit rows, 合计)',
      request: { params: idParam, query: StatTableQuery },
      download: XLSX_TYPE,
    }),
    async (c) => {
      const { buffer, fileName } = await statTableXlsx(
        c.get('ctx'),
        c.req.valid('param').id,
        c.req.valid('query').period,
      );
      return xlsxDownload(c, fileName, buffer);
    },
  );
}
