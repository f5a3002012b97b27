/**
 * Collection rounds (填报轮次): the detachment opens one for a period with a due date; it holds
 * one form per department owning submitted metrics. The list and detail show progress and the
 * late forms; remind marks the late ones so their 待办 says so; close ends a finished round.
 */
import {
  type CollectionCreateRequest,
  type CollectionDetailResponse,
  type CollectionListResponse,
  type CollectionRemindResponse,
  type CollectionResponse,
  type CollectionStatus,
  chinaToday,
  isValidIsoDate,
  type SubmissionStatus,
} from '@fazhi/common';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { audit } from '../../../audit/record.ts';
import {
  collectionRounds,
  officers,
  submissions,
  submissionVersions,
  units,
} from '../../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../../http/context.ts';
import { AppError } from '../../../http/errors.ts';
import { isLate, iso, owners, type StoredValues } from './common.ts';

const r = collectionRounds;
const s = submissions;

/** Progress counts per round, computed in SQL (late = open round past due, not signed off). */
function progress(today: string) {
  const done = sql`${s.status} in ('signed', 'accepted')`;
  return {
    total: count(s.id),
    submitted: sql<number>`count(*) filter (where ${done})`.mapWith(Number),
    accepted: sql<number>`count(*) filter (where ${s.status} = 'accepted')`.mapWith(Number),
    late: sql<number>`count(*) filter (where ${r.status} = 'open' and ${r.dueOn} < ${today} and not ${done})`.mapWith(
      Number,
    ),
  };
}

function roundQuery(ctx: Ctx) {
  const actor = requireActor(ctx);
  return ctx.db
    .select({ r, createdByName: officers.name, ...progress(chinaToday()) })
    .from(r)
    .leftJoin(s, eq(s.roundId, r.id))
    .leftJoin(officers, eq(officers.id, r.createdBy))
    .where(eq(r.orgId, actor.orgId))
    .groupBy(r.id, officers.name)
    .$dynamic();
}

type RoundRow = Awaited<ReturnType<typeof roundQuery>>[number];

const toResponse = (x: RoundRow): CollectionResponse => ({
  id: x.r.id,
  title: x.r.title,
  period: x.r.period,
  dueOn: x.r.dueOn,
  status: x.r.status as CollectionStatus,
  createdAt: x.r.createdAt.toISOString(),
  createdByName: x.createdByName,
  closedAt: iso(x.r.closedAt),
  total: x.total,
  submitted: x.submitted,
  accepted: x.accepted,
  late: x.late,
});

export async function listCollections(ctx: Ctx): Promise<CollectionListResponse> {
  const rows = await roundQuery(ctx).orderBy(desc(r.period), desc(r.id)).limit(200);
  return { items: rows.map(toResponse), total: rows.length };
}

export async function getCollection(ctx: Ctx, id: number): Promise<CollectionDetailResponse> {
  const actor = requireActor(ctx);
  const [row] = await roundQuery(ctx).where(and(eq(r.orgId, actor.orgId), eq(r.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  const forms = await ctx.db
    .select({ s, unitCode: units.code, unitName: units.name, signedByName: officers.name })
    .from(s)
    .innerJoin(units, eq(units.id, s.unitId))
    .leftJoin(officers, eq(officers.id, s.signedBy))
    .where(eq(s.roundId, id))
    .orderBy(asc(units.sortOrder), asc(units.code));
  const today = chinaToday();
  const { fallback } = await owners(ctx.db, actor.orgId);
  return {
    ...toResponse(row),
    fallbackOwners: fallback,
    forms: forms.map((f) => {
      const values = f.s.values as StoredValues;
      return {
        submissionId: f.s.id,
        unitId: f.s.unitId,
        unitCode: f.unitCode,
        unitName: f.unitName,
        status: f.s.status as SubmissionStatus,
        late: isLate({ status: f.s.status, roundStatus: row.r.status, dueOn: row.r.dueOn }, today),
        metricCount: f.s.metricIds.length,
        filledCount: f.s.metricIds.filter((m) => typeof values[m]?.value === 'number').length,
        signedByName: f.signedByName,
        signedAt: iso(f.s.signedAt),
        reviewedAt: iso(f.s.reviewedAt),
        remindedAt: iso(f.s.remindedAt),
        returnReason: f.s.returnReason,
        version: f.s.version,
      };
    }),
  };
}

/**
 * Opens a round: one form per owning department (or the chosen ones), each holding the metric
 * ids it owes, in draft with version 1 recorded in submission_versions.
 */
export async function createCollection(
  ctx: Ctx,
  input: CollectionCreateRequest,
): Promise<CollectionDetailResponse> {
  const actor = requireActor(ctx);
  if (!isValidIsoDate(input.dueOn)) throw new AppError('VALIDATION', { dueOn: 'date' });
  if (input.dueOn < chinaToday()) throw new AppError('VALIDATION', { dueOn: 'collection.dueOnPast' });
  const { byUnit, fallback } = await owners(ctx.db, actor.orgId);
  let unitIds = [...byUnit.keys()];
  if (input.unitIds) {
    const bad = input.unitIds.findIndex((u) => !byUnit.has(u));
    if (bad >= 0) throw new AppError('VALIDATION', { [`unitIds.${bad}`]: 'collection.noOwner' });
    unitIds = [...new Set(input.unitIds)];
  }
  if (!unitIds.length) throw new AppError('VALIDATION', { unitIds: 'required' });
  const id = await ctx.db.transaction(async (tx) => {
    const [dup] = await tx
      .select({ id: r.id })
      .from(r)
      .where(and(eq(r.orgId, actor.orgId), eq(r.period, input.period), eq(r.title, input.title)));
    if (dup) throw new AppError('DUPLICATE', { title: 'duplicate' });
    const [round] = await tx
      .insert(r)
      .values({
        orgId: actor.orgId,
        title: input.title,
        period: input.period,
        dueOn: input.dueOn,
        createdBy: actor.officerId,
      })
      .returning({ id: r.id });
    const forms = await tx
      .insert(s)
      .values(
        unitIds.map((u) => ({
          orgId: actor.orgId,
          roundId: round!.id,
          unitId: u,
          metricIds: byUnit.get(u)!,
        })),
      )
      .returning({ id: s.id });
    await tx.insert(submissionVersions).values(
      forms.map((f) => ({
        orgId: actor.orgId,
        submissionId: f.id,
        version: 1,
        status: 'draft',
        values: {},
        actorId: actor.officerId,
      })),
    );
    await audit(tx, ctx, {
      action: 'report.collection.create',
      targetType: 'collection_round',
      targetId: round!.id,
      summary: {
        title: input.title,
        period: input.period,
        dueOn: input.dueOn,
        forms: forms.length,
        fallback,
      },
    });
    return round!.id;
  });
  return getCollection(ctx, id);
}

/** 催报: marks the round's late forms reminded now; their departments' 待办 shows it. */
export async function remindCollection(ctx: Ctx, id: number): Promise<CollectionRemindResponse> {
  const actor = requireActor(ctx);
  const today = chinaToday();
  return ctx.db.transaction(async (tx) => {
    const [round] = await tx
      .select()
      .from(r)
      .where(and(eq(r.orgId, actor.orgId), eq(r.id, id)))
      .for('update');
    if (!round) throw new AppError('NOT_FOUND');
    if (round.status !== 'open') throw new AppError('CONFLICT', { status: 'collection.closed' });
    const forms = await tx.select({ id: s.id, status: s.status }).from(s).where(eq(s.roundId, id));
    const late = forms.filter((f) =>
      isLate({ status: f.status, roundStatus: round.status, dueOn: round.dueOn }, today),
    );
    if (late.length)
      await tx
        .update(s)
        .set({ remindedAt: new Date() })
        .where(
          inArray(
            s.id,
            late.map((f) => f.id),
          ),
        );
    await audit(tx, ctx, {
      action: 'report.collection.remind',
      targetType: 'collection_round',
      targetId: id,
      summary: { submissions: late.map((f) => f.id) },
    });
    return { reminded: late.length };
  });
}

/** Ends a round once every form is accepted, so its figures stay as accepted. */
export async function closeCollection(ctx: Ctx, id: number): Promise<CollectionDetailResponse> {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    const [round] = await tx
      .select()
      .from(r)
      .where(and(eq(r.orgId, actor.orgId), eq(r.id, id)))
      .for('update');
    if (!round) throw new AppError('NOT_FOUND');
    if (round.status !== 'open') throw new AppError('CONFLICT', { status: 'collection.closed' });
    const [open] = await tx
      .select({ n: count() })
      .from(s)
      .where(and(eq(s.roundId, id), sql`${s.status} <> 'accepted'`));
    if ((open?.n ?? 0) > 0) throw new AppError('CONFLICT', { status: 'submission.status' });
    await tx.update(r).set({ status: 'closed', closedAt: new Date() }).where(eq(r.id, id));
    await audit(tx, ctx, { action: 'report.collection.close', targetType: 'collection_round', targetId: id });
  });
  return getCollection(ctx, id);
}
