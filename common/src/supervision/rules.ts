/**
 * Contracts of 执法监督 rules and scans: the rule list and its versions, the per-kind parameter
 * schemas (validated on PUT, drawn as a form by the web app), scans and their counts, and the
 * wording of what a scan records (finding messages, the reasons a finding resolved by itself).
 */
import { z } from 'zod';
import { PROCEEDING_KINDS } from '../cases/contracts.ts';
import { CASE_STATUSES, CASE_TYPES, DECISION_KINDS } from '../cases/workflow.ts';
import { INCIDENT_DISPOSALS } from '../incidents/dictionaries.ts';
import { IsoDate, Paging } from '../platform/contracts.ts';
import type { Bilingual, Locale } from '../platform/errors.ts';
import { RULE_KINDS, RULE_SCOPES, type RuleKind, SCAN_MODES, SCAN_TRIGGERS, SEVERITIES } from './model.ts';

type Names = { zh: string; en: string };

/** What a rule looks at. */
export const RULE_SCOPE_NAMES: Record<(typeof RULE_SCOPES)[number], Bilingual> = {
  incident: { zh: '警情', en: 'Incident' },
  case: { zh: '案件', en: 'Case' },
  publication: { zh: '公示', en: 'Publicity' },
  review: { zh: '审核', en: 'Review' },
  proceeding: { zh: '程序', en: 'Proceeding' },
};

export const RULE_KIND_NAMES: Record<RuleKind, Names> = {
  incident_without_case: { zh: '有警无案（应立未立）', en: 'Incident without a case' },
  case_idle: { zh: '立而不侦', en: 'Case idle' },
  clock_overdue: { zh: '法定期限已超', en: 'Statutory deadline overdue' },
  clock_due_soon: { zh: '法定期限将至', en: 'Statutory deadline due soon' },
  camera_not_recorded: { zh: '执法记录仪未开启', en: 'Body camera not recording' },
  not_in_centre: { zh: '未在执法办案管理中心办理', en: 'Not handled in the case-handling centre' },
  publicity_late: { zh: '执法公示逾期或未公示', en: 'Publicity late or missing' },
  decision_without_item: { zh: '决定未关联处罚事项', en: 'Decision without a penalty item' },
  unqualified_reviewer: {
    zh: '审核人员不具备相应执法资格',
    en: 'Reviewer without the required qualification',
  },
  major_without_discussion: { zh: '重大案件未集体讨论', en: 'Major case without collective discussion' },
  repeated_send_backs: { zh: '案件反复退回', en: 'Repeated send-backs' },
  notice_not_served: { zh: '不予立案通知书未按期送达', en: 'Not-filed notice not served in time' },
};

export const SEVERITY_NAMES: Record<(typeof SEVERITIES)[number], Names> = {
  low: { zh: '一般', en: 'Low' },
  medium: { zh: '较重', en: 'Medium' },
  high: { zh: '严重', en: 'High' },
};

export const SCAN_STATUSES = ['running', 'done', 'failed'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];
export const SCAN_STATUS_NAMES: Record<ScanStatus, Names> = {
  running: { zh: '扫描中', en: 'Running' },
  done: { zh: '已完成', en: 'Done' },
  failed: { zh: '失败', en: 'Failed' },
};
export const SCAN_MODE_NAMES: Record<(typeof SCAN_MODES)[number], Names> = {
  full: { zh: '全量扫描', en: 'Full scan' },
  incremental: { zh: '增量扫描', en: 'Incremental scan' },
};
export const SCAN_TRIGGER_NAMES: Record<(typeof SCAN_TRIGGERS)[number], Names> = {
  schedule: { zh: '每日定时', en: 'Scheduled' },
  manual: { zh: '手动', en: 'Manual' },
};

// ---- parameters per kind --------------------------------------------------------------------

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).max(values.length);
const LEVELS = ['none', 'basic', 'intermediate', 'advanced'] as const;
const PUBLICITY_KINDS = ['warning', 'fine', 'confiscation', 'detention'] as const;

/**
 * The parameters of each rule kind. Every field has a default, so `schema.parse({})` gives the
 * kind's defaults; a PUT is validated strictly (unknown keys refused) with errors `params.<name>`.
 */
export const RULE_PARAM_SCHEMAS = {
  incident_without_case: z.strictObject({
    /** Hours after receipt by which an incident of a needs-case category must have a case. */
    hours: int(1, 720).default(24),
    /** Disposals that lawfully end an incident without a case here (移送, 当场调解). */
    exemptDisposals: list(INCIDENT_DISPOSALS).default(['transferred', 'mediated']),
  }),
  case_idle: z.strictObject({
    /** Days without any activity (update, review, evidence, proceeding, discussion). */
    days: int(1, 365).default(30),
    statuses: list(CASE_STATUSES).default(['acceptance_review', 'filing_review', 'investigating']),
  }),
  clock_overdue: z.strictObject({
    /** Days past the due date before it counts (0: the day after the due date). */
    graceDays: int(0, 30).default(0),
    includeProceedings: z.boolean().default(true),
    /** Proceedings watched by a rule of their own (the not-filed notice: notice_not_served). */
    excludeProceedingKinds: list(PROCEEDING_KINDS).default(['not_filed_notice']),
  }),
  clock_due_soon: z.strictObject({
    /** Calendar days before the due date from which the clock counts as due soon. */
    days: int(1, 30).default(3),
    includeProceedings: z.boolean().default(true),
  }),
  camera_not_recorded: z.strictObject({
    /** Hours after disposal during which an unknown camera flag is not yet a problem. */
    graceHours: int(0, 168).default(24),
    /** A disposed incident whose camera flag was never recorded counts as not recorded. */
    includeUnknown: z.boolean().default(true),
    /** Results of the command centre's spot check (指挥中心抽查) that make a finding. */
    spotCheckResults: list(['not_recorded', 'partial'] as const).default(['not_recorded', 'partial']),
  }),
  not_in_centre: z.strictObject({
    /** Case types that must be handled in the 执法办案管理中心. */
    caseTypes: list(CASE_TYPES).default(['criminal']),
    /** Decisions (proposed or made) that bring a case of any type there, e.g. 行政拘留. */
    decisions: list(DECISION_KINDS).default(['detention']),
  }),
  publicity_late: z.strictObject({
    graceDays: int(0, 30).default(0),
    /** Also flag decisions published after their due date (not only those still pending). */
    includePublishedLate: z.boolean().default(true),
  }),
  decision_without_item: z.strictObject({
    /** Decision kinds that must cite the penalty item (处罚事项) they apply. */
    kinds: list(PUBLICITY_KINDS).default(['warning', 'fine', 'confiscation', 'detention']),
  }),
  unqualified_reviewer: z.strictObject({
    /** The legal detachment's gate: 'setting' follows the branch's legal_gate_min_qualification. */
    legalGateLevel: z.enum(['setting', 'basic', 'intermediate', 'advanced']).default('setting'),
    /** The level the unit gates (法制员, 办案部门负责人) and the branch head need; none: not checked. */
    otherGatesLevel: z.enum(LEVELS).default('basic'),
  }),
  major_without_discussion: z.strictObject({
    /** Also require collective discussion of cases flagged complex (疑难复杂). */
    includeComplex: z.boolean().default(false),
  }),
  repeated_send_backs: z.strictObject({
    /** Send-backs of one case from which it is a problem. */
    threshold: int(2, 20).default(2),
    /** Count a gate's disagreement (不同意) as a send-back too. */
    countDisagree: z.boolean().default(false),
  }),
  notice_not_served: z.strictObject({
    /** Days from the not-filed decision to serve the notice (刑事案件程序规定: 3 days). */
    days: int(1, 30).default(3),
  }),
} as const satisfies Record<RuleKind, z.ZodType>;

export type RuleParams<K extends RuleKind> = z.infer<(typeof RULE_PARAM_SCHEMAS)[K]>;

/** The kind's parameters with every default filled in. */
export function defaultRuleParams<K extends RuleKind>(kind: K): RuleParams<K> {
  return RULE_PARAM_SCHEMAS[kind].parse({}) as RuleParams<K>;
}

/** How the web app draws a parameter (labels in both languages; options are codes). */
export interface RuleParamField {
  name: string;
  type: 'int' | 'boolean' | 'enum' | 'enumList';
  min?: number;
  max?: number;
  options?: readonly string[];
  label: Names;
}

const f = (
  name: string,
  type: RuleParamField['type'],
  zh: string,
  en: string,
  extra: Partial<RuleParamField> = {},
): RuleParamField => ({ name, type, label: { zh, en }, ...extra });

export const RULE_PARAM_FIELDS: Record<RuleKind, readonly RuleParamField[]> = {
  incident_without_case: [
    f('hours', 'int', '接警后应受案立案时限（小时）', 'Hours after receipt', { min: 1, max: 720 }),
    f('exemptDisposals', 'enumList', '不视为问题的处警结果', 'Exempt disposals', {
      options: INCIDENT_DISPOSALS,
    }),
  ],
  case_idle: [
    f('days', 'int', '无办案活动天数', 'Days without activity', { min: 1, max: 365 }),
    f('statuses', 'enumList', '检查的案件状态', 'Case statuses checked', { options: CASE_STATUSES }),
  ],
  clock_overdue: [
    f('graceDays', 'int', '宽限天数', 'Grace days', { min: 0, max: 30 }),
    f('includeProceedings', 'boolean', '包括附属程序期限', 'Include proceedings'),
    f('excludeProceedingKinds', 'enumList', '排除的附属程序', 'Excluded proceedings', {
      options: PROCEEDING_KINDS,
    }),
  ],
  clock_due_soon: [
    f('days', 'int', '到期前提醒天数', 'Days before due', { min: 1, max: 30 }),
    f('includeProceedings', 'boolean', '包括附属程序期限', 'Include proceedings'),
  ],
  camera_not_recorded: [
    f('graceHours', 'int', '处警后补录时限（小时）', 'Hours to record the flag', { min: 0, max: 168 }),
    f('includeUnknown', 'boolean', '未登记视为未开启', 'Unknown counts as not recorded'),
    f('spotCheckResults', 'enumList', '抽查结果', 'Spot-check results', {
      options: ['not_recorded', 'partial'],
    }),
  ],
  not_in_centre: [
    f('caseTypes', 'enumList', '须进中心办理的案件类型', 'Case types', { options: CASE_TYPES }),
    f('decisions', 'enumList', '须进中心办理的处理决定', 'Decisions', { options: DECISION_KINDS }),
  ],
  publicity_late: [
    f('graceDays', 'int', '宽限天数', 'Grace days', { min: 0, max: 30 }),
    f('includePublishedLate', 'boolean', '包括逾期后公示', 'Include late publications'),
  ],
  decision_without_item: [
    f('kinds', 'enumList', '须关联处罚事项的决定', 'Decision kinds', { options: PUBLICITY_KINDS }),
  ],
  unqualified_reviewer: [
    f('legalGateLevel', 'enum', '法制部门审核关资格', 'Legal gate level', {
      options: ['setting', 'basic', 'intermediate', 'advanced'],
    }),
    f('otherGatesLevel', 'enum', '其他审核关资格', 'Other gates level', { options: LEVELS }),
  ],
  major_without_discussion: [f('includeComplex', 'boolean', '包括疑难复杂案件', 'Include complex cases')],
  repeated_send_backs: [
    f('threshold', 'int', '退回次数', 'Send-backs', { min: 2, max: 20 }),
    f('countDisagree', 'boolean', '不同意计入退回', 'Count disagreements'),
  ],
  notice_not_served: [f('days', 'int', '送达时限（日）', 'Days to serve', { min: 1, max: 30 })],
};

// ---- rules ----------------------------------------------------------------------------------

export const RuleResponse = z.object({
  id: z.number(),
  code: z.string(),
  kind: z.enum(RULE_KINDS),
  nameZh: z.string(),
  nameEn: z.string(),
  legalBasis: z.string(),
  severity: z.enum(SEVERITIES),
  scope: z.enum(RULE_SCOPES),
  params: z.record(z.string(), z.unknown()),
  effectiveFrom: IsoDate,
  enabled: z.boolean(),
  rectifyDays: z.number(),
  /** This version is the one in force today (the newest with effectiveFrom ≤ today). */
  inForce: z.boolean(),
  updatedAt: z.string(),
  /**
   * Findings of the rule code still open or answered, and in all, within the caller's data scope
   * (a unit user counts the unit's own); in the versions list, those whose occurrence date falls
   * in the version's window.
   */
  openFindings: z.number(),
  totalFindings: z.number(),
  /** Versions of the rule code. */
  versions: z.number(),
});
export type RuleResponse = z.infer<typeof RuleResponse>;

/** The branch's rules are a few dozen: one page of 100 by default. */
export const RuleListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export type RuleListQuery = z.infer<typeof RuleListQuery>;

export const RuleCodeParam = z.object({ code: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/) });

export const RuleListResponse = z.object({ items: z.array(RuleResponse), total: z.number() });
export type RuleListResponse = z.infer<typeof RuleListResponse>;

/**
 * A rule's new version, or a change to a version not yet in force: the same effectiveFrom as an
 * existing version updates it (refused once that date has passed), a new date adds a version.
 * `params` is checked against RULE_PARAM_SCHEMAS[kind] (errors `params.<name>`).
 */
export const RuleUpdateRequest = z.object({
  effectiveFrom: IsoDate,
  enabled: z.boolean(),
  severity: z.enum(SEVERITIES),
  rectifyDays: z.number().int().min(1).max(180),
  params: z.record(z.string(), z.unknown()),
  legalBasis: z.string().trim().min(1).max(500),
});
export type RuleUpdateRequest = z.infer<typeof RuleUpdateRequest>;

// ---- scans ----------------------------------------------------------------------------------

export const ScanStartRequest = z.object({ mode: z.enum(SCAN_MODES) });
export type ScanStartRequest = z.infer<typeof ScanStartRequest>;

export const ScanRuleCounts = z.object({ raised: z.number(), resolved: z.number(), open: z.number() });
export const ScanCounts = z.object({
  /** Subjects (incidents, cases, …) the rules looked at. */
  examined: z.number(),
  raised: z.number(),
  reopened: z.number(),
  /** Problems seen again whose finding was already open or answered. */
  stillOpen: z.number(),
  resolved: z.number(),
  byRule: z.record(z.string(), ScanRuleCounts),
});
export type ScanCounts = z.infer<typeof ScanCounts>;

export const ScanResponse = z.object({
  id: z.number(),
  trigger: z.enum(SCAN_TRIGGERS),
  mode: z.enum(SCAN_MODES),
  status: z.enum(SCAN_STATUSES),
  /** The China-time day of a scheduled scan. */
  scheduledFor: IsoDate.nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  startedBy: z.number().nullable(),
  startedByName: z.string().nullable(),
  progress: z.number(),
  /** Incremental scans: records changed after this instant were examined. */
  since: z.string().nullable(),
  counts: ScanCounts,
  error: z.string().nullable(),
});
export type ScanResponse = z.infer<typeof ScanResponse>;

export const ScanListQuery = Paging;
export type ScanListQuery = z.infer<typeof ScanListQuery>;
export const ScanListResponse = z.object({ items: z.array(ScanResponse), total: z.number() });
export type ScanListResponse = z.infer<typeof ScanListResponse>;

export const emptyScanCounts = (): ScanCounts => ({
  examined: 0,
  raised: 0,
  reopened: 0,
  stillOpen: 0,
  resolved: 0,
  byRule: {},
});

// ---- what a scan records ----------------------------------------------------------------------

/**
 * A scan closes a finding whose problem went away with a reason in both languages, stored as
 * "中文 | English" so it reads in either; this picks the caller's half (other reasons unchanged).
 */
export function closedReasonText(reason: string | null, locale: Locale): string | null {
  if (!reason) return reason;
  const i = reason.indexOf(' | ');
  if (i < 0) return reason;
  return locale === 'en-US' ? reason.slice(i + 3) : reason.slice(0, i);
}
