/**
 * 待办 of 数据填报: for a department (submission.fill), its open forms — late ones first and as
 * overdue, reminded ones saying so, returned ones with the reason; for the detachment
 * (report.manage), signed forms waiting for review.
 */
import { chinaToday, say, type TaskResponse } from '@fazhi/common';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { collectionRounds, submissions, units } from '../../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../../http/context.ts';
import { registerTaskProvider } from '../../platform/tasks.service.ts';
import { isLate } from './common.ts';

const SHOWN = 20;

export async function submissionTasks(ctx: Ctx): Promise<TaskResponse[]> {
  const actor = requireActor(ctx);
  const fills = actor.permissions.has('submission.fill');
  const reviews = actor.permissions.has('report.manage');
  if (!fills && !reviews) return [];
  const today = chinaToday();
  const base = () =>
    ctx.db
      .select({
        id: submissions.id,
        status: submissions.status,
        remindedAt: submissions.remindedAt,
        returnReason: submissions.returnReason,
        title: collectionRounds.title,
        dueOn: collectionRounds.dueOn,
        roundStatus: collectionRounds.status,
        unitName: units.name,
      })
      .from(submissions)
      .innerJoin(collectionRounds, eq(collectionRounds.id, submissions.roundId))
      .innerJoin(units, eq(units.id, submissions.unitId));
  const out: TaskResponse[] = [];

  if (fills) {
    const rows = await base()
      .where(
        and(
          eq(submissions.orgId, actor.orgId),
          eq(submissions.unitId, actor.unitId),
          eq(collectionRounds.status, 'open'),
          inArray(submissions.status, ['draft', 'returned']),
        ),
      )
      .orderBy(asc(collectionRounds.dueOn), asc(submissions.id))
      .limit(SHOWN);
    for (const r of rows) {
      const late = isLate(r, today);
      out.push({
        id: `reports.submission.${r.id}`,
        module: 'reports',
        title: say(
          r.status === 'returned'
            ? { zh: `数据填报被退回：${r.title}`, en: `Submission returned: ${r.title}` }
            : late
              ? { zh: `数据填报已逾期：${r.title}`, en: `Submission overdue: ${r.title}` }
              : { zh: `数据填报待完成：${r.title}`, en: `Submission to fill: ${r.title}` },
          ctx.locale,
        ),
        detail:
          r.status === 'returned'
            ? r.returnReason
            : r.remindedAt
              ? say({ zh: '法制支队已催报', en: 'The legal detachment sent a reminder' }, ctx.locale)
              : null,
        due: r.dueOn,
        severity: late ? 'overdue' : r.status === 'returned' ? 'warning' : 'info',
        link: `/submissions/${r.id}`,
      });
    }
  }

  if (reviews) {
    const rows = await base()
      .where(
        and(
          eq(submissions.orgId, actor.orgId),
          eq(collectionRounds.status, 'open'),
          eq(submissions.status, 'signed'),
        ),
      )
      .orderBy(asc(submissions.signedAt), asc(submissions.id))
      .limit(SHOWN);
    for (const r of rows)
      out.push({
        id: `reports.review.${r.id}`,
        module: 'reports',
        title: say(
          { zh: `填报数据待审核：${r.unitName}`, en: `Submission to review: ${r.unitName}` },
          ctx.locale,
        ),
        detail: r.title,
        due: r.dueOn,
        severity: 'warning',
        link: `/submissions/${r.id}`,
      });
  }
  return out;
}

registerTaskProvider(submissionTasks);
