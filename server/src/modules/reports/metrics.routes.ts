import {
  MetricDetailResponse,
  MetricListQuery,
  MetricListResponse,
  MetricPeriodParam,
  MetricRecordsQuery,
  MetricRecordsResponse,
  MetricTableXlsxQuery,
} from '@fazhi/common';
import { z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app.ts';
import { defineRoute } from '../../http/route.ts';
import { XLSX_TYPE, xlsxDownload } from '../platform/routes/helpers.ts';
import {
  listMetricRecords,
  listMetrics,
  metricDetail,
  metricRecordsXlsx,
  metricTableXlsx,
} from './metrics/service.ts';

const idParam = z.object({ id: z.string().trim().min(1).max(200) });
const periodQuery = z.object({ period: MetricPeriodParam });

/**
 * 指标: the catalogue with a period's values, one metric's source, the records behind a computed
 * value, and Excel exports. Read-only and branch-wide: report.read (法制支队, 分局领导).
 */
export function registerMetricRoutes(app: App, _deps: AppDeps) {
  const tags = ['Report metrics'];
  app.openapi(
    defineRoute('report.read', {
      method: 'get',
      path: '/api/reports/metrics',
      tags,
      summary: 'Every metric of the catalogue (or `ids`) with its value for the period, 同比 and status',
      request: { query: MetricListQuery },
      response: MetricListResponse,
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await listMetrics(c.get('ctx'), q.period, q.ids), 200);
    },
  );
  app.openapi(
    defineRoute('report.read', {
      method: 'get',
      path: '/api/reports/tables.xlsx',
      tags,
      summary:
        'A table of the chosen metrics as .xlsx: value, same period last year, change, source; or `by` unit, quarter or month',
      request: { query: MetricTableXlsxQuery },
      download: XLSX_TYPE,
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { buffer, fileName } = await metricTableXlsx(c.get('ctx'), q.period, q.ids, q.by);
      return xlsxDownload(c, fileName, buffer);
    },
  );
  app.openapi(
    defineRoute('report.read', {
      method: 'get',
      path: '/api/reports/metrics/{id}',
      tags,
      summary: "One metric's value for the period with its source (the accepted submission) and parts",
      request: { params: idParam, query: periodQuery },
      response: MetricDetailResponse,
    }),
    async (c) =>
      c.json(await metricDetail(c.get('ctx'), c.req.valid('param').id, c.req.valid('query').period), 200),
  );
  app.openapi(
    defineRoute('report.read', {
      method: 'get',
      path: '/api/reports/metrics/{id}/records',
      tags,
      summary: 'The records behind a computed value (their total is the value)',
      request: { params: idParam, query: MetricRecordsQuery },
      response: MetricRecordsResponse,
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await listMetricRecords(
        c.get('ctx'),
        c.req.valid('param').id,
        q.period,
        q.page,
        q.pageSize,
      );
      return c.json(page, 200);
    },
  );
  app.openapi(
    defineRoute('report.read', {
      method: 'get',
      path: '/api/reports/metrics/{id}/records.xlsx',
      tags,
      summary: 'The records behind a computed value as .xlsx',
      request: { params: idParam, query: periodQuery },
      download: XLSX_TYPE,
    }),
    async (c) => {
      const { buffer, fileName } = await metricRecordsXlsx(
        c.get('ctx'),
        c.req.valid('param').id,
        c.req.valid('query').period,
      );
      return xlsxDownload(c, fileName, buffer);
    },
  );
}
