/**
 * Side proceedings on their own clocks: serving the 不予立案通知书, the complainant's 复议 and
 * 复核 (公安机关办理刑事案件程序规定 arts.178–179), and under 两统一 the procuratorate's feedback
 * with our replies and our 复议/复核 of a 不捕 or 不诉.
 */
import {
  type CaseResponse,
  chinaToday,
  type ProceedingKind,
  type ProceedingStep,
  type ProceedingStepRequest,
} from '@fazhi/common';
import { and, eq, sql } from 'drizzle-orm';
import { audit } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import { cases, legalRules, proceedings } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { clockDue } from '../platform/clocks.ts';
import { caseResponse, findCase } from './case-view.ts';
import { proceedingSteps } from './state.ts';

type Row = typeof proceedings.$inferSelect;

/**
 * A clock whose rule may not be loaded yet (the procuratorate's 复议/复核 periods are not in
 * LEGAL-RULES.md): without the rule the proceeding runs without a due date rather than a guess.
 */
async function optionalClock(tx: Queryable, rule: string, start: string) {
  const [r] = await tx.select({ id: legalRules.id }).from(legalRules).where(eq(legalRules.code, rule));
  if (!r) return { clockRule: null, dueOn: null, dueProvisional: false };
  const due = await clockDue(tx, rule, start);
  return { clockRule: rule, dueOn: due.due, dueProvisional: due.provisional };
}

/** What follows each step: the next proceeding to open, if any. */
const NEXT: Partial<Record<ProceedingKind, Partial<Record<string, { kind: ProceedingKind; rule: string }>>>> =
  {
    not_filed_notice: { served: { kind: 'reconsideration_window', rule: 'reconsideration_apply' } },
    reconsideration_window: { applied: { kind: 'reconsideration', rule: 'reconsideration_decide' } },
    reconsideration: { upheld: { kind: 'review_window', rule: 'review_apply' } },
    review_window: { applied: { kind: 'review', rule: 'review_decide' } },
    procuratorate_feedback: {
      applied: { kind: 'procuratorate_reconsideration', rule: 'procuratorate_reconsideration_decide' },
    },
    procuratorate_reconsideration: {
      upheld: { kind: 'procuratorate_review', rule: 'procuratorate_review_decide' },
    },
  };

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
  }
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
    const outcome = outcomeOf(p, step, input);
    // A window closes by lapse only once its last day has passed; an application must come in time.
    if (outcome === 'lapsed' && p.dueOn && input.on <= p.dueOn)
      throw new AppError('CONFLICT', { on: 'case.proceeding.notLapsed' });
    if (step === 'apply' && p.kind.endsWith('_window') && p.dueOn && input.on > p.dueOn)
      throw new AppError('CONFLICT', { on: 'case.proceeding.step' });

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
    const next = NEXT[p.kind as ProceedingKind]?.[outcome];
    let opened: { id: number; kind: string; dueOn: string | null } | null = null;
    if (next) {
      const clock = await optionalClock(tx, next.rule, input.on);
      const [row] = await tx
        .insert(proceedings)
        .values({
          orgId: c.orgId,
          caseId,
          kind: next.kind,
          startedOn: input.on,
          ...clock,
          detail: { previousId: p.id, ...(p.detail as object), note: input.note },
          createdBy: actor.officerId,
        })
        .returning({ id: proceedings.id });
      opened = { id: row!.id, kind: next.kind, dueOn: clock.dueOn };
    }
    await tx
      .update(cases)
      .set({ updatedAt: new Date(), version: sql`${cases.version} + 1` })
      .where(eq(cases.id, caseId));
    await audit(tx, ctx, {
      action: `case.proceeding.${step}`,
      targetType: 'case',
      targetId: caseId,
      summary: { proceedingId: p.id, kind: p.kind, on: input.on, outcome, note: input.note, opened },
    });
    return caseResponse(tctx, tx, caseId);
  });
}
