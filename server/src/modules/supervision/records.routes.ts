import {
  AccountabilityCreateRequest,
  AccountabilityDecideRequest,
  AccountabilityListQuery,
  AccountabilityListResponse,
  AccountabilityResponse,
  CommitteeMeetingListQuery,
  CommitteeMeetingListResponse,
  CommitteeMeetingRequest,
  CommitteeMeetingResponse,
} from '@fazhi/common';
import type { App, AppDeps } from '../../http/app.ts';
import { defineRoute } from '../../http/route.ts';
import { idParam, json } from '../platform/routes/helpers.ts';
import {
  decideAccountability,
  getAccountability,
  listAccountability,
  openAccountability,
} from './accountability.service.ts';
import { createMeeting, getMeeting, listMeetings, updateMeeting } from './committee.service.ts';

/** 执法过错责任追究 records and 执法监督委员会 meetings (registered by registerFindingRoutes). */
export function registerRecordRoutes(app: App, _deps: AppDeps) {
  const tags = ['Supervision accountability'];
  app.openapi(
    defineRoute('supervision.read', {
      method: 'get',
      path: '/api/supervision/accountability',
      tags,
      summary: '执法过错责任追究 records in my scope (open first)',
      request: { query: AccountabilityListQuery },
      response: AccountabilityListResponse,
    }),
    async (c) => c.json(await listAccountability(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    defineRoute('supervision.manage', {
      method: 'post',
      path: '/api/supervision/accountability',
      tags,
      summary: 'Open a record from a confirmed violation (findingId), or directly for a case or officer',
      request: { body: json(AccountabilityCreateRequest) },
      response: AccountabilityResponse,
    }),
    async (c) => c.json(await openAccountability(c.get('ctx'), c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('supervision.read', {
      method: 'get',
      path: '/api/supervision/accountability/{id}',
      tags,
      summary: 'One accountability record',
      request: { params: idParam },
      response: AccountabilityResponse,
    }),
    async (c) => c.json(await getAccountability(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    defineRoute('supervision.manage', {
      method: 'post',
      path: '/api/supervision/accountability/{id}/decide',
      tags,
      summary: 'Decide an open record with a measure (批评教育 … 纪律处分, or 不予追究)',
      request: { params: idParam, body: json(AccountabilityDecideRequest) },
      response: AccountabilityResponse,
    }),
    async (c) =>
      c.json(await decideAccountability(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  const committeeTags = ['Supervision committee'];
  app.openapi(
    defineRoute('supervision.read', {
      method: 'get',
      path: '/api/supervision/committee/meetings',
      tags: committeeTags,
      summary: '执法监督委员会 meetings, newest first, with the year’s topic reports and cases studied',
      request: { query: CommitteeMeetingListQuery },
      response: CommitteeMeetingListResponse,
    }),
    async (c) => c.json(await listMeetings(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    defineRoute('supervision.manage', {
      method: 'post',
      path: '/api/supervision/committee/meetings',
      tags: committeeTags,
      summary: 'Record a meeting: topic reports, cases studied, decisions, minutes',
      request: { body: json(CommitteeMeetingRequest) },
      response: CommitteeMeetingResponse,
    }),
    async (c) => c.json(await createMeeting(c.get('ctx'), c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('supervision.read', {
      method: 'get',
      path: '/api/supervision/committee/meetings/{id}',
      tags: committeeTags,
      summary: 'One meeting',
      request: { params: idParam },
      response: CommitteeMeetingResponse,
    }),
    async (c) => c.json(await getMeeting(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    defineRoute('supervision.manage', {
      method: 'put',
      path: '/api/supervision/committee/meetings/{id}',
      tags: committeeTags,
      summary: 'Replace a meeting’s record',
      request: { params: idParam, body: json(CommitteeMeetingRequest) },
      response: CommitteeMeetingResponse,
    }),
    async (c) => c.json(await updateMeeting(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
