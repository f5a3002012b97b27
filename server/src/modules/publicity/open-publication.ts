import {
  chinaToday,
  type DecisionKind,
  exclusionReason,
  publicityRule,
  type WithdrawingDecisionStatus,
} from '@fazhi/common';
import { eq } from 'drizzle-orm';
import { audit } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import { decisions, publications } from '../../db/schema/index.ts';
import type { Ctx } from '../../http/context.ts';
import { clockDue } from '../platform/clocks.ts';
import { decisionExclusions } from './exclusions.ts';

/**
 * Called by the cases module inside the transaction that issues a decision: a penalty or
 * licence decision is due for publicity in 7 working days, another enforcement decision in 20.
 * Criminal decisions are not published. Returns the publication id, or null.
 *
 * A decision the law keeps off the portal (a minor, a privacy category, sealed 治安 records …)
 * still gets its task, closed at once as 不予公开 with the grounds: the unit's legal officer sees
 * in the publicity list that it was weighed and why it is not out, instead of a missing row.
 */
export async function openPublication(
  tx: Queryable,
  ctx: Ctx,
  d: { decisionId: number; caseId: number; unitId: number; kind: DecisionKind; decidedOn: string },
): Promise<number | null> {
  const rule = publicityRule(d.kind);
  if (!rule) return null;
  const due = await clockDue(tx, rule, d.decidedOn);
  const [decision] = await tx.select().from(decisions).where(eq(decisions.id, d.decisionId));
  const excluded = decision ? await decisionExclusions(tx, decision) : [];
  const reason = excluded.length ? exclusionReason(excluded) : null;
  const [row] = await tx
    .insert(publications)
    .values({
      orgId: ctx.orgId,
      decisionId: d.decisionId,
      caseId: d.caseId,
      unitId: d.unitId,
      clockRule: rule,
      dueOn: due.due,
      dueProvisional: due.provisional,
      ...(reason ? { status: 'withdrawn', withdrawnAt: new Date(), withdrawReason: reason } : {}),
    })
    .returning({ id: publications.id });
  if (reason) {
    await audit(tx, ctx, {
      action: 'publicity.close',
      targetType: 'publication',
      targetId: row!.id,
      summary: { decisionId: d.decisionId, rule, reason, exclusions: excluded.map((f) => f.code) },
    });
    return row!.id;
  }
  await audit(tx, ctx, {
    action: 'publicity.open',
    targetType: 'publication',
    targetId: row!.id,
    summary: { decisionId: d.decisionId, rule, dueOn: due.due, provisional: due.provisional },
  });
  return row!.id;
}

/**
 * A decision was changed, revoked, confirmed unlawful or confirmed void
 * (WITHDRAWING_DECISION_STATUSES): a published decision must come down within 3 working days
 * (`publicity_withdraw`, chosen by the day the clock starts); an unpublished task is closed at
 * once, nothing having gone out. `status` is recorded in the audit summary.
 */
export async function requireWithdrawal(
  tx: Queryable,
  ctx: Ctx,
  decisionId: number,
  reason: string,
  status?: WithdrawingDecisionStatus,
): Promise<void> {
  const [pub] = await tx.select().from(publications).where(eq(publications.decisionId, decisionId));
  if (!pub || pub.status === 'withdrawn') return;
  if (pub.status === 'pending') {
    await tx
      .update(publications)
      .set({ status: 'withdrawn', withdrawnAt: new Date(), withdrawReason: reason })
      .where(eq(publications.id, pub.id));
    await audit(tx, ctx, {
      action: 'publicity.close',
      targetType: 'publication',
      targetId: pub.id,
      summary: { reason, ...(status ? { status } : {}) },
    });
    return;
  }
  // A second change before the withdrawal keeps the first deadline: the clock started then.
  const startedOn = pub.withdrawStartedOn ?? chinaToday();
  const due = pub.withdrawDueOn
    ? { due: pub.withdrawDueOn, provisional: pub.withdrawDueProvisional }
    : await clockDue(tx, 'publicity_withdraw', startedOn);
  await tx
    .update(publications)
    .set({
      withdrawStartedOn: startedOn,
      withdrawDueOn: due.due,
      withdrawDueProvisional: due.provisional,
      withdrawReason: reason,
    })
    .where(eq(publications.id, pub.id));
  await audit(tx, ctx, {
    action: 'publicity.withdrawalRequired',
    targetType: 'publication',
    targetId: pub.id,
    summary: { reason, ...(status ? { status } : {}), withdrawDueOn: due.due, provisional: due.provisional },
  });
}
