/**
 * Contracts of 数据填报 (departmental submissions): the legal detachment opens a collection round
 * for a period; every department that owns "submitted" metrics of the catalogue fills its form
 * (values with notes, attachments), its head signs it off, the detachment accepts it or returns
 * it with a reason. The accepted values are what the annual report prints for those metrics.
 * The workflow is data, so the server refuses what the table does not allow and the web app
 * draws its buttons from `availableSubmissionActions`.
 */
import { z } from 'zod';
import { Id, IsoDate } from '../platform/contracts.ts';
import type { Bilingual } from '../platform/errors.ts';
import type { Permission } from '../platform/permissions.ts';

// ---- workflow as data ---------------------------------------------------------------------------

export const SUBMISSION_STATUSES = ['draft', 'signed', 'accepted', 'returned'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const SUBMISSION_STATUS_NAMES: Record<SubmissionStatus, Bilingual> = {
  draft: { zh: '填报中', en: 'Draft' },
  signed: { zh: '已签报', en: 'Signed off' },
  accepted: { zh: '已采纳', en: 'Accepted' },
  returned: { zh: '已退回', en: 'Returned' },
};

/**
 * - save: the department saves its values and notes (draft | returned → draft);
 * - attach: the department adds an attachment (draft | returned, status unchanged);
 * - sign: the department head signs the form off (draft → signed) — 负责人签报;
 * - accept: the detachment accepts the figures (signed → accepted);
 * - return: the detachment sends the form back with a reason (signed | accepted → returned).
 */
export const SUBMISSION_ACTIONS_LIST = ['save', 'attach', 'sign', 'accept', 'return'] as const;
export type SubmissionAction = (typeof SUBMISSION_ACTIONS_LIST)[number];

export interface SubmissionTransition {
  /** The status after the action; 'same' leaves it. */
  to: SubmissionStatus | 'same';
  permission: Permission;
}

export const SUBMISSION_WORKFLOW: Record<
  SubmissionStatus,
  Partial<Record<SubmissionAction, SubmissionTransition>>
> = {
  draft: {
    save: { to: 'draft', permission: 'submission.fill' },
    attach: { to: 'same', permission: 'submission.fill' },
    sign: { to: 'signed', permission: 'submission.sign' },
  },
  signed: {
    accept: { to: 'accepted', permission: 'report.manage' },
    return: { to: 'returned', permission: 'report.manage' },
  },
  // An accepted figure can still be found wrong; returning it reopens the form (and the report
  // falls back to the previous accepted round for that period until it is accepted again).
  accepted: { return: { to: 'returned', permission: 'report.manage' } },
  returned: {
    save: { to: 'draft', permission: 'submission.fill' },
    attach: { to: 'same', permission: 'submission.fill' },
  },
};

export const SUBMISSION_ACTION_NAMES: Record<SubmissionAction, Bilingual> = {
  save: { zh: '保存', en: 'Save' },
  attach: { zh: '上传附件', en: 'Attach' },
  sign: { zh: '负责人签报', en: 'Sign off' },
  accept: { zh: '采纳', en: 'Accept' },
  return: { zh: '退回', en: 'Return' },
};

export function submissionActionAllowed(status: SubmissionStatus, action: SubmissionAction): boolean {
  return SUBMISSION_WORKFLOW[status]?.[action] !== undefined;
}

/**
 * The actions a user may take on a form now: allowed by its status, by their permissions, and
 * only while the round is open (a closed round is read-only).
 */
export function availableSubmissionActions(
  status: SubmissionStatus,
  permissions: Iterable<Permission>,
  roundOpen = true,
): SubmissionAction[] {
  if (!roundOpen) return [];
  const has = new Set(permissions);
  return SUBMISSION_ACTIONS_LIST.filter((a) => {
    const t = SUBMISSION_WORKFLOW[status][a];
    return t !== undefined && has.has(t.permission);
  });
}

export function nextSubmissionStatus(status: SubmissionStatus, action: SubmissionAction): SubmissionStatus {
  const t = SUBMISSION_WORKFLOW[status][action];
  if (!t) throw new Error(`${action} is not allowed on a ${status} submission`);
  return t.to === 'same' ? status : t.to;
}

/**
 * 逾期: the round is still open, its due date has passed and the head has not signed the form
 * (a returned form is late again once the due date is past).
 */
export function submissionLate(
  s: { status: SubmissionStatus; roundStatus: CollectionStatus; dueOn: string },
  today: string,
): boolean {
  return s.roundStatus === 'open' && today > s.dueOn && s.status !== 'signed' && s.status !== 'accepted';
}

export const COLLECTION_STATUSES = ['open', 'closed'] as const;
export type CollectionStatus = (typeof COLLECTION_STATUSES)[number];
export const COLLECTION_STATUS_NAMES: Record<CollectionStatus, Bilingual> = {
  open: { zh: '填报中', en: 'Open' },
  closed: { zh: '已结束', en: 'Closed' },
};

/** A period: a year '2021' or a quarter '2021-Q3'. */
export const ReportPeriod = z.string().regex(/^\d{4}(-Q[1-4])?$/, { message: 'report.period' });

export const SUBMISSION_FILES_MAX = 10;
export const SUBMISSION_FILE_MAX_BYTES = 20 * 1024 * 1024;

// ---- collection rounds -------------------------------------------------------------------------

export const CollectionCreateRequest = z.object({
  title: z.string().trim().min(1).max(200),
  period: ReportPeriod,
  dueOn: IsoDate,
  /** Only these departments (each must own submitted metrics); all owners when left out. */
  unitIds: z.array(Id).max(200).optional(),
});
export type CollectionCreateRequest = z.infer<typeof CollectionCreateRequest>;

export const CollectionResponse = z.object({
  id: z.number(),
  title: z.string(),
  period: z.string(),
  dueOn: z.string(),
  status: z.enum(COLLECTION_STATUSES),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Forms in the round, signed or accepted (submitted), accepted, and late ones. */
  total: z.number(),
  submitted: z.number(),
  accepted: z.number(),
  late: z.number(),
});
export type CollectionResponse = z.infer<typeof CollectionResponse>;

export const CollectionListResponse = z.object({ items: z.array(CollectionResponse), total: z.number() });
export type CollectionListResponse = z.infer<typeof CollectionListResponse>;

export const CollectionFormResponse = z.object({
  submissionId: z.number(),
  unitId: z.number(),
  unitCode: z.string(),
  unitName: z.string(),
  status: z.enum(SUBMISSION_STATUSES),
  late: z.boolean(),
  metricCount: z.number(),
  filledCount: z.number(),
  signedByName: z.string().nullable(),
  signedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  version: z.number(),
});
export type CollectionFormResponse = z.infer<typeof CollectionFormResponse>;

export const CollectionDetailResponse = CollectionResponse.extend({
  forms: z.array(CollectionFormResponse),
  /** Owner codes of the catalogue not found in the branch's unit tree, given to 法制支队 instead. */
  fallbackOwners: z.array(z.string()),
});
export type CollectionDetailResponse = z.infer<typeof CollectionDetailResponse>;

export const CollectionRemindResponse = z.object({ reminded: z.number() });
export type CollectionRemindResponse = z.infer<typeof CollectionRemindResponse>;

// ---- submissions --------------------------------------------------------------------------------

export const SubmissionValue = z.object({
  value: z.number().nullable(),
  note: z.string().max(2000).default(''),
});
export type SubmissionValue = z.infer<typeof SubmissionValue>;

export const SubmissionSaveRequest = z.object({
  version: z.number().int(),
  /** Only the form's metrics; ones left out keep their saved value. */
  values: z.record(z.string(), SubmissionValue),
});
export type SubmissionSaveRequest = z.infer<typeof SubmissionSaveRequest>;

export const SubmissionVersionRequest = z.object({ version: z.number().int() });
export type SubmissionVersionRequest = z.infer<typeof SubmissionVersionRequest>;

export const SubmissionReturnRequest = z.object({
  version: z.number().int(),
  reason: z.string().trim().min(1).max(2000),
});
export type SubmissionReturnRequest = z.infer<typeof SubmissionReturnRequest>;

export const SubmissionListQuery = z.object({
  /** Only the forms of my own department (the default for departments without report.read). */
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  roundId: Id.optional(),
  status: z.enum(SUBMISSION_STATUSES).optional(),
});
export type SubmissionListQuery = z.infer<typeof SubmissionListQuery>;

export const SubmissionRow = z.object({
  metricId: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  definition: z.string(),
  unit: z.string(),
  section: z.string(),
  value: z.number().nullable(),
  note: z.string(),
});
export type SubmissionRow = z.infer<typeof SubmissionRow>;

export const SubmissionFileResponse = z.object({
  id: z.number(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedByName: z.string().nullable(),
  uploadedAt: z.string(),
});
export type SubmissionFileResponse = z.infer<typeof SubmissionFileResponse>;

export const SubmissionVersionResponse = z.object({
  version: z.number(),
  status: z.enum(SUBMISSION_STATUSES),
  values: z.record(z.string(), z.object({ value: z.number().nullable(), note: z.string() })),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type SubmissionVersionResponse = z.infer<typeof SubmissionVersionResponse>;

export const SubmissionSummaryResponse = z.object({
  id: z.number(),
  roundId: z.number(),
  roundTitle: z.string(),
  roundStatus: z.enum(COLLECTION_STATUSES),
  period: z.string(),
  dueOn: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  status: z.enum(SUBMISSION_STATUSES),
  late: z.boolean(),
  metricCount: z.number(),
  filledCount: z.number(),
  remindedAt: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type SubmissionSummaryResponse = z.infer<typeof SubmissionSummaryResponse>;

export const SubmissionListResponse = z.object({
  items: z.array(SubmissionSummaryResponse),
  total: z.number(),
});
export type SubmissionListResponse = z.infer<typeof SubmissionListResponse>;

export const SubmissionResponse = SubmissionSummaryResponse.extend({
  rows: z.array(SubmissionRow),
  filledByName: z.string().nullable(),
  signedByName: z.string().nullable(),
  signedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  files: z.array(SubmissionFileResponse),
  versions: z.array(SubmissionVersionResponse),
  actions: z.array(z.enum(SUBMISSION_ACTIONS_LIST)),
});
export type SubmissionResponse = z.infer<typeof SubmissionResponse>;

// ---- attachments and Excel import ------------------------------------------------------------

/** Removing an attachment names the form version the user saw (409 when it is stale). */
export const SubmissionFileDeleteQuery = z.object({ version: z.coerce.number().int() });
export type SubmissionFileDeleteQuery = z.infer<typeof SubmissionFileDeleteQuery>;

/** Text fields of the Excel import (multipart, next to `file`). */
export const SubmissionImportFields = z.object({ version: z.coerce.number().int() });
export type SubmissionImportFields = z.infer<typeof SubmissionImportFields>;

/** The form after an import, with the number of metric rows read from the file. */
export const SubmissionImportResponse = SubmissionResponse.extend({ imported: z.number() });
export type SubmissionImportResponse = z.infer<typeof SubmissionImportResponse>;

/** Limits of an imported workbook. */
export const SUBMISSION_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
