import { LawRegisterResponse, PenaltyCheckRequest, PenaltyCheckResponse } from '@fazhi/common';
import type { App } from '../../http/app.ts';
import { defineRoute } from '../../http/route.ts';
import { json } from '../platform/routes/helpers.ts';
import { loadLawRegister, penaltyCheck } from './register.service.ts';

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
}
