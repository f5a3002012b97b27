/**
 * Contracts of the daily checks of 执法监督: the command centre's body-camera spot check
 * (执法记录仪抽查, 40 incidents a day, published in the daily bulletin) and the inspectorate's
 * call-backs to the public (民意监测回访: every 入室盗窃 and a sample of other incidents; a
 * dissatisfied answer opens a second handling, 二次查办, tracked to closure). Also the sampling
 * both daily jobs share, pure so that the job, the demo seed and the tests draw alike.
 */
import { z } from 'zod';
import { Id, IsoDate, Paging } from '../platform/contracts.ts';
import type { Bilingual } from '../platform/errors.ts';
import type { Permission } from '../platform/permissions.ts';
import { seededRandom } from '../platform/random.ts';
import { SupervisionSettings } from './model.ts';

// ---- body-camera spot checks ----------------------------------------------------------------------

/** pending until a command-centre checker has looked at the footage. */
export const CAMERA_RESULTS = ['pending', 'recorded', 'partial', 'not_recorded'] as const;
export type CameraResult = (typeof CAMERA_RESULTS)[number];
/** What a checker records (a check cannot be put back to pending). */
export const CAMERA_OUTCOMES = ['recorded', 'partial', 'not_recorded'] as const;
export type CameraOutcome = (typeof CAMERA_OUTCOMES)[number];

export const CAMERA_RESULT_NAMES: Record<CameraResult, Bilingual> = {
  pending: { zh: '待抽查', en: 'To check' },
  recorded: { zh: '全程记录', en: 'Recorded' },
  partial: { zh: '部分记录', en: 'Partly recorded' },
  not_recorded: { zh: '未记录', en: 'Not recorded' },
};

/**
 * Disposals after which officers were at the scene, so the camera should have run: handled on
 * the scene, a case opened, mediated, or attended without further action. Transferred incidents
 * (handed to another authority, often without attendance) and undisposed ones are not sampled.
 */
export const CAMERA_ATTENDED_DISPOSALS = [
  'handled_on_scene',
  'case_opened',
  'mediated',
  'no_action',
] as const;

export const CameraCheckListQuery = Paging.extend({
  /** The incidents' day (抽查的警情日期), not the day the check was made. */
  day: IsoDate.optional(),
  /** The unit and its subtree. */
  unit: Id.optional(),
  result: z.enum(CAMERA_RESULTS).optional(),
  /** Incident number. */
  q: z.string().trim().max(50).optional(),
});
export type CameraCheckListQuery = z.infer<typeof CameraCheckListQuery>;

export const CameraCheckResponse = z.object({
  id: z.number(),
  sampleDay: IsoDate,
  incidentId: z.number(),
  incidentNo: z.string(),
  receivedAt: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  place: z.string(),
  disposal: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  officerNames: z.array(z.string()),
  /** What the unit itself reported on the incident (null: not stated). */
  reportedRecorded: z.boolean().nullable(),
  cameraEvidenceRef: z.string().nullable(),
  result: z.enum(CAMERA_RESULTS),
  note: z.string().nullable(),
  checkedBy: z.string().nullable(),
  checkedAt: z.string().nullable(),
});
export type CameraCheckResponse = z.infer<typeof CameraCheckResponse>;

export const CameraCheckCounts = z.object({
  total: z.number(),
  pending: z.number(),
  recorded: z.number(),
  partial: z.number(),
  notRecorded: z.number(),
});
export type CameraCheckCounts = z.infer<typeof CameraCheckCounts>;

export const CameraCheckListResponse = z.object({
  items: z.array(CameraCheckResponse),
  total: z.number(),
  /** Of everything the filters select, ignoring the result filter and paging. */
  counts: CameraCheckCounts,
});
export type CameraCheckListResponse = z.infer<typeof CameraCheckListResponse>;

export const CameraCheckResultRequest = z.object({
  result: z.enum(CAMERA_OUTCOMES),
  note: z.string().trim().max(500).nullish(),
});
export type CameraCheckResultRequest = z.infer<typeof CameraCheckResultRequest>;

export const CameraSampleRequest = z.object({ day: IsoDate });
export type CameraSampleRequest = z.infer<typeof CameraSampleRequest>;

export const CameraSampleResponse = z.object({
  day: IsoDate,
  /** False when the day's sample had been drawn before (nothing new was drawn). */
  drawn: z.boolean(),
  /** Incidents of the day a camera check applies to. */
  eligible: z.number(),
  /** The sample size in force. */
  sampleSize: z.number(),
  /** Checks of the day now. */
  count: z.number(),
});
export type CameraSampleResponse = z.infer<typeof CameraSampleResponse>;

export const CameraBulletinQuery = z.object({ day: IsoDate.optional() });
export type CameraBulletinQuery = z.infer<typeof CameraBulletinQuery>;

export const CameraBulletinRow = z.object({
  unitId: z.number().nullable(),
  unitName: z.string(),
  sampled: z.number(),
  recorded: z.number(),
  partial: z.number(),
  notRecorded: z.number(),
  pending: z.number(),
  /** 开启率: (recorded + partial) / checked; null while nothing is checked. */
  openRate: z.number().nullable(),
  /** 全程记录率: recorded / checked. */
  fullRate: z.number().nullable(),
});
export type CameraBulletinRow = z.infer<typeof CameraBulletinRow>;

/** 每日警情通报 — the 4G 执法记录仪 section: per unit, the total, and every failure. */
export const CameraBulletinResponse = z.object({
  day: IsoDate,
  totals: CameraBulletinRow,
  units: z.array(CameraBulletinRow),
  failures: z.array(CameraCheckResponse),
});
export type CameraBulletinResponse = z.infer<typeof CameraBulletinResponse>;

/** Share of the checked (not pending) that were opened / fully recorded. */
export function cameraRates(r: { recorded: number; partial: number; notRecorded: number }) {
  const checked = r.recorded + r.partial + r.notRecorded;
  if (checked === 0) return { openRate: null, fullRate: null };
  return { openRate: (r.recorded + r.partial) / checked, fullRate: r.recorded / checked };
}

// ---- call-backs (民意监测) -------------------------------------------------------------------------

/** 入室盗窃: every incident of this category is called back. */
export const BURGLARY_CATEGORY = 'XS-RSDQ';
/** After this many failed calls a call-back is closed as unreachable. */
export const CALLBACK_MAX_ATTEMPTS = 3;

export const CALLBACK_REASONS = ['burglary', 'sample'] as const;
export type CallbackReason = (typeof CALLBACK_REASONS)[number];
export const CALLBACK_REASON_NAMES: Record<CallbackReason, Bilingual> = {
  burglary: { zh: '入室盗窃必访', en: 'Burglary (always)' },
  sample: { zh: '抽样回访', en: 'Sampled' },
};

export const CALLBACK_STATUSES = ['pending', 'done', 'unreachable'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];
export const CALLBACK_STATUS_NAMES: Record<CallbackStatus, Bilingual> = {
  pending: { zh: '待回访', en: 'To call' },
  done: { zh: '已回访', en: 'Called' },
  unreachable: { zh: '无法联系', en: 'Unreachable' },
};

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const SATISFACTION_NAMES: Record<Satisfaction, Bilingual> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
};

/** 二次查办 of a dissatisfied answer: none, open (the unit is on it), done. */
export const FOLLOW_UP_STATUSES = ['none', 'open', 'done'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
export const FOLLOW_UP_STATUS_NAMES: Record<FollowUpStatus, Bilingual> = {
  none: { zh: '无', en: 'None' },
  open: { zh: '二次查办中', en: 'Second handling open' },
  done: { zh: '已办结', en: 'Closed' },
};
/** The list's follow-up filter: any 二次查办, open ones, closed ones, open past the due date. */
export const FOLLOW_UP_FILTERS = ['any', 'open', 'done', 'overdue'] as const;
export type FollowUpFilter = (typeof FOLLOW_UP_FILTERS)[number];

/** The 二次查办 filter of the call-back list. */
export const FOLLOW_UP_FILTER_NAMES: Record<FollowUpFilter, Bilingual> = {
  any: { zh: '全部二次查办', en: 'Any' },
  open: { zh: '办理中', en: 'Open' },
  done: { zh: '已办结', en: 'Closed' },
  overdue: { zh: '已超期', en: 'Overdue' },
};

/**
 * What can be done to a call-back: `call` (the inspectorate records the answer or a failed call)
 * while it is pending; `followUp` (the unit records the result of its second handling, which
 * closes it) while the 二次查办 is open.
 */
export const CALLBACK_ACTIONS = ['call', 'followUp'] as const;
export type CallbackAction = (typeof CALLBACK_ACTIONS)[number];
export const CALLBACK_ACTION_PERMISSIONS: Record<CallbackAction, Permission> = {
  call: 'callback.perform',
  followUp: 'supervision.answer',
};

export function availableCallbackActions(
  cb: { status: CallbackStatus; followUpStatus: FollowUpStatus },
  permissions: readonly string[],
): CallbackAction[] {
  const open: CallbackAction[] = [];
  if (cb.status === 'pending') open.push('call');
  if (cb.followUpStatus === 'open') open.push('followUp');
  return open.filter((a) => permissions.includes(CALLBACK_ACTION_PERMISSIONS[a]));
}

export const CallbackListQuery = Paging.extend({
  status: z.enum(CALLBACK_STATUSES).optional(),
  reason: z.enum(CALLBACK_REASONS).optional(),
  satisfaction: z.enum(SATISFACTIONS).optional(),
  followUp: z.enum(FOLLOW_UP_FILTERS).optional(),
  /** The unit and its subtree. */
  unit: Id.optional(),
  /** Task day (createdOn) from/to. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** Incident number. */
  q: z.string().trim().max(50).optional(),
});
export type CallbackListQuery = z.infer<typeof CallbackListQuery>;

export const CallbackResponse = z.object({
  id: z.number(),
  incidentId: z.number(),
  incidentNo: z.string(),
  receivedAt: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  reason: z.enum(CALLBACK_REASONS),
  createdOn: IsoDate,
  status: z.enum(CALLBACK_STATUSES),
  satisfaction: z.enum(SATISFACTIONS).nullable(),
  note: z.string().nullable(),
  attempts: z.number(),
  calledBy: z.string().nullable(),
  calledAt: z.string().nullable(),
  /** Masked (张**, 138****5678): the full number only in the call dialog, see CallbackContactResponse. */
  callerName: z.string(),
  callerPhone: z.string(),
  hasPhone: z.boolean(),
  followUpStatus: z.enum(FOLLOW_UP_STATUSES),
  followUpDueOn: IsoDate.nullable(),
  followUpOverdue: z.boolean(),
  followUpResult: z.string().nullable(),
  followUpBy: z.string().nullable(),
  followUpClosedAt: z.string().nullable(),
  actions: z.array(z.enum(CALLBACK_ACTIONS)),
});
export type CallbackResponse = z.infer<typeof CallbackResponse>;

export const CallbackCounts = z.object({
  pending: z.number(),
  done: z.number(),
  unreachable: z.number(),
  dissatisfied: z.number(),
  followUpOpen: z.number(),
  followUpOverdue: z.number(),
});
export type CallbackCounts = z.infer<typeof CallbackCounts>;

export const CallbackListResponse = z.object({
  items: z.array(CallbackResponse),
  total: z.number(),
  /** In the caller's scope (and unit filter), ignoring the other filters. */
  counts: CallbackCounts,
});
export type CallbackListResponse = z.infer<typeof CallbackListResponse>;

/** The caller's full name and number, for the inspector making the call (the reveal is audited). */
export const CallbackContactResponse = z.object({
  id: z.number(),
  incidentNo: z.string(),
  callerName: z.string().nullable(),
  callerPhone: z.string().nullable(),
  attempts: z.number(),
});
export type CallbackContactResponse = z.infer<typeof CallbackContactResponse>;

export const CALLBACK_RESULT_STATUSES = ['done', 'unreachable'] as const;
export const CallbackResultRequest = z.object({
  status: z.enum(CALLBACK_RESULT_STATUSES),
  /** Required when done; not given when unreachable. */
  satisfaction: z.enum(SATISFACTIONS).nullish(),
  /** Required when dissatisfied: what the caller is unhappy about goes to the unit. */
  note: z.string().trim().max(1000).nullish(),
});
export type CallbackResultRequest = z.infer<typeof CallbackResultRequest>;

export const CallbackFollowUpRequest = z.object({ result: z.string().trim().min(1).max(2000) });
export type CallbackFollowUpRequest = z.infer<typeof CallbackFollowUpRequest>;

// ---- settings --------------------------------------------------------------------------------------

/** GET and PUT /api/supervision/settings: the whole settings document (see model.ts). */
export const SupervisionSettingsResponse = SupervisionSettings;
export const SupervisionSettingsUpdateRequest = SupervisionSettings;
export type SupervisionSettingsUpdateRequest = SupervisionSettings;

// ---- sampling --------------------------------------------------------------------------------------

/** A 32-bit seed from text (FNV-1a): the same org, day and purpose always give the same draw. */
export function sampleSeed(purpose: string, orgId: number, day: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${purpose}:${orgId}:${day}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * A random sample of `n` items spread over the units in proportion to their volume (stratified,
 * proportional allocation by largest remainder): each unit gets floor(n × its share), and the
 * seats left go to the largest remainders (ties drawn at random). Inside a unit the items are
 * shuffled with the same seeded generator. The result depends only on the set of items, `n`
 * and `seed` (not on the input order), so a re-run draws the same sample; with `n` at or above
 * the number of items every item is taken.
 */
export function stratifiedSample<T extends { id: number; unitId: number }>(
  items: readonly T[],
  n: number,
  seed: number,
): T[] {
  const sorted = [...items].sort((a, b) => a.id - b.id);
  if (n <= 0) return [];
  if (sorted.length <= n) return sorted;
  const rnd = seededRandom(seed);
  const byUnit = new Map<number, T[]>();
  for (const it of sorted) {
    const list = byUnit.get(it.unitId);
    if (list) list.push(it);
    else byUnit.set(it.unitId, [it]);
  }
  const strata = [...byUnit.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([unitId, list]) => {
      const exact = (n * list.length) / sorted.length;
      return { unitId, list, quota: Math.floor(exact), rest: exact - Math.floor(exact), tie: rnd() };
    });
  let left = n - strata.reduce((s, x) => s + x.quota, 0);
  for (const s of [...strata].sort((a, b) => b.rest - a.rest || a.tie - b.tie)) {
    if (left === 0) break;
    if (s.quota < s.list.length) {
      s.quota++;
      left--;
    }
  }
  const out: T[] = [];
  for (const s of strata) {
    const list = [...s.list];
    // Partial Fisher–Yates: the first `quota` places are a uniform random draw of the unit.
    for (let i = 0; i < s.quota; i++) {
      const j = i + Math.floor(rnd() * (list.length - i));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    out.push(...list.slice(0, s.quota));
  }
  return out.sort((a, b) => a.id - b.id);
}

/**
 * How many of `eligible` incidents the call-back rate selects: eligible × rate, its fraction
 * rounded up with that probability (seeded), so small days are not always rounded to nothing
 * and the long-run share equals the rate.
 */
export function callbackSampleCount(eligible: number, rate: number, seed: number): number {
  if (eligible === 0 || rate <= 0) return 0;
  const exact = eligible * rate;
  const whole = Math.floor(exact);
  return Math.min(eligible, whole + (seededRandom(seed)() < exact - whole ? 1 : 0));
}
