import {
  RuleCodeParam,
  RuleListQuery,
  RuleListResponse,
  RuleResponse,
  RuleUpdateRequest,
  ScanListQuery,
  ScanListResponse,
  ScanResponse,
  ScanStartRequest,
} from '@fazhi/common';
import type { App, AppDeps } from '../../http/app.ts';
import { defineRoute } from '../../http/route.ts';
import { idParam, json } from '../platform/routes/helpers.ts';
import { getScan, listRules, listRuleVersions, listScans, updateRule } from './rules.service.ts';
// Loading the scan service registers the daily job 'supervision.scan'.
import { startScan } from './scan.service.ts';

/** 执法监督 rules (versions with effective dates) and the scans that run them. */
export function registerRuleRoutes(app: App, _deps: AppDeps) {
  const tags = ['Supervision rules'];
  app.openapi(
    defineRoute('supervision.read', {
      method: 'get',
      path: '/api/supervision/rules',
      tags,
      summary: 'The rules with the version in force and their open / total findings in my scope',
      request: { query: RuleListQuery },
      response: RuleListResponse,
    }),
    async (c) => c.json(await listRules(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    defineRoute('supervision.read', {
      method: 'get',
      path: '/api/supervision/rules/{code}/versions',
      tags,
      summary: "A rule's versions, newest first, with the findings of each version's window",
      request: { params: RuleCodeParam },
      response: RuleListResponse,
    }),
    async (c) => c.json(await listRuleVersions(c.get('ctx'), c.req.valid('param').code), 200),
  );
  app.openapi(
    defineRoute('supervision.manage', {
      method: 'put',
      path: '/api/supervision/rules/{code}',
      tags,
      summary: 'Add a version from a date (today or later), or edit a version not yet past',
      request: { params: RuleCodeParam, body: json(RuleUpdateRequest) },
      response: RuleResponse,
    }),
    async (c) => c.json(await updateRule(c.get('ctx'), c.req.valid('param').code, c.req.valid('json')), 200),
  );

  app.openapi(
    defineRoute('supervision.read', {
      method: 'get',
      path: '/api/supervision/scans',
      tags,
      summary: 'Scans of the branch, newest first',
      request: { query: ScanListQuery },
      response: ScanListResponse,
    }),
    async (c) => c.json(await listScans(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    defineRoute('supervision.manage', {
      method: 'post',
      path: '/api/supervision/scans',
      tags,
      summary: 'Start a full or incremental scan now (409 while one runs); progress on GET /scans/{id}',
      request: { body: json(ScanStartRequest) },
      response: ScanResponse,
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const id = await startScan(ctx, c.req.valid('json').mode);
      return c.json(await getScan(ctx, id), 200);
    },
  );
  app.openapi(
    defineRoute('supervision.read', {
      method: 'get',
      path: '/api/supervision/scans/{id}',
      tags,
      summary: 'One scan: status, progress, counts by rule',
      request: { params: idParam },
      response: ScanResponse,
    }),
    async (c) => c.json(await getScan(c.get('ctx'), c.req.valid('param').id), 200),
  );
}
