import { z } from 'zod';

/**
 * The shared vocabulary of 执法监督: rule kinds, finding states, sources and document kinds.
 * Contracts of the sub-areas live beside this file (rules.ts, findings.ts, checks.ts).
 */

/** The checks a supervision rule can run; each has one implementation on the server. */
export const RULE_KINDS = [
  'incident_without_case', // 有警无案 / 应立未立
  'case_idle', // 立而不侦
  'clock_overdue', // 法定期限已超
  'clock_due_soon', // 法定期限将至
  'camera_not_recorded', // 执法记录仪未开启
  'not_in_centre', // 未在执法办案管理中心办理
  'publicity_late', // 执法公示逾期或未公示
  'decision_without_item', // 决定未关联处罚事项
  'unqualified_reviewer', // 审核人员不具备相应执法资格
  'major_without_discussion', // 重大案件未集体讨论
  'repeated_send_backs', // 反复退回
  'notice_not_served', // 不予立案通知书未送达
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a rule examines; the finding's subject has this type. */
export const RULE_SCOPES = ['incident', 'case', 'publication', 'review', 'proceeding'] as const;
export type RuleScope = (typeof RULE_SCOPES)[number];

/**
 * open → answered (the unit's rectification) → corrected (verified by the detachment), or back to
 * open (returned); dismissed: the detachment found no problem; resolved: a scan saw the problem go
 * away before anyone acted (closed with the reason).
 */
export const FINDING_STATUSES = ['open', 'answered', 'corrected', 'dismissed', 'resolved'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const OPEN_FINDING_STATUSES: readonly FindingStatus[] = ['open', 'answered'];

export const FINDING_SOURCES = ['scan', 'spot_check', 'callback', 'manual'] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];

export const FINDING_EVENT_KINDS = [
  'raised',
  'answered',
  'returned',
  'corrected',
  'dismissed',
  'resolved',
  'reopened',
  'supervised',
  'confirmed',
] as const;
export type FindingEventKind = (typeof FINDING_EVENT_KINDS)[number];

/** 执法建议书, 督办通知书, 执法质量通报: numbered per branch and year. */
export const SUPERVISION_DOC_KINDS = ['suggestion', 'supervise_notice', 'quality_bulletin'] as const;
export type SupervisionDocKind = (typeof SUPERVISION_DOC_KINDS)[number];

export const SCAN_MODES = ['full', 'incremental'] as const;
export type ScanMode = (typeof SCAN_MODES)[number];
export const SCAN_TRIGGERS = ['schedule', 'manual'] as const;
export type ScanTrigger = (typeof SCAN_TRIGGERS)[number];

/** Branch settings of supervision (settings key 'supervision'). */
export const SupervisionSettings = z.object({
  /** China-time hour after which the day's jobs (scan, camera sample, call-backs) run. */
  dailyHour: z.number().int().min(0).max(23),
  /** Incidents of the previous day sampled for the body-camera check (指挥中心每日抽查). */
  cameraSampleSize: z.number().int().min(0).max(1000),
  /** Share of non-burglary incidents (0..1) given a call-back task; burglaries always are. */
  callbackSampleRate: z.number().min(0).max(1),
  /** Days a dissatisfied call-back's second handling (二次查办) has to close. */
  followUpDays: z.number().int().min(1).max(90),
  /**
   * Days (calendar) the legal detachment takes to verify a unit's answer (整改核查): its own
   * clock, shown in its 待办; a unit that answered in time is never late while it waits.
   */
  verifyDays: z.number().int().min(1).max(60),
});
export type SupervisionSettings = z.infer<typeof SupervisionSettings>;
export const DEFAULT_SUPERVISION_SETTINGS: SupervisionSettings = {
  dailyHour: 1,
  cameraSampleSize: 40,
  callbackSampleRate: 0.05,
  followUpDays: 7,
  verifyDays: 5,
};
