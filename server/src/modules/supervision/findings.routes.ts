import {
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
import type { App, AppDeps } from '../../http/app.ts';
import type { AppEnv } from '../../http/env.ts';
import { AppError, validationError } from '../../http/errors.ts';
import { defineRoute } from '../../http/route.ts';
import { DOCX } from '../../platform-io/docx.ts';
import { idParam, json } from '../platform/routes/helpers.ts';
import { createDocument, getDocument, getDocumentFile, listDocuments } from './documents.service.ts';
import { getFinding, getFindingFile, listFindings } from './findings.service.ts';
import { registerRecordRoutes } from './records.routes.ts';
import {
  answerFinding,
  createManualFinding,
  type UploadedFile,
  verifyFinding,
} from './rectification.service.ts';
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
async function answerBody(c: Context<AppEnv>) {
  const body = await c.req.parseBody({ all: true });
  const parsed = FindingAnswerFields.safeParse({ note: one(body.note) ?? '', version: one(body.version) });
  if (!parsed.success) throw validationError(parsed.error.issues);
  const raw = [body.files, body.file].flat().filter((x) => x !== undefined);
  if (raw.length > FINDING_FILES_MAX)
    throw new AppError('VALIDATION', { files: { key: 'file.tooMany', params: { max: FINDING_FILES_MAX } } });
  const files: UploadedFile[] = [];
  for (const x of raw) {
    if (!(x instanceof File)) continue;
    files.push({ name: x.name, type: x.type, data: Buffer.from(await x.arrayBuffer()) });
  }
  return { fields: parsed.data, files };
}

const one = (v: unknown): string | undefined => {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' ? x : undefined;
};

/** Findings, rectification and documents; accountability, committee in records.routes.ts. */
export function registerFindingRoutes(app: App, deps: AppDeps) {
  const tags = ['Supervision findings'];
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
      summary: 'The unit answers with what it did (multipart: note, version, files 0..10)',
      request: {
        params: idParam,
        body: {
          content: {
            'multipart/form-data': {
              schema: z.object({
                note: z.string(),
                version: z.string(),
                // One file arrives as a value, several as an array: validated in answerBody.
                files: z
                  .any()
                  .optional()
                  .openapi({ type: 'array', items: { type: 'string', format: 'binary' } }),
              }),
            },
          },
          required: true,
        },
      },
      response: FindingDetailResponse,
    }),
    async (c) => {
      const { fields, files } = await answerBody(c);
      return c.json(await answerFinding(c.get('ctx'), c.req.valid('param').id, fields, files), 200);
    },
  );
  app.openapi(
    defineRoute('supervision.read', {
      method: 'get',
      path: '/api/supervision/findings/{id}/files/{fileId}',
      tags,
      summary: 'Download a rectification evidence file (its SHA-256 in X-Content-SHA256)',
      request: { params: fileParams },
      download: 'application/octet-stream',
    }),
    async (c) => {
      const { id, fileId } = c.req.valid('param');
      const file = await getFindingFile(c.get('ctx'), id, fileId);
      c.header('X-Content-SHA256', file.sha256);
      return fileDownload(c, file.contentType, file.fileName, file.content);
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
