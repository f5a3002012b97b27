import {
  AnnualReportCompareResponse,
  AnnualReportConfirmRequest,
  AnnualReportResponse,
  AnnualReportRestoreRequest,
  AnnualReportSaveRequest,
  AnnualReportVersionResponse,
  type CheckFinding,
  CheckResponse,
  normalizeText,
  PreviewResponse,
  reportYearOf,
} from '@fazhi/common';
import { z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app.ts';
import { AppError } from '../../http/errors.ts';
import { defineRoute } from '../../http/route.ts';
import { DOCX } from '../../platform-io/docx.ts';
import { json, upload } from '../platform/routes/helpers.ts';
import { fileDownload } from '../supervision/findings.routes.ts';
import { buildAnnualReport, checkYear as checkBuiltYear, checkText } from './annual/build.ts';
import { confirmParagraph } from './annual/confirm.ts';
import { flagsOf } from './annual/dated.ts';
import { previewOf, renderReport } from './annual/render.ts';
import { checkYear, getReport, loadContent, saveReport } from './annual/store.ts';
import { compareVersion, getVersion, previewVersion, restoreVersion } from './annual/versions.ts';
import { detectFormat, extractText } from './checker/extract-text.ts';

const yearParam = z.object({ year: z.coerce.number().int() });
const versionParam = yearParam.extend({ version: z.coerce.number().int().min(1) });

/** Uploads above this size are not reports (the reference report is 40 kB as .docx). */
const MAX_UPLOAD = 10 * 1024 * 1024;

const toResponse = (findings: CheckFinding[]): CheckResponse => ({
  findings: findings.map((f) => ({
    kind: f.kind,
    severity: f.severity,
    message: f.message,
    messageEn: f.messageEn,
    excerpts: f.excerpts,
    ...(f.arithmetic ? { arithmetic: f.arithmetic } : {}),
    ...(f.metricId ? { metricId: f.metricId } : {}),
  })),
  total: findings.length,
});

/** 法治政府建设年度报告: the text, its preview with figures, exports and the consistency check. */
export function registerAnnualReportRoutes(app: App, _deps: AppDeps) {
  const tags = ['Annual report'];
  app.openapi(
    defineRoute('report.read', {
      method: 'get',
      path: '/api/reports/annual/{year}',
      tags,
      summary:
        "The year's report text (blocks with {{metric.id}} references); the default template until saved",
      request: { params: yearParam },
      response: AnnualReportResponse,
    }),
    async (c) => c.json(await getReport(c.get('ctx'), c.req.valid('param').year), 200),
  );
  app.openapi(
    defineRoute('report.manage', {
      method: 'put',
      path: '/api/reports/annual/{year}',
      tags,
      summary: 'Save the text (versioned: 409 on a stale version; unknown metric ids name their block)',
      request: { params: yearParam, body: json(AnnualReportSaveRequest) },
      response: AnnualReportResponse,
    }),
    async (c) => c.json(await saveReport(c.get('ctx'), c.req.valid('param').year, c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('report.read', {
      method: 'get',
      path: '/api/reports/annual/{year}/preview',
      tags,
      summary:
        'The text rendered with the figures of the year: segments of text and figures with their status',
      request: { params: yearParam },
      response: PreviewResponse,
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { year } = c.req.valid('param');
      checkYear(year);
      const content = await loadContent(ctx.db, ctx.orgId, year);
      const rendered = await renderReport(ctx.db, ctx.orgId, year, content);
      return c.json(previewOf(rendered, await flagsOf(ctx.db, ctx.orgId, year, content.blocks)), 200);
    },
  );
  app.openapi(
    defineRoute('report.manage', {
      method: 'post',
      path: '/api/reports/annual/{year}/confirmations',
      tags,
      summary:
        "确认仍属实: confirm that a heading or paragraph flagged as telling another year's events holds this year as worded (saved as a new version, audited; 409 when stale)",
      request: { params: yearParam, body: json(AnnualReportConfirmRequest) },
      response: AnnualReportResponse,
    }),
    async (c) =>
      c.json(await confirmParagraph(c.get('ctx'), c.req.valid('param').year, c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('report.read', {
      method: 'get',
      path: '/api/reports/annual/{year}/versions/{version}',
      tags,
      summary: 'A saved version of the text (版本记录); 404 for a version the report does not have',
      request: { params: versionParam },
      response: AnnualReportVersionResponse,
    }),
    async (c) => {
      const { year, version } = c.req.valid('param');
      return c.json(await getVersion(c.get('ctx'), year, version), 200);
    },
  );
  app.openapi(
    defineRoute('report.read', {
      method: 'get',
      path: '/api/reports/annual/{year}/versions/{version}/preview',
      tags,
      summary: "A saved version's text rendered with the year's figures as they are today",
      request: { params: versionParam },
      response: PreviewResponse,
    }),
    async (c) => {
      const { year, version } = c.req.valid('param');
      return c.json(await previewVersion(c.get('ctx'), year, version), 200);
    },
  );
  app.openapi(
    defineRoute('report.read', {
      method: 'get',
      path: '/api/reports/annual/{year}/versions/{version}/compare',
      tags,
      summary:
        'A saved version against the current text, block by block (changed / added / removed, old and new text)',
      request: { params: versionParam },
      response: AnnualReportCompareResponse,
    }),
    async (c) => {
      const { year, version } = c.req.valid('param');
      return c.json(await compareVersion(c.get('ctx'), year, version), 200);
    },
  );
  app.openapi(
    defineRoute('report.manage', {
      method: 'post',
      path: '/api/reports/annual/{year}/versions/{version}/restore',
      tags,
      summary:
        'Restore a saved version: its text is saved as a new version (body: the current version seen; 409 when stale)',
      request: { params: versionParam, body: json(AnnualReportRestoreRequest) },
      response: AnnualReportResponse,
    }),
    async (c) => {
      const { year, version } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(await restoreVersion(c.get('ctx'), year, version, body.version), 200);
    },
  );
  app.openapi(
    defineRoute('report.read', {
      method: 'get',
      path: '/api/reports/annual/{year}/export.docx',
      tags,
      summary: 'The report as .docx in the official layout (GB/T 9704)',
      request: { params: yearParam },
      download: DOCX,
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { year } = c.req.valid('param');
      checkYear(year);
      const built = await buildAnnualReport(ctx.db, ctx.orgId, year);
      c.header('X-Report-Figures', String(built.figures));
      c.header('X-Report-Missing', String(built.missing.length));
      return fileDownload(c, DOCX, `${year}年法治政府建设年度报告.docx`, built.docx);
    },
  );
  app.openapi(
    defineRoute('report.read', {
      method: 'get',
      path: '/api/reports/annual/{year}/export.md',
      tags,
      summary: 'The report as Markdown',
      request: { params: yearParam },
      download: 'text/markdown',
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { year } = c.req.valid('param');
      checkYear(year);
      const built = await buildAnnualReport(ctx.db, ctx.orgId, year);
      return fileDownload(
        c,
        'text/markdown; charset=utf-8',
        `${year}年法治政府建设年度报告.md`,
        Buffer.from(built.markdown, 'utf8'),
      );
    },
  );
  app.openapi(
    defineRoute('report.read', {
      method: 'get',
      path: '/api/reports/annual/{year}/check',
      tags,
      summary: 'The consistency check of the built report, including figures that disagree with the records',
      request: { params: yearParam },
      response: CheckResponse,
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { year } = c.req.valid('param');
      checkYear(year);
      return c.json(toResponse(await checkBuiltYear(ctx.db, ctx.orgId, year)), 200);
    },
  );
  app.openapi(
    defineRoute('report.read', {
      method: 'post',
      path: '/api/reports/check',
      tags,
      summary: 'Check an uploaded hand-written report (.docx or .txt, multipart field `file`)',
      request: { body: upload() },
      response: CheckResponse,
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const body = await c.req.parseBody();
      const file = body.file;
      if (!(file instanceof File) || file.size === 0) throw new AppError('VALIDATION', { file: 'required' });
      if (file.size > MAX_UPLOAD || !/\.(docx|txt)$/i.test(file.name))
        throw new AppError('VALIDATION', { file: 'report.fileType' });
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (/\.docx$/i.test(file.name) && detectFormat(bytes) !== 'docx')
        throw new AppError('VALIDATION', { file: 'report.fileType' });
      let text: string;
      try {
        text = await extractText(bytes, file.name);
      } catch {
        throw new AppError('VALIDATION', { file: 'report.fileType' });
      }
      const year = reportYearOf(normalizeText(text).text) ?? null;
      return c.json(toResponse(await checkText(ctx.db, ctx.orgId, text, year)), 200);
    },
  );
}
