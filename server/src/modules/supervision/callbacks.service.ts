import {
  addDays,
  availableCallbackActions,
  CALLBACK_MAX_ATTEMPTS,
  type CallbackContactResponse,
  type CallbackCounts,
  type CallbackFollowUpRequest,
  type CallbackListQuery,
  type CallbackListResponse,
  type CallbackReason,
  type CallbackResponse,
  type CallbackResultRequest,
  type CallbackStatus,
  chinaToday,
  type FollowUpStatus,
  maskName,
  maskPhone,
  type Satisfaction,
} from '@fazhi/common';
import { and, desc, eq, gte, ilike, lt, lte, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { audit } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import { containsPattern } from '../../db/like.ts';
import { callbacks, incidentCategories, incidents, officers, units } from '../../db/schema/index.ts';
import { type Actor, type Ctx, requireActor } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { inScope } from '../platform/scope.ts';
import { inSubtree } from './camera-checks.service.ts';
import { readSupervisionSettings } from './daily.ts';

const caller = alias(officers, 'caller');
const handler = alias(officers, 'follow_up_officer');

function baseQuery(db: Queryable) {
  return db
    .select({
      cb: callbacks,
      incidentNo: incidents.incidentNo,
      receivedAt: incidents.receivedAt,
      categoryCode: incidents.categoryCode,
      categoryZh: incidentCategories.nameZh,
      categoryEn: incidentCategories.nameEn,
      callerName: incidents.callerName,
      callerPhone: incidents.callerPhone,
      unitName: units.name,
      calledBy: caller.name,
      followUpBy: handler.name,
    })
    .from(callbacks)
    .innerJoin(incidents, eq(incidents.id, callbacks.incidentId))
    .innerJoin(units, eq(units.id, callbacks.unitId))
    .leftJoin(
      incidentCategories,
      and(eq(incidentCategories.orgId, incidents.orgId), eq(incidentCategories.code, incidents.categoryCode)),
    )
    .leftJoin(caller, eq(caller.id, callbacks.calledBy))
    .leftJoin(handler, eq(handler.id, callbacks.followUpBy));
}
type Row = Awaited<ReturnType<typeof baseQuery>>[number];

/** Open 二次查办 past its due date (today is still in time). */
const followUpOverdue = (today: string) =>
  and(eq(callbacks.followUpStatus, 'open'), lt(callbacks.followUpDueOn, today))!;

function toResponse(r: Row, actor: Actor, locale: Ctx['locale'], today: string): CallbackResponse {
  const cb = r.cb;
  const status = cb.status as CallbackStatus;
  const followUpStatus = cb.followUpStatus as FollowUpStatus;
  return {
    id: cb.id,
    incidentId: cb.incidentId,
    incidentNo: r.incidentNo,
    receivedAt: r.receivedAt.toISOString(),
    categoryCode: r.categoryCode,
    categoryName: (locale === 'en-US' ? r.categoryEn : r.categoryZh) ?? r.categoryCode,
    unitId: cb.unitId,
    unitName: r.unitName,
    reason: cb.reason as CallbackReason,
    createdOn: cb.createdOn,
    status,
    satisfaction: (cb.satisfaction as Satisfaction | null) ?? null,
    note: cb.note,
    attempts: cb.attempts,
    calledBy: r.calledBy,
    calledAt: cb.calledAt?.toISOString() ?? null,
    // Lists never carry the caller's identity; the inspector making the call asks for it.
    callerName: maskName(r.callerName),
    callerPhone: maskPhone(r.callerPhone),
    hasPhone: Boolean(r.callerPhone?.trim()),
    followUpStatus,
    followUpDueOn: cb.followUpDueOn,
    followUpOverdue: followUpStatus === 'open' && cb.followUpDueOn !== null && cb.followUpDueOn < today,
    followUpResult: cb.followUpResult,
    followUpBy: r.followUpBy,
    followUpClosedAt: cb.followUpClosedAt?.toISOString() ?? null,
    actions: availableCallbackActions({ status, followUpStatus }, [...actor.permissions]),
  };
}

/**
 * Call-backs in scope: the inspectorate and the detachment see the branch, a unit its own (its
 * 二次查办 above all). Pending first (oldest first), then open 二次查办 by due date.
 */
export async function listCallbacks(ctx: Ctx, q: CallbackListQuery): Promise<CallbackListResponse> {
  const actor = requireActor(ctx);
  const today = chinaToday();
  const base: SQL[] = [inScope(actor, callbacks.unitId, callbacks.orgId)];
  if (q.unit) base.push(inSubtree(ctx.orgId, q.unit, callbacks.unitId));
  const scope = and(...base)!;
  const conds: SQL[] = [scope];
  if (q.status) conds.push(eq(callbacks.status, q.status));
  if (q.reason) conds.push(eq(callbacks.reason, q.reason));
  if (q.satisfaction) conds.push(eq(callbacks.satisfaction, q.satisfaction));
  if (q.followUp === 'any') conds.push(ne(callbacks.followUpStatus, 'none'));
  if (q.followUp === 'open' || q.followUp === 'done') conds.push(eq(callbacks.followUpStatus, q.followUp));
  if (q.followUp === 'overdue') conds.push(followUpOverdue(today));
  if (q.from) conds.push(gte(callbacks.createdOn, q.from));
  if (q.to) conds.push(lte(callbacks.createdOn, q.to));
  if (q.q) conds.push(ilike(incidents.incidentNo, containsPattern(q.q)));
  const where = and(...conds)!;
  const found = await baseQuery(ctx.db)
    .where(where)
    .orderBy(
      sql`case when ${callbacks.status} = 'pending' then 0 when ${callbacks.followUpStatus} = 'open' then 1 else 2 end`,
      sql`case when ${callbacks.status} = 'pending' then ${callbacks.createdOn} end asc nulls last`,
      sql`case when ${callbacks.followUpStatus} = 'open' then ${callbacks.followUpDueOn} end asc nulls last`,
      desc(callbacks.createdOn),
      desc(callbacks.id),
    )
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const n = (cond: SQL) => sql<number>`(count(*) filter (where ${cond}))::int`;
  const [c] = await ctx.db
    .select({
      pending: n(eq(callbacks.status, 'pending')),
      done: n(eq(callbacks.status, 'done')),
      unreachable: n(eq(callbacks.status, 'unreachable')),
      dissatisfied: n(eq(callbacks.satisfaction, 'dissatisfied')),
      followUpOpen: n(eq(callbacks.followUpStatus, 'open')),
      followUpOverdue: n(followUpOverdue(today)),
      filtered: n(where),
    })
    .from(callbacks)
    .innerJoin(incidents, eq(incidents.id, callbacks.incidentId))
    .where(scope);
  const counts: CallbackCounts = {
    pending: c?.pending ?? 0,
    done: c?.done ?? 0,
    unreachable: c?.unreachable ?? 0,
    dissatisfied: c?.dissatisfied ?? 0,
    followUpOpen: c?.followUpOpen ?? 0,
    followUpOverdue: c?.followUpOverdue ?? 0,
  };
  return {
    items: found.map((r) => toResponse(r, actor, ctx.locale, today)),
    total: c?.filtered ?? 0,
    counts,
  };
}

async function findInScope(ctx: Ctx, db: Queryable, id: number) {
  const actor = requireActor(ctx);
  const [row] = await db
    .select()
    .from(callbacks)
    .where(and(eq(callbacks.id, id), inScope(actor, callbacks.unitId, callbacks.orgId)))
    .for('update');
  if (!row) throw notFound();
  return row;
}

async function detail(ctx: Ctx, db: Queryable, id: number): Promise<CallbackResponse> {
  const [row] = await baseQuery(db).where(eq(callbacks.id, id));
  if (!row) throw notFound();
  return toResponse(row, requireActor(ctx), ctx.locale, chinaToday());
}

/**
 * The caller's full name and number for the inspector about to call. Only while the call-back
 * is pending, and every reveal is audited: the number is personal data, shown to the one person
 * who needs it at the moment they need it.
 */
export async function revealCallbackContact(ctx: Ctx, id: number): Promise<CallbackContactResponse> {
  return ctx.db.transaction(async (tx) => {
    const cb = await findInScope(ctx, tx, id);
    if (cb.status !== 'pending') throw new AppError('CONFLICT');
    const [inc] = await tx
      .select({ no: incidents.incidentNo, name: incidents.callerName, phone: incidents.callerPhone })
      .from(incidents)
      .where(eq(incidents.id, cb.incidentId));
    await audit(tx, ctx, {
      action: 'callback.contact.reveal',
      targetType: 'callback',
      targetId: id,
      summary: { incidentId: cb.incidentId, incidentNo: inc?.no ?? null },
    });
    return {
      id,
      incidentNo: inc?.no ?? '',
      callerName: inc?.name ?? null,
      callerPhone: inc?.phone ?? null,
      attempts: cb.attempts,
    };
  });
}

/**
 * Records a call. Reached: the satisfaction (and, when dissatisfied, what about — it goes to the
 * unit), and a dissatisfied answer opens 二次查办 on the incident's unit, due in followUpDays.
 * Not reached: one more attempt; after CALLBACK_MAX_ATTEMPTS (or at once when there is no number
 * to call) the call-back closes as unreachable.
 */
export async function recordCallbackResult(
  ctx: Ctx,
  id: number,
  input: CallbackResultRequest,
): Promise<CallbackResponse> {
  const actor = requireActor(ctx);
  const note = input.note?.trim() || null;
  if (input.status === 'done') {
    if (!input.satisfaction) throw new AppError('VALIDATION', { satisfaction: 'required' });
    if (input.satisfaction === 'dissatisfied' && !note)
      throw new AppError('VALIDATION', { note: 'required' });
  } else if (input.satisfaction) {
    throw new AppError('VALIDATION', { satisfaction: 'callback.unreachableSatisfaction' });
  }
  const { followUpDays } = await readSupervisionSettings(ctx.db, ctx.orgId);
  return ctx.db.transaction(async (tx) => {
    const cb = await findInScope(ctx, tx, id);
    if (cb.status !== 'pending') throw new AppError('CONFLICT');
    const now = new Date();
    const today = chinaToday(now);
    const attempts = cb.attempts + 1;
    const common = { note, calledBy: actor.officerId, calledAt: now, attempts };
    let summary: Record<string, unknown>;
    if (input.status === 'done') {
      const dissatisfied = input.satisfaction === 'dissatisfied';
      const followUpDueOn = dissatisfied ? addDays(today, followUpDays) : null;
      await tx
        .update(callbacks)
        .set({
          ...common,
          status: 'done',
          satisfaction: input.satisfaction!,
          ...(dissatisfied ? { followUpStatus: 'open', followUpDueOn } : {}),
        })
        .where(eq(callbacks.id, id));
      summary = { status: 'done', satisfaction: input.satisfaction, attempts, followUpDueOn };
    } else {
      const [inc] = await tx
        .select({ phone: incidents.callerPhone })
        .from(incidents)
        .where(eq(incidents.id, cb.incidentId));
      const noNumber = !inc?.phone?.trim();
      const status = noNumber || attempts >= CALLBACK_MAX_ATTEMPTS ? 'unreachable' : 'pending';
      await tx
        .update(callbacks)
        .set({ ...common, status })
        .where(eq(callbacks.id, id));
      summary = { status, attempts, noNumber };
    }
    await audit(tx, ctx, { action: 'callback.result', targetType: 'callback', targetId: id, summary });
    return detail(ctx, tx, id);
  });
}

/** The unit records what its 二次查办 did; that closes it (late when after the due date). */
export async function closeFollowUp(
  ctx: Ctx,
  id: number,
  input: CallbackFollowUpRequest,
): Promise<CallbackResponse> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const cb = await findInScope(ctx, tx, id);
    if (cb.followUpStatus !== 'open') throw new AppError('CONFLICT');
    const now = new Date();
    await tx
      .update(callbacks)
      .set({
        followUpStatus: 'done',
        followUpResult: input.result,
        followUpBy: actor.officerId,
        followUpClosedAt: now,
      })
      .where(and(eq(callbacks.id, id), eq(callbacks.followUpStatus, 'open')));
    const closedOn = chinaToday(now);
    await audit(tx, ctx, {
      action: 'callback.followUp.close',
      targetType: 'callback',
      targetId: id,
      summary: {
        incidentId: cb.incidentId,
        dueOn: cb.followUpDueOn,
        closedOn,
        late: cb.followUpDueOn !== null && closedOn > cb.followUpDueOn,
      },
    });
    return detail(ctx, tx, id);
  });
}
