/**
 * 待办 of the cases module, driven by the workflow table: every case waits for someone in every
 * status that is not an end (`waitingFor`), and that someone has it in their 待办 — the handling
 * officer (受案审查, 调查取证, 作出决定, 结案 …), the reviewer at the current gate, the legal
 * detachment (两统一, procuratorate feedback) — with its clock, plus the open side proceedings
 * (not-filed notice to serve, 复议 / 复核 to decide, replies to the procuratorate).
 */
import {
  type Actor,
  actorOf,
  addDays,
  CASE_ACTION_NAMES,
  CASE_STATUS_NAMES,
  CASE_TYPES,
  type CaseStatus,
  type CaseType,
  chinaToday,
  type DecisionKind,
  GATE_NAMES,
  type Gate,
  nextActions,
  PROCEEDING_KIND_NAMES,
  type ProceedingKind,
  say,
  type TaskResponse,
  transition,
  waitsFor,
} from '@fazhi/common';
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { rows } from '../../db/index.ts';
import { cases, proceedings, reviews } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { inScope } from '../platform/scope.ts';
import { registerTaskProvider } from '../platform/tasks.service.ts';
import { myGateCondition } from './cases.service.ts';

const LIMIT = 100;

type Part = 'gate' | 'handler' | 'legal' | 'branch_head' | 'proceeding';
interface Row {
  part: Part;
  ord: number;
  id: number;
  no: string;
  title: string | null;
  caseType: CaseType | null;
  gate: string | null;
  status: string | null;
  due: string | null;
  provisional: boolean | null;
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
  cols: Partial<Record<Exclude<keyof Row, 'part' | 'ord'>, SQL>> & { id: SQL; no: SQL },
  from: SQL,
  where: SQL | undefined,
): SQL {
  const col = (k: keyof typeof cols, type: string) => cols[k] ?? sql.raw(`null::${type}`);
  // `name` is one of the fixed Part names, so it is spelled into the statement as a literal.
  return sql`(select ${sql.raw(`'${name}'`)}::text as part, row_number() over (order by ${order}) as ord,
                     ${cols.id} as id, ${cols.no} as no, ${col('title', 'text')} as title,
                     ${col('caseType', 'text')} as "caseType", ${col('gate', 'text')} as gate,
                     ${col('status', 'text')} as status, ${col('due', 'date')} as due,
                     ${col('provisional', 'boolean')} as provisional, ${col('reasons', 'text')} as reasons,
                     ${col('caseId', 'bigint')} as "caseId", ${col('kind', 'text')} as kind
              from ${from} where ${where ?? sql`true`} order by ${order} limit ${LIMIT})`;
}

/** Cases whose status (and, where it matters, proposal) waits for `actor` under their type's workflow. */
function waitingForActor(actor: Actor): SQL {
  const conds: SQL[] = [];
  for (const type of CASE_TYPES)
    for (const w of waitsFor(type, actor))
      conds.push(
        and(
          eq(cases.caseType, type),
          eq(cases.status, w.status),
          w.kinds ? inArray(cases.proposedDecision, w.kinds) : undefined,
        )!,
      );
  return conds.length ? or(...conds)! : sql`false`;
}

export async function caseTasks(ctx: Ctx): Promise<TaskResponse[]> {
  const actor = requireActor(ctx);
  if (!actor.permissions.has('case.read')) return [];
  const today = chinaToday();
  const soon = addDays(today, 2);
  const say_ = (m: { zh: string; en: string }) => say(m, ctx.locale);
  const scope = inScope(actor, cases.unitId, cases.orgId);
  const mine = or(
    eq(cases.leadOfficerId, actor.officerId),
    sql`${actor.officerId} = any(${cases.coOfficerIds})`,
  )!;
  const clock = {
    id: sql`${cases.id}`,
    no: sql`${cases.caseNo}`,
    title: sql`${cases.title}`,
    caseType: sql`${cases.caseType}`,
    status: sql`${cases.status}`,
    kind: sql`${cases.proposedDecision}`,
    due: sql`${cases.clockDue}`,
    provisional: sql`${cases.clockProvisional}`,
  };
  const byClock = sql`${cases.clockDue} asc nulls last, ${cases.id}`;

  // Every list in one statement (a union of independent parts): one round trip for the module.
  const parts: SQL[] = [];
  const gate = await myGateCondition(ctx, ctx.db);
  if (gate)
    parts.push(
      part(
        'gate',
        sql`${cases.updatedAt}`,
        { ...clock, gate: sql`${cases.currentGate}` },
        sql`${cases}`,
        and(scope, gate),
      ),
    );
  if (actor.permissions.has('case.write'))
    parts.push(
      part(
        'handler',
        byClock,
        // A case sent back in its current round says why.
        { ...clock, reasons: sql`${reviews.reasons}` },
        sql`${cases} left join ${reviews} on ${reviews.caseId} = ${cases.id} and ${reviews.round} = ${cases.reviewRound}
              and ${reviews.outcome} in ('send_back', 'disagree') and ${cases.status} = 'investigating'`,
        and(scope, mine, waitingForActor('handler')),
      ),
    );
  if (actor.permissions.has('case.legal'))
    parts.push(
      part(
        'legal',
        byClock,
        clock,
        sql`${cases}`,
        and(eq(cases.orgId, actor.orgId), waitingForActor('legal')),
      ),
    );
  // The approvals of the 县级公安机关负责人: 立案 / 不予立案, 行政拘留 (branch-wide).
  if (actor.roles.includes('branch_head') && actor.permissions.has('case.review'))
    parts.push(
      part(
        'branch_head',
        byClock,
        clock,
        sql`${cases}`,
        and(eq(cases.orgId, actor.orgId), waitingForActor('branch_head')),
      ),
    );
  // Proceedings: the handling officer's own cases, or every case for the legal detachment.
  parts.push(
    part(
      'proceeding',
      sql`${proceedings.dueOn} asc nulls last, ${proceedings.id}`,
      {
        id: sql`${proceedings.id}`,
        no: sql`${cases.caseNo}`,
        due: sql`${proceedings.dueOn}`,
        provisional: sql`${proceedings.dueProvisional}`,
        caseId: sql`${cases.id}`,
        kind: sql`${proceedings.kind}`,
      },
      sql`${proceedings} inner join ${cases} on ${cases.id} = ${proceedings.caseId}`,
      and(
        actor.permissions.has('case.legal') ? scope : and(scope, mine),
        eq(proceedings.orgId, actor.orgId),
        eq(proceedings.status, 'open'),
      ),
    ),
  );
  const found = await rows<Row>(ctx.db, sql.join(parts, sql` union all `));
  const of = (p: Part) => found.filter((r) => r.part === p).sort((a, b) => Number(a.ord) - Number(b.ord));

  const severity = (due: string | null) =>
    due && due < today ? 'overdue' : due && due <= soon ? 'warning' : 'info';
  const dueText = (due: string | null, provisional: boolean | null) => {
    if (!due) return null;
    const tag = provisional ? { zh: '（暂定）', en: ' (provisional)' } : { zh: '', en: '' };
    return due < today
      ? { zh: `期限 ${due}${tag.zh} 已超期`, en: `Overdue since ${due}${tag.en}` }
      : { zh: `期限 ${due}${tag.zh}`, en: `Due ${due}${tag.en}` };
  };
  const joined = (...parts: ({ zh: string; en: string } | null)[]) => {
    const xs = parts.filter((p) => p !== null);
    return { zh: xs.map((p) => p.zh).join('；'), en: xs.map((p) => p.en).join('; ') };
  };
  const withDue = (r: Row) => ({
    due: r.due,
    ...(r.due ? { dueProvisional: Boolean(r.provisional) } : {}),
    severity: severity(r.due) as TaskResponse['severity'],
  });

  const out: TaskResponse[] = [];
  for (const w of of('gate')) {
    const g = GATE_NAMES[w.gate as Gate];
    out.push({
      id: `case.gate.${w.id}`,
      module: 'cases',
      title: say_({ zh: `审核 ${w.no} ${w.title}`, en: `Review ${w.no} ${w.title}` }),
      detail: say_(joined({ zh: `待${g.zh}审核`, en: `Waiting at ${g.en}` }, dueText(w.due, w.provisional))),
      ...withDue(w),
      link: `/cases/${w.id}`,
    });
  }
  for (const r of [...of('handler'), ...of('legal'), ...of('branch_head')]) {
    const status = r.status as CaseStatus;
    const part = r.part as Actor;
    const next = nextActions(r.caseType!, status)
      .filter((a) => {
        const t = transition(r.caseType!, status, a);
        return t && !t.optional && actorOf(t, r.kind as DecisionKind | null) === part;
      })
      .map((a) => CASE_ACTION_NAMES[a]);
    const returned = r.reasons !== null;
    const step = returned ? { zh: '退回补充', en: 'Sent back' } : CASE_STATUS_NAMES[status];
    out.push({
      id: `case.${r.part}.${r.id}`,
      module: 'cases',
      title: say_({ zh: `${step.zh} ${r.no} ${r.title}`, en: `${step.en}: ${r.no} ${r.title}` }),
      detail: say_(
        joined(
          returned ? { zh: `退回原因：${r.reasons}`, en: `Why: ${r.reasons}` } : null,
          {
            zh: `下一步：${next.map((a) => a.zh).join('、')}`,
            en: `Next: ${next.map((a) => a.en.toLowerCase()).join(', ')}`,
          },
          dueText(r.due, r.provisional),
        ),
      ),
      ...withDue(r),
      ...(returned && severity(r.due) === 'info' ? { severity: 'warning' as const } : {}),
      link: `/cases/${r.id}`,
    });
  }
  for (const p of of('proceeding')) {
    const kind = p.kind ?? '';
    const name = PROCEEDING_KIND_NAMES[kind as ProceedingKind] ?? { zh: kind, en: kind };
    out.push({
      id: `case.proceeding.${p.id}`,
      module: 'cases',
      title: say_({ zh: `${p.no} ${name.zh}`, en: `${p.no} ${name.en}` }),
      detail: say_(dueText(p.due, p.provisional) ?? { zh: '无法定期限', en: 'No statutory period' }),
      ...withDue(p),
      link: `/cases/${p.caseId}`,
    });
  }
  return out;
}

registerTaskProvider(caseTasks);
