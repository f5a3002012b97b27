/**
 * Contracts of what the detachment makes from findings: numbered documents (执法建议书,
 * 督办通知书, 执法质量通报), 执法过错责任追究 records, 执法监督委员会 meetings, and the
 * supervision statistics of the dashboard.
 */
import { z } from 'zod';
import { Id, IsoDate, Paging } from '../platform/contracts.ts';
import type { Bilingual } from '../platform/errors.ts';
import { SUPERVISION_DOC_KINDS, type SupervisionDocKind } from './model.ts';

// ---- documents ---------------------------------------------------------------------------------

export const SUPERVISION_DOC_KIND_NAMES: Record<SupervisionDocKind, Bilingual> = {
  suggestion: { zh: '执法建议书', en: 'Enforcement recommendation' },
  supervise_notice: { zh: '督办通知书', en: 'Supervision notice' },
  quality_bulletin: { zh: '执法质量通报', en: 'Enforcement quality bulletin' },
};

/** Kinds addressed to one unit about chosen findings (the 通报 covers a period instead). */
export const UNIT_DOC_KINDS: readonly SupervisionDocKind[] = ['suggestion', 'supervise_notice'];

export const SupervisionDocumentCreateRequest = z
  .object({
    kind: z.enum(SUPERVISION_DOC_KINDS),
    /** The addressed unit (建议书, 督办通知书). */
    unitId: z.number().int().positive().optional(),
    /** The findings the document is about (建议书, 督办通知书; all of the addressed unit's subtree). */
    findingIds: z.array(z.number().int().positive()).max(200).optional(),
    /** The period a 通报 covers (by the findings' occurredOn). */
    periodFrom: IsoDate.optional(),
    periodTo: IsoDate.optional(),
    /** 整改要求: what the unit must do, beyond correcting each finding. */
    requirements: z.string().trim().max(4000).optional(),
    /** The date by which the unit must report back (建议书, 督办通知书). */
    deadline: IsoDate.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'quality_bulletin') {
      if (!v.periodFrom) ctx.addIssue({ code: 'custom', path: ['periodFrom'], message: 'required' });
      if (!v.periodTo) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'required' });
      if (v.periodFrom && v.periodTo && v.periodFrom > v.periodTo) {
        ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'supervision.period' });
      }
    } else {
      if (v.unitId == null) ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'required' });
      if (!v.findingIds?.length) ctx.addIssue({ code: 'custom', path: ['findingIds'], message: 'required' });
    }
  });
export type SupervisionDocumentCreateRequest = z.infer<typeof SupervisionDocumentCreateRequest>;

export const SupervisionDocumentResponse = z.object({
  id: z.number(),
  kind: z.enum(SUPERVISION_DOC_KINDS),
  docNo: z.string(),
  title: z.string(),
  year: z.number(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  periodFrom: IsoDate.nullable(),
  periodTo: IsoDate.nullable(),
  findingIds: z.array(z.number()),
  issuedAt: z.string(),
  issuedBy: z.string(),
  sha256: z.string(),
  size: z.number(),
});
export type SupervisionDocumentResponse = z.infer<typeof SupervisionDocumentResponse>;

export const SupervisionDocumentListQuery = Paging.extend({
  kind: z.enum(SUPERVISION_DOC_KINDS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  unit: Id.optional(),
});
export type SupervisionDocumentListQuery = z.infer<typeof SupervisionDocumentListQuery>;

export const SupervisionDocumentListResponse = z.object({
  items: z.array(SupervisionDocumentResponse),
  total: z.number(),
});
export type SupervisionDocumentListResponse = z.infer<typeof SupervisionDocumentListResponse>;

// ---- 执法过错责任追究 --------------------------------------------------------------------------

/** Measures of 执法过错责任追究, lightest first (公安机关人民警察执法过错责任追究规定). */
export const ACCOUNTABILITY_MEASURES = [
  'no_liability',
  'criticism',
  'written_check',
  'admonition',
  'circulated_criticism',
  'suspend_duty',
  'remove_from_post',
  'disciplinary',
] as const;
export type AccountabilityMeasure = (typeof ACCOUNTABILITY_MEASURES)[number];
export const ACCOUNTABILITY_MEASURE_NAMES: Record<AccountabilityMeasure, Bilingual> = {
  no_liability: { zh: '不予追究', en: 'No liability' },
  criticism: { zh: '批评教育', en: 'Criticism and education' },
  written_check: { zh: '责令作出书面检查', en: 'Written self-criticism ordered' },
  admonition: { zh: '诫勉谈话', en: 'Admonition talk' },
  circulated_criticism: { zh: '通报批评', en: 'Circulated criticism' },
  suspend_duty: { zh: '停止执行职务', en: 'Suspended from duty' },
  remove_from_post: { zh: '调离执法岗位', en: 'Removed from enforcement post' },
  disciplinary: { zh: '纪律处分', en: 'Disciplinary sanction' },
};

export const ACCOUNTABILITY_STATUSES = ['open', 'decided'] as const;
export type AccountabilityStatus = (typeof ACCOUNTABILITY_STATUSES)[number];
export const ACCOUNTABILITY_STATUS_NAMES: Record<AccountabilityStatus, Bilingual> = {
  open: { zh: '调查中', en: 'Under investigation' },
  decided: { zh: '已决定', en: 'Decided' },
};

/** Opened from a confirmed violation (findingId), or directly for a case or an officer. */
export const AccountabilityCreateRequest = z
  .object({
    findingId: z.number().int().positive().optional(),
    caseId: z.number().int().positive().optional(),
    /** Default: the finding's or case's unit. */
    unitId: z.number().int().positive().optional(),
    officerId: z.number().int().positive().optional(),
    /** 过错事实: what the officer did wrong. */
    fault: z.string().trim().min(4, { message: 'required' }).max(2000),
  })
  .superRefine((v, ctx) => {
    if (v.findingId == null && v.caseId == null && v.officerId == null) {
      ctx.addIssue({ code: 'custom', path: ['findingId'], message: 'required' });
    }
  });
export type AccountabilityCreateRequest = z.infer<typeof AccountabilityCreateRequest>;

export const AccountabilityDecideRequest = z.object({
  measure: z.enum(ACCOUNTABILITY_MEASURES),
  note: z.string().trim().min(2, { message: 'required' }).max(2000),
});
export type AccountabilityDecideRequest = z.infer<typeof AccountabilityDecideRequest>;

export const AccountabilityResponse = z.object({
  id: z.number(),
  findingId: z.number().nullable(),
  caseId: z.number().nullable(),
  caseNo: z.string().nullable(),
  unitId: z.number(),
  unitName: z.string(),
  officerId: z.number().nullable(),
  officerName: z.string().nullable(),
  fault: z.string(),
  status: z.enum(ACCOUNTABILITY_STATUSES),
  measure: z.enum(ACCOUNTABILITY_MEASURES).nullable(),
  decisionNote: z.string().nullable(),
  openedBy: z.string(),
  openedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type AccountabilityResponse = z.infer<typeof AccountabilityResponse>;

export const AccountabilityListQuery = Paging.extend({
  status: z.enum(ACCOUNTABILITY_STATUSES).optional(),
  unit: Id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  findingId: Id.optional(),
});
export type AccountabilityListQuery = z.infer<typeof AccountabilityListQuery>;

export const AccountabilityListResponse = z.object({
  items: z.array(AccountabilityResponse),
  total: z.number(),
});
export type AccountabilityListResponse = z.infer<typeof AccountabilityListResponse>;

// ---- 执法监督委员会 ----------------------------------------------------------------------------

export const CommitteeTopicReport = z.object({
  title: z.string().trim().min(2, { message: 'required' }).max(200),
  reporter: z.string().trim().min(1, { message: 'required' }).max(50),
});
export const CommitteeDecision = z.object({
  text: z.string().trim().min(2, { message: 'required' }).max(1000),
  ownerUnitId: z.number().int().positive().nullable().optional(),
  dueOn: IsoDate.nullable().optional(),
});

/** Create or (PUT) replace a meeting's record. */
export const CommitteeMeetingRequest = z.object({
  heldOn: IsoDate,
  title: z.string().trim().min(2, { message: 'required' }).max(200),
  chairId: z.number().int().positive().nullable().optional(),
  attendeeIds: z.array(z.number().int().positive()).max(100).default([]),
  /** 法制专题报告 submitted to the branch party committee. */
  topicReports: z.array(CommitteeTopicReport).max(50).default([]),
  /** 疑难复杂案件 studied. */
  caseIds: z.array(z.number().int().positive()).max(200).default([]),
  decisions: z.array(CommitteeDecision).max(100).default([]),
  minutes: z.string().max(20_000).default(''),
});
export type CommitteeMeetingRequest = z.infer<typeof CommitteeMeetingRequest>;

export const CommitteeMeetingResponse = z.object({
  id: z.number(),
  heldOn: IsoDate,
  title: z.string(),
  chairId: z.number().nullable(),
  chairName: z.string().nullable(),
  attendees: z.array(z.object({ id: z.number(), name: z.string() })),
  topicReports: z.array(z.object({ title: z.string(), reporter: z.string() })),
  cases: z.array(z.object({ id: z.number(), caseNo: z.string(), title: z.string() })),
  decisions: z.array(
    z.object({
      text: z.string(),
      ownerUnitId: z.number().nullable(),
      ownerUnitName: z.string().nullable(),
      dueOn: IsoDate.nullable(),
    }),
  ),
  minutes: z.string(),
  recordedBy: z.string(),
  createdAt: z.string(),
});
export type CommitteeMeetingResponse = z.infer<typeof CommitteeMeetingResponse>;

export const CommitteeMeetingListQuery = Paging.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type CommitteeMeetingListQuery = z.infer<typeof CommitteeMeetingListQuery>;

export const CommitteeMeetingListResponse = z.object({
  items: z.array(CommitteeMeetingResponse),
  total: z.number(),
  /** Over the whole filtered set: topic reports and distinct cases studied. */
  topicReports: z.number(),
  casesStudied: z.number(),
});
export type CommitteeMeetingListResponse = z.infer<typeof CommitteeMeetingListResponse>;

// ---- statistics --------------------------------------------------------------------------------

export const SupervisionStatsQuery = z.object({
  /** occurredOn from / to (inclusive); default: this year. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** Unit id; includes the subtree. */
  unit: Id.optional(),
});
export type SupervisionStatsQuery = z.infer<typeof SupervisionStatsQuery>;

/**
 * Every number drills down to GET /api/supervision/findings with the same from/to/unit plus:
 * found → (none); corrected → status=corrected; confirmed → confirmed=true; open →
 * status=open,answered; overdue → overdue=true; dismissed → status=dismissed; resolved →
 * status=resolved; byRule → rule=code; byUnit → unit=unitId; byMonth → from/to of the month.
 */
export const SupervisionStatsResponse = z.object({
  from: IsoDate,
  to: IsoDate,
  totals: z.object({
    found: z.number(),
    corrected: z.number(),
    confirmed: z.number(),
    open: z.number(),
    overdue: z.number(),
    dismissed: z.number(),
    resolved: z.number(),
  }),
  byRule: z.array(z.object({ code: z.string(), name: z.string(), count: z.number(), open: z.number() })),
  byUnit: z.array(
    z.object({
      unitId: z.number(),
      unitName: z.string(),
      count: z.number(),
      open: z.number(),
      overdue: z.number(),
      /** Rectified by the deadline / all corrected, 0..1; null when none corrected. */
      onTimeRate: z.number().nullable(),
    }),
  ),
  /** month = YYYY-MM */
  byMonth: z.array(z.object({ month: z.string(), found: z.number(), corrected: z.number() })),
  /** Corrected findings: rectified (the unit's last answer) on or before rectifyDueOn vs after. */
  rectification: z.object({
    closed: z.number(),
    onTime: z.number(),
    late: z.number(),
    onTimeRate: z.number().nullable(),
  }),
});
export type SupervisionStatsResponse = z.infer<typeof SupervisionStatsResponse>;
