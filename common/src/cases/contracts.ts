/**
 * Contracts of the cases API (受案立案 / 案件办理 / 三级五关 / 两统一), shared by the server
 * (validation, OpenAPI) and the web app (forms, types). Field messages are FIELD_MESSAGES keys.
 *
 * Endpoints (method path — permission — request → response). Every case route answers 404 for a
 * case outside the caller's unit scope. Fine-grained rights (who acts at which gate) are checked
 * by the server with `availableActions`; the permission below is the coarse gate of the route.
 *
 *   GET    /api/cases                                   case.read   CaseListQuery (query) → CaseListResponse
 *   POST   /api/cases                                   case.write  CaseCreateRequest → CaseResponse
 *   GET    /api/cases/review-config                     case.read   – → ReviewConfigResponse
 *   GET    /api/cases/{id}                              case.read   CaseRevealQuery (?reveal=1) → CaseResponse
 *   PATCH  /api/cases/{id}                              case.write  CaseUpdateRequest → CaseResponse
 *   POST   /api/cases/{id}/actions/{action}             case.read   CaseActionRequest (fields per action,
 *                                                                   see CASE_ACTION_BODIES) → CaseResponse
 *   POST   /api/cases/{id}/parties                      case.write  PartyRequest → CaseResponse
 *   PUT    /api/cases/{id}/parties/{partyId}            case.write  PartyRequest → CaseResponse
 *   DELETE /api/cases/{id}/parties/{partyId}            case.write  – → CaseResponse
 *   PUT    /api/cases/{id}/offences                     case.write  OffencesRequest → CaseResponse
 *   POST   /api/cases/{id}/evidence                     case.write  multipart: file, description? → EvidenceResponse
 *   GET    /api/evidence/{id}/download                  case.read   – → the file (header X-Content-SHA256)
 *   POST   /api/cases/{id}/discussions                  case.write  DiscussionRequest → CaseResponse
 *   POST   /api/cases/{id}/extend-period                case.read   ExtendPeriodRequest → CaseResponse
 *                                                                   (records the next-higher organ's approval; caller:
 *                                                                   case.review + role legal or branch_head, else 403;
 *                                                                   checked after the scope)
 *   POST   /api/cases/{id}/appraisals                   case.write  AppraisalRequest → CaseResponse
 *   POST   /api/cases/{id}/proceedings/{pid}/{step}     case.write  ProceedingStepRequest → CaseResponse
 *                                                                   step ∈ PROCEEDING_STEPS (serve/apply/reply/conclude)
 *   GET    /api/penalty-items                           case.read   PenaltyItemListQuery → PenaltyItemListResponse
 *   GET    /api/decisions/{id}                          case.read   – → DecisionResponse
 *   GET    /api/decisions/{id}/document                 case.read   – → .docx (决定书 / 不予立案通知书)
 *   POST   /api/decisions/{id}/change                   case.read   DecisionChangeRequest → DecisionResponse
 *                                                                   (needs case.legal, checked after the scope: 403)
 *   GET    /api/cases/offline-reports                   case.read   OfflineReportListQuery → OfflineReportListResponse
 *   POST   /api/cases/offline-reports                   case.write  OfflineReportCreateRequest → OfflineReportResponse
 *
 *   GET    /api/decisions/{id}/document?masked=1     → a copy with names / ID numbers masked (default:
 *                                                       whole for case.write users, masked for others)
 *
 * Errors ({error:{code,message,fields}}): 400 VALIDATION with fields named as in the body
 * ('proposal.fineAmount', 'reasons', 'checklist.facts' …); 404 outside the caller's scope;
 * 403 FORBIDDEN fields.action = not the caller's turn / gate (or the legal gate's qualification);
 * 409 CONFLICT fields.action = the status does not allow the action (or a precondition such as the
 * collective discussion of a major case), and 409 without fields = someone else changed the case
 * (send `version` from the page to detect a stale page; two reviewers at one gate: one wins).
 * Buttons: draw from CaseResponse.availableActions and ProceedingResponse.availableSteps; show
 * CaseResponse.clock (daysLeft, overdue), returnedReasons (after a send-back) and history.
 *
 * 待办 (GET /api/tasks) gains: cases at my gate, my cases due within 2 days or overdue, cases sent
 * back to me, approved criminal cases awaiting the legal detachment, open proceedings due soon or
 * overdue; links `/cases/{id}`.
 */
import { z } from 'zod';
import { LawFinding, PenaltyCheckRequest, PenaltyCheckResponse, TIERS } from '../law/model.ts';
import { IdNumberSchema, PersonNameSchema, PhoneSchema } from '../personal-data/schemas.ts';
import { Id, IsoDate, Paging } from '../platform/contracts.ts';
import { WITHDRAWING_DECISION_STATUSES } from '../publicity/withdrawal.ts';
import { Checklist } from './checklist.ts';
import {
  CASE_ACTIONS,
  CASE_STATUSES,
  CASE_TYPES,
  DECISION_KINDS,
  GATES,
  REVIEW_CHECKLIST,
} from './workflow.ts';

// ---- dictionaries -------------------------------------------------------------------------

export const PARTY_KINDS = ['person', 'organisation'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];
export const PARTY_ROLES = ['suspect', 'offender', 'victim', 'complainant', 'witness', 'other'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** Which clock a criminal filing review runs on (3 / 7 / 30 days). */
export const FILING_REVIEW_CLOCKS = ['filing_review', 'filing_review_lead', 'filing_review_major'] as const;

/** The 不予立案通知书 is a decision row of this kind (not a DECISION_KINDS proposal). */
export const NOT_FILED_DECISION = 'not_filed' as const;
export const DECISION_ROW_KINDS = [...DECISION_KINDS, NOT_FILED_DECISION] as const;
export type DecisionRowKind = (typeof DECISION_ROW_KINDS)[number];

/**
 * The procuratorate's feedback (两统一): 要求说明不立案理由 and 通知立案 (立案监督, also on a case
 * not filed), 纠正违法通知, 检察建议, 不捕, 不诉.
 */
export const FEEDBACK_KINDS = [
  'explain_not_filing',
  'notify_filing',
  'correction_notice',
  'procuratorial_suggestion',
  'no_arrest',
  'no_prosecution',
] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
/** 立案监督: the feedback a case that was not filed can receive (程序规定 art.182). */
export const NOT_FILED_FEEDBACK: readonly FeedbackKind[] = ['explain_not_filing', 'notify_filing'];

/**
 * Side proceedings of a case (`proceedings.kind`), each on the clock of its rule (LEGAL_RULES):
 * - not_filed_notice: serve the 不予立案通知书 (clock not_filed_notice_service)
 * - reconsideration_window / reconsideration: the complainant's 复议 (apply 7 d from receipt of
 *   the notice, decide 30 d, +30 at most for a major or complex case)
 * - reconsideration_notice: serve the 复议决定书 (no clock); its receipt opens review_window
 * - review_window / review: the complainant's 复核 (apply 7 d from receipt of the 复议决定书,
 *   decide 30 d, +30 at most)
 * - procuratorate_feedback: one feedback of the procuratorate on the clock of its kind (不捕: our
 *   要求复议 within 5 d; 不诉: 7 d; 要求说明不立案理由: the written reasons within 7 d; 通知立案:
 *   file within 15 d; others: the reply)
 * - procuratorate_reconsideration: the procuratorate's 复议 of its 不捕 (7 d) or 不诉 (30 d)
 * - procuratorate_review_window / procuratorate_review: our 提请复核 (不捕 5 d, 不诉 7 d from receipt
 *   of the 复议决定书) and the higher procuratorate's 复核 (不捕 15 d, 不诉 30 d)
 * - case_revoked_notice: tell the parties of a 撤销案件 decision (3 d)
 * - period_extension / appraisal: records of the administrative case period (no clock)
 * - penalty_notice: the 告知 of an intended penalty (written done by the `inform` action; its
 *   detail holds what the party was told and answered, and the review of any statement)
 * - hearing_window / hearing: the party's time to ask for a 听证 (5 working days from the 告知,
 *   行政处罚法 art.64) and the hearing held by the legal detachment (程序规定 art.124)
 * - statement_window: after a 告知 by public notice (the party fled, 程序规定 art.168) the 7 days in
 *   which the party may still state a case; a statement in time (`apply`) calls for a new 告知
 * - decision_notice: serve the 行政处罚决定书 (2 days under the 治安管理处罚法, else 7 working days)
 */
export const PROCEEDING_KINDS = [
  'not_filed_notice',
  'reconsideration_window',
  'reconsideration',
  'reconsideration_notice',
  'review_window',
  'review',
  'procuratorate_feedback',
  'procuratorate_reconsideration',
  'procuratorate_review_window',
  'procuratorate_review',
  'case_revoked_notice',
  'period_extension',
  'appraisal',
  'penalty_notice',
  'hearing_window',
  'hearing',
  'statement_window',
  'decision_notice',
] as const;
export type ProceedingKind = (typeof PROCEEDING_KINDS)[number];

/**
 * Steps on an open proceeding:
 * - serve (not_filed_notice | reconsideration_notice | case_revoked_notice): the date the document
 *   was received → opens reconsideration_window | review_window (counted from that date) | done
 * - apply (a *_window, or procuratorate_feedback of no_arrest/no_prosecution): a 复议/复核
 *   application → opens reconsideration | review | procuratorate_reconsideration |
 *   procuratorate_review. Refused (409, fields.on names the due date) once the window has closed.
 * - reply (procuratorate_feedback): our reply to the procuratorate → done
 * - conclude (reconsideration | review | procuratorate_reconsideration | procuratorate_review, or a
 *   window that lapsed): outcome upheld | overturned (| lapsed); an upheld 复议 opens the service
 *   of its decision (complainant) or our 复核 window (procuratorate); an overturned outcome on a
 *   not-filed case lets the legal detachment `reopen` the case. For the procuratorate's 复议, `on`
 *   is the day its decision was received.
 * - schedule (hearing, legal detachment): the 听证 notice — `on` the day the party was told, `heldOn`
 *   at least 7 days later (行政处罚法 art.64(2)), `place`, `hostId` an officer who did not
 *   investigate the case (art.64(4)), `closedSession` when secrets or privacy keep it from the
 *   public (art.64(3), the reason in `note`). May be given again (postponed); the hearing is
 *   concluded only after it was held, with the 听证笔录's gist in `note` (art.64(8), art.65).
 * - extend (reconsideration | review, legal detachment, once): the approved extension of the
 *   decision period for a major or complex case, `days` at most the rule's (30); the caller is
 *   recorded as the approver, `on` as the day of approval. The proceeding stays open.
 */
export const PROCEEDING_STEPS = ['serve', 'apply', 'reply', 'schedule', 'conclude', 'extend'] as const;
export type ProceedingStep = (typeof PROCEEDING_STEPS)[number];
export const PROCEEDING_OUTCOMES = [
  'upheld',
  'overturned',
  'lapsed',
  'replied',
  'served',
  'applied',
  'informed',
] as const;

// ---- the case -----------------------------------------------------------------------------

export const ClockView = z.object({
  rule: z.string().nullable(),
  start: IsoDate.nullable(),
  due: IsoDate.nullable(),
  /**
   * 暂定: counted on a year whose State Council holiday notice is not loaded (statutory holidays
   * only, no 调休); recomputed when the notice is loaded.
   */
  provisional: z.boolean(),
  /** Calendar days from today (China Standard Time) to the due date; negative when overdue. */
  daysLeft: z.number().nullable(),
  overdue: z.boolean(),
});
export type ClockView = z.infer<typeof ClockView>;

export const PartyResponse = z.object({
  id: z.number(),
  kind: z.enum(PARTY_KINDS),
  role: z.enum(PARTY_ROLES),
  name: z.string(),
  /** Masked (110105********1234) unless the case was read with ?reveal=1 by a case.write user. */
  idNumber: z.string().nullable(),
  creditCode: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  masked: z.boolean(),
});
export type PartyResponse = z.infer<typeof PartyResponse>;

export const PartyRequest = z
  .object({
    kind: z.enum(PARTY_KINDS),
    role: z.enum(PARTY_ROLES),
    name: z.string().trim().min(1).max(100),
    idNumber: IdNumberSchema.nullable().optional(),
    /** 统一社会信用代码 of an organisation. */
    creditCode: z
      .string()
      .trim()
      .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { message: 'invalid' })
      .nullable()
      .optional(),
    /** 法定代表人 (or 主要负责人) of an organisation, as the 决定书 names it. */
    legalRepresentative: z.string().trim().max(100).nullable().optional(),
    phone: PhoneSchema.nullable().optional(),
    address: z.string().trim().max(200).nullable().optional(),
  })
  .superRefine((p, ctx) => {
    if (p.kind === 'person') {
      const r = PersonNameSchema.safeParse(p.name);
      if (!r.success) ctx.addIssue({ code: 'custom', path: ['name'], message: 'personName' });
    }
  });
export type PartyRequest = z.infer<typeof PartyRequest>;

export const OffenceResponse = z.object({
  code: z.string(),
  name: z.string(),
  law: z.string(),
  article: z.string(),
  penalties: z.array(z.string()),
});
export const OffencesRequest = z.object({ codes: z.array(z.string().min(1)).max(20) });

export const PenaltyItemResponse = OffenceResponse.extend({
  caseType: z.enum(CASE_TYPES),
  powerListCode: z.string().nullable(),
  active: z.boolean(),
});
export type PenaltyItemResponse = z.infer<typeof PenaltyItemResponse>;
export const PenaltyItemListQuery = z.object({
  caseType: z.enum(CASE_TYPES).optional(),
  q: z.string().trim().max(50).optional(),
});
export const PenaltyItemListResponse = z.object({ items: z.array(PenaltyItemResponse) });

/** The text fields of an evidence upload (multipart, beside `file`). */
export const EvidenceUploadFields = z.object({
  description: z.string().trim().max(1000).optional(),
});
export type EvidenceUploadFields = z.infer<typeof EvidenceUploadFields>;

export const EvidenceResponse = z.object({
  id: z.number(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  description: z.string().nullable(),
  uploadedBy: z.number(),
  uploadedByName: z.string().nullable(),
  uploadedAt: z.string(),
});
export type EvidenceResponse = z.infer<typeof EvidenceResponse>;

export const Opinion = z.object({
  officerId: z.number().int().positive().nullable().default(null),
  name: z.string().trim().min(1).max(32),
  opinion: z.string().trim().min(1).max(2000),
});
export const DiscussionRequest = z.object({
  heldAt: z.iso.datetime({ offset: true }),
  chairId: z.number().int().positive(),
  opinions: z.array(Opinion).min(2),
  conclusion: z.string().trim().min(1).max(4000),
  /** Dissent as said, verbatim; null when there was none. */
  dissent: z.string().trim().max(4000).nullable().default(null),
});
export type DiscussionRequest = z.infer<typeof DiscussionRequest>;
export const DiscussionResponse = z.object({
  id: z.number(),
  heldAt: z.string(),
  chairId: z.number(),
  chairName: z.string().nullable(),
  opinions: z.array(z.object({ officerId: z.number().nullable(), name: z.string(), opinion: z.string() })),
  conclusion: z.string(),
  dissent: z.string().nullable(),
  recordedBy: z.number(),
});
export type DiscussionResponse = z.infer<typeof DiscussionResponse>;

/** 强制措施 of the 刑事诉讼法 (arts.66–100): 拘传, 取保候审, 监视居住, 刑事拘留, 逮捕. */
export const COERCIVE_MEASURES = [
  'summons',
  'bail',
  'residential_surveillance',
  'criminal_detention',
  'arrest',
] as const;
export type CoerciveMeasureKind = (typeof COERCIVE_MEASURES)[number];

/** A 强制措施 taken on a suspect, as the 提请批准逮捕书 and 起诉意见书 state it. */
export const CoerciveMeasure = z.object({
  /** The suspect (a case party id); the case's only suspect when not given. */
  partyId: z.number().int().positive().nullable().default(null),
  kind: z.enum(COERCIVE_MEASURES),
  on: IsoDate,
  /** 现羁押于渝州区看守所 … (where the suspect is held or lives under the measure). */
  place: z.string().trim().max(200).nullable().default(null),
});
export type CoerciveMeasure = z.infer<typeof CoerciveMeasure>;

/**
 * 撤销案件 grounds (公安机关办理刑事案件程序规定 2020 art.186 items 1–6): 没有犯罪事实; 情节显著轻微、
 * 危害不大，不认为是犯罪; 已过追诉时效; 经特赦令免除刑罚; 犯罪嫌疑人死亡; 其他依法不追究刑事责任.
 */
export const REVOKE_GROUNDS = [
  'no_crime',
  'trivial',
  'time_barred',
  'amnesty',
  'suspect_dead',
  'other',
] as const;
export type RevokeGround = (typeof REVOKE_GROUNDS)[number];

/** One offence of a proposal decided on its own (分别决定), with its tier and penalties. */
export const OffencePenalties = z.object({
  code: z.string().min(1),
  tier: z.enum(TIERS).default('ordinary'),
  penalties: PenaltyCheckRequest.shape.offences.element.shape.penalties,
});
export type OffencePenalties = z.infer<typeof OffencePenalties>;

/** The decision the officer proposes on `submit`; reviewed as is, issued by `decide`. */
export const ProposedDecision = z
  .object({
    kind: z.enum(DECISION_KINDS),
    fineAmount: z.number().positive().max(1e9).nullable().default(null),
    detentionDays: z.number().int().min(1).max(20).nullable().default(null),
    confiscation: z.string().trim().max(500).nullable().default(null),
    penaltyItemCodes: z.array(z.string().min(1)).min(1),
    /** The party the decision is addressed to (a case party id). */
    partyId: z.number().int().positive().nullable().default(null),
    facts: z.string().trim().min(1).max(8000),
    reasoning: z.string().trim().max(8000).default(''),
    /** 行为发生日: chooses the law version (the case's receipt date when not given). */
    actDate: IsoDate.nullable().default(null),
    /** 情节 tier of the offence (一般 when not given). */
    tier: z.enum(TIERS).default('ordinary'),
    /** Several offences are decided one by one (分别决定): each with its own penalties. */
    offences: z.array(OffencePenalties).max(20).nullable().default(null),
    /** Criminal: the 强制措施 taken on the suspects (提请批准逮捕书, 起诉意见书 state them). */
    measures: z.array(CoerciveMeasure).max(20).nullable().default(null),
    /** Criminal: 认罪认罚 as it stands (自愿如实供述…，同意量刑建议…); null: none. */
    guiltyPlea: z.string().trim().max(2000).nullable().default(null),
    /** 撤销案件: the ground of 程序规定 art.186 (required for that kind). */
    revokeGround: z.enum(REVOKE_GROUNDS).nullable().default(null),
    /** The party was pregnant or nursing a baby under one (detention is then not executed). */
    pregnantOrNursing: z.boolean().default(false),
    /** First violation of 治安管理 (for a party aged 16–17); unknown when null. */
    firstOffence: z.boolean().nullable().default(null),
  })
  .superRefine((d, ctx) => {
    if (d.kind === 'fine' && d.fineAmount == null)
      ctx.addIssue({ code: 'custom', path: ['fineAmount'], message: 'required' });
    if (d.kind === 'detention' && d.detentionDays == null)
      ctx.addIssue({ code: 'custom', path: ['detentionDays'], message: 'required' });
    if (d.kind === 'confiscation' && !d.confiscation)
      ctx.addIssue({ code: 'custom', path: ['confiscation'], message: 'required' });
    if (d.kind === 'case_revoked' && !d.revokeGround)
      ctx.addIssue({ code: 'custom', path: ['revokeGround'], message: 'required' });
  });
export type ProposedDecision = z.infer<typeof ProposedDecision>;

export const ReviewResponse = z.object({
  id: z.number(),
  round: z.number(),
  gate: z.enum(GATES),
  reviewerId: z.number(),
  reviewerName: z.string().nullable(),
  outcome: z.enum(['submit', 'approve', 'send_back', 'disagree']),
  checklist: z.record(z.string(), z.object({ ok: z.boolean(), note: z.string().nullable() })).nullable(),
  reasons: z.string().nullable(),
  /** On `submit` rows: the proposal the round reviews. */
  proposal: ProposedDecision.nullable(),
  actedAt: z.string(),
});
export type ReviewResponse = z.infer<typeof ReviewResponse>;

export const DecisionResponse = z.object({
  id: z.number(),
  caseId: z.number(),
  kind: z.enum(DECISION_ROW_KINDS),
  docNo: z.string(),
  fineAmount: z.number().nullable(),
  detentionDays: z.number().nullable(),
  confiscation: z.string().nullable(),
  penaltyItemCodes: z.array(z.string()),
  partyId: z.number().nullable(),
  facts: z.string(),
  reasoning: z.string(),
  decidedAt: z.string(),
  decidedBy: z.number(),
  status: z.enum(['effective', ...WITHDRAWING_DECISION_STATUSES]),
  statusChangedAt: z.string().nullable(),
  publicationId: z.number().nullable(),
  /** 行为发生日 the law was applied on (administrative penalties). */
  actDate: IsoDate.nullable(),
  /** The version and article applied to each offence and why (从旧兼从轻), with the tier judged. */
  lawBasis: z
    .array(PenaltyCheckResponse.shape.applied.element.partial({ tier: true, range: true }))
    .nullable(),
  /** What the penalty check noted at the decision (detention not executed, hearing right …). */
  lawNotices: z.array(LawFinding).nullable(),
  /** 分别决定: each offence's penalties, with its name (null: one offence, the row's penalties). */
  offencePenalties: z.array(OffencePenalties.extend({ name: z.string() })).nullable(),
  measures: z.array(CoerciveMeasure).nullable(),
  guiltyPlea: z.string().nullable(),
  revokeGround: z.enum(REVOKE_GROUNDS).nullable(),
});
export type DecisionResponse = z.infer<typeof DecisionResponse>;

export const ProceedingResponse = z.object({
  id: z.number(),
  kind: z.enum(PROCEEDING_KINDS),
  status: z.enum(['open', 'done']),
  startedOn: IsoDate,
  clock: ClockView,
  closedOn: IsoDate.nullable(),
  detail: z.record(z.string(), z.unknown()),
  outcome: z.string().nullable(),
  /** Steps the caller may take on it now. */
  availableSteps: z.array(z.enum(PROCEEDING_STEPS)),
});
export type ProceedingResponse = z.infer<typeof ProceedingResponse>;

export const CaseSummary = z.object({
  id: z.number(),
  caseNo: z.string(),
  caseType: z.enum(CASE_TYPES),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  unitId: z.number(),
  unitName: z.string(),
  leadOfficerId: z.number(),
  leadOfficerName: z.string(),
  incidentId: z.number().nullable(),
  proposedDecision: z.enum(DECISION_KINDS).nullable(),
  currentGate: z.enum(GATES).nullable(),
  reviewRound: z.number(),
  major: z.boolean(),
  inCentre: z.boolean(),
  complex: z.boolean(),
  receivedAt: z.string(),
  clock: ClockView,
  version: z.number(),
  updatedAt: z.string(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseResponse = CaseSummary.extend({
  incidentNo: z.string().nullable(),
  coOfficerIds: z.array(z.number()),
  summary: z.string(),
  tags: z.array(z.string()),
  acceptedAt: z.string().nullable(),
  periodExtendedDays: z.number(),
  /** Extensions of the case period still possible (the rule in force when it started, less those made). */
  periodExtensionsLeft: z.number(),
  appraisalDays: z.number(),
  closedAt: z.string().nullable(),
  /** The gates the current proposal passes (DEFAULT_GATES or the branch's review_gates setting). */
  gates: z.array(z.enum(GATES)),
  /** What the caller may do now: the web app draws its buttons from this list. */
  availableActions: z.array(z.enum(CASE_ACTIONS)),
  /** Whether the caller may reveal ID numbers (case.write within scope). */
  canReveal: z.boolean(),
  /** The proposal of the current (latest) round, if submitted. */
  proposal: ProposedDecision.nullable(),
  /** The reasons of the last send_back / disagree, shown to the officer. */
  returnedReasons: z.string().nullable(),
  parties: z.array(PartyResponse),
  offences: z.array(OffenceResponse),
  evidence: z.array(EvidenceResponse),
  discussions: z.array(DiscussionResponse),
  reviews: z.array(ReviewResponse),
  decisions: z.array(DecisionResponse),
  proceedings: z.array(ProceedingResponse),
  /** The case's audit trail, oldest first: every transition with who, when and the reason given. */
  history: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      actorName: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});
export type CaseResponse = z.infer<typeof CaseResponse>;

export const CaseListQuery = Paging.extend({
  caseType: z.enum(CASE_TYPES).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  gate: z.enum(GATES).optional(),
  unitId: Id.optional(),
  q: z.string().trim().max(50).optional(),
  /** Only cases waiting at a gate the caller may act on. */
  atMyGate: z.enum(['1', 'true']).optional(),
  /** Only cases whose clock is overdue. */
  overdue: z.enum(['1', 'true']).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;
export const CaseListResponse = z.object({ items: z.array(CaseSummary), total: z.number() });

export const CaseRevealQuery = z.object({ reveal: z.enum(['0', '1', 'true', 'false']).optional() });

/**
 * A new case: from an incident (its unit, received time and narrative are taken over and the
 * incident's disposal becomes case_opened) or directly, for walk-ins. An admin case starts in
 * acceptance_review, a criminal case in filing_review, each on its clock.
 */
export const CaseCreateRequest = z.object({
  caseType: z.enum(CASE_TYPES),
  incidentId: z.number().int().positive().nullable().default(null),
  /** Defaults to the incident's unit, else the caller's unit; must be within the caller's scope. */
  unitId: z.number().int().positive().nullable().default(null),
  title: z.string().trim().min(2).max(200),
  summary: z.string().trim().max(8000).default(''),
  /** Defaults to the incident's received time, else now. */
  receivedAt: z.iso.datetime({ offset: true }).nullable().default(null),
  /** Acceptance review of a difficult or complex admin case runs 3 days instead of 24 h. */
  complex: z.boolean().default(false),
  /** The criminal filing-review clock (3 / 7 / 30 days). */
  filingClock: z.enum(FILING_REVIEW_CLOCKS).default('filing_review'),
  major: z.boolean().default(false),
  inCentre: z.boolean().default(false),
  coOfficerIds: z.array(z.number().int().positive()).default([]),
  tags: z.array(z.string().trim().min(1).max(20)).default([]),
});
export type CaseCreateRequest = z.infer<typeof CaseCreateRequest>;

export const CaseUpdateRequest = z.object({
  version: z.number().int().positive(),
  title: z.string().trim().min(2).max(200).optional(),
  summary: z.string().trim().max(8000).optional(),
  major: z.boolean().optional(),
  inCentre: z.boolean().optional(),
  complex: z.boolean().optional(),
  coOfficerIds: z.array(z.number().int().positive()).optional(),
  tags: z.array(z.string().trim().min(1).max(20)).optional(),
});
export type CaseUpdateRequest = z.infer<typeof CaseUpdateRequest>;

// ---- actions (POST /api/cases/{id}/actions/{action}) ----------------------------------------

const reason = z.string().trim().min(1).max(4000);
const note = z.string().trim().max(4000).nullable().default(null);

/** The body each action takes; `version` (optional) makes the action fail with 409 if stale. */
export const CASE_ACTION_BODIES = {
  /** acceptedOn: the acceptance date (default today; a back-entered acceptance names its date). */
  accept: z.object({ note, acceptedOn: IsoDate.nullable().default(null) }),
  refuse: z.object({ reason }),
  /** 呈请立案 / 呈请不予立案: the officer's proposal to the branch head, with the reasons. */
  request_filing: z.object({
    /** 立案, 不予立案, (重大疑难复杂) the 30-day 立案审查, or 移送 to the organ with jurisdiction. */
    proposed: z.enum(['file', 'refuse_filing', 'extend_review', 'transfer']),
    reason,
    complainantPartyId: z.number().int().positive().nullable().default(null),
  }),
  /** 批准立案 (branch head); filedOn: the approval date, default today. */
  file: z.object({ note, filedOn: IsoDate.nullable().default(null) }),
  /** 批准延长立案审查期限 to 30 days (branch head); the clock runs from the case's receipt. */
  extend_review: z.object({ note }),
  refuse_filing: z.object({
    reason,
    /** The complainant to be served the 不予立案通知书 (a party of the case). */
    complainantPartyId: z.number().int().positive().nullable().default(null),
  }),
  transfer: z.object({ reason, transferTo: z.string().trim().min(2).max(100) }),
  mediate: z.object({ reason }),
  submit: z.object({ proposal: ProposedDecision }),
  approve: z.object({ checklist: Checklist, reasons: note }),
  send_back: z.object({ checklist: Checklist, reasons: reason }),
  disagree: z.object({ checklist: Checklist, reasons: reason }),
  /**
   * 告知: the day the party was told the intended penalty, facts, grounds and basis and the right
   * to 陈述申辩 (and, where the penalty check finds it due, to a 听证); what the party answered.
   * A statement is reviewed (复核) and the review recorded; whether it was taken up.
   */
  inform: z
    .object({
      informedOn: IsoDate,
      /** In person (or served), or — the party having fled — by public notice (程序规定 art.168). */
      method: z.enum(['in_person', 'public_notice']).default('in_person'),
      /** Why the party could not be told in person (逃跑 …): required for a public notice. */
      noticeReason: z.string().trim().max(1000).nullable().default(null),
      statement: z.enum(['waived', 'stated']),
      statementText: z.string().trim().max(4000).nullable().default(null),
      statementReview: z.string().trim().max(4000).nullable().default(null),
      /** Only where a hearing is due: waived, asked for, or left open for the 5-day window. */
      hearing: z.enum(['waived', 'requested', 'undecided']).nullable().default(null),
    })
    .superRefine((b, ctx) => {
      if (b.method === 'public_notice') {
        if (!b.noticeReason) ctx.addIssue({ code: 'custom', path: ['noticeReason'], message: 'required' });
        // Nobody answered a public notice yet: the 7 days (and any hearing window) run from it.
        if (b.statement !== 'waived')
          ctx.addIssue({ code: 'custom', path: ['statement'], message: 'case.inform.publicNoticeAnswer' });
        if (b.hearing === 'waived' || b.hearing === 'requested')
          ctx.addIssue({ code: 'custom', path: ['hearing'], message: 'case.inform.publicNoticeAnswer' });
      }
      if (b.statement !== 'stated') return;
      if (!b.statementText) ctx.addIssue({ code: 'custom', path: ['statementText'], message: 'required' });
      if (!b.statementReview)
        ctx.addIssue({ code: 'custom', path: ['statementReview'], message: 'required' });
    }),
  /** 撤回: the proposal goes back to the officer (a statement taken up, a hearing against it). */
  withdraw: z.object({ reason }),
  decide: z.object({ decidedOn: IsoDate.nullable().default(null) }),
  record_feedback: z.object({
    feedbackKind: z.enum(FEEDBACK_KINDS),
    receivedOn: IsoDate,
    docNo: z.string().trim().max(100).nullable().default(null),
    content: reason,
  }),
  reopen: z.object({ reason }),
  close: z.object({ note }),
} as const satisfies Record<(typeof CASE_ACTIONS)[number], z.ZodType>;

/** The route's body: the union of every action's fields (the server validates per action). */
export const CaseActionRequest = z
  .object({
    version: z.number().int().positive().optional(),
    note: z.string().nullable().optional(),
    acceptedOn: z.string().nullable().optional(),
    filedOn: z.string().nullable().optional(),
    reason: z.string().optional(),
    reasons: z.string().nullable().optional(),
    complainantPartyId: z.number().nullable().optional(),
    proposed: z.enum(['file', 'refuse_filing', 'extend_review']).optional(),
    transferTo: z.string().optional(),
    proposal: z.unknown().optional(),
    checklist: z.unknown().optional(),
    decidedOn: z.string().nullable().optional(),
    informedOn: z.string().optional(),
    statement: z.enum(['waived', 'stated']).optional(),
    statementText: z.string().nullable().optional(),
    statementReview: z.string().nullable().optional(),
    hearing: z.enum(['waived', 'requested', 'undecided']).nullable().optional(),
    feedbackKind: z.enum(FEEDBACK_KINDS).optional(),
    receivedOn: z.string().optional(),
    docNo: z.string().nullable().optional(),
    content: z.string().optional(),
  })
  .loose();
export type CaseActionRequest = z.infer<typeof CaseActionRequest>;
export const CaseActionParams = z.object({ id: Id, action: z.enum(CASE_ACTIONS) });

// ---- period, appraisal, proceedings ---------------------------------------------------------

/**
 * The extension is approved by the next-higher organ (程序规定 art.165), not inside the branch:
 * the legal detachment or the branch head records that organ's approval — who approved (organ and
 * person), on what day, under which document number. The caller is recorded as `recordedBy`.
 */
export const ExtendPeriodRequest = z.object({
  reason,
  /** 批准机关: the next-higher organ (上一级公安机关). */
  approvingOrgan: z.string().trim().min(2).max(100),
  /** 批准人: the responsible person of that organ. */
  approverName: z.string().trim().min(1).max(50),
  /** 批准日期: not after today, not before the period started. */
  approvedOn: IsoDate,
  /** 批准文号 of the approval document (审批表). */
  approvalRef: z.string().trim().min(1).max(100),
});
export const AppraisalRequest = z
  .object({ from: IsoDate, to: IsoDate, note })
  .refine((a) => a.from <= a.to, { path: ['to'], message: 'invalid' });

export const ProceedingStepRequest = z.object({
  /**
   * serve: the day the document was received; apply: the application date; reply/conclude: the
   * date of the act; extend: the day the extension was approved.
   */
  on: IsoDate,
  outcome: z.enum(PROCEEDING_OUTCOMES).nullable().default(null),
  /** Applicant (apply), reply content, the grounds of the outcome or of the extension. */
  note,
  /** extend: the days approved (default and maximum: the rule's, 30). */
  days: z.number().int().min(1).max(366).nullable().default(null),
  /** extend: the approval document's number (审批表), if any. */
  approvalRef: z.string().trim().max(100).nullable().default(null),
  /** schedule: the hearing's date, place, host and whether it is held in closed session. */
  heldOn: IsoDate.nullable().default(null),
  place: z.string().trim().max(200).nullable().default(null),
  hostId: z.number().int().positive().nullable().default(null),
  closedSession: z.boolean().default(false),
});
export type ProceedingStepRequest = z.infer<typeof ProceedingStepRequest>;
export const ProceedingStepParams = z.object({ id: Id, pid: Id, step: z.enum(PROCEEDING_STEPS) });

// ---- decisions ------------------------------------------------------------------------------

export const DecisionChangeRequest = z.object({
  /** 变更, 撤销, or a court / reconsideration organ's 确认违法 or 确认无效: each takes it off the portal. */
  status: z.enum(WITHDRAWING_DECISION_STATUSES),
  reason,
});

// ---- review configuration -------------------------------------------------------------------

export const ReviewConfigResponse = z.object({
  gates: z.record(z.enum(DECISION_KINDS), z.array(z.enum(GATES))),
  legalGateMinQualification: z.enum(['basic', 'intermediate', 'advanced']),
  checklist: z.array(z.enum(REVIEW_CHECKLIST)),
});

// ---- offline handling (线下办理) ------------------------------------------------------------

export const OFFLINE_REASONS = [
  'system_failure', // 系统故障
  'network_outage', // 网络中断
  'classified', // 涉密案件
  'urgent_on_scene', // 现场紧急处置
  'other', // 其他
] as const;
export type OfflineReason = (typeof OFFLINE_REASONS)[number];

export const OfflineReportCreateRequest = z.object({
  unitId: z.number().int().positive().nullable().default(null),
  caseId: z.number().int().positive().nullable().default(null),
  caseType: z.enum(CASE_TYPES),
  title: z.string().trim().min(2).max(200),
  reason: z.enum(OFFLINE_REASONS),
  reasonDetail: z.string().trim().max(2000).nullable().default(null),
  reportedOn: IsoDate.nullable().default(null),
});
export type OfflineReportCreateRequest = z.infer<typeof OfflineReportCreateRequest>;
export const OfflineReportResponse = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  caseId: z.number().nullable(),
  caseType: z.enum(CASE_TYPES),
  title: z.string(),
  reason: z.enum(OFFLINE_REASONS),
  reasonDetail: z.string().nullable(),
  reportedBy: z.number(),
  reportedByName: z.string().nullable(),
  reportedOn: IsoDate,
});
export type OfflineReportResponse = z.infer<typeof OfflineReportResponse>;
export const OfflineReportListQuery = Paging.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
  unitId: Id.optional(),
});
export const OfflineReportListResponse = z.object({
  items: z.array(OfflineReportResponse),
  total: z.number(),
});
