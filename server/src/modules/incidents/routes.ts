import {
  IncidentCategoryListResponse,
  IncidentCreateRequest,
  IncidentImportColumnsResponse,
  IncidentImportJobResponse,
  IncidentImportMapping,
  IncidentImportStartResponse,
  IncidentListQuery,
  IncidentListResponse,
  IncidentResponse,
  IncidentUpdateRequest,
} from '@fazhi/common';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { App, AppDeps } from '../../http/app.ts';
import type { AppEnv } from '../../http/env.ts';
import { AppError, validationError } from '../../http/errors.ts';
import { defineRoute } from '../../http/route.ts';
import { idParam, json, upload, XLSX_TYPE, xlsxDownload } from '../platform/routes/helpers.ts';
import { listCategories } from './categories.service.ts';
import { importJobStatus, readImportColumns, startImport } from './import/import-jobs.ts';
import { importTemplate } from './import/template.ts';
import { listIncidents } from './incident-list.ts';
import { createIncident, getIncident, updateIncident } from './incidents.service.ts';

const tags = ['Incidents'];
const jobParam = z.object({ jobId: z.string().uuid() });

/** The uploaded file (multipart field `file`, CSV or .xlsx) and the other form fields. */
async function uploaded(c: Context<AppEnv>) {
  const body = await c.req.parseBody();
  const file = body.file;
  if (!(file instanceof File) || file.size === 0) throw new AppError('VALIDATION', { file: 'required' });
  return { data: new Uint8Array(await file.arrayBuffer()), fileName: file.name, body };
}

function parseMapping(raw: unknown) {
  let value: unknown;
  try {
    value = typeof raw === 'string' ? JSON.parse(raw) : undefined;
  } catch {
    value = undefined;
  }
  if (value === undefined) throw new AppError('VALIDATION', { mapping: 'required' });
  const parsed = IncidentImportMapping.safeParse(value);
  if (!parsed.success)
    throw validationError(parsed.error.issues.map((i) => ({ ...i, path: ['mapping', ...i.path] })));
  return parsed.data;
}

export function registerIncidentsRoutes(app: App, _deps: AppDeps) {
  // static paths before /api/incidents/{id}
  app.openapi(
    defineRoute('incident.read', {
      method: 'get',
      path: '/api/incidents/categories',
      tags,
      summary: "The branch's incident categories (刑事, 治安 … with sub-categories)",
      response: IncidentCategoryListResponse,
    }),
    async (c) => c.json({ items: await listCategories(c.get('ctx')) }, 200),
  );
  app.openapi(
    defineRoute('incident.import', {
      method: 'get',
      path: '/api/incidents/import-template',
      tags,
      summary: 'Excel template of a 110 export the import reads without re-mapping',
      download: XLSX_TYPE,
    }),
    async (c) => xlsxDownload(c, '警情导入模板.xlsx', await importTemplate()),
  );
  app.openapi(
    defineRoute('incident.import', {
      method: 'post',
      path: '/api/incidents/imports/columns',
      tags,
      summary: 'Columns of an uploaded 110 export (CSV or .xlsx), sample rows and a proposed mapping',
      request: { body: upload() },
      response: IncidentImportColumnsResponse,
    }),
    async (c) => {
      const { data, fileName } = await uploaded(c);
      return c.json(await readImportColumns(c.get('ctx'), data, fileName), 200);
    },
  );
  app.openapi(
    defineRoute('incident.import', {
      method: 'post',
      path: '/api/incidents/imports',
      tags,
      summary:
        'Start importing a 110 export with a column mapping (JSON: field → column); every row is validated, all or nothing',
      request: { body: upload({ mapping: z.string().openapi({ example: '{"sourceId":"接警单编号"}' }) }) },
      response: IncidentImportStartResponse,
    }),
    async (c) => {
      const { data, fileName, body } = await uploaded(c);
      const { jobId } = await startImport(c.get('ctx'), {
        data,
        fileName,
        mapping: parseMapping(body.mapping),
      });
      return c.json({ jobId }, 200);
    },
  );
  app.openapi(
    defineRoute('incident.import', {
      method: 'get',
      path: '/api/incidents/imports/{jobId}',
      tags,
      summary: 'Progress of an import I started: validating → loading → done, or failed with row errors',
      request: { params: jobParam },
      response: IncidentImportJobResponse,
    }),
    async (c) => c.json(importJobStatus(c.get('ctx'), c.req.valid('param').jobId), 200),
  );

  app.openapi(
    defineRoute('incident.read', {
      method: 'get',
      path: '/api/incidents',
      tags,
      summary: 'Incidents in my scope: filters, search of narrative and place, newest first',
      request: { query: IncidentListQuery },
      response: IncidentListResponse,
    }),
    async (c) => c.json(await listIncidents(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    defineRoute('incident.write', {
      method: 'post',
      path: '/api/incidents',
      tags,
      summary: 'Record an incident (numbered J + year + 6 digits)',
      request: { body: json(IncidentCreateRequest) },
      response: IncidentResponse,
    }),
    async (c) => c.json(await createIncident(c.get('ctx'), c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('incident.read', {
      method: 'get',
      path: '/api/incidents/{id}',
      tags,
      summary: 'One incident (caller whole only for those who handle incidents)',
      request: { params: idParam },
      response: IncidentResponse,
    }),
    async (c) => c.json(await getIncident(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    defineRoute('incident.write', {
      method: 'patch',
      path: '/api/incidents/{id}',
      tags,
      summary: 'Record disposal, body camera, tags or officers (send the version you saw; 409 if stale)',
      request: { params: idParam, body: json(IncidentUpdateRequest) },
      response: IncidentResponse,
    }),
    async (c) =>
      c.json(await updateIncident(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
