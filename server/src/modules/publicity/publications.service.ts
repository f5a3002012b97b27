import {
  type Calendar,
  chinaToday,
  type DecisionKind,
  daysBetween,
  exclusionsOfReason,
  exclusionText,
  type PublicationCounts,
  type PublicationDetailResponse,
  type PublicationListQuery,
  type PublicationResponse,
  type PublicationStatus,
  type PublicationWithdrawRequest,
  type PublicityContent,
  publicitySearchText,
} from '@fazhi/common';
import {
  and,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNotNull,
  like,
  lt,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { audit } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import { containsPattern } from '../../db/like.ts';
import { cases, decisions, officers, publications, units } from '../../db/schema/index.ts';
import { type Actor, type Ctx, requireActor } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { loadCalendar } from '../platform/calendar.service.ts';
import { inScope } from '../platform/scope.ts';
import { buildContent } from './content.ts';
import { decisionExclusions } from './exclusions.ts';

/** Escapes LIKE wildcards so a search for "100%" means the text "100%". */

/** Warn this many working days before a publicity task falls due. */
const DUE_SOON_WORKING_DAYS = 2;

/** The last due date that counts as "due soon" today. */
export function dueSoonLimit(calendar: Calendar, today: string): string {
  return calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS);
}

const isPending = eq(publications.status, 'pending');
const isPublished = eq(publications.status, 'published');
const mustWithdrawCond = and(isPublished, isNotNull(publications.withdrawDueOn))!;

const listColumns = {
  pub: publications,
  caseNo: cases.caseNo,
  caseTitle: cases.title,
  unitName: units.name,
  decisionKind: decisions.kind,
  docNo: decisions.docNo,
  decidedAt: decisions.decidedAt,
  decisionStatus: decisions.status,
  publishedBy: officers.name,
};

function baseQuery(db: Queryable) {
  return db
    .select(listColumns)
    .from(publications)
    .innerJoin(decisions, eq(decisions.id, publications.decisionId))
    .innerJoin(cases, eq(cases.id, publications.caseId))
    .innerJoin(units, eq(units.id, publications.unitId))
    .leftJoin(officers, eq(officers.id, publications.publishedBy));
}
type Row = Awaited<ReturnType<typeof baseQuery>>[number];

function toResponse(r: Row, today: string, calendar: Calendar): PublicationResponse {
  const p = r.pub;
  const pending = p.status === 'pending';
  const daysLeft = daysBetween(today, p.dueOn);
  const workingDaysLeft = daysLeft >= 0 ? calendar.countWorkingDays(today, p.dueOn) : null;
  const mustWithdraw = p.status === 'published' && p.withdrawDueOn !== null;
  return {
    id: p.id,
    decisionId: p.decisionId,
    caseId: p.caseId,
    caseNo: r.caseNo,
    caseTitle: r.caseTitle,
    unitId: p.unitId,
    unitName: r.unitName,
    decisionKind: r.decisionKind as DecisionKind,
    docNo: r.docNo,
    decidedOn: chinaToday(r.decidedAt),
    decisionStatus: r.decisionStatus,
    status: p.status as PublicationStatus,
    clockRule: p.clockRule,
    dueOn: p.dueOn,
    dueProvisional: p.dueProvisional,
    daysLeft,
    workingDaysLeft,
    overdue: pending && daysLeft < 0,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    publishedBy: r.publishedBy,
    late: p.publishedAt !== null && chinaToday(p.publishedAt) > p.dueOn,
    withdrawDueOn: p.withdrawDueOn,
    withdrawDueProvisional: p.withdrawDueProvisional,
    mustWithdraw,
    withdrawOverdue: mustWithdraw && today > p.withdrawDueOn!,
    withdrawnAt: p.withdrawnAt?.toISOString() ?? null,
    withdrawReason: p.withdrawReason,
    exclusions: exclusionsOfReason(p.withdrawReason),
  };
}

async function unitSubtree(ctx: Ctx, unitId: number): Promise<SQL> {
  const [u] = await ctx.db
    .select({ path: units.path })
    .from(units)
    .where(and(eq(units.id, unitId), eq(units.orgId, ctx.orgId)));
  if (!u) return sql`false`;
  return inArray(
    publications.unitId,
    ctx.db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.orgId, ctx.orgId), like(units.path, `${u.path}%`))),
  );
}

async function counts(ctx: Ctx, actor: Actor, today: string, soon: string): Promise<PublicationCounts> {
  const n = (cond: SQL) => sql<number>`(count(*) filter (where ${cond}))::int`;
  const [row] = await ctx.db
    .select({
      pending: n(isPending),
      overdue: n(and(isPending, lt(publications.dueOn, today))!),
      dueSoon: n(and(isPending, gte(publications.dueOn, today), lte(publications.dueOn, soon))!),
      mustWithdraw: n(mustWithdrawCond),
      published: n(isPublished),
    })
    .from(publications)
    .where(inScope(actor, publications.unitId, publications.orgId));
  return row ?? { pending: 0, overdue: 0, dueSoon: 0, mustWithdraw: 0, published: 0 };
}

/** Publicity tasks in the actor's scope: what must go out, what is late, what must come down. */
export async function listPublications(ctx: Ctx, q: PublicationListQuery) {
  const actor = requireActor(ctx);
  const today = chinaToday();
  const calendar = await loadCalendar(ctx.db);
  const soon = dueSoonLimit(calendar, today);
  const conds: SQL[] = [inScope(actor, publications.unitId, publications.orgId)];
  if (q.unitId) conds.push(await unitSubtree(ctx, q.unitId));
  if (q.status) conds.push(eq(publications.status, q.status));
  const overdue = and(isPending, lt(publications.dueOn, today))!;
  if (q.overdue === 'true') conds.push(overdue);
  if (q.overdue === 'false') conds.push(sql`not (${overdue})`);
  const dueSoon = and(isPending, gte(publications.dueOn, today), lte(publications.dueOn, soon))!;
  if (q.dueSoon === 'true') conds.push(dueSoon);
  if (q.dueSoon === 'false') conds.push(sql`not (${dueSoon})`);
  if (q.mustWithdraw === 'true') conds.push(mustWithdrawCond);
  if (q.mustWithdraw === 'false') conds.push(sql`not (${mustWithdrawCond})`);
  if (q.q)
    conds.push(or(ilike(decisions.docNo, containsPattern(q.q)), ilike(cases.caseNo, containsPattern(q.q)))!);
  const where = and(...conds);

  // What needs acting on first: decisions to take down, then pending by due date.
  const rank = sql`case when ${mustWithdrawCond} then 0 when ${isPending} then 1 else 2 end`;
  const rows = await baseQuery(ctx.db)
    .where(where)
    .orderBy(
      rank,
      sql`case when ${isPending} then ${publications.dueOn} end asc nulls last`,
      desc(publications.publishedAt),
      desc(publications.id),
    )
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(publications)
    .innerJoin(decisions, eq(decisions.id, publications.decisionId))
    .innerJoin(cases, eq(cases.id, publications.caseId))
    .where(where);
  return {
    items: rows.map((r) => toResponse(r, today, calendar)),
    total: total?.n ?? 0,
    counts: await counts(ctx, actor, today, soon),
  };
}

async function findInScope(ctx: Ctx, db: Queryable, id: number, lock = false) {
  const actor = requireActor(ctx);
  const q = db
    .select()
    .from(publications)
    .where(and(eq(publications.id, id), inScope(actor, publications.unitId, publications.orgId)));
  // The row lock makes two simultaneous publishers queue; the second then sees it published.
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound();
  return row;
}

async function detail(ctx: Ctx, db: Queryable, id: number): Promise<PublicationDetailResponse> {
  const pub = await findInScope(ctx, db, id);
  const [row] = await baseQuery(db).where(eq(publications.id, id));
  const calendar = await loadCalendar(db);
  // A pending task shows the preview built now; anything published shows what went out.
  const content =
    pub.status === 'pending'
      ? (await buildContent(db, pub)).content
      : ((pub.content as PublicityContent | null) ?? null);
  return { ...toResponse(row!, chinaToday(), calendar), content };
}

export const getPublication = (ctx: Ctx, id: number) => detail(ctx, ctx.db, id);

/**
 * Publishes the masked snapshot. Late publishing is allowed (better late than never) and shows
 * as late: `publishedAt` after `dueOn`.
 */
export async function publishPublication(ctx: Ctx, id: number): Promise<PublicationDetailResponse> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const pub = await findInScope(ctx, tx, id, true);
    if (pub.status !== 'pending') throw new AppError('CONFLICT');
    const { decision, content } = await buildContent(tx, pub);
    if (decision.status !== 'effective')
      throw new AppError('VALIDATION', { decision: 'publicity.decisionNotEffective' });
    if (!content.object && !content.objectWithheld)
      throw new AppError('VALIDATION', { party: 'publicity.noParty' });
    // Checked again here: the party, the offences or the register may have changed since the
    // task was opened, and a task opened before the rule existed is still pending.
    const excluded = await decisionExclusions(tx, decision);
    if (excluded.length) {
      const message = `${ctx.locale === 'en-US' ? 'May not be published: ' : '依法不予公开：'}${exclusionText(excluded, ctx.locale)}`;
      throw new AppError('VALIDATION', { decision: { key: 'law.violation', params: { message } } });
    }
    const now = new Date();
    const [done] = await tx
      .update(publications)
      .set({
        status: 'published',
        publishedAt: now,
        publishedBy: actor.officerId,
        content,
        searchText: publicitySearchText(content),
      })
      .where(and(eq(publications.id, id), isPending))
      .returning({ id: publications.id });
    if (!done) throw new AppError('CONFLICT');
    const publishedOn = chinaToday(now);
    await audit(tx, ctx, {
      action: 'publicity.publish',
      targetType: 'publication',
      targetId: id,
      summary: { docNo: decision.docNo, dueOn: pub.dueOn, publishedOn, late: publishedOn > pub.dueOn },
    });
    return detail(ctx, tx, id);
  });
}

/** Takes a published decision off the portal; the snapshot is kept for the record. */
export async function withdrawPublication(
  ctx: Ctx,
  id: number,
  input: PublicationWithdrawRequest,
): Promise<PublicationDetailResponse> {
  return ctx.db.transaction(async (tx) => {
    const pub = await findInScope(ctx, tx, id, true);
    if (pub.status !== 'published') throw new AppError('CONFLICT');
    const now = new Date();
    await tx
      .update(publications)
      .set({ status: 'withdrawn', withdrawnAt: now, withdrawReason: input.reason })
      .where(eq(publications.id, id));
    const withdrawnOn = chinaToday(now);
    await audit(tx, ctx, {
      action: 'publicity.withdraw',
      targetType: 'publication',
      targetId: id,
      summary: {
        reason: input.reason,
        requiredReason: pub.withdrawReason,
        withdrawDueOn: pub.withdrawDueOn,
        withdrawnOn,
        late: pub.withdrawDueOn !== null && withdrawnOn > pub.withdrawDueOn,
      },
    });
    return detail(ctx, tx, id);
  });
}
