import {
  chinaToday,
  quarterRange,
  SELF_INSPECTION_ITEMS,
  type SelfInspectionCreateRequest,
  SelfInspectionCreateRequest as SelfInspectionCreateSchema,
  type SelfInspectionListQuery,
  type SelfInspectionListResponse,
  type SelfInspectionRectifyRequest,
  type SelfInspectionResponse,
  type SelfInspectionStatus,
} from '@fazhi/common';
import { and, asc, count, desc, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { audit } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import { officers, selfInspections, units } from '../../db/schema/index.ts';
import { type Actor, type Ctx, requireActor } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { inScope } from '../platform/scope.ts';
import { isUniqueViolation } from './rounds.service.ts';

const submitter = alias(officers, 'submitter');
type Item = SelfInspectionResponse['items'][number];

function inspectionQuery(db: Queryable) {
  return db
    .select({ i: selfInspections, unitName: units.name, submittedByName: submitter.name })
    .from(selfInspections)
    .innerJoin(units, eq(units.id, selfInspections.unitId))
    .innerJoin(submitter, eq(submitter.id, selfInspections.submittedBy));
}
type Row = Awaited<ReturnType<typeof inspectionQuery>>[number];

const scope = (actor: Actor) => inScope(actor, selfInspections.unitId, selfInspections.orgId);

function toResponse(r: Row, actor: Actor): SelfInspectionResponse {
  const i = r.i;
  const status = i.status as SelfInspectionStatus;
  return {
    id: i.id,
    unitId: i.unitId,
    unitName: r.unitName,
    period: i.period,
    items: (i.items as Item[]).map((x) => ({ code: x.code, ok: x.ok, note: x.note ?? '' })),
    problems: i.problems,
    status,
    rectification: i.rectification,
    submittedBy: r.submittedByName,
    submittedAt: i.submittedAt.toISOString(),
    rectifiedAt: i.rectifiedAt?.toISOString() ?? null,
    // Rows reach here through the scope filter, so the unit is the actor's to rectify.
    actions: status === 'open' && actor.permissions.has('supervision.answer') ? ['rectify'] : [],
  };
}

export async function listSelfInspections(
  ctx: Ctx,
  q: SelfInspectionListQuery,
): Promise<SelfInspectionListResponse> {
  const actor = requireActor(ctx);
  const conds: SQL[] = [scope(actor)];
  if (q.period) conds.push(eq(selfInspections.period, q.period));
  if (q.year) conds.push(like(selfInspections.period, `${q.year}-Q%`));
  if (q.status) conds.push(eq(selfInspections.status, q.status));
  if (q.unit) {
    const [u] = await ctx.db
      .select({ path: units.path })
      .from(units)
      .where(and(eq(units.id, q.unit), eq(units.orgId, ctx.orgId)));
    conds.push(
      u
        ? inArray(
            selfInspections.unitId,
            ctx.db
              .select({ id: units.id })
              .from(units)
              .where(and(eq(units.orgId, ctx.orgId), like(units.path, `${u.path}%`))),
          )
        : sql`false`,
    );
  }
  const where = and(...conds);
  const found = await inspectionQuery(ctx.db)
    .where(where)
    .orderBy(desc(selfInspections.period), asc(units.sortOrder), asc(selfInspections.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [c] = await ctx.db
    .select({
      n: count(),
      problems: sql<number>`coalesce(sum(${selfInspections.problems}), 0)::int`,
      open: sql<number>`(count(*) filter (where ${selfInspections.status} = 'open'))::int`,
    })
    .from(selfInspections)
    .where(where);
  return {
    items: found.map((r) => toResponse(r, actor)),
    total: Number(c?.n ?? 0),
    counts: { inspections: Number(c?.n ?? 0), problems: c?.problems ?? 0, open: c?.open ?? 0 },
  };
}

async function getOne(ctx: Ctx, db: Queryable, id: number): Promise<SelfInspectionResponse> {
  const actor = requireActor(ctx);
  const [row] = await inspectionQuery(db).where(and(eq(selfInspections.id, id), scope(actor)));
  if (!row) throw notFound();
  return toResponse(row, actor);
}

export const getSelfInspection = (ctx: Ctx, id: number) => getOne(ctx, ctx.db, id);

/** Every checklist item answered exactly once; an item not in order says what is wrong. */
function checkItems(items: Item[]) {
  const fields: Record<string, string | { key: string; params: Record<string, string> }> = {};
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.code)) fields[`items.${i}.code`] = 'evaluation.checklistRepeated';
    seen.add(item.code);
    if (!item.ok && !item.note.trim()) fields[`items.${i}.note`] = 'evaluation.problemNote';
  });
  const missing = SELF_INSPECTION_ITEMS.find((d) => !seen.has(d.code));
  if (missing) fields.items = { key: 'evaluation.checklistMissing', params: { item: missing.zh } };
  if (Object.keys(fields).length) throw new AppError('VALIDATION', fields);
}

/**
 * A case-handling unit files its 执法办案区 self-inspection for a quarter. Problems found stay
 * open until the unit records how it fixed them; a clean checklist needs no rectification.
 */
export async function submitSelfInspection(
  ctx: Ctx,
  input: SelfInspectionCreateRequest,
): Promise<SelfInspectionResponse> {
  const actor = requireActor(ctx);
  const body = SelfInspectionCreateSchema.parse(input);
  const unitId = body.unitId ?? actor.unitId;
  const [unit] = await ctx.db
    .select({ id: units.id, caseHandling: units.caseHandling })
    .from(units)
    .where(and(eq(units.id, unitId), inScope(actor, units.id, units.orgId)));
  if (!unit) throw new AppError('VALIDATION', { unitId: 'incident.unit' });
  if (!unit.caseHandling) throw new AppError('VALIDATION', { unitId: 'evaluation.unitNotCaseHandling' });
  const [y, q] = body.period.split('-Q').map(Number) as [number, number];
  if (quarterRange(y, q).from > chinaToday())
    throw new AppError('VALIDATION', { period: 'evaluation.futurePeriod' });
  const items = body.items.map((i) => ({ code: i.code, ok: i.ok, note: i.note.trim() }));
  checkItems(items);
  const problems = items.filter((i) => !i.ok).length;
  const now = new Date();
  const id = await ctx.db
    .transaction(async (tx) => {
      const [row] = await tx
        .insert(selfInspections)
        .values({
          orgId: ctx.orgId,
          unitId,
          period: body.period,
          items,
          problems,
          status: problems ? 'open' : 'rectified',
          submittedBy: actor.officerId,
          submittedAt: now,
          rectifiedAt: problems ? null : now,
        })
        .returning({ id: selfInspections.id });
      await audit(tx, ctx, {
        action: 'evaluation.self_inspection.submit',
        targetType: 'self_inspection',
        targetId: row!.id,
        summary: {
          unitId,
          period: body.period,
          problems,
          failed: items.filter((i) => !i.ok).map((i) => i.code),
        },
      });
      return row!.id;
    })
    .catch((e: unknown) => {
      if (isUniqueViolation(e)) throw new AppError('DUPLICATE', { period: 'evaluation.inspectionExists' });
      throw e;
    });
  return getOne(ctx, ctx.db, id);
}

/** The unit records what it did about the problems it found. */
export async function rectifySelfInspection(
  ctx: Ctx,
  id: number,
  input: SelfInspectionRectifyRequest,
): Promise<SelfInspectionResponse> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(selfInspections)
      .where(and(eq(selfInspections.id, id), scope(actor)))
      .for('update');
    if (!row) throw notFound();
    if (row.status !== 'open') throw new AppError('CONFLICT', { status: 'evaluation.status' });
    await tx
      .update(selfInspections)
      .set({ status: 'rectified', rectification: input.rectification, rectifiedAt: new Date() })
      .where(eq(selfInspections.id, id));
    await audit(tx, ctx, {
      action: 'evaluation.self_inspection.rectify',
      targetType: 'self_inspection',
      targetId: id,
      summary: { unitId: row.unitId, period: row.period, problems: row.problems },
    });
    return getOne(ctx, tx, id);
  });
}
