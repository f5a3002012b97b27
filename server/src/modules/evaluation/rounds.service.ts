import { randomInt } from 'node:crypto';
import {
  addDays,
  chinaToday,
  publishBlockers,
  quarterLabel,
  quarterRange,
  type RoundCreateRequest,
  RoundCreateRequest as RoundCreateSchema,
  type RoundDetailResponse,
  type RoundListQuery,
  type RoundListResponse,
  type RoundResponse,
  type RoundStatus,
} from '@fazhi/common';
import { and, asc, count, desc, eq, gte, isNotNull, lt, type SQL, sql } from 'drizzle-orm';
import { audit } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import { cases, evaluationRounds, evaluationSamples, units } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { rubricById, rubricInForce, toRubricResponse } from './rubric.service.ts';
import {
  roundCounts,
  roundOfOrg,
  roundQuery,
  sampleQuery,
  sampleScope,
  toRoundResponse,
  toSampleResponse,
} from './sample-view.ts';
import { drawSample } from './sampling.ts';

export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === '23505' || err?.cause?.code === '23505';
}

/** The instant a China-time day starts, for comparing with timestamps. */
export const chinaMidnight = (isoDate: string) => new Date(`${isoDate}T00:00:00+08:00`);

export interface ClosedCase {
  id: number;
  unitId: number;
  officerId: number;
}

/** Cases closed (closed_at, China time) in the quarter: the population a round samples from. */
export async function closedCasesOf(db: Queryable, orgId: number, year: number, quarter: number) {
  const { from, to } = quarterRange(year, quarter);
  return db
    .select({ id: cases.id, unitId: cases.unitId, officerId: cases.leadOfficerId })
    .from(cases)
    .where(
      and(
        eq(cases.orgId, orgId),
        isNotNull(cases.closedAt),
        gte(cases.closedAt, chinaMidnight(from)),
        lt(cases.closedAt, chinaMidnight(addDays(to, 1))),
      ),
    )
    .orderBy(asc(cases.id));
}

/** Inserts sample rows in chunks (a statement has at most 65,535 parameters). */
export async function insertSamples(
  db: Queryable,
  rows: (typeof evaluationSamples.$inferInsert)[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db.insert(evaluationSamples).values(rows.slice(i, i + 1000));
}

/**
 * Opens a quarter's round: draws the stratified sample of the quarter's closed cases (see
 * sampling.ts) with a fresh random seed kept on the round. One round per quarter; a quarter
 * that has not started has nothing to sample.
 */
export async function createRound(ctx: Ctx, input: RoundCreateRequest): Promise<RoundDetailResponse> {
  const actor = requireActor(ctx);
  const { year, quarter, perUnit } = RoundCreateSchema.parse(input);
  const { from, to } = quarterRange(year, quarter);
  if (from > chinaToday()) throw new AppError('VALIDATION', { quarter: 'evaluation.futureQuarter' });
  const id = await ctx.db
    .transaction(async (tx) => {
      const [dup] = await tx
        .select({ id: evaluationRounds.id })
        .from(evaluationRounds)
        .where(
          and(
            eq(evaluationRounds.orgId, ctx.orgId),
            eq(evaluationRounds.year, year),
            eq(evaluationRounds.quarter, quarter),
          ),
        );
      if (dup) throw new AppError('DUPLICATE', { quarter: 'evaluation.roundExists' });
      const rubric = await rubricInForce(tx, ctx.orgId, to);
      if (!rubric) throw new AppError('VALIDATION', { year: 'evaluation.noRubric' });
      const candidates = await closedCasesOf(tx, ctx.orgId, year, quarter);
      if (candidates.length === 0) throw new AppError('VALIDATION', { quarter: 'evaluation.noClosedCases' });
      const seed = randomInt(0, 2 ** 31 - 1);
      const drawn = drawSample(candidates, perUnit, seed);
      const [round] = await tx
        .insert(evaluationRounds)
        .values({
          orgId: ctx.orgId,
          year,
          quarter,
          rubricId: rubric.id,
          perUnit,
          seed,
          createdBy: actor.officerId,
        })
        .returning({ id: evaluationRounds.id });
      await insertSamples(
        tx,
        drawn.map((c) => ({
          orgId: ctx.orgId,
          roundId: round!.id,
          caseId: c.id,
          unitId: c.unitId,
          officerId: c.officerId,
        })),
      );
      await audit(tx, ctx, {
        action: 'evaluation.round.create',
        targetType: 'evaluation_round',
        targetId: round!.id,
        summary: {
          period: quarterLabel(year, quarter),
          perUnit,
          seed,
          rubricId: rubric.id,
          candidates: candidates.length,
          samples: drawn.length,
          units: new Set(drawn.map((c) => c.unitId)).size,
        },
      });
      return round!.id;
    })
    .catch((e: unknown) => {
      // Two evaluators opening the same quarter at once: the unique index lets one through.
      if (isUniqueViolation(e)) throw new AppError('DUPLICATE', { quarter: 'evaluation.roundExists' });
      throw e;
    });
  return getRound(ctx, id);
}

export async function listRounds(ctx: Ctx, q: RoundListQuery): Promise<RoundListResponse> {
  const actor = requireActor(ctx);
  const conds: SQL[] = [eq(evaluationRounds.orgId, ctx.orgId)];
  if (q.year) conds.push(eq(evaluationRounds.year, q.year));
  if (q.status) conds.push(eq(evaluationRounds.status, q.status));
  const where = and(...conds);
  const found = await roundQuery(ctx.db)
    .where(where)
    .orderBy(desc(evaluationRounds.year), desc(evaluationRounds.quarter))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await ctx.db.select({ n: count() }).from(evaluationRounds).where(where);
  const counts = await roundCounts(
    ctx.db,
    found.map((f) => f.r.id),
  );
  return {
    items: found.map((f) =>
      toRoundResponse({ ...f.r, createdByName: f.createdByName }, counts.get(f.r.id), actor),
    ),
    total: Number(total?.n ?? 0),
  };
}

async function roundResponse(ctx: Ctx, db: Queryable, id: number): Promise<RoundResponse> {
  const [f] = await roundQuery(db).where(roundOfOrg(ctx.orgId, id));
  if (!f) throw notFound();
  const counts = await roundCounts(db, [id]);
  return toRoundResponse({ ...f.r, createdByName: f.createdByName }, counts.get(id), requireActor(ctx));
}

/** A round with its rubric and the samples in the caller's scope (a unit sees its own cases). */
export async function getRound(ctx: Ctx, id: number, db: Queryable = ctx.db): Promise<RoundDetailResponse> {
  const actor = requireActor(ctx);
  const round = await roundResponse(ctx, db, id);
  const rubric = await rubricById(db, ctx.orgId, round.rubricId);
  const samples = await sampleQuery(db)
    .where(and(eq(evaluationSamples.roundId, id), sampleScope(actor)))
    .orderBy(asc(units.sortOrder), asc(evaluationSamples.id));
  return {
    ...round,
    rubric: await toRubricResponse(db, rubric!),
    samples: samples.map((s) => toSampleResponse(s, actor)),
  };
}

/**
 * Publishes a round: its scores become final and count in the rankings. Refused while a sample is
 * unscored or a dispute is undecided, so a published ranking never moves.
 */
export async function publishRound(ctx: Ctx, id: number): Promise<RoundDetailResponse> {
  await ctx.db.transaction(async (tx) => {
    // The row lock queues a publisher behind a scorer finishing on the same round.
    const [round] = await tx.select().from(evaluationRounds).where(roundOfOrg(ctx.orgId, id)).for('update');
    if (!round) throw notFound();
    const c = (await roundCounts(tx, [id])).get(id) ?? {
      samples: 0,
      pending: 0,
      disputed: 0,
      average: null,
      vetoes: 0,
    };
    const blockers = publishBlockers(round.status as RoundStatus, c);
    if (blockers.includes('published')) throw new AppError('CONFLICT', { status: 'evaluation.status' });
    if (blockers.length) {
      const fields: Record<string, { key: string; params?: Record<string, number> }> = {};
      if (blockers.includes('unscored'))
        fields.samples = { key: 'evaluation.unscored', params: { n: c.pending } };
      if (blockers.includes('disputes_open'))
        fields.disputes = { key: 'evaluation.disputesOpen', params: { n: c.disputed } };
      if (blockers.includes('empty')) fields.samples = { key: 'evaluation.noClosedCases' };
      throw new AppError('VALIDATION', fields);
    }
    const now = new Date();
    await tx
      .update(evaluationSamples)
      .set({ status: 'final', version: sql`${evaluationSamples.version} + 1` })
      .where(and(eq(evaluationSamples.roundId, id), eq(evaluationSamples.status, 'scored')));
    await tx
      .update(evaluationRounds)
      .set({ status: 'published', publishedAt: now })
      .where(eq(evaluationRounds.id, id));
    await audit(tx, ctx, {
      action: 'evaluation.round.publish',
      targetType: 'evaluation_round',
      targetId: id,
      summary: {
        period: quarterLabel(round.year, round.quarter),
        samples: c.samples,
        average: c.average,
        vetoes: c.vetoes,
      },
    });
  });
  return getRound(ctx, id);
}
