import { chinaToday } from '@fazhi/common';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { decisions, publications } from '../../db/schema/index.ts';
import { touches } from '../cases/clock.ts';
import { type ClockKeeper, changed, type RecountedClock } from '../platform/clocks.ts';

/**
 * Publicity clocks: a pending task's 7 / 20 working days from the decision, and a published
 * decision's withdrawal after it was changed or revoked. The unit's publishers own them.
 */
export const publicationClockKeeper: ClockKeeper = {
  async recount(tx, book, year) {
    const out: RecountedClock[] = [];
    const owner = (p: typeof publications.$inferSelect) => ({
      ...{ orgId: p.orgId, targetId: p.id, caseId: p.caseId, unitId: p.unitId, officerId: null },
    });
    const pending = await tx
      .select({ p: publications, decidedAt: decisions.decidedAt })
      .from(publications)
      .innerJoin(decisions, eq(decisions.id, publications.decisionId))
      .where(
        and(
          eq(publications.status, 'pending'),
          touches(
            year,
            sql`(${decisions.decidedAt} at time zone 'Asia/Shanghai')::date`,
            publications.dueOn,
            publications.dueProvisional,
          ),
        ),
      );
    for (const { p, decidedAt } of pending) {
      const before = { due: p.dueOn, provisional: p.dueProvisional };
      const after = book.due(p.clockRule, chinaToday(decidedAt));
      if (!changed(before, after)) continue;
      await tx
        .update(publications)
        .set({ dueOn: after.due, dueProvisional: after.provisional })
        .where(eq(publications.id, p.id));
      out.push({ ...owner(p), kind: 'publication', rule: p.clockRule, before, after });
    }
    const withdrawing = await tx
      .select()
      .from(publications)
      .where(
        and(
          eq(publications.status, 'published'),
          isNull(publications.withdrawnAt),
          isNotNull(publications.withdrawStartedOn),
          isNotNull(publications.withdrawDueOn),
        ),
      );
    for (const p of withdrawing) {
      const before = { due: p.withdrawDueOn!, provisional: p.withdrawDueProvisional };
      const after = book.due('publicity_withdraw', p.withdrawStartedOn!);
      if (!changed(before, after)) continue;
      await tx
        .update(publications)
        .set({ withdrawDueOn: after.due, withdrawDueProvisional: after.provisional })
        .where(eq(publications.id, p.id));
      out.push({ ...owner(p), kind: 'publication_withdraw', rule: 'publicity_withdraw', before, after });
    }
    return out;
  },
};
