import { addDays, chinaToday, DEFAULT_SUPERVISION_SETTINGS, seededRandom } from '@fazhi/common';
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { officerRoles, officers, units } from '../../db/schema/index.ts';
import {
  type CallbackRow,
  type CheckRow,
  callbackCandidates,
  cameraCandidates,
  drawCallbacks,
  drawCameraSample,
  insertCallbacks,
  insertCameraChecks,
} from '../../modules/supervision/checks.jobs.ts';
import { previousDay } from '../../modules/supervision/daily.ts';

const FIRST_DAY = '2021-01-01';

const PARTIAL_NOTES = [
  '到场约 5 分钟后才开启记录',
  '现场处置中途中断记录',
  '记录仪电量不足，后半段未记录',
  '仅记录到达现场画面，处置过程缺失',
];
const NOT_RECORDED_NOTES = ['未开启执法记录仪', '未上传执法记录视频', '视频无法调取，民警称设备故障'];
const DISSATISFIED_NOTES = [
  '报警人反映出警较慢',
  '报警人认为民警处置不够耐心',
  '报警人反映案件无进展、无人告知',
  '报警人对调解结果有意见',
];
const FOLLOW_UP_RESULTS = [
  '已上门回访报警人，说明处置依据和案件进展，报警人表示理解',
  '已约谈处警民警，责令改进服务态度，并向报警人致歉',
  '已补充调查取证，案件正在办理，已告知报警人办理进度',
  '已重新组织调解，双方达成协议',
];

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const groupByDay = <T extends { day: string }>(list: readonly T[]) => {
  const m = new Map<string, T[]>();
  for (const x of list) {
    const l = m.get(x.day);
    if (l) l.push(x);
    else m.set(x.day, [x]);
  }
  return m;
};
/** An instant on `day`, between `fromHour` and `toHour` China time. */
const at = (r: () => number, day: string, fromHour: number, toHour: number) =>
  new Date(
    new Date(`${day}T00:00:00+08:00`).getTime() + (fromHour + r() * (toHour - fromHour)) * 3_600_000,
  ).toISOString();

async function staffOf(tx: Queryable, orgId: number, role: string, username: string) {
  const found = await tx
    .select({ id: officers.id, username: officers.username })
    .from(officers)
    .innerJoin(officerRoles, eq(officerRoles.officerId, officers.id))
    .where(and(eq(officers.orgId, orgId), eq(officerRoles.roleCode, role)))
    .orderBy(officers.id);
  // The demo account does a good share of the work, so its own history is not empty.
  const demo = found.find((o) => o.username === username);
  return demo ? [demo.id, demo.id, ...found.map((o) => o.id)] : found.map((o) => o.id);
}

/**
 * The daily checks since 2021, drawn by the same code as the daily jobs (same candidates, same
 * seeded draws), so the history looks as if the jobs had run every day. The demo branch has about
 * 22 incidents a day (2.5 before the last two years), fewer than the 40 sampled, so every day is
 * kept in full: a few tens of thousands of rows at most, inserted a thousand per statement.
 * Past days are checked (mostly recorded, a few per cent partial or not recorded — agreeing with
 * what the unit reported on the incident); yesterday's sample is left pending for the command
 * centre, today's call-backs for the inspectorate; dissatisfied answers have their 二次查办 closed
 * except the recent ones, and one in 城关派出所 (the demo unit) is open.
 */
export async function seedDemoChecks(tx: Queryable, orgId: number): Promise<void> {
  const r = seededRandom(20_240_404);
  const today = chinaToday();
  const yesterday = previousDay(today);
  const { cameraSampleSize, callbackSampleRate, followUpDays } = DEFAULT_SUPERVISION_SETTINGS;
  const checkers = await staffOf(tx, orgId, 'command', 'command');
  const inspectors = await staffOf(tx, orgId, 'inspector', 'inspector');
  if (!checkers.length || !inspectors.length) return;
  // Who records a unit's 二次查办: its legal officer (法制员).
  const unitLegal = new Map(
    (
      await tx
        .select({ id: officers.id, unitId: officers.unitId })
        .from(officers)
        .innerJoin(officerRoles, eq(officerRoles.officerId, officers.id))
        .where(and(eq(officers.orgId, orgId), eq(officerRoles.roleCode, 'unit_legal')))
        .orderBy(officers.id)
    ).map((o) => [o.unitId, o.id]),
  );

  // ---- camera checks
  const cameraByDay = groupByDay(await cameraCandidates(tx, orgId, FIRST_DAY, yesterday));
  const checks: CheckRow[] = [];
  for (const [day, candidates] of [...cameraByDay].sort((a, b) => a[0].localeCompare(b[0]))) {
    const picked = drawCameraSample(orgId, day, candidates, cameraSampleSize);
    for (const c of picked) {
      const base = { id: c.id, unitId: c.unitId, sampleDay: day };
      if (day === yesterday) {
        checks.push(base);
        continue;
      }
      const x = r();
      const result =
        c.reported === false
          ? 'not_recorded'
          : c.reported === null
            ? x < 0.6
              ? 'recorded'
              : 'not_recorded'
            : x < 0.975
              ? 'recorded'
              : x < 0.995
                ? 'partial'
                : 'not_recorded';
      checks.push({
        ...base,
        result,
        note:
          result === 'partial'
            ? pick(r, PARTIAL_NOTES)
            : result === 'not_recorded'
              ? pick(r, NOT_RECORDED_NOTES)
              : null,
        checkedBy: pick(r, checkers),
        checkedAt: at(r, addDays(day, 1), 8.5, 11.5),
      });
    }
  }
  await insertCameraChecks(tx, orgId, checks);

  // ---- call-backs
  const [home] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.orgId, orgId), inArray(units.code, ['PS-01'])));
  const byDay = groupByDay(await callbackCandidates(tx, orgId, FIRST_DAY, yesterday));
  const all: CallbackRow[] = [];
  for (const [day, candidates] of [...byDay].sort((a, b) => a[0].localeCompare(b[0]))) {
    const createdOn = addDays(day, 1);
    const { burglaries, sampled } = drawCallbacks(orgId, day, candidates, callbackSampleRate);
    const tasks: CallbackRow[] = [
      ...burglaries.map((c) => ({ id: c.id, unitId: c.unitId, createdOn, reason: 'burglary' as const })),
      ...sampled.map((c) => ({ id: c.id, unitId: c.unitId, createdOn, reason: 'sample' as const })),
    ];
    for (const t of tasks) {
      all.push(t);
      if (createdOn === today) continue;
      if (createdOn === yesterday && r() < 0.3) {
        // Tried yesterday, nobody answered: still on today's list.
        Object.assign(t, { attempts: 1, calledBy: pick(r, inspectors), calledAt: at(r, createdOn, 10, 17) });
        continue;
      }
      const calledBy = pick(r, inspectors);
      if (r() < 0.06) {
        Object.assign(t, {
          status: 'unreachable',
          attempts: 3,
          calledBy,
          calledAt: at(r, addDays(createdOn, 2), 10, 17),
          note: '三次拨打均无人接听',
        });
        continue;
      }
      const x = r();
      const satisfaction = x < 0.85 ? 'satisfied' : x < 0.96 ? 'basically_satisfied' : 'dissatisfied';
      Object.assign(t, {
        status: 'done',
        satisfaction,
        attempts: 1 + (r() < 0.15 ? 1 : 0),
        calledBy,
        calledAt: at(r, createdOn, 9, 18),
        note: satisfaction === 'dissatisfied' ? pick(r, DISSATISFIED_NOTES) : null,
      });
      if (satisfaction === 'dissatisfied') openFollowUp(t);
    }
  }

  function openFollowUp(t: CallbackRow) {
    const createdOn = t.createdOn;
    const dueOn = addDays(createdOn, followUpDays);
    Object.assign(t, { satisfaction: 'dissatisfied', followUpStatus: 'open', followUpDueOn: dueOn });
    t.note ??= pick(r, DISSATISFIED_NOTES);
    // Recent ones are still being handled; the rest closed, most of them in time.
    if (createdOn >= addDays(today, -10)) return;
    const late = r() < 0.1;
    const after = 1 + Math.floor(r() * (late ? followUpDays + 5 : followUpDays));
    const closedOn = [addDays(createdOn, after), yesterday].sort()[0]!;
    Object.assign(t, {
      followUpStatus: 'done',
      followUpResult: pick(r, FOLLOW_UP_RESULTS),
      followUpBy: unitLegal.get(t.unitId) ?? null,
      followUpClosedAt: at(r, closedOn, 9, 18),
    });
  }

  // The demo unit has one 二次查办 open and one branch-wide is overdue, whatever the draw gave.
  const recentDone = (from: number, to: number, unit?: number) =>
    all.find(
      (t) =>
        t.createdOn >= addDays(today, from) &&
        t.createdOn <= addDays(today, to) &&
        t.status === 'done' &&
        t.satisfaction !== 'dissatisfied' &&
        (unit === undefined || t.unitId === unit),
    );
  // 城关派出所 gets few call-backs a week, so when none of the last days can carry the open
  // 二次查办, one of its recent callers with a number is added as a sampled call-back.
  let homeCase = home ? recentDone(-6, -2, home.id) : undefined;
  if (!homeCase && home) {
    const taken = new Set(all.map((t) => t.id));
    const spare = [...byDay]
      .filter(([day]) => day >= addDays(today, -7) && day <= addDays(today, -3))
      .flatMap(([, list]) => list)
      .find((c) => c.unitId === home.id && !c.burglary && !taken.has(c.id));
    if (spare) {
      homeCase = {
        id: spare.id,
        unitId: spare.unitId,
        createdOn: addDays(spare.day, 1),
        reason: 'sample',
        status: 'done',
        attempts: 1,
        calledBy: inspectors[0]!,
        calledAt: at(r, addDays(spare.day, 1), 9, 18),
      };
      all.push(homeCase);
    }
  }
  if (homeCase) openFollowUp(homeCase);
  const lateCase = recentDone(-10, -8);
  if (lateCase) openFollowUp(lateCase);
  await insertCallbacks(tx, orgId, all);
}
