import {
  AuditListResponse,
  AuditQuery,
  AuditVerifyResponse,
  CalendarDaysResponse,
  CalendarImportResponse,
  CalendarLoadResponse,
  CalendarYearListResponse,
  CalendarYearLoadRequest,
  DeadlineQuery,
  DeadlineResponse,
  HealthResponse,
  LegalRuleListResponse,
  LegalRuleResponse,
  LegalRuleVersionRequest,
  TaskListResponse,
} from '@fazhi/common';
import { z } from '@hono/zod-openapi';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../../../db/unavailable.ts';
import type { App, AppDeps } from '../../../http/app.ts';
import { AppError } from '../../../http/errors.ts';
import { defineRoute } from '../../../http/route.ts';
import { type Column, readSheet } from '../../../platform-io/excel.ts';
import { loadNoticeAudited } from '../../clocks/notice.service.ts';
import { auditWorkbook, listAudit, verifyAudit } from '../audit.service.ts';
import { computeDeadline, listYears, yearDays } from '../calendar.service.ts';
import { addLegalRuleVersion, listLegalRules } from '../legal-rules.service.ts';
import { myTasks } from '../tasks.service.ts';
import { json, upload, XLSX_TYPE, xlsxDownload } from './helpers.ts';

interface DayRow {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}
const dayColumns: Column<DayRow>[] = [
  {
    key: 'date',
    header: '日期',
    required: true,
    parse: (r) => (/^\d{4}-\d{2}-\d{2}$/.test(r) ? { value: r } : { error: 'date' }),
  },
  {
    key: 'kind',
    header: '类型',
    required: true,
    parse: (r) =>
      ['休', '放假', 'holiday'].includes(r)
        ? { value: 'holiday' }
        : ['班', '调休上班', 'workday'].includes(r)
          ? { value: 'workday' }
          : { error: 'notInList' },
  },
  { key: 'name', header: '名称', required: true },
];

export function registerSystemRoutes(app: App, deps: AppDeps) {
  app.openapi(
    defineRoute('public', {
      method: 'get',
      path: '/api/health',
      tags: ['System'],
      summary: 'Liveness and database kind; 503 with Retry-After while the database is unreachable',
      response: HealthResponse,
    }),
    async (c) => {
      try {
        await c.get('ctx').db.execute('select 1');
      } catch (err) {
        if (!isDatabaseUnavailable(err)) throw err;
        const body = new AppError('DATABASE_UNAVAILABLE').toBody(c.get('ctx').locale);
        c.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
        // Typed `never`: the route's typing knows only its 200 body; the 503 is documented by defineRoute.
        return c.json(
          { status: 'down', database: deps.database.kind, version: deps.config.version, ...body },
          503,
        ) as never;
      }
      return c.json(
        { status: 'ok' as const, database: deps.database.kind, version: deps.config.version },
        200,
      );
    },
  );
  app.openapi(
    defineRoute('signed-in', {
      method: 'get',
      path: '/api/tasks',
      tags: ['System'],
      summary: 'My tasks (待办) from every module',
      response: TaskListResponse,
    }),
    async (c) => c.json({ items: await myTasks(c.get('ctx')) }, 200),
  );

  const calTags = ['Working-day calendar'];
  app.openapi(
    defineRoute('signed-in', {
      method: 'get',
      path: '/api/calendar/years',
      tags: calTags,
      summary: 'Years whose holiday notice is loaded',
      response: CalendarYearListResponse,
    }),
    async (c) => c.json({ items: await listYears(c.get('ctx').db) }, 200),
  );
  app.openapi(
    defineRoute('signed-in', {
      method: 'get',
      path: '/api/calendar/days',
      tags: calTags,
      summary:
        "A year's holidays and make-up working days (provisional: the statutory holidays of a year not loaded)",
      request: { query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }) },
      response: CalendarDaysResponse,
    }),
    async (c) => {
      const { year } = c.req.valid('query');
      return c.json({ year, ...(await yearDays(c.get('ctx').db, year)) }, 200);
    },
  );
  app.openapi(
    defineRoute('calendar.manage', {
      method: 'post',
      path: '/api/calendar/years',
      tags: calTags,
      summary: "Load or replace a year's State Council holiday notice; provisional due dates are recounted",
      request: { body: json(CalendarYearLoadRequest) },
      response: CalendarLoadResponse,
    }),
    async (c) => c.json(await loadNoticeAudited(c.get('ctx'), c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('calendar.manage', {
      method: 'post',
      path: '/api/calendar/import',
      tags: calTags,
      summary: "Load a year's notice from .xlsx (columns 日期, 类型 休/班, 名称)",
      request: { body: upload({ year: z.string(), source: z.string() }) },
      response: CalendarImportResponse,
    }),
    async (c) => {
      const body = await c.req.parseBody();
      const year = Number(body.year);
      const source = String(body.source ?? '').trim();
      if (!Number.isInteger(year) || year < 2004 || year > 2100)
        throw new AppError('VALIDATION', { year: 'invalid' });
      if (!source) throw new AppError('VALIDATION', { source: 'required' });
      if (!(body.file instanceof File)) throw new AppError('VALIDATION', { file: 'required' });
      const rows = await readSheet(await body.file.arrayBuffer(), dayColumns);
      const loaded = await loadNoticeAudited(c.get('ctx'), { year, source, days: rows.map((r) => r.value) });
      return c.json({ ...loaded, imported: rows.length }, 200);
    },
  );
  app.openapi(
    // Public: a due date on the official calendar discloses nothing, and other systems use it.
    defineRoute('public', {
      method: 'get',
      path: '/api/calendar/deadline',
      tags: calTags,
      summary: 'Due date: N working days, or N calendar days with the holiday roll-over (custody=true: none)',
      request: { query: DeadlineQuery },
      response: DeadlineResponse,
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await computeDeadline(c.get('ctx').db, { ...q, custody: q.custody === 'true' }), 200);
    },
  );

  const ruleTags = ['Statutory clocks'];
  app.openapi(
    defineRoute('signed-in', {
      method: 'get',
      path: '/api/legal-rules',
      tags: ruleTags,
      summary: 'Statutory clocks with their versions, citations and unconfirmed flags',
      response: LegalRuleListResponse,
    }),
    async (c) => c.json({ items: await listLegalRules(c.get('ctx')) }, 200),
  );
  app.openapi(
    defineRoute('rules.manage', {
      method: 'post',
      path: '/api/legal-rules',
      tags: ruleTags,
      summary: 'Add a version of a statutory clock from its effective date',
      request: { body: json(LegalRuleVersionRequest) },
      response: LegalRuleResponse,
    }),
    async (c) => c.json(await addLegalRuleVersion(c.get('ctx'), c.req.valid('json')), 200),
  );

  const auditTags = ['Audit trail'];
  app.openapi(
    defineRoute('audit.read', {
      method: 'get',
      path: '/api/audit',
      tags: auditTags,
      summary: 'Search the audit trail',
      request: { query: AuditQuery },
      response: AuditListResponse,
    }),
    async (c) => c.json(await listAudit(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    defineRoute('audit.export', {
      method: 'get',
      path: '/api/audit/export',
      tags: auditTags,
      summary: 'Export matching audit records as .xlsx',
      request: { query: AuditQuery.omit({ page: true, pageSize: true }) },
      download: XLSX_TYPE,
    }),
    async (c) => {
      const file = await auditWorkbook(c.get('ctx'), c.req.valid('query'));
      return xlsxDownload(c, `审计日志-${new Date().toISOString().slice(0, 10)}.xlsx`, file);
    },
  );
  app.openapi(
    defineRoute('audit.read', {
      method: 'get',
      path: '/api/audit/verify',
      tags: auditTags,
      summary: 'Verify the hash chain',
      response: AuditVerifyResponse,
    }),
    async (c) => c.json(await verifyAudit(c.get('ctx')), 200),
  );
}
