import { addDays, chinaToday, say, type TaskResponse } from '@fazhi/common';
import { and, eq, sql } from 'drizzle-orm';
import { callbacks, cameraChecks } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { inScope } from '../platform/scope.ts';
import { registerTaskProvider } from '../platform/tasks.service.ts';
import { previousDay } from './daily.ts';

/** A follow-up due within this many days is shown as a warning, later ones as information. */
const FOLLOW_UP_WARN_DAYS = 2;

/**
 * 待办 of the daily checks: the command centre's body-camera checks still to do (yesterday's
 * sample, and any older ones left pending), the inspectorate's call-backs to make and the
 * 二次查办 running late, and a unit's open 二次查办 with the nearest due date.
 */
export async function checkTasks(ctx: Ctx): Promise<TaskResponse[]> {
  const actor = requireActor(ctx);
  const today = chinaToday();
  const yesterday = previousDay(today);
  const out: TaskResponse[] = [];

  if (actor.permissions.has('camera.check')) {
    const [c] = await ctx.db
      .select({
        today: sql<number>`(count(*) filter (where ${cameraChecks.sampleDay} = ${yesterday}))::int`,
        older: sql<number>`(count(*) filter (where ${cameraChecks.sampleDay} < ${yesterday}))::int`,
        oldest: sql<string | null>`min(${cameraChecks.sampleDay})::text`,
      })
      .from(cameraChecks)
      .where(
        and(inScope(actor, cameraChecks.unitId, cameraChecks.orgId), eq(cameraChecks.result, 'pending')),
      );
    if (c?.today)
      out.push({
        id: 'camera.today',
        module: 'supervision',
        title: say(
          {
            zh: `今日执法记录仪抽查：${c.today} 起警情待核查`,
            en: `Today's body-camera check: ${c.today} incidents to check`,
          },
          ctx.locale,
        ),
        detail: say({ zh: `${yesterday} 的警情`, en: `Incidents of ${yesterday}` }, ctx.locale),
        due: today,
        severity: 'warning',
        link: `/checks/camera?day=${yesterday}`,
      });
    if (c?.older)
      out.push({
        id: 'camera.older',
        module: 'supervision',
        title: say(
          {
            zh: `${c.older} 起往日抽查警情尚未核查`,
            en: `${c.older} sampled incidents of earlier days are still unchecked`,
          },
          ctx.locale,
        ),
        detail: c.oldest,
        due: c.oldest ? addDays(c.oldest, 1) : null,
        severity: 'overdue',
        link: c.oldest ? `/checks/camera?day=${c.oldest}` : '/checks/camera',
      });
  }

  if (actor.permissions.has('callback.perform')) {
    const [c] = await ctx.db
      .select({
        pending: sql<number>`(count(*) filter (where ${callbacks.status} = 'pending'))::int`,
        burglary: sql<number>`(count(*) filter (where ${callbacks.status} = 'pending' and ${callbacks.reason} = 'burglary'))::int`,
        oldest: sql<
          string | null
        >`(min(${callbacks.createdOn}) filter (where ${callbacks.status} = 'pending'))::text`,
        lateFollowUps: sql<number>`(count(*) filter (where ${callbacks.followUpStatus} = 'open' and ${callbacks.followUpDueOn} < ${today}))::int`,
      })
      .from(callbacks)
      .where(inScope(actor, callbacks.unitId, callbacks.orgId));
    if (c?.pending)
      out.push({
        id: 'callback.pending',
        module: 'supervision',
        title: say(
          { zh: `${c.pending} 条民意回访待完成`, en: `${c.pending} call-backs to make` },
          ctx.locale,
        ),
        detail: say(
          { zh: `其中入室盗窃 ${c.burglary} 条`, en: `${c.burglary} of them burglaries` },
          ctx.locale,
        ),
        due: c.oldest,
        // Calls still open three days after the task was made are late (the caller forgets).
        severity: c.oldest && c.oldest < addDays(today, -2) ? 'overdue' : 'warning',
        link: '/checks/callbacks?status=pending',
      });
    if (c?.lateFollowUps)
      out.push({
        id: 'callback.followUpsLate',
        module: 'supervision',
        title: say(
          {
            zh: `${c.lateFollowUps} 件不满意回访的二次查办已超期`,
            en: `${c.lateFollowUps} second handlings of dissatisfied call-backs are overdue`,
          },
          ctx.locale,
        ),
        detail: null,
        due: null,
        severity: 'overdue',
        link: '/checks/callbacks?followUp=overdue',
      });
  }

  if (actor.permissions.has('supervision.answer')) {
    const open = and(inScope(actor, callbacks.unitId, callbacks.orgId), eq(callbacks.followUpStatus, 'open'));
    const [c] = await ctx.db
      .select({
        n: sql<number>`count(*)::int`,
        late: sql<number>`(count(*) filter (where ${callbacks.followUpDueOn} < ${today}))::int`,
        first: sql<string | null>`min(${callbacks.followUpDueOn})::text`,
      })
      .from(callbacks)
      .where(open);
    if (c?.n) {
      const first = c.first;
      out.push({
        id: 'callback.followUps',
        module: 'supervision',
        title: say(
          {
            zh: `${c.n} 件不满意回访须二次查办${c.late ? `（${c.late} 件已超期）` : ''}`,
            en: `${c.n} dissatisfied call-backs need a second handling${c.late ? ` (${c.late} overdue)` : ''}`,
          },
          ctx.locale,
        ),
        detail: first ? say({ zh: `最早 ${first} 到期`, en: `First due ${first}` }, ctx.locale) : null,
        due: first,
        severity: c.late
          ? 'overdue'
          : first && first <= addDays(today, FOLLOW_UP_WARN_DAYS)
            ? 'warning'
            : 'info',
        link: c.late ? '/checks/follow-ups?followUp=overdue' : '/checks/follow-ups?followUp=open',
      });
    }
  }
  return out;
}

registerTaskProvider(checkTasks);
