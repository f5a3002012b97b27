/**
 * The vocabulary of 执法质量考评 (quality evaluation): the rubric's shape, the scoring rule, the
 * sample workflow as data and the 执法办案区自查 checklist. Pure: the server enforces these, the
 * web app draws its buttons and forms from them.
 */
import type { Bilingual } from '../platform/errors.ts';
import type { Permission } from '../platform/permissions.ts';

/** One rubric item: the most it can take off a case's score, or a veto (一票否决 → score 0). */
export interface RubricItemShape {
  code: string;
  nameZh: string;
  nameEn: string;
  /** Points one case can lose on this item at most (a veto item's value is not used). */
  maxDeduction: number;
  veto: boolean;
}

export interface RubricShape {
  fullScore: number;
  items: readonly RubricItemShape[];
}

export interface DeductionShape {
  item: string;
  points: number;
  note?: string | null;
}

export interface SampleScore {
  /** fullScore less the capped deductions, never below 0; 0 on a veto. One decimal. */
  score: number;
  vetoed: boolean;
  /** Points taken off after capping each item at its maximum (before the floor at 0). */
  deducted: number;
  /** Capped deduction per item code. */
  byItem: Record<string, number>;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The score of one sampled case. Deductions on the same item add up but never exceed the item's
 * maximum (a rubric item is the ceiling of what one kind of defect may cost); the total is floored
 * at 0. A case is vetoed when the evaluator says so or when a deduction names a veto item:
 * 刑讯逼供, unlawful coercive measures or a wrong case make the whole case worth nothing.
 * Deductions naming an item that is not in the rubric are ignored (the server refuses them first).
 */
export function scoreSample(
  rubric: RubricShape,
  deductions: readonly DeductionShape[],
  vetoed: boolean,
): SampleScore {
  const items = new Map(rubric.items.map((i) => [i.code, i]));
  const byItem: Record<string, number> = {};
  let veto = vetoed;
  for (const d of deductions) {
    const item = items.get(d.item);
    if (!item) continue;
    if (item.veto) {
      veto = true;
      continue;
    }
    const points = Math.max(0, d.points);
    byItem[item.code] = Math.min(item.maxDeduction, (byItem[item.code] ?? 0) + points);
  }
  const deducted = round1(Object.values(byItem).reduce((a, b) => a + b, 0));
  return {
    score: veto ? 0 : round1(Math.max(0, rubric.fullScore - deducted)),
    vetoed: veto,
    deducted,
    byItem,
  };
}

// ---- rounds and samples ------------------------------------------------------------------------

export const ROUND_STATUSES = ['scoring', 'published'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** An evaluation round: being scored, or its results published. */
export const ROUND_STATUS_NAMES: Record<RoundStatus, Bilingual> = {
  scoring: { zh: '评分中', en: 'Scoring' },
  published: { zh: '已发布', en: 'Published' },
};

/**
 * pending → scored (an evaluator's score, which may be changed while the round is scoring) →
 * disputed (the unit contests it) → final (the detachment decided). Publishing the round makes
 * every scored sample final. One dispute per sample: a decision is the last word.
 */
export const SAMPLE_STATUSES = ['pending', 'scored', 'disputed', 'final'] as const;
export type SampleStatus = (typeof SAMPLE_STATUSES)[number];

/** A sampled case's score. */
export const SAMPLE_STATUS_NAMES: Record<SampleStatus, Bilingual> = {
  pending: { zh: '待评分', en: 'To score' },
  scored: { zh: '已评分', en: 'Scored' },
  disputed: { zh: '有异议', en: 'Disputed' },
  final: { zh: '已定分', en: 'Final' },
};

export const SAMPLE_ACTIONS = ['score', 'dispute', 'decide_dispute'] as const;
export type SampleAction = (typeof SAMPLE_ACTIONS)[number];

/** Who may take a sample action: the detachment's evaluators or the sampled case's unit. */
export type SampleActor = 'evaluator' | 'unit';

export interface SampleTransition {
  to: SampleStatus;
  by: SampleActor;
}

export const SAMPLE_WORKFLOW = {
  pending: { score: { to: 'scored', by: 'evaluator' } },
  scored: {
    score: { to: 'scored', by: 'evaluator' },
    dispute: { to: 'disputed', by: 'unit' },
  },
  disputed: { decide_dispute: { to: 'final', by: 'evaluator' } },
  final: {},
} as const satisfies Record<SampleStatus, Partial<Record<SampleAction, SampleTransition>>>;

/** The permission each actor needs (the unit's also needs the sample's unit in its scope). */
export const SAMPLE_ACTOR_PERMISSION: Record<SampleActor, Permission> = {
  evaluator: 'evaluation.manage',
  unit: 'supervision.answer',
};

export function sampleTransition(status: SampleStatus, action: SampleAction): SampleTransition | undefined {
  const row = SAMPLE_WORKFLOW[status] as Partial<Record<SampleAction, SampleTransition>>;
  return row[action];
}

export interface SampleForActions {
  status: SampleStatus;
  roundStatus: RoundStatus;
}

export interface UserForSampleActions {
  permissions: readonly Permission[];
  /** The sample's unit is within the user's data scope. */
  unitInScope: boolean;
}

/** What this user may do with this sample now; a published round allows nothing. */
export function availableSampleActions(s: SampleForActions, u: UserForSampleActions): SampleAction[] {
  if (s.roundStatus !== 'scoring') return [];
  const row = SAMPLE_WORKFLOW[s.status] as Partial<Record<SampleAction, SampleTransition>>;
  return (Object.entries(row) as [SampleAction, SampleTransition][])
    .filter(([, t]) => {
      if (!u.permissions.includes(SAMPLE_ACTOR_PERMISSION[t.by])) return false;
      return t.by === 'unit' ? u.unitInScope : true;
    })
    .map(([a]) => a);
}

/** Why a round cannot be published yet (empty: it can). */
export type PublishBlocker = 'unscored' | 'disputes_open' | 'published' | 'empty';

export function publishBlockers(
  roundStatus: RoundStatus,
  counts: { samples: number; pending: number; disputed: number },
): PublishBlocker[] {
  if (roundStatus === 'published') return ['published'];
  const out: PublishBlocker[] = [];
  if (counts.samples === 0) out.push('empty');
  if (counts.pending > 0) out.push('unscored');
  if (counts.disputed > 0) out.push('disputes_open');
  return out;
}

/** Quarter label used for rounds and self-inspection periods, e.g. `2021-Q3`. */
export function quarterLabel(year: number, quarter: number): string {
  return `${year}-Q${quarter}`;
}

/** First and last calendar day (ISO) of a quarter. */
export function quarterRange(year: number, quarter: number): { from: string; to: string } {
  const m0 = (quarter - 1) * 3 + 1;
  const from = `${year}-${String(m0).padStart(2, '0')}-01`;
  const lastMonth = m0 + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const to = `${year}-${String(lastMonth).padStart(2, '0')}-${lastDay}`;
  return { from, to };
}

/** The quarter (1–4) of an ISO date. */
export function quarterOf(isoDate: string): { year: number; quarter: number } {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

/**
 * Default sample per case-handling unit and quarter. The reference report evaluated 280 cases in
 * 2021 across 41 case-handling units, i.e. about 70 a quarter; two per unit gives at most 82 a
 * quarter, and units that closed fewer cases give fewer, which lands near 280 a year.
 */
export const DEFAULT_PER_UNIT = 2;
export const MAX_PER_UNIT = 20;

// ---- awards ------------------------------------------------------------------------------------

export const AWARD_KINDS = ['excellent_unit', 'legal_star'] as const;
export type AwardKind = (typeof AWARD_KINDS)[number];
export const AWARD_KIND_NAMES: Record<AwardKind, { zh: string; en: string }> = {
  excellent_unit: { zh: '执法质量优秀单位', en: 'Excellent law-enforcement quality unit' },
  legal_star: { zh: '法制之星', en: 'Rule-of-law star' },
};
export const AWARD_STATUSES = ['proposed', 'approved'] as const;
export type AwardStatus = (typeof AWARD_STATUSES)[number];

/** An award proposal: proposed by the scores, approved by the head. */
export const AWARD_STATUS_NAMES: Record<AwardStatus, Bilingual> = {
  proposed: { zh: '待审批', en: 'Proposed' },
  approved: { zh: '已审批', en: 'Approved' },
};
/** A unit excellent this many years in a row earns its head and legal officer a 三等功 proposal. */
export const MERIT_CONSECUTIVE_YEARS = 3;
export const DEFAULT_AWARD_UNITS = 10;
export const DEFAULT_AWARD_STARS = 8;
/** An officer needs at least this many scored samples in the year to be ranked for 法制之星. */
export const DEFAULT_STAR_MIN_SAMPLES = 2;

/**
 * Competition ranking ("1, 1, 3"): equal keys share a rank. `key` returns the values compared in
 * order, larger first.
 */
export function competitionRanks<T>(rows: readonly T[], key: (r: T) => readonly number[]): number[] {
  const order = rows.map((_, i) => i);
  const cmp = (a: number, b: number) => {
    const ka = key(rows[a]!);
    const kb = key(rows[b]!);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
    return 0;
  };
  order.sort(cmp);
  const ranks = new Array<number>(rows.length);
  order.forEach((idx, pos) => {
    const prev = pos > 0 ? order[pos - 1]! : -1;
    ranks[idx] = prev >= 0 && cmp(prev, idx) === 0 ? ranks[prev]! : pos + 1;
  });
  return ranks;
}

// ---- self-inspection of case-handling areas (执法办案区自查整改) --------------------------------

export const SELF_INSPECTION_ITEMS = [
  {
    code: 'zoning',
    zh: '功能分区设置规范（办案、候问、询问讯问、辨认、物品保管等区域）',
    en: 'Functional zones laid out as required (handling, waiting, interview, identification, property)',
  },
  {
    code: 'video_coverage',
    zh: '视频监控全覆盖、无死角，录像保存期限符合规定',
    en: 'Video surveillance covers every area with no blind spots; recordings kept as required',
  },
  {
    code: 'body_search',
    zh: '进入办案区人员均进行人身安全检查并记录',
    en: 'Everyone brought in is searched for safety and the search recorded',
  },
  {
    code: 'registration',
    zh: '涉案人员信息登记完整、及时',
    en: 'Persons brought in are registered completely and on time',
  },
  {
    code: 'belongings',
    zh: '随身物品登记、保管、返还手续齐全',
    en: 'Personal belongings logged, kept and returned with full records',
  },
  {
    code: 'custody',
    zh: '看管措施落实，不得单人看管、脱离视线',
    en: 'Custody in place: never one guard alone, never out of sight',
  },
  {
    code: 'entry_exit',
    zh: '出入办案区登记完整，离开去向清楚',
    en: 'Entry and exit logged completely, with where each person went',
  },
  {
    code: 'safety_facilities',
    zh: '安全防护设施完好（软包、防撞、紧急呼叫、消防）',
    en: 'Safety fittings intact (padding, anti-collision, emergency call, fire)',
  },
  {
    code: 'seized_property',
    zh: '涉案财物登记、移交、保管符合规定',
    en: 'Seized property logged, handed over and stored as required',
  },
  {
    code: 'time_limits',
    zh: '传唤、继续盘问时限遵守，无超时滞留',
    en: 'Summons and continued-questioning limits kept; nobody held too long',
  },
  {
    code: 'legal_notices',
    zh: '权利义务告知到位，法律文书完备',
    en: 'Rights and duties notified; legal documents complete',
  },
  {
    code: 'management_rules',
    zh: '管理制度上墙，值班和管理人员在岗',
    en: 'Rules displayed; duty and management staff present',
  },
] as const satisfies readonly { code: string; zh: string; en: string }[];
export type SelfInspectionItemCode = (typeof SELF_INSPECTION_ITEMS)[number]['code'];
export const SELF_INSPECTION_CODES = SELF_INSPECTION_ITEMS.map((i) => i.code) as [
  SelfInspectionItemCode,
  ...SelfInspectionItemCode[],
];

/** open: problems being fixed; rectified: fixed (or nothing to fix). */
export const SELF_INSPECTION_STATUSES = ['open', 'rectified'] as const;
export type SelfInspectionStatus = (typeof SELF_INSPECTION_STATUSES)[number];

/** A self-inspection's problems: being fixed, or fixed. */
export const SELF_INSPECTION_STATUS_NAMES: Record<SelfInspectionStatus, Bilingual> = {
  open: { zh: '整改中', en: 'Being fixed' },
  rectified: { zh: '已整改', en: 'Fixed' },
};
