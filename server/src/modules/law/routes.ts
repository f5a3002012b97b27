import {
  ImportResponse,
  LawRegisterResponse,
  LawReviewListResponse,
  LawVersion,
  LawVersionAddRequest,
  OffenceVersion,
  PenaltyCheckRequest,
  PenaltyCheckResponse,
  ProposedDecision,
} from '@fazhi/common';
import type { App } from '../../http/app.ts';
import { defineRoute } from '../../http/route.ts';
import { idParam, json, upload, uploadedFile, XLSX_TYPE, xlsxDownload } from '../platform/routes/helpers.ts';
import { exportOffences, importOffences, saveOffence } from './maintain.service.ts';
import { checkDraft, lawReviewList, loadLawRegister, penaltyCheck } from './register.service.ts';
import { addLawVersion } from './versions.service.ts';

export function registerLawRoutes(app: App) {
  app.openapi(
    defineRoute('signed-in', {
      method: 'post',
      path: '/api/law/penalty-check',
      tags: ['Law register'],
      summary:
        'Checks proposed penalties against the law in force (从旧兼从轻): version applied, violations with their rule and basis',
      request: { body: json(PenaltyCheckRequest) },
      response: PenaltyCheckResponse,
    }),
    async (c) => c.json(await penaltyCheck(c.get('ctx'), c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('signed-in', {
      method: 'get',
      path: '/api/law/register',
      tags: ['Law register'],
      summary:
        'The law versions and offence versions in force or past (the discretion helper reads the ranges here)',
      response: LawRegisterResponse,
    }),
    async (c) => c.json(await loadLawRegister(c.get('ctx').db), 200),
  );
  app.openapi(
    defineRoute('case.read', {
      method: 'post',
      path: '/api/cases/{id}/penalty-check',
      tags: ['Law register'],
      summary:
        "The discretion helper: a drafted proposal checked against the law on today's date, with the party's age and the case's act date (404 outside your scope)",
      request: { params: idParam, body: json(ProposedDecision) },
      response: PenaltyCheckResponse,
    }),
    async (c) => c.json(await checkDraft(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('case.legal', {
      method: 'get',
      path: '/api/law/review-list',
      tags: ['Law register'],
      summary:
        '新旧法适用复查: decisions since a revision came into force that cite another version or hold a penalty the law does not allow, with what the law in force says',
      response: LawReviewListResponse,
    }),
    async (c) => c.json(await lawReviewList(c.get('ctx')), 200),
  );
  app.openapi(
    defineRoute('rules.manage', {
      method: 'post',
      path: '/api/law/offences',
      tags: ['Law register'],
      summary: 'Saves an offence version: the current row is kept as superseded, never overwritten (audited)',
      request: { body: json(OffenceVersion) },
      response: OffenceVersion,
    }),
    async (c) => c.json(await saveOffence(c.get('ctx'), c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('rules.manage', {
      method: 'post',
      path: '/api/law/versions',
      tags: ['Law register'],
      summary:
        "Adds a version of a law from its in-force date (id `law@effectiveFrom`): the previous version ends that day (its row superseded, never overwritten), the new one starts with the previous one's general rules and no offences (audited)",
      request: { body: json(LawVersionAddRequest) },
      response: LawVersion,
    }),
    async (c) => c.json(await addLawVersion(c.get('ctx'), c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('signed-in', {
      method: 'get',
      path: '/api/law/offences/export',
      tags: ['Law register'],
      summary: 'The offence versions as .xlsx, one row per penalty bound (the import format)',
      download: XLSX_TYPE,
    }),
    async (c) => xlsxDownload(c, '违法行为处罚幅度.xlsx', await exportOffences(c.get('ctx').db)),
  );
  app.openapi(
    defineRoute('rules.manage', {
      method: 'post',
      path: '/api/law/offences/import',
      tags: ['Law register'],
      summary:
        'Imports offence versions from .xlsx (all rows or none; each saved as a new version of its row)',
      request: { body: upload() },
      response: ImportResponse,
    }),
    async (c) => c.json({ imported: await importOffences(c.get('ctx'), await uploadedFile(c)) }, 200),
  );
}
