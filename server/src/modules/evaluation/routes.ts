import {
  AwardListQuery,
  AwardListResponse,
  AwardProposeRequest,
  AwardResponse,
  RankingQuery,
  RankingResponse,
  RoundCreateRequest,
  RoundDetailResponse,
  RoundListQuery,
  RoundListResponse,
  RubricQuery,
  RubricResponse,
  RubricUpdateRequest,
  SampleDisputeDecisionRequest,
  SampleDisputeRequest,
  SampleListQuery,
  SampleListResponse,
  SampleResponse,
  SampleScoreRequest,
  SelfInspectionCreateRequest,
  SelfInspectionListQuery,
  SelfInspectionListResponse,
  SelfInspectionRectifyRequest,
  SelfInspectionResponse,
} from '@fazhi/common';
import type { App, AppDeps } from '../../http/app.ts';
import { defineRoute } from '../../http/route.ts';
import { idParam, json } from '../platform/routes/helpers.ts';
import { approveAward, listAwards, proposeAwards } from './awards.service.ts';
import { getRankings } from './rankings.service.ts';
import { createRound, getRound, listRounds, publishRound } from './rounds.service.ts';
import { getRubric, updateRubric } from './rubric.service.ts';
import { decideDispute, disputeSample, getSample, listSamples, scoreSampleCase } from './samples.service.ts';
import {
  getSelfInspection,
  listSelfInspections,
  rectifySelfInspection,
  submitSelfInspection,
} from './self-inspections.service.ts';
// The 待办 provider registers itself once, when the module is first loaded.
import './tasks.ts';

/** 执法质量考评: rubric, quarterly rounds, scores and disputes, rankings, awards, self-inspection. */
export function registerEvaluationRoutes(app: App, _deps: AppDeps) {
  const tags = ['Quality evaluation'];
  const id = (c: { req: { valid(t: 'param'): { id: number } } }) => c.req.valid('param').id;

  app.openapi(
    defineRoute('evaluation.read', {
      method: 'get',
      path: '/api/evaluation/rubric',
      tags,
      summary: 'The rubric in force on a day (default today), or one version by id, with all versions',
      request: { query: RubricQuery },
      response: RubricResponse,
    }),
    async (c) => c.json(await getRubric(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    defineRoute('evaluation.manage', {
      method: 'put',
      path: '/api/evaluation/rubric',
      tags,
      summary: 'Save a rubric version (a new effective date adds one; a used version cannot change)',
      request: { body: json(RubricUpdateRequest) },
      response: RubricResponse,
    }),
    async (c) => c.json(await updateRubric(c.get('ctx'), c.req.valid('json')), 200),
  );

  app.openapi(
    defineRoute('evaluation.read', {
      method: 'get',
      path: '/api/evaluation/rounds',
      tags,
      summary: 'Quarterly evaluation rounds, newest first, with their progress',
      request: { query: RoundListQuery },
      response: RoundListResponse,
    }),
    async (c) => c.json(await listRounds(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    defineRoute('evaluation.manage', {
      method: 'post',
      path: '/api/evaluation/rounds',
      tags,
      summary: "Open a quarter's round: stratified random sample of the cases closed that quarter",
      request: { body: json(RoundCreateRequest) },
      response: RoundDetailResponse,
    }),
    async (c) => c.json(await createRound(c.get('ctx'), c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('evaluation.read', {
      method: 'get',
      path: '/api/evaluation/rounds/{id}',
      tags,
      summary: 'One round with its rubric and the sampled cases in my scope',
      request: { params: idParam },
      response: RoundDetailResponse,
    }),
    async (c) => c.json(await getRound(c.get('ctx'), id(c)), 200),
  );
  app.openapi(
    defineRoute('evaluation.manage', {
      method: 'post',
      path: '/api/evaluation/rounds/{id}/publish',
      tags,
      summary: 'Publish a round (every sample scored, no dispute open); its scores become final',
      request: { params: idParam },
      response: RoundDetailResponse,
    }),
    async (c) => c.json(await publishRound(c.get('ctx'), id(c)), 200),
  );

  app.openapi(
    defineRoute('evaluation.read', {
      method: 'get',
      path: '/api/evaluation/samples',
      tags,
      summary: 'Sampled cases across rounds in my scope',
      request: { query: SampleListQuery },
      response: SampleListResponse,
    }),
    async (c) => c.json(await listSamples(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    defineRoute('evaluation.read', {
      method: 'get',
      path: '/api/evaluation/samples/{id}',
      tags,
      summary: 'One sampled case with its deductions, score and dispute',
      request: { params: idParam },
      response: SampleResponse,
    }),
    async (c) => c.json(await getSample(c.get('ctx'), id(c)), 200),
  );
  app.openapi(
    defineRoute('evaluation.manage', {
      method: 'post',
      path: '/api/evaluation/samples/{id}/score',
      tags,
      summary: 'Score a sampled case: deductions per rubric item (capped), or a veto',
      request: { params: idParam, body: json(SampleScoreRequest) },
      response: SampleResponse,
    }),
    async (c) => c.json(await scoreSampleCase(c.get('ctx'), id(c), c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('supervision.answer', {
      method: 'post',
      path: '/api/evaluation/samples/{id}/dispute',
      tags,
      summary: "Dispute the score of one of my unit's sampled cases (before the round is published)",
      request: { params: idParam, body: json(SampleDisputeRequest) },
      response: SampleResponse,
    }),
    async (c) => c.json(await disputeSample(c.get('ctx'), id(c), c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('evaluation.manage', {
      method: 'post',
      path: '/api/evaluation/samples/{id}/decide-dispute',
      tags,
      summary: 'Decide a dispute: the score stands (upheld) or new deductions replace it (revised)',
      request: { params: idParam, body: json(SampleDisputeDecisionRequest) },
      response: SampleResponse,
    }),
    async (c) => c.json(await decideDispute(c.get('ctx'), id(c), c.req.valid('json')), 200),
  );

  app.openapi(
    defineRoute('evaluation.read', {
      method: 'get',
      path: '/api/evaluation/rankings',
      tags,
      summary: 'Unit and officer rankings of a quarter, or of a year (its published rounds)',
      request: { query: RankingQuery },
      response: RankingResponse,
    }),
    async (c) => c.json(await getRankings(c.get('ctx'), c.req.valid('query')), 200),
  );

  app.openapi(
    defineRoute('evaluation.read', {
      method: 'get',
      path: '/api/evaluation/awards',
      tags,
      summary: "The year's awards (执法质量优秀单位, 法制之星), proposed and approved",
      request: { query: AwardListQuery },
      response: AwardListResponse,
    }),
    async (c) => c.json(await listAwards(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    defineRoute('evaluation.manage', {
      method: 'post',
      path: '/api/evaluation/awards/propose',
      tags,
      summary: "Propose the year's awards from the year ranking (replaces unapproved proposals)",
      request: { body: json(AwardProposeRequest) },
      response: AwardListResponse,
    }),
    async (c) => c.json(await proposeAwards(c.get('ctx'), c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('evaluation.manage', {
      method: 'post',
      path: '/api/evaluation/awards/{id}/approve',
      tags,
      summary: "Record the branch party committee's approval of a proposed award",
      request: { params: idParam },
      response: AwardResponse,
    }),
    async (c) => c.json(await approveAward(c.get('ctx'), id(c)), 200),
  );

  app.openapi(
    defineRoute('evaluation.read', {
      method: 'get',
      path: '/api/evaluation/self-inspections',
      tags,
      summary: 'Case-handling area self-inspections in my scope, with counts',
      request: { query: SelfInspectionListQuery },
      response: SelfInspectionListResponse,
    }),
    async (c) => c.json(await listSelfInspections(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    defineRoute('supervision.answer', {
      method: 'post',
      path: '/api/evaluation/self-inspections',
      tags,
      summary: "Submit my unit's case-handling area self-inspection for a quarter",
      request: { body: json(SelfInspectionCreateRequest) },
      response: SelfInspectionResponse,
    }),
    async (c) => c.json(await submitSelfInspection(c.get('ctx'), c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('evaluation.read', {
      method: 'get',
      path: '/api/evaluation/self-inspections/{id}',
      tags,
      summary: 'One self-inspection with its checklist',
      request: { params: idParam },
      response: SelfInspectionResponse,
    }),
    async (c) => c.json(await getSelfInspection(c.get('ctx'), id(c)), 200),
  );
  app.openapi(
    defineRoute('supervision.answer', {
      method: 'post',
      path: '/api/evaluation/self-inspections/{id}/rectify',
      tags,
      summary: 'Record how the problems a self-inspection found were fixed',
      request: { params: idParam, body: json(SelfInspectionRectifyRequest) },
      response: SelfInspectionResponse,
    }),
    async (c) => c.json(await rectifySelfInspection(c.get('ctx'), id(c), c.req.valid('json')), 200),
  );
}
