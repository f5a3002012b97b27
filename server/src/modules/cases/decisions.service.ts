/**
 * Issued decisions: reading one, its document, and changing or revoking it (which takes a
 * published decision down from the publicity portal within the withdrawal clock).
 */
import type { DecisionChangeRequest, DecisionResponse } from '@fazhi/common';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import { cases, decisions, publications } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { inScope } from '../platform/scope.ts';
import { requireWithdrawal } from '../publicity/open-publication.ts';
import { decisionView } from './case-view.ts';
import { decisionDocument } from './documents/index.ts';

async function findDecision(ctx: Ctx, db: Queryable, id: number) {
  const actor = requireActor(ctx);
  const [row] = await db
    .select({ d: decisions, c: cases, pub: publications.id })
    .from(decisions)
    .innerJoin(cases, eq(cases.id, decisions.caseId))
    .leftJoin(publications, eq(publications.decisionId, decisions.id))
    .where(and(eq(decisions.id, id), inScope(actor, cases.unitId, cases.orgId)));
  if (!row) throw notFound();
  return row;
}

export async function getDecision(ctx: Ctx, id: number): Promise<DecisionResponse> {
  const { d, pub } = await findDecision(ctx, ctx.db, id);
  return decisionView(d, pub);
}

/**
 * The document: whole for an officer who handles the case (it is served on the party), masked
 * for every other reader or when `masked` is asked for. A whole copy is recorded in the audit trail.
 */
export async function getDecisionDocument(ctx: Ctx, id: number, masked: boolean) {
  const actor = requireActor(ctx);
  const { d, c } = await findDecision(ctx, ctx.db, id);
  const whole = !masked && actor.permissions.has('case.write');
  const doc = await decisionDocument(ctx.db, { decision: d, caseRow: c, masked: !whole });
  if (whole)
    await ctx.db.transaction((tx) =>
      audit(tx, ctx, {
        action: 'case.document.download',
        targetType: 'case',
        targetId: c.id,
        summary: { decisionId: d.id, docNo: d.docNo },
      }),
    );
  return doc;
}

const DECISION_CHANGE_ACTION = {
  changed: 'case.decision.change',
  revoked: 'case.decision.revoke',
  confirmed_unlawful: 'case.decision.confirmUnlawful',
  confirmed_void: 'case.decision.confirmVoid',
} as const;

export async function changeDecision(
  ctx: Ctx,
  id: number,
  input: z.infer<typeof DecisionChangeRequest>,
): Promise<DecisionResponse> {
  return ctx.db.transaction(async (tx) => {
    const { d, c, pub } = await findDecision(ctx, tx, id);
    if (!requireActor(ctx).permissions.has('case.legal')) throw new AppError('FORBIDDEN');
    const res = await tx
      .update(decisions)
      .set({ status: input.status, statusChangedAt: new Date() })
      .where(and(eq(decisions.id, id), eq(decisions.status, 'effective')))
      .returning();
    if (res.length === 0) throw new AppError('CONFLICT', { status: 'case.decision.notEffective' });
    await requireWithdrawal(tx, ctx, id, input.reason, input.status);
    await audit(tx, ctx, {
      action: DECISION_CHANGE_ACTION[input.status],
      targetType: 'case',
      targetId: c.id,
      summary: { decisionId: id, docNo: d.docNo, reason: input.reason },
    });
    return decisionView(res[0]!, pub);
  });
}
