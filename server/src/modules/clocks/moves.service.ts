/**
 * Due dates moved by a holiday notice: each stays in its owner's 待办 until acknowledged. A case's
 * clocks belong to its lead officer; a publication's to the publishers of its unit.
 */
import { CLOCK_KIND_NAMES, type ClockKind, LEGAL_RULES, say, type TaskResponse } from '@fazhi/common';
import { and, desc, eq, isNull, or, type SQL } from 'drizzle-orm';
import { audit } from '../../audit/record.ts';
import { cases, clockMoves } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { inScope } from '../platform/scope.ts';
import { registerTaskProvider } from '../platform/tasks.service.ts';

const SHOWN = 50;

/** The moves this user owns, not yet acknowledged. */
function mine(ctx: Ctx): SQL {
  const actor = requireActor(ctx);
  const owned: SQL[] = [eq(clockMoves.officerId, actor.officerId)];
  if (actor.permissions.has('publicity.publish'))
    owned.push(and(isNull(clockMoves.officerId), inScope(actor, clockMoves.unitId, clockMoves.orgId))!);
  return and(eq(clockMoves.orgId, actor.orgId), isNull(clockMoves.acknowledgedAt), or(...owned))!;
}

const ruleName = (code: string) => [...LEGAL_RULES].reverse().find((r) => r.code === code);

export async function clockMoveTasks(ctx: Ctx): Promise<TaskResponse[]> {
  const found = await ctx.db
    .select({ m: clockMoves, caseNo: cases.caseNo })
    .from(clockMoves)
    .leftJoin(cases, eq(cases.id, clockMoves.caseId))
    .where(mine(ctx))
    .orderBy(desc(clockMoves.id))
    .limit(SHOWN);
  return found.map(({ m, caseNo }) => {
    const rule = ruleName(m.rule);
    const what = rule ? { zh: rule.nameZh, en: rule.nameEn } : CLOCK_KIND_NAMES[m.clockKind as ClockKind];
    const after = m.provisionalAfter
      ? { zh: `${m.dueAfter}（暂定）`, en: `${m.dueAfter} (provisional)` }
      : { zh: m.dueAfter, en: m.dueAfter };
    return {
      id: `clock.${m.id}`,
      module: 'cases',
      title: say(
        { zh: `期限已调整：${caseNo ?? ''} ${what.zh}`, en: `Deadline moved: ${caseNo ?? ''} ${what.en}` },
        ctx.locale,
      ),
      detail: say(
        {
          zh: `载入 ${m.calendarYear} 年节假日安排后，由 ${m.dueBefore}（暂定）改为 ${after.zh}`,
          en: `The ${m.calendarYear} holiday notice moved it from ${m.dueBefore} (provisional) to ${after.en}`,
        },
        ctx.locale,
      ),
      due: m.dueAfter,
      severity: 'warning' as const,
      link: m.clockKind.startsWith('publication') ? '/publicity' : `/cases/${m.caseId}`,
      dismiss: `/api/clock-moves/${m.id}/acknowledge`,
    };
  });
}

registerTaskProvider(clockMoveTasks);

/** The owner has seen the new date: it leaves their 待办. */
export async function acknowledgeMove(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [m] = await tx
      .update(clockMoves)
      .set({ acknowledgedAt: new Date(), acknowledgedBy: requireActor(ctx).officerId })
      .where(and(eq(clockMoves.id, id), mine(ctx)))
      .returning();
    if (!m) throw notFound();
    await audit(tx, ctx, {
      action: 'clock.acknowledge',
      targetType: m.clockKind.startsWith('publication') ? 'publication' : 'case',
      targetId: m.clockKind.startsWith('publication') ? m.targetId : m.caseId!,
      summary: { move: m.id, clock: m.clockKind, before: m.dueBefore, after: m.dueAfter },
    });
  });
}
