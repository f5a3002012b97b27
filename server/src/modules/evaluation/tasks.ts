import { quarterLabel, say, type TaskResponse } from '@fazhi/common';
import { and, eq, sql } from 'drizzle-orm';
import { evaluationRounds, evaluationSamples, selfInspections } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { inScope } from '../platform/scope.ts';
import { registerTaskProvider } from '../platform/tasks.service.ts';

/**
 * 待办 of quality evaluation: the detachment's unscored samples and undecided disputes of open
 * rounds; a unit's scored samples it may still dispute, and its self-inspection problems not yet
 * rectified.
 */
export async function evaluationTasks(ctx: Ctx): Promise<TaskResponse[]> {
  const actor = requireActor(ctx);
  const manage = actor.permissions.has('evaluation.manage');
  const answer = actor.permissions.has('supervision.answer');
  if (!manage && !answer) return [];
  const out: TaskResponse[] = [];
  const n = (status: string) =>
    sql<number>`(count(*) filter (where ${evaluationSamples.status} = ${status}))::int`;
  const open = await ctx.db
    .select({
      id: evaluationRounds.id,
      year: evaluationRounds.year,
      quarter: evaluationRounds.quarter,
      pending: n('pending'),
      scored: n('scored'),
      disputed: n('disputed'),
    })
    .from(evaluationSamples)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, evaluationSamples.roundId))
    .where(
      and(
        eq(evaluationRounds.status, 'scoring'),
        inScope(actor, evaluationSamples.unitId, evaluationSamples.orgId),
      ),
    )
    .groupBy(evaluationRounds.id, evaluationRounds.year, evaluationRounds.quarter);
  for (const r of open) {
    const period = quarterLabel(r.year, r.quarter);
    const link = `/evaluation/rounds/${r.id}`;
    if (manage && r.pending)
      out.push({
        id: `evaluation.unscored.${r.id}`,
        module: 'evaluation',
        title: say(
          {
            zh: `${period} 执法质量考评：${r.pending} 件抽查案件待评分`,
            en: `${period} evaluation: ${r.pending} sampled cases to score`,
          },
          ctx.locale,
        ),
        detail: null,
        due: null,
        severity: 'info',
        link,
      });
    if (manage && r.disputed)
      out.push({
        id: `evaluation.disputes.${r.id}`,
        module: 'evaluation',
        title: say(
          {
            zh: `${period} 执法质量考评：${r.disputed} 项评分异议待处理`,
            en: `${period} evaluation: ${r.disputed} score disputes to decide`,
          },
          ctx.locale,
        ),
        detail: null,
        due: null,
        severity: 'warning',
        link,
      });
    if (!manage && answer && r.scored)
      out.push({
        id: `evaluation.scored.${r.id}`,
        module: 'evaluation',
        title: say(
          {
            zh: `${period} 执法质量考评：本单位 ${r.scored} 件案件已评分，如有异议请在发布前提出`,
            en: `${period} evaluation: ${r.scored} of your cases are scored; dispute before publication`,
          },
          ctx.locale,
        ),
        detail: null,
        due: null,
        severity: 'info',
        link,
      });
  }
  if (answer) {
    const [si] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(selfInspections)
      .where(
        and(
          eq(selfInspections.status, 'open'),
          inScope(actor, selfInspections.unitId, selfInspections.orgId),
        ),
      );
    if (si?.n)
      out.push({
        id: 'evaluation.selfInspections',
        module: 'evaluation',
        title: say(
          {
            zh: `${si.n} 份办案区自查发现的问题待整改`,
            en: `${si.n} case-area self-inspections have problems to fix`,
          },
          ctx.locale,
        ),
        detail: null,
        due: null,
        severity: 'warning',
        link: '/evaluation/self-inspections?status=open',
      });
  }
  return out;
}

registerTaskProvider(evaluationTasks);
