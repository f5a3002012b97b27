import { chinaToday, say, type TaskResponse } from '@fazhi/common';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/index.ts';
import { decisions, publications } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { loadCalendar } from '../platform/calendar.service.ts';
import { inScope } from '../platform/scope.ts';
import { registerTaskProvider } from '../platform/tasks.service.ts';
import { dueSoonLimit } from './publications.service.ts';

const SHOWN = 3;
type Kind = 'overdue' | 'dueSoon' | 'withdraw';

/**
 * 待办 of whoever publishes: tasks past due, tasks due within 2 working days, and published
 * decisions that were changed or revoked and must come down. One entry per kind, naming the
 * first few decision numbers, so a backlog does not bury everything else in the list.
 */
export async function publicityTasks(ctx: Ctx): Promise<TaskResponse[]> {
  const actor = requireActor(ctx);
  if (!actor.permissions.has('publicity.publish')) return [];
  const today = chinaToday();
  const soon = dueSoonLimit(await loadCalendar(ctx.db), today);
  const scope = inScope(actor, publications.unitId, publications.orgId);

  // One statement for the three kinds: each kind's count and its first SHOWN decisions (by due
  // date), so a backlog of thousands is counted in the database instead of shipped here.
  const found = await rows<{ kind: Kind; docNo: string; due: string; n: number }>(
    ctx.db,
    sql`select kind, doc_no as "docNo", due, n from (
          select k.kind, ${decisions.docNo}, k.due, count(*) over w as n,
                 row_number() over (w order by k.due, ${publications.id}) as i
          from ${publications}
          inner join ${decisions} on ${decisions.id} = ${publications.decisionId}
          cross join lateral (
            select case when ${publications.status} = 'pending' and ${publications.dueOn} < ${today} then 'overdue'
                        when ${publications.status} = 'pending' then 'dueSoon'
                        else 'withdraw' end as kind,
                   case when ${publications.status} = 'pending' then ${publications.dueOn}
                        else ${publications.withdrawDueOn} end as due
          ) k
          where ${scope}
            and ((${publications.status} = 'pending' and ${publications.dueOn} <= ${soon})
              or (${publications.status} = 'published' and ${publications.withdrawDueOn} is not null))
          window w as (partition by k.kind)
        ) x
        where i <= ${SHOWN}
        order by kind, i`,
  );
  const of = (kind: Kind) => {
    const list = found.filter((r) => r.kind === kind);
    return { n: Number(list[0]?.n ?? 0), first: list[0]?.due ?? null, docs: list.map((r) => r.docNo) };
  };
  const overdue = of('overdue');
  const dueSoon = of('dueSoon');
  const withdraw = of('withdraw');
  const docs = (k: { n: number; docs: string[] }) => k.docs.join('、') + (k.n > SHOWN ? ' …' : '');

  const out: TaskResponse[] = [];
  if (overdue.n)
    out.push({
      id: 'publicity.overdue',
      module: 'openness',
      title: say(
        {
          zh: `${overdue.n} 项执法决定已超过公示期限`,
          en: `${overdue.n} decisions are past their publicity deadline`,
        },
        ctx.locale,
      ),
      detail: docs(overdue),
      due: overdue.first,
      severity: 'overdue',
      link: '/publicity?overdue=true',
    });
  if (dueSoon.n)
    out.push({
      id: 'publicity.dueSoon',
      module: 'openness',
      title: say(
        {
          zh: `${dueSoon.n} 项执法决定须在 2 个工作日内公示`,
          en: `${dueSoon.n} decisions must be published within 2 working days`,
        },
        ctx.locale,
      ),
      detail: docs(dueSoon),
      due: dueSoon.first,
      severity: 'warning',
      link: '/publicity?dueSoon=true',
    });
  if (withdraw.n) {
    const first = withdraw.first!;
    out.push({
      id: 'publicity.withdraw',
      module: 'openness',
      title: say(
        {
          zh: `${withdraw.n} 项已变更或撤销的决定须撤回公示`,
          en: `${withdraw.n} changed or revoked decisions must be withdrawn from publicity`,
        },
        ctx.locale,
      ),
      detail: docs(withdraw),
      due: first,
      severity: first < today ? 'overdue' : 'warning',
      link: '/publicity?mustWithdraw=true',
    });
  }
  return out;
}

registerTaskProvider(publicityTasks);
