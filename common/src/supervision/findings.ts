/**
 * Contracts of 执法监督 findings and their rectification (整改): the list and detail, the unit's
 * answer, the detachment's verification, manual findings, and the workflow as data. Documents,
 * accountability, the committee and statistics are in findings-records.ts; the localized finding
 * sentence in findings-message.ts (both re-exported here).
 */
import { z } from 'zod';
import { Id, IsoDate, Paging } from '../platform/contracts.ts';
import type { Bilingual } from '../platform/errors.ts';
import type { Permission } from '../platform/permissions.ts';
import {
  FINDING_EVENT_KINDS,
  FINDING_SOURCES,
  FINDING_STATUSES,
  type FindingStatus,
  SEVERITIES,
} from './model.ts';

export * from './findings-message.ts';
export * from './findings-records.ts';

// ---- workflow as data ---------------------------------------------------------------------------

/**
 * What can be done to a finding:
 * - answer: the responsible unit reports its rectification with evidence (open → answered);
 * - correct: the detachment verifies the rectification (answered → corrected);
 * - return: the detachment sends the answer back (answered → open, new deadline);
 * - dismiss: the detachment finds there was no problem (open/answered → dismissed);
 * - accountability: open a 执法过错责任追究 record (corrected and confirmed violation only).
 */
export const FINDING_ACTIONS_LIST = ['answer', 'correct', 'return', 'dismiss', 'accountability'] as const;
export type FindingAction = (typeof FINDING_ACTIONS_LIST)[number];

export const FINDING_ACTIONS = {
  open: ['answer', 'dismiss'],
  answered: ['correct', 'return', 'dismiss'],
  corrected: ['accountability'],
  dismissed: [],
  resolved: [],
} as const satisfies Record<FindingStatus, readonly FindingAction[]>;

/** The permission each action needs (the route checks it; the service checks the status). */
export const FINDING_ACTION_PERMISSIONS: Record<FindingAction, Permission> = {
  answer: 'supervision.answer',
  correct: 'supervision.manage',
  return: 'supervision.manage',
  dismiss: 'supervision.manage',
  accountability: 'supervision.manage',
};

/** The verify outcomes and the action each one is. */
export const VERIFY_OUTCOMES = ['corrected', 'returned', 'dismissed'] as const;
export type VerifyOutcome = (typeof VERIFY_OUTCOMES)[number];
export const VERIFY_OUTCOME_ACTIONS: Record<VerifyOutcome, FindingAction> = {
  corrected: 'correct',
  returned: 'return',
  dismissed: 'dismiss',
};

export interface FindingActionSubject {
  status: FindingStatus;
  confirmedViolation: boolean;
  /** An accountability record already exists for the finding. */
  hasAccountability?: boolean;
}

/** The actions the caller may take now; the web app draws its buttons from this. */
export function availableFindingActions(
  finding: FindingActionSubject,
  permissions: readonly string[],
): FindingAction[] {
  const allowed: readonly FindingAction[] = FINDING_ACTIONS[finding.status] ?? [];
  return allowed.filter((a) => {
    if (!permissions.includes(FINDING_ACTION_PERMISSIONS[a])) return false;
    if (a === 'accountability') return finding.confirmedViolation && !finding.hasAccountability;
    return true;
  });
}

export function findingActionAllowed(status: FindingStatus, action: FindingAction): boolean {
  return (FINDING_ACTIONS[status] as readonly FindingAction[]).includes(action);
}

// ---- names -------------------------------------------------------------------------------------

export const FINDING_STATUS_NAMES: Record<FindingStatus, Bilingual> = {
  open: { zh: '待整改', en: 'Open' },
  answered: { zh: '已反馈待核查', en: 'Answered, awaiting verification' },
  corrected: { zh: '已整改', en: 'Corrected' },
  dismissed: { zh: '已撤销', en: 'Dismissed' },
  resolved: { zh: '已自动消除', en: 'Resolved' },
};

export const FINDING_SOURCE_NAMES: Record<(typeof FINDING_SOURCES)[number], Bilingual> = {
  scan: { zh: '系统巡查', en: 'Scan' },
  spot_check: { zh: '执法记录仪抽查', en: 'Body-camera spot check' },
  callback: { zh: '民意回访', en: 'Call-back' },
  manual: { zh: '人工发现', en: 'Manual' },
};

export const FINDING_SEVERITY_NAMES: Record<(typeof SEVERITIES)[number], Bilingual> = {
  low: { zh: '一般', en: 'Low' },
  medium: { zh: '较重', en: 'Medium' },
  high: { zh: '严重', en: 'High' },
};

export const FINDING_EVENT_NAMES: Record<(typeof FINDING_EVENT_KINDS)[number], Bilingual> = {
  raised: { zh: '发现问题', en: 'Raised' },
  answered: { zh: '反馈整改', en: 'Answered' },
  returned: { zh: '退回重新整改', en: 'Returned' },
  corrected: { zh: '核查确认已整改', en: 'Verified corrected' },
  dismissed: { zh: '撤销', en: 'Dismissed' },
  resolved: { zh: '问题自动消除', en: 'Resolved by itself' },
  reopened: { zh: '问题再次出现', en: 'Reopened' },
  supervised: { zh: '督办', en: 'Supervised' },
  confirmed: { zh: '认定违规', en: 'Confirmed violation' },
};

export const FINDING_ACTION_NAMES: Record<FindingAction, Bilingual> = {
  answer: { zh: '反馈整改', en: 'Answer' },
  correct: { zh: '核查通过', en: 'Verify corrected' },
  return: { zh: '退回', en: 'Return' },
  dismiss: { zh: '撤销', en: 'Dismiss' },
  accountability: { zh: '追究责任', en: 'Open accountability' },
};

// ---- list and detail ---------------------------------------------------------------------------

const Flag = z.enum(['true', 'false']).optional();
const StatusList = z
  .string()
  .trim()
  .regex(new RegExp(`^(${FINDING_STATUSES.join('|')})(,(${FINDING_STATUSES.join('|')}))*$`), {
    message: 'notInList',
  });

export const FindingListQuery = Paging.extend({
  /** Rule code. */
  rule: z.string().trim().max(64).optional(),
  /** Unit id; includes the unit's subtree. */
  unit: Id.optional(),
  /** One status or a comma list (open,answered). */
  status: StatusList.optional(),
  severity: z.enum(SEVERITIES).optional(),
  source: z.enum(FINDING_SOURCES).optional(),
  /** occurredOn from / to (inclusive). */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** 逾期: open past the deadline, or answered after it and not yet verified (timeliness.ts). */
  overdue: Flag,
  confirmed: Flag,
  /** 督办: pressed with a 督办通知书. */
  supervised: Flag,
  caseId: Id.optional(),
  incidentId: Id.optional(),
  /** Incident or case number, or officer name. */
  q: z.string().trim().max(50).optional(),
});
export type FindingListQuery = z.infer<typeof FindingListQuery>;

export const FindingResponse = z.object({
  id: z.number(),
  ruleCode: z.string(),
  ruleName: z.string(),
  /** The rule's kind (a RULE_KINDS value), or 'manual'. */
  kind: z.string(),
  severity: z.enum(SEVERITIES),
  status: z.enum(FINDING_STATUSES),
  source: z.enum(FINDING_SOURCES),
  subjectType: z.string(),
  subjectId: z.number(),
  incidentId: z.number().nullable(),
  incidentNo: z.string().nullable(),
  caseId: z.number().nullable(),
  caseNo: z.string().nullable(),
  unitId: z.number(),
  unitName: z.string(),
  officerId: z.number().nullable(),
  officerName: z.string().nullable(),
  /** One sentence in the caller's language, from the rule and the detail. */
  message: z.string(),
  detail: z.record(z.string(), z.unknown()),
  occurredOn: IsoDate,
  raisedAt: z.string(),
  rectifyDueOn: IsoDate,
  /**
   * 逾期 (rectificationTimeliness): open past the deadline, or answered after it and waiting for
   * verification. An answer by the deadline is never overdue, however long it waits.
   */
  overdue: z.boolean(),
  /** Days past the deadline: to the answer (frozen) or to today while open; 0 in time. */
  daysLate: z.number(),
  /** Days left while open and in time (0: due today); null otherwise. */
  daysLeft: z.number().nullable(),
  /** Answered: days the answer has waited for the detachment's verification; null otherwise. */
  verifyWaitDays: z.number().nullable(),
  confirmedViolation: z.boolean(),
  returnCount: z.number(),
  answeredAt: z.string().nullable(),
  supervisedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedReason: z.string().nullable(),
  version: z.number(),
  actions: z.array(z.enum(FINDING_ACTIONS_LIST)),
});
export type FindingResponse = z.infer<typeof FindingResponse>;

export const FindingListResponse = z.object({ items: z.array(FindingResponse), total: z.number() });
export type FindingListResponse = z.infer<typeof FindingListResponse>;

export const FindingFileResponse = z.object({
  id: z.number(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
});
export type FindingFileResponse = z.infer<typeof FindingFileResponse>;

export const FindingEventResponse = z.object({
  id: z.number(),
  kind: z.enum(FINDING_EVENT_KINDS),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
  files: z.array(FindingFileResponse),
});
export type FindingEventResponse = z.infer<typeof FindingEventResponse>;

export const FindingRuleSummary = z.object({
  code: z.string(),
  kind: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  legalBasis: z.string(),
  rectifyDays: z.number(),
});

export const FindingDetailResponse = FindingResponse.extend({
  events: z.array(FindingEventResponse),
  documents: z.array(z.object({ id: z.number(), kind: z.string(), docNo: z.string(), title: z.string() })),
  /** The 执法过错责任追究 record opened from this finding, if any. */
  accountability: z.object({ id: z.number(), status: z.string(), measure: z.string().nullable() }).nullable(),
  rule: FindingRuleSummary.nullable(),
});
export type FindingDetailResponse = z.infer<typeof FindingDetailResponse>;

// ---- rectification -----------------------------------------------------------------------------

export const FINDING_FILE_MAX_BYTES = 20 * 1024 * 1024;
export const FINDING_FILES_MAX = 10;

/** The text fields of the multipart answer; `files` (0..10 evidence files) come beside them. */
export const FindingAnswerFields = z.object({
  note: z.string().trim().min(2, { message: 'required' }).max(2000),
  version: z.coerce.number().int().min(1),
});
export type FindingAnswerFields = z.infer<typeof FindingAnswerFields>;

export const FindingVerifyRequest = z
  .object({
    version: z.number().int().min(1),
    outcome: z.enum(VERIFY_OUTCOMES),
    note: z.string().trim().max(2000).default(''),
    /** Marks the problem a confirmed violation (违规确认), counted apart from corrected. */
    confirmedViolation: z.boolean().optional(),
    /** For 'returned': the new rectification deadline (default: today + the rule's days). */
    rectifyDueOn: IsoDate.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.outcome !== 'corrected' && v.note.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'required' });
    }
    if (v.outcome === 'dismissed' && v.confirmedViolation) {
      ctx.addIssue({ code: 'custom', path: ['confirmedViolation'], message: 'finding.dismissedConfirmed' });
    }
  });
export type FindingVerifyRequest = z.infer<typeof FindingVerifyRequest>;

/** Rule code of findings recorded by hand that fit no rule. */
export const MANUAL_RULE_CODE = 'manual';

/** A finding recorded by the detachment by hand (from a file review, a complaint …). */
export const FindingCreateRequest = z
  .object({
    /** An existing rule's code, or 'manual'. */
    ruleCode: z.string().trim().min(1).max(64).default(MANUAL_RULE_CODE),
    caseId: z.number().int().positive().optional(),
    incidentId: z.number().int().positive().optional(),
    /** The responsible unit; default: the case's or incident's unit. */
    unitId: z.number().int().positive().optional(),
    officerId: z.number().int().positive().optional(),
    severity: z.enum(SEVERITIES).default('medium'),
    /** What is wrong, in a sentence. */
    description: z.string().trim().min(4, { message: 'required' }).max(1000),
    /** Default: today. */
    occurredOn: IsoDate.optional(),
    /** Default: today + the rule's rectification days (10 for manual findings). */
    rectifyDueOn: IsoDate.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.caseId == null && v.incidentId == null && v.unitId == null) {
      ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'required' });
    }
  });
export type FindingCreateRequest = z.infer<typeof FindingCreateRequest>;
