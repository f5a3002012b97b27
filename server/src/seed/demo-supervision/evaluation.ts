/**
 * The demo branch's quality evaluation since 2021: a published round for every complete quarter
 * (stratified sample of the quarter's closed cases, scored, a few disputes decided), the current
 * quarter's round half scored, the approved awards of every complete year, and the case-handling
 * areas' self-inspections. Bootstrap data written in bulk, without audit records (see
 * demo-history): it describes work done before the system was used.
 */
import {
  addDays,
  chinaToday,
  quarterOf,
  quarterRange,
  type RubricItem,
  type ScoreDeduction,
  SELF_INSPECTION_ITEMS,
  scoreSample,
  seededRandom,
} from '@fazhi/common';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import {
  cases,
  evaluationAwards,
  evaluationRounds,
  officerRoles,
  officers,
  selfInspections,
  units,
} from '../../db/schema/index.ts';
import {
  consecutiveYears,
  pickAwards,
  starHistory,
  unitHistory,
} from '../../modules/evaluation/awards.service.ts';
import { computeRanking } from '../../modules/evaluation/rankings.service.ts';
import { insertSamples } from '../../modules/evaluation/rounds.service.ts';
import { rubricInForce, rubricItems } from '../../modules/evaluation/rubric.service.ts';
import { drawSample } from '../../modules/evaluation/sampling.ts';

type Rng = () => number;
const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const DAY = 86_400_000;
/** An instant `days` (fractional) after the start of a China-time day. */
const on = (day: string, days = 0) => new Date(new Date(`${day}T09:00:00+08:00`).getTime() + days * DAY);

const NOTES: Record<string, readonly string[]> = {
  acceptance: ['受案登记不及时', '未按规定出具受案回执', '案件来源登记不清'],
  coercive_measures: ['传唤证未注明到案时间', '未及时通知被传唤人家属', '延长传唤未经审批'],
  evidence: ['询问笔录未记载权利告知', '现场勘查笔录缺失', '关键证据未固定', '鉴定意见未告知当事人'],
  case_review: ['法制审核意见过于简单', '审核人未签署意见'],
  law_application: ['适用法律条款不准确', '裁量理由说明不充分'],
  procedure: ['未告知陈述申辩权利', '处罚决定书送达回执缺失'],
  documents: ['文书字号错误', '笔录漏签名捺印', '文书涂改处未捺印'],
  seized_property: ['涉案财物未及时移交保管', '扣押清单未由当事人签名'],
  publicity: ['处罚决定未按期公示'],
  time_limits: ['超过办案期限未审批延长'],
  camera: ['执法记录仪视频未上传'],
  case_file: ['卷宗装订顺序不规范', '卷宗未按期归档'],
};
const VETO_NOTES: Record<string, string> = {
  torture: '讯问中存在体罚行为，经督察查实',
  unlawful_coercion: '无审批手续扣押财物',
  wrongful_case: '处罚决定被复议机关撤销',
};
const DISPUTE_REASONS = [
  '该笔录当事人已签名捺印，见卷宗第 12 页，请予复核',
  '延长期限已经审批，审批表附卷备查',
  '涉案财物已于次日移交保管中心，有交接记录',
  '公示已按期完成，系统时间记录有误',
];
/** Units whose case quality the demo keeps high, so the three-years-excellent flag shows. */
const STRONG: Record<string, number> = {
  'PS-01': 96.5,
  'PS-04': 96,
  'PS-07': 95.5,
  'BR-XZ-1': 96,
  'DET-JD': 95.5,
};
const AREA_UNITS_2021 = [
  ...Array.from({ length: 20 }, (_, i) => `PS-${String(i + 1).padStart(2, '0')}`),
  'DET-XZ',
  'DET-ZA',
  'DET-JD',
  'DET-JZ',
];

/** Deductions that bring a case from the full score down to about `target`. */
function deductionsFor(r: Rng, items: RubricItem[], target: number): ScoreDeduction[] {
  let gap = Math.round((100 - target) * 2) / 2;
  const out: ScoreDeduction[] = [];
  const pool = items.filter((i) => !i.veto);
  while (gap > 0 && out.length < 4) {
    const item = pick(r, pool);
    if (out.some((d) => d.item === item.code)) continue;
    const points = Math.min(
      item.maxDeduction,
      out.length === 3 ? gap : Math.max(0.5, Math.ceil(gap * (0.4 + r() * 0.6) * 2) / 2),
    );
    out.push({ item: item.code, points, note: pick(r, NOTES[item.code] ?? ['不规范']) });
    gap -= points;
  }
  return out;
}

interface Refs {
  legalId: number;
  evaluators: number[];
  unitCode: Map<number, string>;
  unitLegal: Map<number, number>;
}

async function loadRefs(tx: Queryable, orgId: number): Promise<Refs> {
  const unitRows = await tx
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(eq(units.orgId, orgId));
  const staff = await tx
    .select({
      id: officers.id,
      unitId: officers.unitId,
      username: officers.username,
      role: officerRoles.roleCode,
    })
    .from(officers)
    .innerJoin(officerRoles, eq(officerRoles.officerId, officers.id))
    .where(eq(officers.orgId, orgId))
    .orderBy(asc(officers.id));
  const legal = staff.filter((s) => s.role === 'legal');
  const unitLegal = new Map<number, number>();
  for (const s of staff)
    if (s.role === 'unit_legal' && !unitLegal.has(s.unitId)) unitLegal.set(s.unitId, s.id);
  return {
    legalId: (legal.find((s) => s.username === 'legal') ?? legal[0])!.id,
    evaluators: legal.slice(0, 4).map((s) => s.id),
    unitCode: new Map(unitRows.map((u) => [u.id, u.code])),
    unitLegal,
  };
}

export async function seedDemoEvaluation(tx: Queryable, orgId: number): Promise<void> {
  const rubric = await rubricInForce(tx, orgId, chinaToday());
  if (!rubric) return;
  const items = rubricItems(rubric);
  const refs = await loadRefs(tx, orgId);
  const now = Date.now();
  const clamp = (d: Date) => new Date(Math.min(d.getTime(), now - 3_600_000));
  const today = chinaToday();
  const current = quarterOf(today);
  const r = seededRandom(2021_0401);

  // Each unit's case quality, steady over the years with a little drift.
  const quality = new Map<number, number>();
  for (const [id, code] of refs.unitCode) quality.set(id, STRONG[code] ?? 84 + r() * 11);

  const closed = await tx
    .select({ id: cases.id, unitId: cases.unitId, officerId: cases.leadOfficerId, closedAt: cases.closedAt })
    .from(cases)
    .where(and(eq(cases.orgId, orgId), isNotNull(cases.closedAt)))
    .orderBy(asc(cases.id));
  const byQuarter = new Map<string, typeof closed>();
  for (const c of closed) {
    const q = quarterOf(chinaToday(c.closedAt!));
    const key = `${q.year}-${q.quarter}`;
    const list = byQuarter.get(key) ?? [];
    list.push(c);
    byQuarter.set(key, list);
  }

  const samples: (Parameters<typeof insertSamples>[1][number] & { unitId: number })[] = [];
  for (let year = 2021; year <= current.year; year++) {
    const drift = new Map([...quality].map(([id, q]) => [id, q + (r() - 0.5) * 3]));
    for (let quarter = 1; quarter <= 4; quarter++) {
      const isCurrent = year === current.year && quarter === current.quarter;
      if (year === current.year && quarter > current.quarter) break;
      const population = byQuarter.get(`${year}-${quarter}`) ?? [];
      if (population.length === 0) continue;
      // The sample size nearest the reference report's ~70 cases a quarter: 2 a unit on a full
      // quarter of the demo; every closed case of the lighter early years.
      let perUnit = 2;
      for (let p = 2; p <= 20; p++) {
        const n = drawSample(population, p, 0).length;
        if (Math.abs(n - 70) < Math.abs(drawSample(population, perUnit, 0).length - 70)) perUnit = p;
      }
      const { to } = quarterRange(year, quarter);
      const opened = clamp(isCurrent ? on(addDays(today, -6)) : on(to, 6 + r() * 5));
      const seed = Math.floor(r() * 2 ** 31);
      const [round] = await tx
        .insert(evaluationRounds)
        .values({
          orgId,
          year,
          quarter,
          rubricId: rubric.id,
          perUnit,
          seed,
          status: isCurrent ? 'scoring' : 'published',
          createdBy: refs.legalId,
          createdAt: opened,
          publishedAt: isCurrent ? null : clamp(on(to, 32 + r() * 6)),
        })
        .returning({ id: evaluationRounds.id });
      const drawn = drawSample(population, perUnit, seed);
      let disputes = isCurrent ? 1 : Math.floor(r() * 2.6);
      for (const c of drawn) {
        const mu = drift.get(c.unitId) ?? 90;
        const base = { orgId, roundId: round!.id, caseId: c.id, unitId: c.unitId, officerId: c.officerId };
        if (isCurrent && r() < 0.45) {
          samples.push(base);
          continue;
        }
        const scoredAt = clamp(new Date(opened.getTime() + (1 + r() * 18) * DAY));
        const veto = mu < 92 && r() < 0.012;
        const vetoItem = pick(r, Object.keys(VETO_NOTES));
        const deductions = veto
          ? [{ item: vetoItem, points: 0, note: VETO_NOTES[vetoItem]! }]
          : deductionsFor(r, items, Math.min(100, mu + (r() + r() + r() - 1.5) * 4.5));
        const s = scoreSample({ fullScore: rubric.fullScore, items }, deductions, veto);
        const row = {
          ...base,
          evaluatorId: pick(r, refs.evaluators),
          status: isCurrent ? 'scored' : 'final',
          deductions,
          vetoed: s.vetoed,
          score: s.score.toFixed(1),
          scoredAt,
        };
        // A unit contests a middling score now and then; the detachment keeps it or takes back a deduction.
        if (disputes > 0 && !veto && deductions.length >= 2 && s.score < 93 && r() < 0.5) {
          disputes--;
          const disputedAt = clamp(new Date(scoredAt.getTime() + 2 * DAY));
          Object.assign(row, {
            status: isCurrent ? 'disputed' : 'final',
            disputeReason: pick(r, DISPUTE_REASONS),
            disputedBy: refs.unitLegal.get(c.unitId) ?? c.officerId,
            disputedAt,
            version: 3,
          });
          if (!isCurrent) {
            const revised = r() < 0.4;
            const kept = revised ? deductions.slice(1) : deductions;
            const rs = scoreSample({ fullScore: rubric.fullScore, items }, kept, false);
            Object.assign(row, {
              deductions: kept,
              score: rs.score.toFixed(1),
              disputeOutcome: revised ? 'revised' : 'upheld',
              disputeNote: revised ? '经复核，异议成立，撤销该项扣分' : '经复核，扣分依据充分，维持原评分',
              disputeDecidedBy: refs.legalId,
              disputeDecidedAt: clamp(new Date(disputedAt.getTime() + 3 * DAY)),
              version: 4,
            });
          }
        }
        samples.push({ ...row, version: (row as { version?: number }).version ?? (isCurrent ? 2 : 3) });
      }
    }
  }
  await insertSamples(tx, samples);
  await seedAwards(tx, orgId, refs, current.year, now);
  await seedSelfInspections(tx, orgId, refs, r, today, now);
}

/** The approved awards of every complete year, as the branch party committee approved them. */
async function seedAwards(tx: Queryable, orgId: number, refs: Refs, currentYear: number, now: number) {
  for (let year = 2021; year < currentYear; year++) {
    const ranking = await computeRanking(tx, orgId, { year, minSamples: 2, includeUnpublished: false });
    if (ranking.rounds.length === 0) continue;
    // Light years have few officers with two sampled cases: rank on one then.
    const starRanking =
      ranking.officers.filter((o) => o.vetoes === 0).length >= 8
        ? ranking
        : await computeRanking(tx, orgId, { year, minSamples: 1, includeUnpublished: false });
    // The committee approves exactly ten and eight; a tie at the cut goes to more evidence.
    const unitPicks = pickAwards(ranking, 10, 8).unitPicks.slice(0, 10);
    const starPicks = pickAwards(starRanking, 10, 8)
      .starPicks.sort((a, b) => a.rank - b.rank || b.samples - a.samples || a.officerId - b.officerId)
      .slice(0, 8);
    const unitYears = await unitHistory(tx, orgId, year);
    const starYears = await starHistory(tx, orgId, year);
    const proposedAt = on(`${year + 1}-01-12`);
    const approvedAt = on(`${year + 1}-01-26`);
    const approved = approvedAt.getTime() < now;
    const common = {
      orgId,
      year,
      proposedBy: refs.legalId,
      proposedAt: new Date(Math.min(proposedAt.getTime(), now - DAY)),
      status: approved ? 'approved' : 'proposed',
      approvedBy: approved ? refs.legalId : null,
      approvedAt: approved ? approvedAt : null,
    };
    const rows = [
      ...unitPicks.map((u) => ({
        ...common,
        kind: 'excellent_unit',
        unitId: u.unitId,
        officerId: null,
        rank: u.rank,
        score: u.average.toFixed(1),
        consecutiveYears: consecutiveYears(year, unitYears.get(u.unitId)),
      })),
      ...starPicks.map((o) => ({
        ...common,
        kind: 'legal_star',
        unitId: o.unitId,
        officerId: o.officerId,
        rank: o.rank,
        score: o.average.toFixed(1),
        consecutiveYears: consecutiveYears(year, starYears.get(o.officerId)),
      })),
    ];
    if (rows.length) await tx.insert(evaluationAwards).values(rows);
  }
}

/**
 * 执法办案区自查整改: the 24 areas of 2021 (the reference report's figure), then about ten a year
 * since; problems found are rectified within weeks, the last month's may still be open.
 */
async function seedSelfInspections(
  tx: Queryable,
  orgId: number,
  refs: Refs,
  r: Rng,
  today: string,
  now: number,
) {
  const idOf = new Map([...refs.unitCode].map(([id, code]) => [code, id]));
  const plan: { code: string; period: string; year: number; quarter: number }[] = AREA_UNITS_2021.map(
    (code, i) => ({
      code,
      year: 2021,
      quarter: 2 + (i % 3),
      period: `2021-Q${2 + (i % 3)}`,
    }),
  );
  const current = quarterOf(today);
  for (let year = 2022; year <= current.year; year++)
    for (const code of AREA_UNITS_2021) {
      if (r() > 0.42) continue;
      const quarter = 1 + Math.floor(r() * (year === current.year ? current.quarter : 4));
      plan.push({ code, year, quarter, period: `${year}-Q${quarter}` });
    }
  const rows = plan.flatMap((p) => {
    const unitId = idOf.get(p.code);
    if (unitId === undefined) return [];
    const { from, to } = quarterRange(p.year, p.quarter);
    if (from >= today) return [];
    const last = to < today ? to : today;
    const span = Math.max(0, (Date.parse(last) - Date.parse(from)) / DAY);
    const submittedAt = new Date(Math.min(on(from, r() * span).getTime(), now - DAY));
    const failing = new Set<number>();
    const n = r() < 0.35 ? 0 : 1 + Math.floor(r() * 3);
    while (failing.size < n) failing.add(Math.floor(r() * SELF_INSPECTION_ITEMS.length));
    const items = SELF_INSPECTION_ITEMS.map((item, i) => ({
      code: item.code,
      ok: !failing.has(i),
      note: failing.has(i) ? `${item.zh.split(/[（，、]/)[0]}存在不足，需整改` : '',
    }));
    const fixedAt = new Date(submittedAt.getTime() + (5 + r() * 20) * DAY);
    const open = n > 0 && fixedAt.getTime() > now;
    return [
      {
        orgId,
        unitId,
        period: p.period,
        items,
        problems: n,
        status: open ? 'open' : 'rectified',
        rectification: n && !open ? '已逐项整改：完善设施、补齐登记并组织民警学习办案区管理规定' : null,
        submittedBy: refs.unitLegal.get(unitId) ?? refs.legalId,
        submittedAt,
        rectifiedAt: open ? null : n ? fixedAt : submittedAt,
      },
    ];
  });
  if (rows.length) await tx.insert(selfInspections).values(rows).onConflictDoNothing();
}
