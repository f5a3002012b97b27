import { chinaToday, say, type TaskResponse } from '@fazhi/common';
import { and, count, eq, gt } from 'drizzle-orm';
import { officers } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { loadActor, recordOf } from './actor.ts';
import { toMe } from './auth.service.ts';
import { loadCalendar } from './calendar.service.ts';

/**
 * 待办: each module contributes a provider that answers what the signed-in user must act on.
 * Providers see only what the actor's scope allows; a failing provider never hides the others.
 */
export type TaskProvider = (ctx: Ctx) => Promise<TaskResponse[]>;
const providers: TaskProvider[] = [];
export const registerTaskProvider = (p: TaskProvider) => providers.push(p);

export async function myTasks(ctx: Ctx): Promise<TaskResponse[]> {
  const lists = await Promise.all(
    providers.map((p) =>
      p(ctx).catch((e: unknown) => {
        console.error('task provider failed', e);
        return [];
      }),
    ),
  );
  const rank = { overdue: 0, warning: 1, info: 2 } as const;
  return lists
    .flat()
    .sort((a, b) => rank[a.severity] - rank[b.severity] || (a.due ?? '9').localeCompare(b.due ?? '9'));
}

registerTaskProvider(async (ctx) => {
  const actor = requireActor(ctx);
  // The request loaded this officer already (see recordOf); toMe then needs only cached settings.
  const record = recordOf(actor) ?? (await loadActor(ctx.db, actor.officerId));
  if (!record) return [];
  const me = await toMe(ctx.db, record);
  const out: TaskResponse[] = [];
  if (me.passwordExpiresAt) {
    const daysLeft = Math.ceil((Date.parse(me.passwordExpiresAt) - Date.now()) / 86_400_000);
    if (daysLeft <= 14) {
      out.push({
        id: 'account.password',
        module: 'platform',
        title: say({ zh: '修改登录密码', en: 'Change your password' }, ctx.locale),
        detail: say(
          daysLeft <= 0
            ? { zh: '密码已过期', en: 'Your password has expired' }
            : { zh: `密码将在 ${daysLeft} 天后过期`, en: `Your password expires in ${daysLeft} days` },
          ctx.locale,
        ),
        due: me.passwordExpiresAt.slice(0, 10),
        severity: daysLeft <= 0 ? 'overdue' : 'warning',
        link: '/account',
      });
    }
  }
  if (!me.totpEnabled) {
    out.push({
      id: 'account.totp',
      module: 'platform',
      title: say({ zh: '启用双因素认证', en: 'Turn on two-factor sign-in' }, ctx.locale),
      detail: say(
        { zh: '用手机验证器保护账号', en: 'Protect your account with an authenticator app' },
        ctx.locale,
      ),
      due: null,
      severity: me.totpRequired ? 'overdue' : 'info',
      link: '/account',
    });
  }
  return out;
});

/**
 * The holiday notices the administrator should load now: this year's, if missing (its deadlines
 * are all provisional), and from 1 December next year's (the State Council publishes it in
 * November or December; until then clocks reaching it count provisionally).
 */
export function noticesToLoad(today: string, loaded: ReadonlySet<number>): { year: number; late: boolean }[] {
  const year = Number(today.slice(0, 4));
  const out: { year: number; late: boolean }[] = [];
  if (!loaded.has(year)) out.push({ year, late: true });
  if (!loaded.has(year + 1) && today.slice(5) >= '12-01') out.push({ year: year + 1, late: false });
  return out;
}

registerTaskProvider(async (ctx) => {
  const actor = requireActor(ctx);
  if (!actor.permissions.has('calendar.manage')) return [];
  // The loaded years, from the in-memory calendar (kept current, see loadCalendar).
  const loaded = (await loadCalendar(ctx.db)).years;
  return noticesToLoad(chinaToday(), loaded).map(({ year, late }) => ({
    id: `calendar.${year}`,
    module: 'platform',
    title: say({ zh: `载入 ${year} 年节假日安排`, en: `Load the ${year} holiday notice` }, ctx.locale),
    detail: say(
      {
        zh: '国务院办公厅发布通知后载入。在此之前，到达该年度的法定期限按法定节假日暂定计算（不含调休），载入后自动重算并通知期限有变化的承办人',
        en: 'Load it once the State Council publishes it. Until then deadlines reaching that year are provisional (statutory holidays only, no make-up days); loading recounts them and tells the owners of dates that moved',
      },
      ctx.locale,
    ),
    due: `${year}-01-01`,
    severity: late ? 'overdue' : 'warning',
    link: '/calendar',
  }));
});

registerTaskProvider(async (ctx) => {
  const actor = requireActor(ctx);
  if (!actor.permissions.has('officer.unlock')) return [];
  const [row] = await ctx.db
    .select({ n: count() })
    .from(officers)
    .where(and(eq(officers.orgId, actor.orgId), gt(officers.lockedUntil, new Date())));
  if (!row?.n) return [];
  return [
    {
      id: 'officers.locked',
      module: 'platform',
      title: say(
        { zh: `${row.n} 个账号因登录失败被锁定`, en: `${row.n} accounts locked after failed sign-ins` },
        ctx.locale,
      ),
      detail: say({ zh: '核实后可解锁', en: 'Check and unlock them' }, ctx.locale),
      due: null,
      severity: 'warning',
      link: '/officers',
    },
  ];
});
