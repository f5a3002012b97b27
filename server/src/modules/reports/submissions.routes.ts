import {
  CollectionCreateRequest,
  CollectionDetailResponse,
  CollectionListResponse,
  CollectionRemindResponse,
  SUBMISSION_FILE_MAX_BYTES,
  SUBMISSION_FILES_MAX,
  SubmissionFileDeleteQuery,
  SubmissionImportFields,
  SubmissionImportResponse,
  SubmissionListQuery,
  SubmissionListResponse,
  SubmissionResponse,
  SubmissionReturnRequest,
  SubmissionSaveRequest,
  SubmissionVersionRequest,
} from '@fazhi/common';
import { z } from '@hono/zod-openapi';
import { storedFileDownload } from '../../files/download.ts';
import { multipartBody, withUpload } from '../../files/receive.ts';
import { uploadSettings } from '../../files/settings.ts';
import type { App, AppDeps } from '../../http/app.ts';
import { AppError, validationError } from '../../http/errors.ts';
import { defineRoute } from '../../http/route.ts';
import { idParam, json, upload, XLSX_TYPE, xlsxDownload } from '../platform/routes/helpers.ts';
import { formWorkbook, importForm } from './submissions/excel.ts';
import {
  acceptSubmission,
  attachFiles,
  deleteSubmissionFile,
  getSubmission,
  getSubmissionFile,
  listSubmissions,
  returnSubmission,
  saveSubmission,
  signSubmission,
} from './submissions/forms.service.ts';
import {
  closeCollection,
  createCollection,
  getCollection,
  listCollections,
  remindCollection,
} from './submissions/rounds.service.ts';
// The 待办 provider registers itself once, when the module is first loaded.
import './submissions/tasks.ts';

const fileParams = z.object({
  id: z.coerce.number().int().positive(),
  fileId: z.coerce.number().int().positive(),
});

/** 数据填报: collection rounds (the detachment) and departments' forms. */
export function registerSubmissionRoutes(app: App, deps: AppDeps) {
  const tags = ['Report submissions'];
  const attachUpload = {
    tmpDir: uploadSettings(deps).tmpDir,
    fileFields: ['files', 'file'],
    maxFiles: SUBMISSION_FILES_MAX,
    maxFileBytes: SUBMISSION_FILE_MAX_BYTES,
  };
  app.openapi(
    defineRoute('report.read', {
      method: 'get',
      path: '/api/reports/collections',
      tags,
      summary: 'Collection rounds with progress (submitted / total, late)',
      response: CollectionListResponse,
    }),
    async (c) => c.json(await listCollections(c.get('ctx')), 200),
  );
  app.openapi(
    defineRoute('report.manage', {
      method: 'post',
      path: '/api/reports/collections',
      tags,
      summary: 'Open a round: one form per department owning submitted metrics (or the chosen ones)',
      request: { body: json(CollectionCreateRequest) },
      response: CollectionDetailResponse,
    }),
    async (c) => c.json(await createCollection(c.get('ctx'), c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('report.read', {
      method: 'get',
      path: '/api/reports/collections/{id}',
      tags,
      summary: "A round with each department's form status and late flag",
      request: { params: idParam },
      response: CollectionDetailResponse,
    }),
    async (c) => c.json(await getCollection(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    defineRoute('report.manage', {
      method: 'post',
      path: '/api/reports/collections/{id}/remind',
      tags,
      summary: '催报: mark the late forms reminded (their 待办 shows it)',
      request: { params: idParam },
      response: CollectionRemindResponse,
    }),
    async (c) => c.json(await remindCollection(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    defineRoute('report.manage', {
      method: 'post',
      path: '/api/reports/collections/{id}/close',
      tags,
      summary: 'Close a round once every form is accepted',
      request: { params: idParam },
      response: CollectionDetailResponse,
    }),
    async (c) => c.json(await closeCollection(c.get('ctx'), c.req.valid('param').id), 200),
  );

  // Departments (submission.fill) see their own forms, the detachment (report.read) all of them:
  // the service applies that rule, so these reads are open to any signed-in user.
  app.openapi(
    defineRoute('signed-in', {
      method: 'get',
      path: '/api/reports/submissions',
      tags,
      summary: 'Forms: my department’s (mine=true, or without report.read) or all in scope',
      request: { query: SubmissionListQuery },
      response: SubmissionListResponse,
    }),
    async (c) => c.json(await listSubmissions(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    defineRoute('signed-in', {
      method: 'get',
      path: '/api/reports/submissions/{id}',
      tags,
      summary: 'One form: metric rows with values and notes, files, versions, my actions',
      request: { params: idParam },
      response: SubmissionResponse,
    }),
    async (c) => c.json(await getSubmission(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    defineRoute('submission.fill', {
      method: 'put',
      path: '/api/reports/submissions/{id}',
      tags,
      summary: 'Save values and notes (draft or returned form; version checked)',
      request: { params: idParam, body: json(SubmissionSaveRequest) },
      response: SubmissionResponse,
    }),
    async (c) =>
      c.json(await saveSubmission(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('submission.sign', {
      method: 'post',
      path: '/api/reports/submissions/{id}/sign',
      tags,
      summary: '负责人签报: the department head signs the complete form off',
      request: { params: idParam, body: json(SubmissionVersionRequest) },
      response: SubmissionResponse,
    }),
    async (c) =>
      c.json(await signSubmission(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').version), 200),
  );
  app.openapi(
    defineRoute('report.manage', {
      method: 'post',
      path: '/api/reports/submissions/{id}/accept',
      tags,
      summary: 'Accept a signed form: its values become the figures of the period',
      request: { params: idParam, body: json(SubmissionVersionRequest) },
      response: SubmissionResponse,
    }),
    async (c) =>
      c.json(await acceptSubmission(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').version), 200),
  );
  app.openapi(
    defineRoute('report.manage', {
      method: 'post',
      path: '/api/reports/submissions/{id}/return',
      tags,
      summary: 'Return a signed or accepted form with a reason',
      request: { params: idParam, body: json(SubmissionReturnRequest) },
      response: SubmissionResponse,
    }),
    async (c) =>
      c.json(await returnSubmission(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('submission.fill', {
      method: 'post',
      path: '/api/reports/submissions/{id}/files',
      tags,
      summary:
        'Attach files to a draft or returned form (multipart `files`, each at most 20 MB; streamed to the file store, SHA-256 kept)',
      request: {
        params: idParam,
        body: multipartBody({ files: { type: 'array', items: { type: 'string', format: 'binary' } } }, [
          'files',
        ]),
      },
      response: SubmissionResponse,
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const result = await withUpload(c, attachUpload, (form) => attachFiles(c.get('ctx'), id, form.files));
      return c.json(result, 200);
    },
  );
  app.openapi(
    defineRoute('signed-in', {
      method: 'get',
      path: '/api/reports/submissions/{id}/files/{fileId}',
      tags,
      summary: 'Download an attachment, streamed from the file store (its SHA-256 in X-Content-SHA256)',
      request: { params: fileParams },
      download: 'application/octet-stream',
    }),
    async (c) => {
      const { id, fileId } = c.req.valid('param');
      const ctx = c.get('ctx');
      return storedFileDownload(c, ctx.db, await getSubmissionFile(ctx, id, fileId)) as never;
    },
  );
  app.openapi(
    defineRoute('submission.fill', {
      method: 'delete',
      path: '/api/reports/submissions/{id}/files/{fileId}',
      tags,
      summary: 'Remove an attachment of a draft or returned form (?version=; 409 when stale or signed)',
      request: { params: fileParams, query: SubmissionFileDeleteQuery },
      response: SubmissionResponse,
    }),
    async (c) => {
      const { id, fileId } = c.req.valid('param');
      return c.json(await deleteSubmissionFile(c.get('ctx'), id, fileId, c.req.valid('query').version), 200);
    },
  );
  app.openapi(
    defineRoute('signed-in', {
      method: 'get',
      path: '/api/reports/submissions/{id}/template',
      tags,
      summary: 'The form as an .xlsx to fill in Excel: one row per metric, saved values pre-filled',
      request: { params: idParam },
      download: XLSX_TYPE,
    }),
    async (c) => {
      const file = await formWorkbook(c.get('ctx'), c.req.valid('param').id);
      return xlsxDownload(c, file.fileName, file.data);
    },
  );
  app.openapi(
    defineRoute('submission.fill', {
      method: 'post',
      path: '/api/reports/submissions/{id}/import',
      tags,
      summary:
        'Import a filled template (multipart `file`, `version`): all rows or none, row errors named (400)',
      request: { params: idParam, body: upload({ version: z.string() }) },
      response: SubmissionImportResponse,
    }),
    async (c) => {
      const body = await c.req.parseBody();
      const fields = SubmissionImportFields.safeParse({ version: body.version });
      if (!fields.success) throw validationError(fields.error.issues);
      const file = body.file;
      if (!(file instanceof File) || file.size === 0) throw new AppError('VALIDATION', { file: 'required' });
      const result = await importForm(c.get('ctx'), c.req.valid('param').id, fields.data.version, {
        name: file.name,
        data: await file.arrayBuffer(),
      });
      return c.json(result, 200);
    },
  );
}
