/**
 * 执法监督委员会: its meetings with the 法制专题报告 submitted to the party committee, the
 * difficult cases studied (shown with case number and title), decisions with an owner unit and a
 * due date, and the minutes. A meeting's record is replaced whole when corrected (PUT).
 */
import {
  type CommitteeMeetingListQuery,
  type CommitteeMeetingRequest,
  type CommitteeMeetingResponse,
  isValidIsoDate,
} from '@fazhi/common';
import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { audit } from '../../audit/record.ts';
import { type Queryable, rows } from '../../db/index.ts';
import { cases, committeeMeetings, officers, units } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { policeAmong } from '../platform/personnel.ts';

const m = committeeMeetings;
type Meeting = typeof m.$inferSelect;
interface Decision {
  text: string;
  ownerUnitId?: number | null;
  dueOn?: string | null;
}

/** Names of the officers, cases and units the meetings refer to, in three reads. */
async function toResponses(
  db: Queryable,
  orgId: number,
  list: Meeting[],
): Promise<CommitteeMeetingResponse[]> {
  const officerIds = new Set<number>();
  const caseIds = new Set<number>();
  const unitIds = new Set<number>();
  for (const x of list) {
    if (x.chairId) officerIds.add(x.chairId);
    for (const id of x.attendeeIds) officerIds.add(id);
    for (const id of x.caseIds) caseIds.add(Number(id));
    officerIds.add(x.recordedBy);
    for (const d of x.decisions as Decision[]) if (d.ownerUnitId) unitIds.add(d.ownerUnitId);
  }
  const [os, cs, us] = await Promise.all([
    officerIds.size
      ? db
          .select({ id: officers.id, name: officers.name })
          .from(officers)
          .where(and(eq(officers.orgId, orgId), inArray(officers.id, [...officerIds])))
      : [],
    caseIds.size
      ? db
          .select({ id: cases.id, caseNo: cases.caseNo, title: cases.title })
          .from(cases)
          .where(and(eq(cases.orgId, orgId), inArray(cases.id, [...caseIds])))
      : [],
    unitIds.size
      ? db
          .select({ id: units.id, name: units.name })
          .from(units)
          .where(and(eq(units.orgId, orgId), inArray(units.id, [...unitIds])))
      : [],
  ]);
  const officerName = new Map(os.map((o) => [o.id, o.name]));
  const caseById = new Map(cs.map((c) => [c.id, c]));
  const unitName = new Map(us.map((u) => [u.id, u.name]));
  return list.map((x) => ({
    id: x.id,
    heldOn: x.heldOn,
    title: x.title,
    chairId: x.chairId,
    chairName: x.chairId ? (officerName.get(x.chairId) ?? null) : null,
    attendees: x.attendeeIds.map((id) => ({ id, name: officerName.get(id) ?? '' })),
    topicReports: (x.topicReports as { title: string; reporter: string }[]) ?? [],
    cases: x.caseIds
      .map((id) => caseById.get(Number(id)))
      .filter((c) => c !== undefined)
      .map((c) => ({ id: c.id, caseNo: c.caseNo, title: c.title })),
    decisions: (x.decisions as Decision[]).map((d) => ({
      text: d.text,
      ownerUnitId: d.ownerUnitId ?? null,
      ownerUnitName: d.ownerUnitId ? (unitName.get(d.ownerUnitId) ?? null) : null,
      dueOn: d.dueOn ?? null,
    })),
    minutes: x.minutes,
    recordedBy: officerName.get(x.recordedBy) ?? '',
    createdAt: x.createdAt.toISOString(),
  }));
}

export async function listMeetings(ctx: Ctx, q: CommitteeMeetingListQuery) {
  const actor = requireActor(ctx);
  const conds: SQL[] = [eq(m.orgId, actor.orgId)];
  if (q.year) conds.push(sql`${m.heldOn} between ${`${q.year}-01-01`} and ${`${q.year}-12-31`}`);
  const where = and(...conds)!;
  const [list, [total], [sums]] = await Promise.all([
    ctx.db
      .select()
      .from(m)
      .where(where)
      .orderBy(desc(m.heldOn), desc(m.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(m).where(where),
    rows<{ reports: unknown; cases: unknown }>(
      ctx.db,
      sql`select coalesce(sum(jsonb_array_length(${m.topicReports})), 0) as reports,
                 (select count(distinct c) from ${m} cross join lateral unnest(${m.caseIds}) c where ${where}) as cases
          from ${m} where ${where}`,
    ),
  ]);
  return {
    items: await toResponses(ctx.db, actor.orgId, list),
    total: total?.n ?? 0,
    topicReports: Number(sums?.reports ?? 0),
    casesStudied: Number(sums?.cases ?? 0),
  };
}

async function one(ctx: Ctx, db: Queryable, id: number): Promise<CommitteeMeetingResponse> {
  const actor = requireActor(ctx);
  const [row] = await db
    .select()
    .from(m)
    .where(and(eq(m.id, id), eq(m.orgId, actor.orgId)));
  if (!row) throw notFound();
  return (await toResponses(db, actor.orgId, [row]))[0]!;
}

export const getMeeting = (ctx: Ctx, id: number) => one(ctx, ctx.db, id);

/** Refuses references to officers, cases or units the branch does not have, naming the field. */
async function checkRefs(db: Queryable, orgId: number, input: CommitteeMeetingRequest) {
  if (!isValidIsoDate(input.heldOn)) throw new AppError('VALIDATION', { heldOn: 'date' });
  const officerIds = [...new Set([...(input.chairId ? [input.chairId] : []), ...input.attendeeIds])];
  if (officerIds.length) {
    // The committee is the branch's own: its chair and members are police officers.
    const police = await policeAmong(db, orgId, officerIds);
    if (input.chairId && !police.has(input.chairId))
      throw new AppError('VALIDATION', { chairId: 'officer.notPolice' });
    const i = input.attendeeIds.findIndex((id) => !police.has(id));
    if (i >= 0) throw new AppError('VALIDATION', { [`attendeeIds.${i}`]: 'officer.notPolice' });
  }
  if (input.caseIds.length) {
    const found = await db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.orgId, orgId), inArray(cases.id, input.caseIds)));
    const have = new Set(found.map((c) => c.id));
    const i = input.caseIds.findIndex((id) => !have.has(id));
    if (i >= 0) throw new AppError('VALIDATION', { [`caseIds.${i}`]: 'supervision.case' });
  }
  const unitIds = input.decisions.map((d) => d.ownerUnitId).filter((x): x is number => x != null);
  if (unitIds.length) {
    const found = await db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.orgId, orgId), inArray(units.id, unitIds)));
    const have = new Set(found.map((u) => u.id));
    const i = input.decisions.findIndex((d) => d.ownerUnitId != null && !have.has(d.ownerUnitId));
    if (i >= 0) throw new AppError('VALIDATION', { [`decisions.${i}.ownerUnitId`]: 'supervision.unit' });
  }
  input.decisions.forEach((d, i) => {
    if (d.dueOn && !isValidIsoDate(d.dueOn))
      throw new AppError('VALIDATION', { [`decisions.${i}.dueOn`]: 'date' });
  });
}

const values = (input: CommitteeMeetingRequest) => ({
  heldOn: input.heldOn,
  title: input.title,
  chairId: input.chairId ?? null,
  attendeeIds: [...new Set(input.attendeeIds)],
  topicReports: input.topicReports,
  caseIds: [...new Set(input.caseIds)],
  decisions: input.decisions.map((d) => ({
    text: d.text,
    ownerUnitId: d.ownerUnitId ?? null,
    dueOn: d.dueOn ?? null,
  })),
  minutes: input.minutes,
});

const summaryOf = (input: CommitteeMeetingRequest) => ({
  heldOn: input.heldOn,
  title: input.title,
  topicReports: input.topicReports.length,
  cases: input.caseIds.length,
  decisions: input.decisions.length,
});

export async function createMeeting(
  ctx: Ctx,
  input: CommitteeMeetingRequest,
): Promise<CommitteeMeetingResponse> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    await checkRefs(tx, actor.orgId, input);
    const [row] = await tx
      .insert(m)
      .values({ orgId: actor.orgId, ...values(input), recordedBy: actor.officerId })
      .returning({ id: m.id });
    await audit(tx, ctx, {
      action: 'supervision.committee.create',
      targetType: 'committee_meeting',
      targetId: row!.id,
      summary: summaryOf(input),
    });
    return one(ctx, tx, row!.id);
  });
}

export async function updateMeeting(
  ctx: Ctx,
  id: number,
  input: CommitteeMeetingRequest,
): Promise<CommitteeMeetingResponse> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: m.id })
      .from(m)
      .where(and(eq(m.id, id), eq(m.orgId, actor.orgId)))
      .for('update');
    if (!row) throw notFound();
    await checkRefs(tx, actor.orgId, input);
    await tx.update(m).set(values(input)).where(eq(m.id, id));
    await audit(tx, ctx, {
      action: 'supervision.committee.update',
      targetType: 'committee_meeting',
      targetId: id,
      summary: summaryOf(input),
    });
    return one(ctx, tx, id);
  });
}
