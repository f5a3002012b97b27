/**
 * Loading a year's State Council holiday notice: the days themselves, then every stored
 * statutory due date that was counted provisionally (暂定) on that year, or whose count ran
 * through it, counted again in the same transaction — stored, audited one by one, and, where the
 * date moved, put before the clock's owner (clock_moves → 待办) until they acknowledge it.
 */
import type { AuditTargetType, CalendarDay, ClockKind } from '@fazhi/common';
import { audit } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import { clockMoves } from '../../db/schema/index.ts';
import { type Ctx, systemCtx } from '../../http/context.ts';
import { caseClockKeeper } from '../cases/clock.ts';
import { forgetCalendar, loadYear } from '../platform/calendar.service.ts';
import { ClockBook, type ClockKeeper, type RecountedClock } from '../platform/clocks.ts';
import { publicationClockKeeper } from '../publicity/clock-keeper.ts';

/** Every module that stores statutory due dates. */
const KEEPERS: readonly ClockKeeper[] = [caseClockKeeper, publicationClockKeeper];

export interface NoticeLoaded {
  year: number;
  /** Clocks whose date or 暂定 flag changed. */
  recounted: number;
  /** Of those, clocks whose date moved (their owners are told). */
  moved: number;
}

const TARGET_TYPE: Record<ClockKind, AuditTargetType> = {
  case: 'case',
  proceeding: 'case',
  publication: 'publication',
  publication_withdraw: 'publication',
};

/**
 * `ctx` is the administrator who loads the notice; null for a reference-data step, whose records
 * are written as the system's. Runs inside the caller's transaction.
 */
export async function loadNotice(
  ctx: Ctx | null,
  tx: Queryable,
  input: { year: number; source: string; days: CalendarDay[] },
): Promise<NoticeLoaded> {
  await loadYear(ctx, tx, input);
  const book = await ClockBook.fresh(tx);
  const recounted: RecountedClock[] = [];
  for (const keeper of KEEPERS) recounted.push(...(await keeper.recount(tx, book, input.year)));
  const moved = recounted.filter((r) => r.before.due !== r.after.due);
  for (const r of recounted) {
    const as: Ctx = ctx ? { ...ctx, orgId: r.orgId } : systemCtx(tx, r.orgId);
    await audit(tx, as, {
      action: 'clock.recount',
      targetType: TARGET_TYPE[r.kind],
      targetId: r.kind === 'proceeding' ? r.caseId! : r.targetId,
      summary: {
        clock: r.kind,
        id: r.targetId,
        rule: r.rule,
        year: input.year,
        before: r.before,
        after: r.after,
      },
    });
  }
  if (moved.length)
    await tx.insert(clockMoves).values(
      moved.map((r) => ({
        ...{ orgId: r.orgId, clockKind: r.kind, targetId: r.targetId, caseId: r.caseId, unitId: r.unitId },
        ...{ officerId: r.officerId, rule: r.rule, calendarYear: input.year },
        ...{ dueBefore: r.before.due, dueAfter: r.after.due, provisionalAfter: r.after.provisional },
      })),
    );
  if (ctx)
    await audit(tx, ctx, {
      action: 'calendar.recount',
      targetType: 'calendar',
      targetId: input.year,
      summary: { recounted: recounted.length, moved: moved.length },
    });
  return { year: input.year, recounted: recounted.length, moved: moved.length };
}

/** The administrator's load: one transaction, then every instance reads the new calendar. */
export async function loadNoticeAudited(
  ctx: Ctx,
  input: { year: number; source: string; days: CalendarDay[] },
): Promise<NoticeLoaded> {
  const loaded = await ctx.db.transaction((tx) => loadNotice(ctx, tx, input));
  forgetCalendar(ctx.db);
  return loaded;
}
