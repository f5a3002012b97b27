/**
 * 待办 of the cases module: what waits at my review gate, my cases sent back to me, my cases whose
 * clock runs out within two days or has run out, and open proceedings due soon or overdue.
 */
import {
  addDays,
  CASE_STATUS_NAMES,
  chinaToday,
  GATE_NAMES,
  type Gate,
  PROCEEDING_KIND_NAMES,
  type ProceedingKind,
  say,
  type TaskResponse,
  TERMINAL_STATUSES,
} from '@fazhi/common';
import { and, eq, inArray, lte, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { rows } from '../../db/index.ts';
import { cases, proceedings, reviews } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { inScope } from '../platform/scope.ts';
import { registerTaskProvider } from '../platform/tasks.service.ts';
import { myGateCondition } from './cases.service.ts';

const LIMIT = 100;

type Part = 'gate' | 'output' | 'clock' | 'returned' | 'proceeding';
interface Row {
  part: Part;
  ord: number;
  id: number;
  no: string;
  title: string | null;
  gate: string | null;
  status: string | null;
  due: string | null;
  reasons: string | null;
  caseId: number | null;
  kind: string | null;
}

/**
 * One part of the 待办 query: its first LIMIT rows in its own order (numbered by `ord`), in the
 * columns every part shares. Values a part lacks are typed nulls, so the parts can be unioned.
 */
function part(
  name: Part,
  order: SQL,
  cols: {
    id: SQL;
    no: SQL;
    title?: SQL;
    gate?: SQL;
    status?: SQL;
    due?: SQL;
    reasons?: SQL;
    caseId?: SQL;
    kind?: SQL;
  },
  from: SQL,
  where: SQL | undefined,
): SQL {
  // `name` is one of the fixed Part names, so it is spelled into the statement as a literal.
  return sql`(select ${sql.raw(`'${name}'`)}::text as part, row_number() over (order by ${order}) as ord, ${cols.id} as id,
                     ${cols.no} as no, ${cols.title ?? sql`null::text`} as title,
                     ${cols.gate ?? sql`null::text`} as gate, ${cols.status ?? sql`null::text`} as status,
                     ${cols.due ?? sql`null::date`} as due, ${cols.reasons ?? sql`null::text`} as reasons,
                     ${cols.caseId ?? sql`null::bigint`} as "caseId", ${cols.kind ?? sql`null::text`} as kind
              from ${from} where ${where ?? sql`true`} order by ${order} limit ${LIMIT})`;
}

export async function caseTasks(ctx: Ctx): Promise<TaskResponse[]> {
  const actor = requireActor(ctx);
  if (!actor.permissions.has('case.read')) return [];
  const today = chinaToday();
  const soon = addDays(today, 2);
  const zh = (m: { zh: string; en: string }) => say(m, ctx.locale);
  const scope = inScope(actor, cases.unitId, cases.orgId);
  const mine = or(
    eq(cases.leadOfficerId, actor.officerId),
    sql`${actor.officerId} = any(${cases.coOfficerIds})`,
  )!;
  const base = { id: sql`${cases.id}`, no: sql`${cases.caseNo}`, title: sql`${cases.title}` };

  // Every list in one statement (a union of independent parts): one round trip for the module.
  const parts: SQL[] = [];
  const gate = await myGateCondition(ctx, ctx.db);
  if (gate)
    parts.push(
      part(
        'gate',
        sql`${cases.updatedAt}`,
        { ...base, gate: sql`${cases.currentGate}`, due: sql`${cases.clockDue}` },
        sql`${cases}`,
        and(scope, gate),
      ),
    );
  // 两统一: approved criminal cases wait for the legal detachment to decide and output them.
  if (actor.permissions.has('case.legal'))
    parts.push(
      part(
        'output',
        sql`${cases.id}`,
        base,
        sql`${cases}`,
        and(eq(cases.orgId, actor.orgId), eq(cases.caseType, 'criminal'), eq(cases.status, 'approved')),
      ),
    );
  if (actor.permissions.has('case.write')) {
    parts.push(
      part(
        'clock',
        sql`${cases.clockDue}`,
        { ...base, status: sql`${cases.status}`, due: sql`${cases.clockDue}` },
        sql`${cases}`,
        and(
          eq(cases.orgId, actor.orgId),
          // Found through cases(org_id, clock_due): only running clocks have a due date (a case
          // leaving the workflow clears it), so this reads the clocks due soon, not the year.
          lte(cases.clockDue, soon),
          notInArray(cases.status, [...TERMINAL_STATUSES]),
          mine,
        ),
      ),
    );
    parts.push(
      part(
        'returned',
        sql`${reviews.id} desc`,
        { ...base, reasons: sql`${reviews.reasons}` },
        sql`${cases} inner join ${reviews} on ${reviews.caseId} = ${cases.id} and ${reviews.round} = ${cases.reviewRound}`,
        and(
          eq(cases.orgId, actor.orgId),
          eq(cases.leadOfficerId, actor.officerId),
          eq(cases.status, 'investigating'),
          inArray(reviews.outcome, ['send_back', 'disagree']),
        ),
      ),
    );
  }
  // Proceedings: the handling officer's own cases, or every case for the legal detachment.
  parts.push(
    part(
      'proceeding',
      sql`${proceedings.dueOn}`,
      {
        id: sql`${proceedings.id}`,
        no: sql`${cases.caseNo}`,
        due: sql`${proceedings.dueOn}`,
        caseId: sql`${cases.id}`,
        kind: sql`${proceedings.kind}`,
      },
      sql`${proceedings} inner join ${cases} on ${cases.id} = ${proceedings.caseId}`,
      and(
        actor.permissions.has('case.legal') ? scope : and(scope, mine),
        eq(proceedings.orgId, actor.orgId),
        eq(proceedings.status, 'open'),
        lte(proceedings.dueOn, soon),
      ),
    ),
  );
  const found = await rows<Row>(ctx.db, sql.join(parts, sql` union all `));
  const of = (p: Part) => found.filter((r) => r.part === p).sort((a, b) => Number(a.ord) - Number(b.ord));

  const out: TaskResponse[] = [];
  for (const w of of('gate'))
    out.push({
      id: `case.gate.${w.id}`,
      module: 'cases',
      title: zh({ zh: `审核 ${w.no} ${w.title}`, en: `Review ${w.no} ${w.title}` }),
      detail: zh({
        zh: `待${GATE_NAMES[w.gate as Gate].zh}审核`,
        en: `Waiting at ${GATE_NAMES[w.gate as Gate].en}`,
      }),
      due: w.due,
      severity: w.due && w.due < today ? 'overdue' : w.due && w.due <= soon ? 'warning' : 'info',
      link: `/cases/${w.id}`,
    });
  for (const r of of('output'))
    out.push({
      id: `case.output.${r.id}`,
      module: 'cases',
      title: zh({ zh: `统一出口 ${r.no} ${r.title}`, en: `Decide and output ${r.no} ${r.title}` }),
      detail: zh({ zh: '审核通过，待法制支队统一出口', en: 'Approved; the legal detachment outputs it' }),
      due: null,
      severity: 'info',
      link: `/cases/${r.id}`,
    });
  for (const d of of('clock')) {
    const name = CASE_STATUS_NAMES[d.status as keyof typeof CASE_STATUS_NAMES];
    out.push({
      id: `case.clock.${d.id}`,
      module: 'cases',
      title: zh({ zh: `${d.no} ${d.title}`, en: `${d.no} ${d.title}` }),
      detail: zh(
        d.due! < today
          ? { zh: `${name.zh}已超期`, en: `${name.en}: overdue` }
          : { zh: `${name.zh}将于 ${d.due} 到期`, en: `${name.en}: due ${d.due}` },
      ),
      due: d.due,
      severity: d.due! < today ? 'overdue' : 'warning',
      link: `/cases/${d.id}`,
    });
  }
  for (const r of of('returned'))
    out.push({
      id: `case.returned.${r.id}`,
      module: 'cases',
      title: zh({ zh: `退回补充 ${r.no} ${r.title}`, en: `Sent back: ${r.no} ${r.title}` }),
      detail: r.reasons,
      due: null,
      severity: 'warning',
      link: `/cases/${r.id}`,
    });
  for (const p of of('proceeding')) {
    const kind = p.kind ?? '';
    const name = PROCEEDING_KIND_NAMES[kind as ProceedingKind] ?? { zh: kind, en: kind };
    out.push({
      id: `case.proceeding.${p.id}`,
      module: 'cases',
      title: zh({ zh: `${p.no} ${name.zh}`, en: `${p.no} ${name.en}` }),
      detail: zh(
        p.due! < today ? { zh: '已超期', en: 'Overdue' } : { zh: `将于 ${p.due} 到期`, en: `Due ${p.due}` },
      ),
      due: p.due,
      severity: p.due! < today ? 'overdue' : 'warning',
      link: `/cases/${p.caseId}`,
    });
  }
  return out;
}

registerTaskProvider(caseTasks);
