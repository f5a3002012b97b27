import {
  type SampleAction,
  type SampleDisputeDecisionRequest,
  type SampleDisputeRequest,
  type SampleListQuery,
  type SampleListResponse,
  type SampleResponse,
  type SampleScoreRequest,
  SampleScoreRequest as SampleScoreSchema,
  type SampleStatus,
  type ScoreDeduction,
  sampleTransition,
  scoreSample,
} from '@fazhi/common';
import { and, count, desc, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import { audit } from '../../audit/record.ts';
import type { Tx } from '../../db/index.ts';
import { cases, evaluationRounds, evaluationSamples, units } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { type RubricRow, rubricById, rubricItems } from './rubric.service.ts';
import { sampleQuery, sampleScope, toSampleResponse } from './sample-view.ts';

export async function getSample(ctx: Ctx, id: number, db = ctx.db): Promise<SampleResponse> {
  const actor = requireActor(ctx);
  const [row] = await sampleQuery(db).where(and(eq(evaluationSamples.id, id), sampleScope(actor)));
  if (!row) throw notFound();
  return toSampleResponse(row, actor);
}

/** Samples across rounds in the caller's scope: a unit's record of how its cases were scored. */
export async function listSamples(ctx: Ctx, q: SampleListQuery): Promise<SampleListResponse> {
  const actor = requireActor(ctx);
  const conds: SQL[] = [sampleScope(actor)];
  if (q.round) conds.push(eq(evaluationSamples.roundId, q.round));
  if (q.year) conds.push(eq(evaluationRounds.year, q.year));
  if (q.status) conds.push(inArray(evaluationSamples.status, q.status.split(',')));
  if (q.vetoed) conds.push(eq(evaluationSamples.vetoed, q.vetoed === 'true'));
  if (q.unit) {
    const [u] = await ctx.db
      .select({ path: units.path })
      .from(units)
      .where(and(eq(units.id, q.unit), eq(units.orgId, ctx.orgId)));
    conds.push(
      u
        ? inArray(
            evaluationSamples.unitId,
            ctx.db
              .select({ id: units.id })
              .from(units)
              .where(and(eq(units.orgId, ctx.orgId), like(units.path, `${u.path}%`))),
          )
        : sql`false`,
    );
  }
  const where = and(...conds);
  const found = await sampleQuery(ctx.db)
    .where(where)
    .orderBy(desc(evaluationRounds.year), desc(evaluationRounds.quarter), evaluationSamples.id)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(evaluationSamples)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, evaluationSamples.roundId))
    .where(where);
  return { items: found.map((r) => toSampleResponse(r, actor)), total: Number(total?.n ?? 0) };
}

/**
 * Locks the sample (in the actor's scope: outside it the sample does not exist) and checks that
 * the workflow allows `action` now and that the caller saw the current version.
 */
async function lockForAction(ctx: Ctx, tx: Tx, id: number, version: number, action: SampleAction) {
  const actor = requireActor(ctx);
  const [sample] = await tx
    .select()
    .from(evaluationSamples)
    .where(and(eq(evaluationSamples.id, id), sampleScope(actor)))
    .for('update');
  if (!sample) throw notFound();
  const [round] = await tx.select().from(evaluationRounds).where(eq(evaluationRounds.id, sample.roundId));
  if (sample.version !== version) throw new AppError('CONFLICT');
  if (round!.status !== 'scoring' || !sampleTransition(sample.status as SampleStatus, action))
    throw new AppError('CONFLICT', { status: 'evaluation.status' });
  const [c] = await tx.select({ caseNo: cases.caseNo }).from(cases).where(eq(cases.id, sample.caseId));
  return { sample, round: round!, caseNo: c?.caseNo ?? '' };
}

/** Checks deductions against the rubric, then scores them (caps, floor, veto: see scoreSample). */
function scoreAgainst(rubric: RubricRow, deductions: ScoreDeduction[], vetoed: boolean) {
  const items = rubricItems(rubric);
  const byCode = new Map(items.map((i) => [i.code, i]));
  const fields: Record<string, string> = {};
  deductions.forEach((d, i) => {
    if (!byCode.has(d.item)) fields[`deductions.${i}.item`] = 'evaluation.itemUnknown';
  });
  // A veto has to say which veto item it rests on, or nobody can later check it.
  if (vetoed && !deductions.some((d) => byCode.get(d.item)?.veto)) fields.vetoed = 'evaluation.vetoReason';
  if (Object.keys(fields).length) throw new AppError('VALIDATION', fields);
  return scoreSample({ fullScore: rubric.fullScore, items }, deductions, vetoed);
}

async function rubricOf(tx: Tx, orgId: number, rubricId: number): Promise<RubricRow> {
  const rubric = await rubricById(tx, orgId, rubricId);
  if (!rubric) throw new Error(`rubric ${rubricId} of a round is missing`);
  return rubric;
}

/** An evaluator scores (or re-scores, while the round is being scored) one sampled case. */
export async function scoreSampleCase(
  ctx: Ctx,
  id: number,
  input: SampleScoreRequest,
): Promise<SampleResponse> {
  const actor = requireActor(ctx);
  const body = SampleScoreSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const { sample, round, caseNo } = await lockForAction(ctx, tx, id, body.version, 'score');
    const rubric = await rubricOf(tx, ctx.orgId, round.rubricId);
    const result = scoreAgainst(rubric, body.deductions, body.vetoed);
    await tx
      .update(evaluationSamples)
      .set({
        status: 'scored',
        deductions: body.deductions,
        vetoed: result.vetoed,
        score: result.score.toFixed(1),
        evaluatorId: actor.officerId,
        scoredAt: new Date(),
        version: sample.version + 1,
      })
      .where(eq(evaluationSamples.id, id));
    await audit(tx, ctx, {
      action: 'evaluation.sample.score',
      targetType: 'evaluation_sample',
      targetId: id,
      summary: {
        roundId: round.id,
        caseNo,
        score: result.score,
        vetoed: result.vetoed,
        previousScore: sample.score === null ? null : Number(sample.score),
        deductions: body.deductions.map((d) => ({ item: d.item, points: d.points })),
      },
    });
    return getSample(ctx, id, tx);
  });
}

/** The sampled case's unit contests its score, once, while the round is open. */
export async function disputeSample(
  ctx: Ctx,
  id: number,
  input: SampleDisputeRequest,
): Promise<SampleResponse> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const { sample, round, caseNo } = await lockForAction(ctx, tx, id, input.version, 'dispute');
    await tx
      .update(evaluationSamples)
      .set({
        status: 'disputed',
        disputeReason: input.reason,
        disputedBy: actor.officerId,
        disputedAt: new Date(),
        version: sample.version + 1,
      })
      .where(eq(evaluationSamples.id, id));
    await audit(tx, ctx, {
      action: 'evaluation.sample.dispute',
      targetType: 'evaluation_sample',
      targetId: id,
      summary: { roundId: round.id, caseNo, score: Number(sample.score), reason: input.reason },
    });
    return getSample(ctx, id, tx);
  });
}

/**
 * The detachment decides a dispute: the score stands (upheld) or is replaced by new deductions
 * (revised). Either way the decision is final for the sample.
 */
export async function decideDispute(
  ctx: Ctx,
  id: number,
  input: SampleDisputeDecisionRequest,
): Promise<SampleResponse> {
  const actor = requireActor(ctx);
  if (input.outcome === 'revised' && !input.deductions)
    throw new AppError('VALIDATION', { deductions: 'evaluation.revisedDeductions' });
  return ctx.db.transaction(async (tx) => {
    const { sample, round, caseNo } = await lockForAction(ctx, tx, id, input.version, 'decide_dispute');
    const before = { score: Number(sample.score), vetoed: sample.vetoed };
    const set: Partial<typeof evaluationSamples.$inferInsert> = {
      status: 'final',
      disputeOutcome: input.outcome,
      disputeNote: input.note,
      disputeDecidedBy: actor.officerId,
      disputeDecidedAt: new Date(),
      version: sample.version + 1,
    };
    let after = before;
    if (input.outcome === 'revised') {
      const rubric = await rubricOf(tx, ctx.orgId, round.rubricId);
      const deductions = input.deductions!.map((d) => ({ ...d, note: d.note ?? '' }));
      const result = scoreAgainst(rubric, deductions, input.vetoed ?? false);
      Object.assign(set, {
        deductions,
        vetoed: result.vetoed,
        score: result.score.toFixed(1),
        evaluatorId: actor.officerId,
        scoredAt: new Date(),
      });
      after = { score: result.score, vetoed: result.vetoed };
    }
    await tx.update(evaluationSamples).set(set).where(eq(evaluationSamples.id, id));
    await audit(tx, ctx, {
      action: 'evaluation.sample.decide_dispute',
      targetType: 'evaluation_sample',
      targetId: id,
      summary: { roundId: round.id, caseNo, outcome: input.outcome, note: input.note, before, after },
    });
    return getSample(ctx, id, tx);
  });
}
