/**
 * Acceptance and registration (受案立案): a case from an incident or a walk-in, on its review
 * clock; the case list and the case page.
 */
import {
  type CaseCreateRequest,
  type CaseListQuery,
  type CaseResponse,
  type CaseSummary,
  type CaseType,
  type CaseUpdateRequest,
  chinaToday,
  type DecisionKind,
  type Gate,
  isoYear,
} from '@fazhi/common';
import { and, count, desc, eq, gte, ilike, lt, lte, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { audit, changes } from '../../audit/record.ts';
import { type Queryable, rows } from '../../db/index.ts';
import { containsPattern } from '../../db/like.ts';
import { cases, incidents, officers, settings, units } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { nextNumber } from '../platform/numbers.ts';
import { firstNotPolice } from '../platform/personnel.ts';
import { inScope } from '../platform/scope.ts';
import { assertFreshSecondFactor } from '../platform/step-up.service.ts';
import { caseResponse, clockView, findCase, reviewSettingsOf } from './case-view.ts';
import { caseClockDue, clockColumns } from './clock.ts';
import { qualifies } from './state.ts';

const CHINA_OFFSET_MS = 8 * 3600_000;
/** The China Standard Time date of an instant. */
export const chinaDateOf = (d: Date) => new Date(d.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

/** 行政 A2021xxxxx, 刑事 X2021xxxxx: per branch and year, gap-free. */
export async function nextCaseNo(tx: Queryable, orgId: number, type: CaseType, year: number) {
  const n = await nextNumber(tx, orgId, type === 'admin' ? 'case_admin' : 'case_criminal', year);
  return `${type === 'admin' ? 'A' : 'X'}${year}${String(n).padStart(5, '0')}`;
}

async function assertUnitInScope(ctx: Ctx, db: Queryable, unitId: number) {
  const actor = requireActor(ctx);
  const [u] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.id, unitId), inScope(actor, units.id, units.orgId)));
  if (!u) throw new AppError('VALIDATION', { unitId: 'notInList' });
}

/** Sets the incident's disposal in the caller's transaction, audited against the incident. */
export async function setIncidentDisposal(
  tx: Queryable,
  ctx: Ctx,
  incidentId: number | null,
  disposal: 'case_opened' | 'transferred' | 'mediated' | 'no_action',
  note: string | null,
) {
  if (!incidentId) return;
  const [before] = await tx
    .select({ disposal: incidents.disposal })
    .from(incidents)
    .where(eq(incidents.id, incidentId));
  if (!before || before.disposal === disposal) return;
  await tx
    .update(incidents)
    .set({
      disposal,
      disposalNote: note,
      disposedAt: new Date(),
      updatedAt: new Date(),
      version: sql`${incidents.version} + 1`,
    })
    .where(eq(incidents.id, incidentId));
  await audit(tx, ctx, {
    action: 'incident.disposal',
    targetType: 'incident',
    targetId: incidentId,
    summary: { before: before.disposal, after: disposal },
  });
}

/**
 * 协办民警 must be police officers in service. On an update only the ones added are judged: a
 * co-officer who has left since stays on the case's record.
 */
async function checkCoOfficers(
  db: Queryable,
  orgId: number,
  ids: number[] | undefined,
  already: number[] = [],
) {
  const added = (ids ?? []).filter((id) => !already.includes(id));
  if ((await firstNotPolice(db, orgId, added, { active: true })) >= 0)
    throw new AppError('VALIDATION', { coOfficerIds: 'officer.notActivePolice' });
}

export async function createCase(ctx: Ctx, input: CaseCreateRequest): Promise<CaseResponse> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    let unitId = input.unitId ?? actor.unitId;
    let receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();
    let summary = input.summary;
    if (input.incidentId) {
      const [inc] = await tx
        .select()
        .from(incidents)
        .where(and(eq(incidents.id, input.incidentId), inScope(actor, incidents.unitId, incidents.orgId)));
      if (!inc) throw new AppError('VALIDATION', { incidentId: 'notInList' });
      const [existing] = await tx
        .select({ id: cases.id })
        .from(cases)
        .where(and(eq(cases.orgId, ctx.orgId), eq(cases.incidentId, inc.id)));
      if (existing) throw new AppError('DUPLICATE', { incidentId: 'case.incident.hasCase' });
      unitId = input.unitId ?? inc.unitId;
      if (!input.receivedAt) receivedAt = inc.receivedAt;
      if (!summary) summary = inc.narrative;
    }
    if (receivedAt.getTime() > Date.now() + 60_000)
      throw new AppError('VALIDATION', { receivedAt: 'case.date.future' });
    await assertUnitInScope(ctx, tx, unitId);
    await checkCoOfficers(tx, ctx.orgId, input.coOfficerIds);
    // 重大疑难复杂: the 30-day review is the branch head's to grant (extend_review), never the
    // officer's choice at creation (公通字〔2015〕32号).
    if (input.caseType === 'criminal' && input.filingClock === 'filing_review_major')
      throw new AppError('VALIDATION', { filingClock: 'case.filing.majorNeedsApproval' });
    const start = chinaDateOf(receivedAt);
    const rule =
      input.caseType === 'admin'
        ? input.complex
          ? 'acceptance_review_complex'
          : 'acceptance_review'
        : input.filingClock;
    const clock = { clockRule: rule, clockStart: start, periodExtendedDays: 0, appraisalDays: 0 };
    const due = await caseClockDue(tx, { ...clock, receivedAt });
    const caseNo = await nextCaseNo(tx, ctx.orgId, input.caseType, isoYear(start));
    const [row] = await tx
      .insert(cases)
      .values({
        orgId: ctx.orgId,
        caseNo,
        caseType: input.caseType,
        incidentId: input.incidentId,
        unitId,
        leadOfficerId: actor.officerId,
        coOfficerIds: input.coOfficerIds,
        title: input.title,
        summary,
        status: input.caseType === 'admin' ? 'acceptance_review' : 'filing_review',
        major: input.major || input.filingClock === 'filing_review_major',
        inCentre: input.inCentre,
        complex: input.complex,
        receivedAt,
        clockRule: rule,
        clockStart: start,
        ...clockColumns(due),
        tags: input.tags,
      })
      .returning({ id: cases.id });
    const id = row!.id;
    await audit(tx, ctx, {
      action: 'case.create',
      targetType: 'case',
      targetId: id,
      summary: { caseNo, caseType: input.caseType, incidentId: input.incidentId, clock: { rule, ...due } },
    });
    await setIncidentDisposal(tx, ctx, input.incidentId, 'case_opened', caseNo);
    return caseResponse({ ...ctx, db: tx }, tx, id);
  });
}

export async function getCase(ctx: Ctx, id: number, reveal: boolean): Promise<CaseResponse> {
  const actor = requireActor(ctx);
  const allowed = reveal && actor.permissions.has('case.write');
  if (!allowed) return caseResponse(ctx, ctx.db, id, false);
  // A full ID number asks for a second factor proven within the last few minutes (step-up).
  await assertFreshSecondFactor(ctx);
  // Seeing whole ID numbers is recorded: who looked at whose data, and when.
  return ctx.db.transaction(async (tx) => {
    const res = await caseResponse({ ...ctx, db: tx }, tx, id, true);
    await audit(tx, ctx, {
      action: 'case.party.reveal',
      targetType: 'case',
      targetId: id,
      summary: { parties: res.parties.filter((p) => p.idNumber || p.phone).map((p) => p.id) },
    });
    return res;
  });
}

export async function updateCase(ctx: Ctx, id: number, patch: CaseUpdateRequest): Promise<CaseResponse> {
  return ctx.db.transaction(async (tx) => {
    const { c } = await findCase(ctx, tx, id);
    const { version, ...fields } = patch;
    await checkCoOfficers(tx, ctx.orgId, fields.coOfficerIds, c.coOfficerIds);
    // Flagging a case as complex during acceptance review moves its clock from 24 h to 3 days.
    let clock: Partial<typeof cases.$inferInsert> = {};
    if (c.status === 'acceptance_review' && fields.complex !== undefined && fields.complex !== c.complex) {
      const rule = fields.complex ? 'acceptance_review_complex' : 'acceptance_review';
      const start = chinaDateOf(c.receivedAt);
      clock = {
        clockRule: rule,
        clockStart: start,
        ...clockColumns(await caseClockDue(tx, { ...c, clockRule: rule, clockStart: start })),
      };
    }
    const res = await tx
      .update(cases)
      .set({ ...fields, ...clock, version: sql`${cases.version} + 1`, updatedAt: new Date() })
      .where(and(eq(cases.id, id), eq(cases.version, version)))
      .returning({ id: cases.id });
    if (res.length === 0) throw new AppError('CONFLICT');
    await audit(tx, ctx, {
      action: 'case.update',
      targetType: 'case',
      targetId: id,
      summary: changes(c as unknown as Record<string, unknown>, fields),
    });
    return caseResponse({ ...ctx, db: tx }, tx, id);
  });
}

const TERMINAL = ['closed', 'not_accepted', 'not_filed', 'transferred', 'mediated'];

/** Whether the officer meets the branch's floor for the legal gate: one read for both values. */
async function legalGateQualified(db: Queryable, orgId: number, officerId: number): Promise<boolean> {
  const [row] = await rows<{ min: unknown; level: string | null }>(
    db,
    sql`select (select ${settings.value} from ${settings}
                 where ${settings.orgId} = ${orgId} and ${settings.key} = 'legal_gate_min_qualification') as min,
               (select ${officers.qualificationLevel} from ${officers} where ${officers.id} = ${officerId}) as level`,
  );
  return qualifies(row?.level ?? null, reviewSettingsOf(null, row?.min).minLevel);
}

/** Cases waiting at a gate this actor may act on (used by the list filter and by 待办). */
export async function myGateCondition(ctx: Ctx, db: Queryable): Promise<SQL | null> {
  const actor = requireActor(ctx);
  if (!actor.permissions.has('case.review')) return null;
  const conds: SQL[] = [];
  const subtree = sql`${cases.unitId} in (select ${units.id} from ${units} where ${units.orgId} = ${actor.orgId} and ${units.path} like ${`${actor.unitPath}%`})`;
  if (actor.roles.includes('unit_legal')) conds.push(and(eq(cases.currentGate, 'unit_legal'), subtree)!);
  if (actor.roles.includes('unit_head')) conds.push(and(eq(cases.currentGate, 'unit_head'), subtree)!);
  if (actor.roles.includes('legal') && (await legalGateQualified(db, actor.orgId, actor.officerId)))
    conds.push(eq(cases.currentGate, 'legal'));
  if (actor.roles.includes('branch_head')) conds.push(eq(cases.currentGate, 'branch_head'));
  if (conds.length === 0) return null;
  // A case has a current gate only while in review (the workflow clears it on every other
  // move), so the gate alone says "in review". Adding `status = 'in_review'` made the planner
  // walk cases(org_id, unit_id, status) through every case in review in the unit, at any gate,
  // instead of cases(org_id, current_gate) through the few at mine.
  return or(...conds)!;
}

/** The columns a list row shows: the whole row would drag summaries and tags along. */
const LIST_COLUMNS = {
  id: cases.id,
  caseNo: cases.caseNo,
  caseType: cases.caseType,
  title: cases.title,
  status: cases.status,
  unitId: cases.unitId,
  leadOfficerId: cases.leadOfficerId,
  incidentId: cases.incidentId,
  proposedDecision: cases.proposedDecision,
  currentGate: cases.currentGate,
  reviewRound: cases.reviewRound,
  major: cases.major,
  inCentre: cases.inCentre,
  complex: cases.complex,
  receivedAt: cases.receivedAt,
  clockRule: cases.clockRule,
  clockStart: cases.clockStart,
  clockDue: cases.clockDue,
  clockProvisional: cases.clockProvisional,
  version: cases.version,
  updatedAt: cases.updatedAt,
};
type ListRow = Pick<typeof cases.$inferSelect, keyof typeof LIST_COLUMNS>;

export function summaryOf(
  c: ListRow,
  unitName: string,
  leadOfficerName: string,
  today = chinaToday(),
): CaseSummary {
  return {
    id: c.id,
    caseNo: c.caseNo,
    caseType: c.caseType as CaseType,
    title: c.title,
    status: c.status as CaseSummary['status'],
    unitId: c.unitId,
    unitName,
    leadOfficerId: c.leadOfficerId,
    leadOfficerName,
    incidentId: c.incidentId,
    proposedDecision: c.proposedDecision as DecisionKind | null,
    currentGate: c.currentGate as Gate | null,
    reviewRound: c.reviewRound,
    major: c.major,
    inCentre: c.inCentre,
    complex: c.complex,
    receivedAt: c.receivedAt.toISOString(),
    clock: clockView(c.clockRule, c.clockStart, c.clockDue, c.clockProvisional, today),
    version: c.version,
    updatedAt: c.updatedAt.toISOString(),
  };
}

export async function listCases(
  ctx: Ctx,
  q: CaseListQuery,
): Promise<{ items: CaseSummary[]; total: number }> {
  const actor = requireActor(ctx);
  const conds: SQL[] = [inScope(actor, cases.unitId, cases.orgId)];
  if (q.caseType) conds.push(eq(cases.caseType, q.caseType));
  if (q.status) conds.push(eq(cases.status, q.status));
  if (q.gate) conds.push(eq(cases.currentGate, q.gate));
  if (q.unitId) conds.push(eq(cases.unitId, q.unitId));
  if (q.q)
    conds.push(or(ilike(cases.caseNo, containsPattern(q.q)), ilike(cases.title, containsPattern(q.q)))!);
  if (q.from) conds.push(gte(cases.receivedAt, new Date(`${q.from}T00:00:00+08:00`)));
  if (q.to) conds.push(lte(cases.receivedAt, new Date(`${q.to}T23:59:59.999+08:00`)));
  if (q.overdue) conds.push(lt(cases.clockDue, chinaToday()), notInArray(cases.status, TERMINAL));
  if (q.atMyGate) {
    const gate = await myGateCondition(ctx, ctx.db);
    if (!gate) return { items: [], total: 0 };
    conds.push(gate);
  }
  const where = and(...conds);
  const [total] = await ctx.db.select({ n: count() }).from(cases).where(where);
  const n = total?.n ?? 0;
  if (n === 0 || (q.page - 1) * q.pageSize >= n) return { items: [], total: n };
  const page = await ctx.db
    .select({ c: LIST_COLUMNS, unitName: units.name, lead: officers.name })
    .from(cases)
    .innerJoin(units, eq(units.id, cases.unitId))
    .innerJoin(officers, eq(officers.id, cases.leadOfficerId))
    .where(where)
    // updated_at is never null: "nulls last" matches the index cases(org_id, updated_at desc), so
    // a page is read from the index instead of sorting every case in scope.
    .orderBy(sql`${cases.updatedAt} desc nulls last`, desc(cases.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const today = chinaToday();
  return { items: page.map((r) => summaryOf(r.c, r.unitName, r.lead, today)), total: n };
}
