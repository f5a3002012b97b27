/**
 * Demo 执法过错责任追究 records (from the confirmed violations) and 执法监督委员会 meetings
 * (four a year: eight 法制专题报告 to the party committee and 20+ difficult cases studied).
 */
import { type AccountabilityMeasure, addDays, chinaToday } from '@fazhi/common';
import type { Queryable } from '../../db/index.ts';
import { accountabilityRecords, committeeMeetings } from '../../db/schema/index.ts';
import type { Outcome } from './rectification-plan.ts';
import { officeTime } from './rectification-plan.ts';

type Rng = () => number;
const between = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

const MEASURES: [AccountabilityMeasure, number][] = [
  ['criticism', 40],
  ['written_check', 25],
  ['admonition', 15],
  ['circulated_criticism', 12],
  ['remove_from_post', 5],
  ['no_liability', 3],
];
const MEASURE_ZH: Record<AccountabilityMeasure, string> = {
  no_liability: '经调查，过错情节轻微且已及时纠正，决定不予追究',
  criticism: '决定对责任民警批评教育',
  written_check: '决定责令责任民警作出书面检查',
  admonition: '决定对责任民警进行诫勉谈话',
  circulated_criticism: '决定对责任民警全局通报批评',
  suspend_duty: '决定对责任民警停止执行职务',
  remove_from_post: '决定将责任民警调离执法岗位',
  disciplinary: '决定移送纪检部门给予纪律处分',
};

function weighted<T>(rng: Rng, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rng() * total;
  for (const [v, w] of items) {
    x -= w;
    if (x < 0) return v;
  }
  return items[items.length - 1]![0];
}

export interface ConfirmedFinding {
  outcome: Outcome;
  unitId: number;
  officerId: number | null;
  caseId: number | null;
  message: string;
}

/** Most confirmed violations lead to a record; those decided before `now` carry the measure. */
export async function seedAccountability(
  tx: Queryable,
  orgId: number,
  confirmed: ConfirmedFinding[],
  deciders: number[],
  now: Date,
  rng: Rng,
): Promise<number> {
  const rows: (typeof accountabilityRecords.$inferInsert)[] = [];
  for (const c of confirmed) {
    if (rng() > 0.7 || !c.outcome.closedAt || !deciders.length) continue;
    const opener = deciders[Math.floor(rng() * deciders.length)]!;
    const openedAt = officeTime(addDays(chinaToday(c.outcome.closedAt), between(rng, 2, 7)), rng);
    if (openedAt >= now) continue;
    const decidedAt = officeTime(addDays(chinaToday(openedAt), between(rng, 7, 25)), rng);
    const decided = decidedAt.getTime() < now.getTime() - 86_400_000;
    const measure = weighted(rng, MEASURES);
    rows.push({
      orgId,
      findingId: c.outcome.id,
      caseId: c.caseId,
      unitId: c.unitId,
      officerId: c.officerId,
      fault: `${c.message}，经责令整改后确认违规。`,
      status: decided ? 'decided' : 'open',
      measure: decided ? measure : null,
      decisionNote: decided ? `经执法监督委员会研究，${MEASURE_ZH[measure]}。` : null,
      openedBy: opener,
      openedAt,
      decidedBy: decided ? opener : null,
      decidedAt: decided ? decidedAt : null,
    });
  }
  for (let i = 0; i < rows.length; i += 500)
    await tx.insert(accountabilityRecords).values(rows.slice(i, i + 500));
  return rows.length;
}

export interface CommitteeInput {
  years: number[];
  today: string;
  chairId: number | null;
  legal: { id: number; name: string }[];
  unitHeads: { id: number; unitId: number }[];
  cases: { id: number; receivedOn: string; unitId: number; title: string; weight: number }[];
  unitNames: Map<number, string>;
  recordedBy: number;
}

const REPORTS = [
  '关于{Y}年第一季度受案立案工作情况的专题报告',
  '关于执法办案管理中心运行情况的专题报告',
  '关于行政案件办案期限管理情况的专题报告',
  '关于执法公示工作开展情况的专题报告',
  '关于刑事案件统一审核统一出口工作情况的专题报告',
  '关于执法记录仪使用管理情况的专题报告',
  '关于执法过错责任追究工作情况的专题报告',
  '关于{Y}年度执法质量考评情况的专题报告',
];
const QUARTER_DAYS = ['03-25', '06-24', '09-23', '12-20'];
const CN_Q = ['一', '二', '三', '四'];

/** Four meetings a year (those held by today), each with two reports and five to seven cases. */
export async function seedCommittee(
  tx: Queryable,
  orgId: number,
  c: CommitteeInput,
  rng: Rng,
): Promise<number> {
  const rows: (typeof committeeMeetings.$inferInsert)[] = [];
  for (const year of c.years) {
    for (let q = 0; q < 4; q++) {
      const heldOn = `${year}-${QUARTER_DAYS[q]}`;
      if (heldOn >= c.today) continue;
      const from = `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
      // Difficult cases of the quarter: major and complex ones first, then a few others.
      const pool = c.cases
        .filter((k) => k.receivedOn >= from && k.receivedOn < heldOn)
        .map((k) => ({ k, score: k.weight + rng() }))
        .sort((a, b) => b.score - a.score)
        .slice(0, between(rng, 5, 7))
        .map((x) => x.k);
      const reports = [REPORTS[q * 2]!, REPORTS[q * 2 + 1]!].map((t, i) => ({
        title: t.replace('{Y}', String(year)),
        reporter: c.legal[(q * 2 + i) % Math.max(1, c.legal.length)]?.name ?? '法制支队',
      }));
      const decisions = pool.slice(0, between(rng, 2, 3)).map((k) => ({
        text: `${c.unitNames.get(k.unitId) ?? ''}对“${k.title}”补充完善证据，依法作出处理。`,
        ownerUnitId: k.unitId,
        dueOn: addDays(heldOn, rng() < 0.5 ? 15 : 30),
      }));
      const heads = c.unitHeads.filter((h) => pool.some((k) => k.unitId === h.unitId)).map((h) => h.id);
      const attendees = [...new Set([...c.legal.slice(0, 4).map((o) => o.id), ...heads])];
      rows.push({
        orgId,
        heldOn,
        title: `${year}年第${CN_Q[q]}次执法监督委员会会议`,
        chairId: c.chairId,
        attendeeIds: attendees,
        topicReports: reports,
        caseIds: pool.map((k) => k.id),
        decisions,
        minutes:
          `会议听取了${reports.map((r) => `《${r.title}》`).join('、')}，` +
          `研究了${pool.length}起疑难复杂案件的定性和处理意见，认定执法过错事项，并对下一阶段执法监督工作作出部署。`,
        recordedBy: c.recordedBy,
        createdAt: officeTime(heldOn, rng),
      });
    }
  }
  if (rows.length) await tx.insert(committeeMeetings).values(rows);
  return rows.length;
}
