import {
  FINDING_FILE_MAX_BYTES,
  FINDING_FILES_MAX,
  FindingAnswerFields,
  FindingCreateRequest,
  FindingDetailResponse,
  FindingListQuery,
  FindingListResponse,
  FindingVerifyRequest,
  SupervisionDocumentCreateRequest,
  SupervisionDocumentListQuery,
  SupervisionDocumentListResponse,
  SupervisionDocumentResponse,
  SupervisionStatsQuery,
  SupervisionStatsResponse,
} from '@fazhi/common';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { storedFileDownload } from '../../files/download.ts';
import { fieldValue, multipartBody, type ReceivedForm, withUpload } from '../../files/receive.ts';
import { uploadSettings } from '../../files/settings.ts';
import type { App, AppDeps } from '../../http/app.ts';
import type { AppEnv } from '../../http/env.ts';
import { validationError } from '../../http/errors.ts';
import { defineRoute } from '../../http/route.ts';
import { DOCX } from '../../platform-io/docx.ts';
import { idParam, json } from '../platform/routes/helpers.ts';
import { createDocument, getDocument, getDocumentFile, listDocuments } from './documents.service.ts';
import { getFinding, getFindingFile, listFindings } from './findings.service.ts';
import { registerRecordRoutes } from './records.routes.ts';
import { answerFinding, createManualFinding, verifyFinding } from './rectification.service.ts';
import { supervisionStats } from './stats.service.ts';
// The 待办 provider registers itself once, when the module is first loaded.
import './tasks.ts';

const fileParams = z.object({
  id: z.coerce.number().int().positive(),
  fileId: z.coerce.number().int().positive(),
});

export function fileDownload(
  c: Context<AppEnv>,
  type: string,
  name: string,
  data: Buffer | Uint8Array,
): never {
  c.header('Content-Type', type);
  c.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
  return c.body(new Uint8Array(data), 200) as never;
}

/** The multipart answer: text fields validated by the shared contract, files under `files`. */
function answerFields(form: ReceivedForm) {
  const parsed = FindingAnswerFields.safeParse({
    note: fieldValue(form, 'note') ?? '',
    version: fieldValue(form, 'version'),
  });
  if (!parsed.success) throw validationError(parsed.error.issues);
  return parsed.data;
}

/** Findings, rectification and documents; accountability, committee in records.routes.ts. */
export function registerFindingRoutes(app: App, deps: AppDeps) {
  const tags = ['Supervision findings'];
  const { tmpDir } = uploadSettings(deps);
  const answerUpload = {
    tmpDir,
    fileFields: ['files', 'file'],
    maxFiles: FINDING_FILES_MAX,
    maxFileBytes: FINDING_FILE_MAX_BYTES,
  };
  app.openapi(
    defineRoute('supervision.read', {
      method: 'get',
      path: '/api/supervision/findings',
      tags,
      summary: 'Findings in my scope (unit includes its subtree; status may be a comma list)',
      request: { query: FindingListQuery },
      response: FindingListResponse,
    }),
    async (c) => c.json(await listFindings(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    defineRoute('supervision.manage', {
      method: 'post',
      path: '/api/supervision/findings',
      tags,
      summary: 'Record a finding by hand (file review, complaint …) for a case, an incident or a unit',
      request: { body: json(FindingCreateRequest) },
      response: FindingDetailResponse,
    }),
    async (c) => c.json(await createManualFinding(c.get('ctx'), c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('supervision.read', {
      method: 'get',
      path: '/api/supervision/findings/{id}',
      tags,
      summary: 'One finding with its rectification thread, documents and accountability record',
      request: { params: idParam },
      response: FindingDetailResponse,
    }),
    async (c) => c.json(await getFinding(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    defineRoute('supervision.answer', {
      method: 'post',
      path: '/api/supervision/findings/{id}/answer',
      tags,
      summary:
        'The unit answers with what it did (multipart: note, version, files 0..10, each at most 20 MB); files are streamed to the file store',
      request: {
        params: idParam,
        body: multipartBody(
          {
            note: { type: 'string' },
            version: { type: 'string' },
            files: { type: 'array', items: { type: 'string', format: 'binary' } },
          },
          ['note', 'version'],
        ),
      },
      response: FindingDetailResponse,
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const detail = await withUpload(c, answerUpload, (form) =>
        answerFinding(c.get('ctx'), id, answerFields(form), form.files),
      );
      return c.json(detail, 200);
    },
  );
  app.openapi(
    defineRoute('supervision.read', {
      method: 'get',
      path: '/api/supervision/findings/{id}/files/{fileId}',
      tags,
      summary:
        'Download a rectification evidence file, streamed from the file store (its SHA-256 in X-Content-SHA256)',
      request: { params: fileParams },
      download: 'application/octet-stream',
    }),
    async (c) => {
      const { id, fileId } = c.req.valid('param');
      const ctx = c.get('ctx');
      return storedFileDownload(c, ctx.db, await getFindingFile(ctx, id, fileId)) as never;
    },
  );
  app.openapi(
    defineRoute('supervision.manage', {
      method: 'post',
      path: '/api/supervision/findings/{id}/verify',
      tags,
      summary:
        'Verify an answer: corrected (optionally a confirmed violation), returned with a new deadline, or dismissed',
      request: { params: idParam, body: json(FindingVerifyRequest) },
      response: FindingDetailResponse,
    }),
    async (c) => c.json(await verifyFinding(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    defineRoute('supervision.read', {
      method: 'get',
      path: '/api/supervision/stats',
      tags,
      summary: 'Findings found / corrected / confirmed, by rule, unit and month, rectification on time',
      request: { query: SupervisionStatsQuery },
      response: SupervisionStatsResponse,
    }),
    async (c) => c.json(await supervisionStats(c.get('ctx'), c.req.valid('query')), 200),
  );

  const docTags = ['Supervision documents'];
  app.openapi(
    defineRoute('supervision.read', {
      method: 'get',
      path: '/api/supervision/documents',
      tags: docTags,
      summary: '执法建议书, 督办通知书 and 执法质量通报 issued (unit documents only to their unit)',
      request: { query: SupervisionDocumentListQuery },
      response: SupervisionDocumentListResponse,
    }),
    async (c) => c.json(await listDocuments(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    defineRoute('supervision.manage', {
      method: 'post',
      path: '/api/supervision/documents',
      tags: docTags,
      summary:
        'Issue a numbered document (.docx, official layout); a 督办通知书 marks its findings supervised',
      request: { body: json(SupervisionDocumentCreateRequest) },
      response: SupervisionDocumentResponse,
    }),
    async (c) => c.json(await createDocument(c.get('ctx'), c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('supervision.read', {
      method: 'get',
      path: '/api/supervision/documents/{id}',
      tags: docTags,
      summary: 'One issued document',
      request: { params: idParam },
      response: SupervisionDocumentResponse,
    }),
    async (c) => c.json(await getDocument(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    defineRoute('supervision.read', {
      method: 'get',
      path: '/api/supervision/documents/{id}/file',
      tags: docTags,
      summary: 'The document as issued (.docx; its SHA-256 in X-Content-SHA256)',
      request: { params: idParam },
      download: DOCX,
    }),
    async (c) => {
      const file = await getDocumentFile(c.get('ctx'), c.req.valid('param').id);
      c.header('X-Content-SHA256', file.sha256);
      return fileDownload(c, file.contentType, file.fileName, file.content);
    },
  );

  registerRecordRoutes(app, deps);
}
