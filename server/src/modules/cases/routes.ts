import {
  AppraisalRequest,
  CaseActionParams,
  CaseActionRequest,
  CaseCreateRequest,
  CaseListQuery,
  CaseListResponse,
  CaseResponse,
  CaseRevealQuery,
  CaseUpdateRequest,
  DecisionChangeRequest,
  DecisionResponse,
  DiscussionRequest,
  EvidenceResponse,
  EvidenceUploadFields,
  ExtendPeriodRequest,
  OffencesRequest,
  OfflineReportCreateRequest,
  OfflineReportListQuery,
  OfflineReportListResponse,
  OfflineReportResponse,
  PartyRequest,
  PenaltyItemListQuery,
  PenaltyItemListResponse,
  ProceedingStepParams,
  ProceedingStepRequest,
  REVIEW_CHECKLIST,
  ReviewConfigResponse,
} from '@fazhi/common';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { storedFileDownload } from '../../files/download.ts';
import { fieldValue, multipartBody, withUpload } from '../../files/receive.ts';
import { uploadSettings } from '../../files/settings.ts';
import type { App, AppDeps } from '../../http/app.ts';
import type { AppEnv } from '../../http/env.ts';
import { AppError, validationError } from '../../http/errors.ts';
import { defineRoute } from '../../http/route.ts';
import { DOCX } from '../../platform-io/docx.ts';
import { idParam, json } from '../platform/routes/helpers.ts';
import { actOnCase } from './actions.service.ts';
import { reviewSettings } from './case-view.ts';
import { createCase, getCase, listCases, updateCase } from './cases.service.ts';
import { changeDecision, getDecision, getDecisionDocument } from './decisions.service.ts';
import {
  addDiscussion,
  addEvidence,
  addParty,
  extendPeriod,
  getEvidenceFile,
  listPenaltyItems,
  recordAppraisal,
  removeParty,
  setOffences,
  updateParty,
} from './details.service.ts';
import { createOfflineReport, listOfflineReports } from './offline.service.ts';
import { stepProceeding } from './proceedings.service.ts';
import './tasks.ts';

const partyParams = z.object({
  id: z.coerce.number().int().positive(),
  partyId: z.coerce.number().int().positive(),
});
const yes = (v: string | undefined) => v === '1' || v === 'true';

function fileDownload(c: Context<AppEnv>, type: string, name: string, data: Buffer | Uint8Array): never {
  c.header('Content-Type', type);
  c.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
  return c.body(new Uint8Array(data), 200) as never;
}

export function registerCasesRoutes(app: App, deps: AppDeps) {
  const tags = ['Cases'];
  const uploads = uploadSettings(deps);
  // Fixed paths first: /api/cases/{id} would otherwise take them as an id.
  app.openapi(
    defineRoute('case.read', {
      method: 'get',
      path: '/api/cases/offline-reports',
      tags,
      summary: 'Offline-handling reports in my scope',
      request: { query: OfflineReportListQuery },
      response: OfflineReportListResponse,
    }),
    async (c) => c.json(await listOfflineReports(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    defineRoute('case.write', {
      method: 'post',
      path: '/api/cases/offline-reports',
      tags,
      summary: 'Report a case handled offline (线下办理报告)',
      request: { body: json(OfflineReportCreateRequest) },
      response: OfflineReportResponse,
    }),
    async (c) => c.json(await createOfflineReport(c.get('ctx'), c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('case.read', {
      method: 'get',
      path: '/api/cases/review-config',
      tags,
      summary: 'Review gates per decision kind, legal-gate qualification, checklist',
      response: ReviewConfigResponse,
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const rs = await reviewSettings(ctx.db, ctx.orgId);
      return c.json(
        { gates: rs.chains, legalGateMinQualification: rs.minLevel, checklist: [...REVIEW_CHECKLIST] },
        200,
      );
    },
  );
  app.openapi(
    defineRoute('case.read', {
      method: 'get',
      path: '/api/cases',
      tags,
      summary: 'Cases in my scope',
      request: { query: CaseListQuery },
      response: CaseListResponse,
    }),
    async (c) => c.json(await listCases(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    defineRoute('case.write', {
      method: 'post',
      path: '/api/cases',
      tags,
      summary: 'Accept a case from an incident or a walk-in (受案 / 立案审查)',
      request: { body: json(CaseCreateRequest) },
      response: CaseResponse,
    }),
    async (c) => c.json(await createCase(c.get('ctx'), c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('case.read', {
      method: 'get',
      path: '/api/cases/{id}',
      tags,
      summary:
        'A case with parties, evidence, reviews, decisions and clocks (?reveal=1: whole ID numbers, audited)',
      request: { params: idParam, query: CaseRevealQuery },
      response: CaseResponse,
    }),
    async (c) =>
      c.json(await getCase(c.get('ctx'), c.req.valid('param').id, yes(c.req.valid('query').reveal)), 200),
  );
  app.openapi(
    defineRoute('case.write', {
      method: 'patch',
      path: '/api/cases/{id}',
      tags,
      summary: 'Change title, summary, flags or co-officers',
      request: { params: idParam, body: json(CaseUpdateRequest) },
      response: CaseResponse,
    }),
    async (c) => c.json(await updateCase(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('case.read', {
      method: 'post',
      path: '/api/cases/{id}/actions/{action}',
      tags,
      summary: 'Take a workflow action (accept, file, submit, approve, send_back, decide …)',
      description:
        'The server checks the action against the workflow table and the caller (availableActions): 409 when the ' +
        'status does not allow it or the case changed meanwhile, 403 when it is not the caller’s to take.',
      request: { params: CaseActionParams, body: json(CaseActionRequest) },
      response: CaseResponse,
    }),
    async (c) => {
      const { id, action } = c.req.valid('param');
      return c.json(
        await actOnCase(c.get('ctx'), id, action, c.req.valid('json') as Record<string, unknown>),
        200,
      );
    },
  );
  app.openapi(
    defineRoute('case.write', {
      method: 'post',
      path: '/api/cases/{id}/parties',
      tags,
      summary: 'Add a party',
      request: { params: idParam, body: json(PartyRequest) },
      response: CaseResponse,
    }),
    async (c) => c.json(await addParty(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('case.write', {
      method: 'put',
      path: '/api/cases/{id}/parties/{partyId}',
      tags,
      summary: 'Change a party',
      request: { params: partyParams, body: json(PartyRequest) },
      response: CaseResponse,
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await updateParty(c.get('ctx'), p.id, p.partyId, c.req.valid('json')), 200);
    },
  );
  app.openapi(
    defineRoute('case.write', {
      method: 'delete',
      path: '/api/cases/{id}/parties/{partyId}',
      tags,
      summary: 'Remove a party',
      request: { params: partyParams },
      response: CaseResponse,
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await removeParty(c.get('ctx'), p.id, p.partyId), 200);
    },
  );
  app.openapi(
    defineRoute('case.write', {
      method: 'put',
      path: '/api/cases/{id}/offences',
      tags,
      summary: 'Set the offences (penalty items) of the case',
      request: { params: idParam, body: json(OffencesRequest) },
      response: CaseResponse,
    }),
    async (c) => c.json(await setOffences(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('case.write', {
      method: 'post',
      path: '/api/cases/{id}/evidence',
      tags,
      summary:
        'Upload evidence (multipart: file, description); streamed to the file store with its SHA-256, never overwritten. At most FAZHI_EVIDENCE_UPLOAD_MB (100 MB by default), else 413',
      request: {
        params: idParam,
        body: multipartBody({ file: { type: 'string', format: 'binary' }, description: { type: 'string' } }, [
          'file',
        ]),
      },
      response: EvidenceResponse,
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const evidence = await withUpload(
        c,
        { tmpDir: uploads.tmpDir, fileFields: ['file'], maxFiles: 1, maxFileBytes: uploads.evidenceLimit },
        async (form) => {
          const fields = EvidenceUploadFields.safeParse({ description: fieldValue(form, 'description') });
          if (!fields.success) throw validationError(fields.error.issues);
          const [file] = form.files;
          if (!file) throw new AppError('VALIDATION', { file: 'required' });
          return addEvidence(c.get('ctx'), id, file, fields.data.description || null);
        },
      );
      return c.json(evidence, 200);
    },
  );
  app.openapi(
    defineRoute('case.read', {
      method: 'get',
      path: '/api/evidence/{id}/download',
      tags,
      summary: 'Download an evidence file, streamed from the file store (its SHA-256 in X-Content-SHA256)',
      request: { params: idParam },
      download: 'application/octet-stream',
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return storedFileDownload(c, ctx.db, await getEvidenceFile(ctx, c.req.valid('param').id)) as never;
    },
  );
  app.openapi(
    defineRoute('case.write', {
      method: 'post',
      path: '/api/cases/{id}/discussions',
      tags,
      summary: 'Record a collective discussion (participants, opinions, conclusion, dissent)',
      request: { params: idParam, body: json(DiscussionRequest) },
      response: CaseResponse,
    }),
    async (c) => c.json(await addDiscussion(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    // The approver's role is checked after the scope, so a case outside it stays a 404.
    defineRoute('case.read', {
      method: 'post',
      path: '/api/cases/{id}/extend-period',
      tags,
      summary: 'Approve the +30-day extension of the administrative case period (caller = approver)',
      request: { params: idParam, body: json(ExtendPeriodRequest) },
      response: CaseResponse,
    }),
    async (c) => c.json(await extendPeriod(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('case.write', {
      method: 'post',
      path: '/api/cases/{id}/appraisals',
      tags,
      summary: 'Record appraisal time, which the case period does not count',
      request: { params: idParam, body: json(AppraisalRequest) },
      response: CaseResponse,
    }),
    async (c) =>
      c.json(await recordAppraisal(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('case.write', {
      method: 'post',
      path: '/api/cases/{id}/proceedings/{pid}/{step}',
      tags,
      summary: 'A step on a proceeding: serve, apply (复议/复核), reply, conclude',
      request: { params: ProceedingStepParams, body: json(ProceedingStepRequest) },
      response: CaseResponse,
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await stepProceeding(c.get('ctx'), p.id, p.pid, p.step, c.req.valid('json')), 200);
    },
  );
  app.openapi(
    defineRoute('case.read', {
      method: 'get',
      path: '/api/penalty-items',
      tags,
      summary: 'The penalty-item dictionary (offences with their legal basis)',
      request: { query: PenaltyItemListQuery },
      response: PenaltyItemListResponse,
    }),
    async (c) => c.json(await listPenaltyItems(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    defineRoute('case.read', {
      method: 'get',
      path: '/api/decisions/{id}',
      tags,
      summary: 'A decision',
      request: { params: idParam },
      response: DecisionResponse,
    }),
    async (c) => c.json(await getDecision(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    defineRoute('case.read', {
      method: 'get',
      path: '/api/decisions/{id}/document',
      tags,
      summary: 'The decision document (.docx, official layout); ?masked=1 for a copy without personal data',
      request: {
        params: idParam,
        query: z.object({ masked: z.enum(['0', '1', 'true', 'false']).optional() }),
      },
      download: DOCX,
    }),
    async (c) => {
      const { buffer, fileName } = await getDecisionDocument(
        c.get('ctx'),
        c.req.valid('param').id,
        yes(c.req.valid('query').masked),
      );
      return fileDownload(c, DOCX, fileName, buffer);
    },
  );
  app.openapi(
    defineRoute('case.read', {
      method: 'post',
      path: '/api/decisions/{id}/change',
      tags,
      summary: 'Record that a decision was changed or revoked (publicity withdrawn within 3 days)',
      request: { params: idParam, body: json(DecisionChangeRequest) },
      response: DecisionResponse,
    }),
    async (c) =>
      c.json(await changeDecision(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
