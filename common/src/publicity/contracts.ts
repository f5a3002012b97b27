/**
 * Contracts of enforcement publicity (执法公示): the internal task list and actions, and the
 * public portal. What the public sees is `PublicityContent`, a masked snapshot taken when the
 * decision is published and never rebuilt from live data.
 */
import { z } from 'zod';
import { DECISION_KINDS } from '../cases/workflow.ts';
import { Id, IsoDate, Paging } from '../platform/contracts.ts';
import { PUBLICITY_EXCLUSIONS } from './exclusions.ts';

export const PUBLICATION_STATUSES = ['pending', 'published', 'withdrawn'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

/** 执法类别: a penalty (or licence) decision, or another enforcement decision. */
export const PUBLICITY_CATEGORIES = ['penalty', 'other'] as const;
export type PublicityCategory = (typeof PUBLICITY_CATEGORIES)[number];

const Flag = z.enum(['true', 'false']).optional();

// ---- the public snapshot -----------------------------------------------------------------------

/** 执法对象, masked: a person keeps the first character of the name, an organisation its name. */
export const PublicityObject = z.object({
  kind: z.enum(['person', 'organisation']),
  name: z.string(),
  /** Always null on what is published now: no digit of an ID number reaches the portal. Snapshots
   * taken before issue 11 may hold a masked number; the portal drops it when it reads them. */
  idNumber: z.string().nullable(),
  /** Unified social credit code of an organisation (public by nature), or null. */
  creditCode: z.string().nullable(),
  /** Address cut at the street, or null. */
  address: z.string().nullable(),
});
export type PublicityObject = z.infer<typeof PublicityObject>;

export const PublicityOffence = z.object({
  code: z.string(),
  name: z.string(),
  law: z.string(),
  article: z.string(),
});
export type PublicityOffence = z.infer<typeof PublicityOffence>;

/** 执法结论: the decision and what it imposes, with the legal basis of its penalty items. */
export const PublicityConclusion = z.object({
  decision: z.enum(DECISION_KINDS),
  /** Yuan, as a decimal string ("500.00"), or null. */
  fineAmount: z.string().nullable(),
  detentionDays: z.number().nullable(),
  confiscation: z.string().nullable(),
  offences: z.array(PublicityOffence),
});
export type PublicityConclusion = z.infer<typeof PublicityConclusion>;

export const PublicityContent = z.object({
  /** 执法机关: the branch. */
  authority: z.string(),
  /** The handling unit (承办单位). */
  unit: z.string(),
  docNo: z.string(),
  decidedOn: IsoDate,
  category: z.enum(PUBLICITY_CATEGORIES),
  object: PublicityObject.nullable(),
  /** The party is withheld by law (sealed 治安 records): `object` is null and this says why. */
  objectWithheld: z.enum(['records_sealed']).nullish(),
  conclusion: PublicityConclusion,
});
export type PublicityContent = z.infer<typeof PublicityContent>;

// ---- public portal -----------------------------------------------------------------------------

export const PublicPublicityQuery = z.object({
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});
export type PublicPublicityQuery = z.infer<typeof PublicPublicityQuery>;

export const PublicPublicityItem = PublicityContent.extend({
  id: z.number(),
  publishedAt: z.string(),
});
export type PublicPublicityItem = z.infer<typeof PublicPublicityItem>;
export const PublicPublicityListResponse = z.object({
  items: z.array(PublicPublicityItem),
  total: z.number(),
});
export const PublicPublicityAbout = z.object({ authority: z.string() });

// ---- internal tasks ----------------------------------------------------------------------------

export const PublicationListQuery = Paging.extend({
  unitId: Id.optional(),
  status: z.enum(PUBLICATION_STATUSES).optional(),
  /** Pending past the due date. */
  overdue: Flag,
  /** Pending and due within the next 2 working days. */
  dueSoon: Flag,
  /** Published decisions that were changed or revoked and must come down. */
  mustWithdraw: Flag,
  /** Decision or case number. */
  q: z.string().trim().max(50).optional(),
});
export type PublicationListQuery = z.infer<typeof PublicationListQuery>;

export const PublicationResponse = z.object({
  id: z.number(),
  decisionId: z.number(),
  caseId: z.number(),
  caseNo: z.string(),
  caseTitle: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  decisionKind: z.enum(DECISION_KINDS),
  docNo: z.string(),
  decidedOn: IsoDate,
  /** effective | changed | revoked */
  decisionStatus: z.string(),
  status: z.enum(PUBLICATION_STATUSES),
  clockRule: z.string(),
  dueOn: IsoDate,
  /** Counted on a year whose holiday notice is not loaded: shown as 暂定 until it is. */
  dueProvisional: z.boolean(),
  /** Calendar days from today (China Standard Time) to the due date; negative when past. */
  daysLeft: z.number(),
  /** Working days left until the due date (provisional like the date), or null when past. */
  workingDaysLeft: z.number().nullable(),
  /** Pending past its due date. */
  overdue: z.boolean(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  /** Published after the due date (kept for supervision: 公示不及时). */
  late: z.boolean(),
  withdrawDueOn: IsoDate.nullable(),
  withdrawDueProvisional: z.boolean(),
  /** Published, its decision changed or revoked, not yet withdrawn. */
  mustWithdraw: z.boolean(),
  withdrawOverdue: z.boolean(),
  withdrawnAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  /** Grounds on which the decision may not be published (closed or withdrawn on them), or []. */
  exclusions: z.array(z.enum(PUBLICITY_EXCLUSIONS)),
});
export type PublicationResponse = z.infer<typeof PublicationResponse>;

export const PublicationCounts = z.object({
  pending: z.number(),
  overdue: z.number(),
  dueSoon: z.number(),
  mustWithdraw: z.number(),
  published: z.number(),
});
export type PublicationCounts = z.infer<typeof PublicationCounts>;

export const PublicationListResponse = z.object({
  items: z.array(PublicationResponse),
  total: z.number(),
  /** Counts over the whole scope, unfiltered, for the page's summary. */
  counts: PublicationCounts,
});

/** One task with what the public sees: the stored snapshot, or the preview of a pending task. */
export const PublicationDetailResponse = PublicationResponse.extend({
  content: PublicityContent.nullable(),
});
export type PublicationDetailResponse = z.infer<typeof PublicationDetailResponse>;

export const PublicationWithdrawRequest = z.object({
  reason: z.string().trim().min(2).max(200),
});
export type PublicationWithdrawRequest = z.infer<typeof PublicationWithdrawRequest>;
