/**
 * 待办 of supervision, each on its owner's clock (timeliness.ts): for the responsible units, their
 * open findings by rectification deadline (overdue, due within 3 days); for the legal detachment,
 * answered findings waiting for verification, due `verifyDays` (a supervision setting) after
 * the answer. Each finding is its own task (linked to it) up to a limit; beyond it one summary
 * task links to the list.
 */
import {
  addDays,
  chinaToday,
  findingMessage,
  rectificationTimeliness,
  say,
  type TaskResponse,
  verificationWait,
} from '@fazhi/common';
import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import { cases, incidents, supervisionFindings } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { registerTaskProvider } from '../platform/tasks.service.ts';
import { readSupervisionSettings } from './daily.ts';
import { findingScope, ruleInfos, ruleOf } from './findings-common.ts';

const f = supervisionFindings;
/** Findings listed one by one; the rest are counted in a summary task. */
const SHOWN = 20;
const DUE_SOON_DAYS = 3;

async function findings(ctx: Ctx, where: SQL, order: SQL[]) {
  const [list, [total]] = await Promise.all([
    ctx.db
      .select({ f, incidentNo: incidents.incidentNo, caseNo: cases.caseNo })
      .from(f)
      .leftJoin(incidents, eq(incidents.id, f.incidentId))
      .leftJoin(cases, eq(cases.id, f.caseId))
      .where(where)
      .orderBy(...order)
      .limit(SHOWN),
    ctx.db.select({ n: count() }).from(f).where(where),
  ]);
  return { list, total: total?.n ?? 0 };
}

export async function supervisionTasks(ctx: Ctx): Promise<TaskResponse[]> {
  const actor = requireActor(ctx);
  const answers = actor.permissions.has('supervision.answer');
  const verifies = actor.permissions.has('supervision.manage');
  if (!answers && !verifies) return [];
  const today = chinaToday();
  const soon = addDays(today, DUE_SOON_DAYS);
  const rules = await ruleInfos(ctx.db, actor.orgId);
  const message = (r: { f: typeof f.$inferSelect; incidentNo: string | null; caseNo: string | null }) => {
    const rule = ruleOf(rules, r.f.ruleCode);
    return findingMessage(
      {
        kind: rule.kind,
        ruleNameZh: rule.nameZh,
        ruleNameEn: rule.nameEn,
        detail: (r.f.detail ?? {}) as Record<string, unknown>,
        incidentNo: r.incidentNo,
        caseNo: r.caseNo,
      },
      ctx.locale,
    );
  };
  const out: TaskResponse[] = [];

  if (answers) {
    const { list, total } = await findings(ctx, and(findingScope(actor), eq(f.status, 'open'))!, [
      asc(f.rectifyDueOn),
      asc(f.id),
    ]);
    for (const r of list) {
      const due = r.f.rectifyDueOn;
      const { overdue } = rectificationTimeliness(
        { status: 'open', rectifyDueOn: due, answeredAt: null },
        today,
      );
      out.push({
        id: `supervision.finding.${r.f.id}`,
        module: 'supervision',
        title: say(
          overdue
            ? { zh: '执法问题逾期未整改', en: 'Finding past its rectification deadline' }
            : r.f.returnCount > 0
              ? { zh: '执法问题被退回，请重新整改', en: 'Finding returned: rectify again' }
              : { zh: '执法问题待整改', en: 'Finding to rectify' },
          ctx.locale,
        ),
        detail: message(r),
        due,
        severity: overdue ? 'overdue' : due <= soon ? 'warning' : 'info',
        link: `/supervision/findings/${r.f.id}`,
      });
    }
    if (total > list.length)
      out.push({
        id: 'supervision.findings.open',
        module: 'supervision',
        title: say(
          {
            zh: `另有 ${total - list.length} 项执法问题待整改`,
            en: `${total - list.length} more findings to rectify`,
          },
          ctx.locale,
        ),
        detail: null,
        due: null,
        severity: 'info',
        link: '/supervision/findings?status=open',
      });
  }

  if (verifies) {
    const [{ list, total }, { verifyDays }] = await Promise.all([
      findings(ctx, and(findingScope(actor), eq(f.status, 'answered'))!, [asc(f.answeredAt), asc(f.id)]),
      readSupervisionSettings(ctx.db, actor.orgId),
    ]);
    for (const r of list) {
      const wait = verificationWait({ status: 'answered', answeredAt: r.f.answeredAt }, verifyDays, today);
      const days = wait?.days ?? 0;
      out.push({
        id: `supervision.verify.${r.f.id}`,
        module: 'supervision',
        title: say(
          wait?.overdue
            ? {
                zh: `整改反馈待核查 ${days} 天，已超核查期限`,
                en: `Rectification waiting ${days} days: verification overdue`,
              }
            : { zh: `整改反馈待核查 ${days} 天`, en: `Rectification to verify (waiting ${days} days)` },
          ctx.locale,
        ),
        detail: message(r),
        due: wait?.dueOn ?? null,
        severity: wait?.overdue ? 'overdue' : wait && wait.dueOn <= soon ? 'warning' : 'info',
        link: `/supervision/findings/${r.f.id}`,
      });
    }
    if (total > list.length)
      out.push({
        id: 'supervision.findings.answered',
        module: 'supervision',
        title: say(
          {
            zh: `另有 ${total - list.length} 项整改反馈待核查`,
            en: `${total - list.length} more rectifications to verify`,
          },
          ctx.locale,
        ),
        detail: null,
        due: null,
        severity: 'warning',
        link: '/supervision/findings?status=answered',
      });
  }
  return out;
}

registerTaskProvider(supervisionTasks);
