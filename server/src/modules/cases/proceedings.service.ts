/**
 * Side proceedings on their own clocks: serving the 不予立案通知书 and the 复议决定书, the
 * complainant's 复议 and 复核 (公安机关办理刑事案件程序规定 arts.178–179), under 两统一 the
 * procuratorate's feedback with our replies and our 复议/复核 of a 不捕 or 不诉, and the 撤销案件
 * notice. Which clock each runs on is wired in proceeding-clocks.ts.
 */
import {
  addDays,
  type CaseResponse,
  chinaToday,
  daysBetween,
  type ProceedingKind,
  type ProceedingStep,
  type ProceedingStepRequest,
  ruleInForce,
} from '@fazhi/common';
import { and, eq, sql } from 'drizzle-orm';
import { audit } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import { cases, legalRules, officers, proceedings } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { clockDue } from '../platform/clocks.ts';
import { type CaseRow, caseResponse, findCase } from './case-view.ts';
import { caseClockDue, clockColumns } from './clock.ts';
import {
  applicationDue,
  EXTENDABLE_KINDS,
  extensionCap,
  nextProceeding,
  optionalClock,
} from './proceeding-clocks.ts';
import { proceedingSteps } from './state.ts';

type Row = typeof proceedings.$inferSelect;

function outcomeOf(p: Row, step: ProceedingStep, input: ProceedingStepRequest): string {
  const bad = () => new AppError('VALIDATION', { outcome: 'notInList' });
  switch (step) {
    case 'serve':
      return 'served';
    case 'apply':
      return 'applied';
    case 'reply':
      return 'replied';
    case 'conclude':
      if (p.kind.endsWith('_window')) {
        if ((input.outcome ?? 'lapsed') !== 'lapsed') throw bad();
        return 'lapsed';
      }
      if (input.outcome !== 'upheld' && input.outcome !== 'overturned') throw bad();
      return input.outcome;
    case 'extend':
    case 'schedule':
      throw bad();
  }
}

/**
 * Opens a side proceeding on the clock of `rule` from `startedOn` (a document to serve, a window
 * to apply in): used by the steps here and by the actions that start one (撤销案件).
 */
export async function openProceeding(
  tx: Queryable,
  v: {
    orgId: number;
    caseId: number;
    kind: ProceedingKind;
    rule: string | null;
    startedOn: string;
    detail: Record<string, unknown>;
    createdBy: number;
  },
) {
  const clock = await optionalClock(tx, v.rule, v.startedOn);
  const [row] = await tx
    .insert(proceedings)
    .values({ ...v, ...clock })
    .returning({ id: proceedings.id });
  return { id: row!.id, kind: v.kind, dueOn: clock.dueOn };
}

export async function stepProceeding(
  ctx: Ctx,
  caseId: number,
  proceedingId: number,
  step: ProceedingStep,
  input: ProceedingStepRequest,
): Promise<CaseResponse> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (t) => {
    const tx = t as unknown as Ctx['db'];
    const tctx = { ...ctx, db: tx };
    const { c } = await findCase(tctx, tx, caseId);
    const [p] = await tx
      .select()
      .from(proceedings)
      .where(and(eq(proceedings.id, proceedingId), eq(proceedings.caseId, caseId)));
    if (!p) throw notFound();
    if (step === 'extend' && p.status === 'open' && (p.detail as { extension?: unknown }).extension)
      throw new AppError('CONFLICT', { step: 'case.proceeding.extended' });
    if (!proceedingSteps(p, { canWrite: true, isLegal: true }).includes(step))
      throw new AppError('CONFLICT', { step: 'case.proceeding.step' });
    const who = {
      canWrite: actor.permissions.has('case.write'),
      isLegal: actor.permissions.has('case.legal'),
    };
    if (!proceedingSteps(p, who).includes(step))
      throw new AppError('FORBIDDEN', { step: 'case.action.notYours' });
    if (input.on > chinaToday()) throw new AppError('VALIDATION', { on: 'case.date.future' });
    if (input.on < p.startedOn) throw new AppError('VALIDATION', { on: 'case.date.beforeReceived' });
    if (step === 'extend') {
      await extend(tx, ctx, p, input);
    } else if (step === 'schedule') {
      await scheduleHearing(tx, ctx, p, c, input);
    } else {
      await close(tx, ctx, p, step, input, c.orgId);
    }
    await tx
      .update(cases)
      .set({ updatedAt: new Date(), version: sql`${cases.version} + 1` })
      .where(eq(cases.id, caseId));
    return caseResponse(tctx, tx, caseId);
  });
}

/** A step that ends the proceeding (serve, apply, reply, conclude) and opens what follows. */
async function close(
  tx: Queryable,
  ctx: Ctx,
  p: Row,
  step: Exclude<ProceedingStep, 'extend' | 'schedule'>,
  input: ProceedingStepRequest,
  orgId: number,
) {
  const actor = requireActor(ctx);
  const outcome = outcomeOf(p, step, input);
  // 听证结束后，根据听证笔录作出决定 (行政处罚法 art.65): held first, its record's gist given.
  if (p.kind === 'hearing' && step === 'conclude') {
    const held = (p.detail as { schedule?: { heldOn: string } }).schedule?.heldOn;
    if (!held || input.on < held)
      throw new AppError('VALIDATION', {
        on: { key: 'case.hearing.notHeld', params: { heldOn: held ?? '' } },
      });
    if (!input.note) throw new AppError('VALIDATION', { note: 'required' });
  }
  // A window closes by lapse only once its last day has passed; an application must come in time.
  if (outcome === 'lapsed' && p.dueOn && input.on <= p.dueOn)
    throw new AppError('CONFLICT', { on: 'case.proceeding.notLapsed' });
  if (step === 'apply') {
    const window = await applicationDue(tx, p);
    if (window && input.on > window.due)
      throw new AppError('CONFLICT', {
        on: {
          key: 'case.proceeding.late',
          params: { due: window.due, ruleZh: window.nameZh, ruleEn: window.nameEn },
        },
      });
  }

  // Only an open row is closed: a concurrent step on the same proceeding conflicts.
  const done = await tx
    .update(proceedings)
    .set({
      status: 'done',
      closedOn: input.on,
      outcome,
      detail: { ...(p.detail as object), [`${step}On`]: input.on, [`${step}Note`]: input.note },
    })
    .where(and(eq(proceedings.id, p.id), eq(proceedings.status, 'open')))
    .returning({ id: proceedings.id });
  if (done.length === 0) throw new AppError('CONFLICT');
  const next = nextProceeding(p, outcome);
  const opened = next
    ? await openProceeding(tx, {
        orgId,
        caseId: p.caseId,
        kind: next.kind,
        rule: next.rule,
        // A window opened by a service runs from the day the document was received.
        startedOn: input.on,
        detail: {
          previousId: p.id,
          ...(p.detail as object),
          note: input.note,
          ...(step === 'serve' ? { receivedOn: input.on } : {}),
        },
        createdBy: actor.officerId,
      })
    : null;
  const excluded = p.kind === 'hearing' ? await excludeHearing(tx, p, input.on) : null;
  await audit(tx, ctx, {
    action: `case.proceeding.${step}`,
    targetType: 'case',
    targetId: p.caseId,
    summary: {
      ...{ proceedingId: p.id, kind: p.kind, on: input.on, outcome, note: input.note, opened },
      ...(excluded ? { notCounted: excluded } : {}),
    },
  });
}

/**
 * A hearing's days (from the request to its end) are not counted in an administrative case
 * period whose rule says so (治安管理处罚法 2025 art.118 para.2): the due date moves like an
 * appraisal's.
 */
async function excludeHearing(tx: Queryable, p: Row, endedOn: string) {
  const [c] = await tx.select().from(cases).where(eq(cases.id, p.caseId));
  if (c?.clockRule !== 'admin_case_period' || !c.clockStart) return null;
  const versions = await tx.select().from(legalRules).where(eq(legalRules.code, 'admin_case_period'));
  if (!ruleInForce(versions, 'admin_case_period', c.clockStart)?.hearingExcluded) return null;
  const days = daysBetween(p.startedOn, endedOn) + 1;
  const appraisalDays = c.appraisalDays + days;
  const due = await caseClockDue(tx, { ...c, appraisalDays });
  await tx
    .update(cases)
    .set({ appraisalDays, ...clockColumns(due) })
    .where(eq(cases.id, c.id));
  return { days, dueBefore: c.clockDue, dueAfter: due?.due ?? null };
}

/**
 * The 听证 notice (行政处罚法 art.64): the party told of the time and place at least 7 days ahead,
 * a host who did not investigate the case, public unless secrets or privacy say otherwise. Given
 * again when the hearing is postponed; the proceeding stays open until it is concluded.
 */
async function scheduleHearing(tx: Queryable, ctx: Ctx, p: Row, c: CaseRow, input: ProceedingStepRequest) {
  const missing = Object.fromEntries(
    (['heldOn', 'place', 'hostId'] as const).filter((k) => !input[k]).map((k) => [k, 'required']),
  );
  if (Object.keys(missing).length) throw new AppError('VALIDATION', missing);
  const heldOn = input.heldOn!;
  if (daysBetween(input.on, heldOn) < 7)
    throw new AppError('VALIDATION', {
      heldOn: { key: 'case.hearing.noticeTooShort', params: { earliest: addDays(input.on, 7) } },
    });
  const [host] = await tx
    .select({ id: officers.id, name: officers.name })
    .from(officers)
    .where(and(eq(officers.id, input.hostId!), eq(officers.orgId, c.orgId)));
  if (!host) throw new AppError('VALIDATION', { hostId: 'notInList' });
  if (host.id === c.leadOfficerId || c.coOfficerIds.includes(host.id))
    throw new AppError('VALIDATION', { hostId: 'case.hearing.hostInvestigator' });
  const before = (p.detail as { schedule?: unknown }).schedule ?? null;
  const schedule = {
    notifiedOn: input.on,
    heldOn,
    place: input.place,
    hostId: host.id,
    hostName: host.name,
    closedSession: input.closedSession,
    note: input.note,
    scheduledByName: requireActor(ctx).name,
  };
  const done = await tx
    .update(proceedings)
    .set({ detail: { ...(p.detail as object), schedule } })
    .where(and(eq(proceedings.id, p.id), eq(proceedings.status, 'open')))
    .returning({ id: proceedings.id });
  if (done.length === 0) throw new AppError('CONFLICT');
  await audit(tx, ctx, {
    action: 'case.proceeding.schedule',
    targetType: 'case',
    targetId: p.caseId,
    summary: { proceedingId: p.id, kind: p.kind, ...schedule, ...(before ? { before } : {}) },
  });
}

/**
 * The approved extension of a 复议 / 复核 decision period for a major or complex case (art.179
 * para.3: at most 30 days, once, the applicant told in writing): the caller is recorded as the
 * approver and `on` as the day of approval; the due date moves and the proceeding stays open.
 */
async function extend(tx: Queryable, ctx: Ctx, p: Row, input: ProceedingStepRequest) {
  const actor = requireActor(ctx);
  // The cap is the extension rule in force when the clock started, like the clock's own rule.
  const cap = EXTENDABLE_KINDS.includes(p.kind) ? await extensionCap(tx, p.startedOn) : null;
  if (!cap || !p.clockRule || !p.dueOn) throw new AppError('CONFLICT', { step: 'case.proceeding.step' });
  const days = input.days ?? cap;
  if (days > cap)
    throw new AppError('VALIDATION', {
      days: { key: 'case.proceeding.extensionTooLong', params: { max: cap } },
    });
  if (input.on > p.dueOn)
    throw new AppError('CONFLICT', { on: { key: 'case.proceeding.expired', params: { due: p.dueOn } } });
  const due = await clockDue(tx, p.clockRule, p.startedOn, undefined, { extraDays: days });
  const extension = {
    days,
    approvedOn: input.on,
    approvedBy: actor.officerId,
    approvedByName: actor.name,
    approvalRef: input.approvalRef,
    reason: input.note,
    dueBefore: p.dueOn,
    dueAfter: due.due,
  };
  const done = await tx
    .update(proceedings)
    .set({
      dueOn: due.due,
      dueProvisional: due.provisional,
      detail: { ...(p.detail as object), extension },
    })
    .where(
      and(
        eq(proceedings.id, p.id),
        eq(proceedings.status, 'open'),
        sql`${proceedings.detail} -> 'extension' is null`,
      ),
    )
    .returning({ id: proceedings.id });
  if (done.length === 0) throw new AppError('CONFLICT');
  await audit(tx, ctx, {
    action: 'case.proceeding.extend',
    targetType: 'case',
    targetId: p.caseId,
    summary: { proceedingId: p.id, kind: p.kind, ...extension, provisional: due.provisional },
  });
}
