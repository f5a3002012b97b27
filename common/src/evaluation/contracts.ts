/**
 * Contracts of 执法质量考评: rubric, quarterly rounds and their samples, scores and disputes,
 * rankings, the year's awards and the self-inspection of case-handling areas. Field messages are
 * keys of FIELD_MESSAGES.
 */
import { z } from 'zod';
import { Id, IsoDate, Paging } from '../platform/contracts.ts';
import {
  AWARD_KINDS,
  AWARD_STATUSES,
  DEFAULT_AWARD_STARS,
  DEFAULT_AWARD_UNITS,
  DEFAULT_PER_UNIT,
  DEFAULT_STAR_MIN_SAMPLES,
  MAX_PER_UNIT,
  ROUND_STATUSES,
  SAMPLE_ACTIONS,
  SAMPLE_STATUSES,
  SELF_INSPECTION_CODES,
  SELF_INSPECTION_STATUSES,
} from './model.ts';

const Year = z.coerce.number().int().min(2000).max(2100);
const Quarter = z.coerce.number().int().min(1).max(4);
/** Points: non-negative, in half points. */
const Points = z
  .number()
  .min(0)
  .max(1000)
  .refine((n) => Number.isInteger(n * 2), { message: 'evaluation.halfPoints' });
/** A quarter label, `2021-Q3`. */
export const EvaluationPeriod = z.string().regex(/^\d{4}-Q[1-4]$/, { message: 'evaluation.period' });

// ---- rubric ------------------------------------------------------------------------------------

export const RubricItem = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, { message: 'evaluation.itemCode' }),
  nameZh: z.string().trim().min(2).max(60),
  nameEn: z.string().trim().min(2).max(120),
  /** Most points one case can lose on this item (a veto item: not used, keep 0 or the full score). */
  maxDeduction: Points,
  /** 一票否决: a deduction on this item makes the case's score 0. */
  veto: z.boolean(),
  /** What the evaluator looks for, for the scoring form. */
  guide: z.string().trim().max(300).default(''),
});
export type RubricItem = z.infer<typeof RubricItem>;

export const RubricResponse = z.object({
  id: z.number(),
  name: z.string(),
  items: z.array(RubricItem),
  fullScore: z.number(),
  excellentScore: z.number(),
  effectiveFrom: IsoDate,
  createdAt: z.string(),
  /** Rounds scored with this rubric: it can no longer be edited, only superseded. */
  rounds: z.number(),
  /** Every version of the branch's rubric, newest first. */
  versions: z.array(
    z.object({ id: z.number(), name: z.string(), effectiveFrom: IsoDate, rounds: z.number() }),
  ),
});
export type RubricResponse = z.infer<typeof RubricResponse>;

/** `GET /api/evaluation/rubric?on=` — the version in force on that day (default today). */
export const RubricQuery = z.object({ on: IsoDate.optional(), id: Id.optional() });
export type RubricQuery = z.infer<typeof RubricQuery>;

/**
 * `PUT /api/evaluation/rubric`: a new `effectiveFrom` adds a version; the date of an existing
 * version replaces it, unless a round already used it (`effectiveFrom: evaluation.rubricInUse`).
 */
export const RubricUpdateRequest = z.object({
  name: z.string().trim().min(2).max(100),
  items: z.array(RubricItem).min(1).max(60),
  fullScore: z.number().int().min(10).max(1000),
  excellentScore: z.number().min(0).max(1000),
  effectiveFrom: IsoDate,
});
export type RubricUpdateRequest = z.infer<typeof RubricUpdateRequest>;

// ---- rounds ------------------------------------------------------------------------------------

export const RoundCreateRequest = z.object({
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4),
  /** Closed cases sampled per case-handling unit (fewer where a unit closed fewer). */
  perUnit: z.number().int().min(1).max(MAX_PER_UNIT).default(DEFAULT_PER_UNIT),
});
export type RoundCreateRequest = z.input<typeof RoundCreateRequest>;

export const RoundListQuery = Paging.extend({
  year: Year.optional(),
  status: z.enum(ROUND_STATUSES).optional(),
});
export type RoundListQuery = z.infer<typeof RoundListQuery>;

export const RoundResponse = z.object({
  id: z.number(),
  year: z.number(),
  quarter: z.number(),
  /** `2021-Q3` */
  period: z.string(),
  rubricId: z.number(),
  perUnit: z.number(),
  seed: z.number(),
  status: z.enum(ROUND_STATUSES),
  /** Counts over the whole round (not only the caller's scope). */
  sampleCount: z.number(),
  pending: z.number(),
  scored: z.number(),
  disputed: z.number(),
  final: z.number(),
  units: z.number(),
  vetoes: z.number(),
  /** Average score of the scored samples, or null when none is scored. */
  average: z.number().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  /** Why publishing is refused now: unscored | disputes_open | published | empty. */
  publishBlockers: z.array(z.string()),
  /** `publish` when the caller may publish it now. */
  actions: z.array(z.literal('publish')),
});
export type RoundResponse = z.infer<typeof RoundResponse>;
export const RoundListResponse = z.object({ items: z.array(RoundResponse), total: z.number() });
export type RoundListResponse = z.infer<typeof RoundListResponse>;

export const ScoreDeduction = z.object({
  /** A rubric item code. */
  item: z.string().min(1).max(40),
  points: Points,
  note: z.string().trim().max(300).default(''),
});
export type ScoreDeduction = z.infer<typeof ScoreDeduction>;

export const SampleDispute = z.object({
  reason: z.string(),
  by: z.string(),
  at: z.string(),
  /** upheld | revised, null while open */
  outcome: z.enum(['upheld', 'revised']).nullable(),
  note: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type SampleDispute = z.infer<typeof SampleDispute>;

export const SampleResponse = z.object({
  id: z.number(),
  roundId: z.number(),
  year: z.number(),
  quarter: z.number(),
  roundStatus: z.enum(ROUND_STATUSES),
  caseId: z.number(),
  caseNo: z.string(),
  caseTitle: z.string(),
  caseType: z.enum(['admin', 'criminal']),
  closedAt: z.string().nullable(),
  unitId: z.number(),
  unitName: z.string(),
  officerId: z.number(),
  officerName: z.string(),
  evaluatorName: z.string().nullable(),
  status: z.enum(SAMPLE_STATUSES),
  deductions: z.array(ScoreDeduction),
  vetoed: z.boolean(),
  score: z.number().nullable(),
  scoredAt: z.string().nullable(),
  dispute: SampleDispute.nullable(),
  version: z.number(),
  /** What the caller may do now (from availableSampleActions). */
  actions: z.array(z.enum(SAMPLE_ACTIONS)),
});
export type SampleResponse = z.infer<typeof SampleResponse>;

export const RoundDetailResponse = RoundResponse.extend({
  rubric: RubricResponse,
  /** The samples in the caller's scope (every sample for the detachment). */
  samples: z.array(SampleResponse),
});
export type RoundDetailResponse = z.infer<typeof RoundDetailResponse>;

/** `GET /api/evaluation/samples` — samples across rounds, scoped (a unit sees its own). */
export const SampleListQuery = Paging.extend({
  round: Id.optional(),
  unit: Id.optional(),
  status: z.string().max(60).optional(),
  year: Year.optional(),
  vetoed: z.enum(['true', 'false']).optional(),
});
export type SampleListQuery = z.infer<typeof SampleListQuery>;
export const SampleListResponse = z.object({ items: z.array(SampleResponse), total: z.number() });
export type SampleListResponse = z.infer<typeof SampleListResponse>;

/** An evaluator's score. `vetoed` needs a deduction on a veto item saying why. */
export const SampleScoreRequest = z.object({
  version: z.number().int().positive(),
  deductions: z.array(ScoreDeduction).max(60),
  vetoed: z.boolean().default(false),
});
export type SampleScoreRequest = z.input<typeof SampleScoreRequest>;

/** The sampled case's unit contests the score (once, while the round is not published). */
export const SampleDisputeRequest = z.object({
  version: z.number().int().positive(),
  reason: z.string().trim().min(5).max(1000),
});
export type SampleDisputeRequest = z.infer<typeof SampleDisputeRequest>;

/** The detachment's decision: keep the score, or replace it with new deductions. */
export const SampleDisputeDecisionRequest = z.object({
  version: z.number().int().positive(),
  outcome: z.enum(['upheld', 'revised']),
  /** Required when revised: the new deductions. */
  deductions: z.array(ScoreDeduction).max(60).optional(),
  vetoed: z.boolean().optional(),
  note: z.string().trim().min(2).max(1000),
});
export type SampleDisputeDecisionRequest = z.infer<typeof SampleDisputeDecisionRequest>;

// ---- rankings ----------------------------------------------------------------------------------

/**
 * `GET /api/evaluation/rankings?year=&quarter=` — one quarter's round, or the year's published
 * rounds when `quarter` is absent. Officers with fewer than `minSamples` scored samples are left
 * out of the officer ranking (法制之星 needs enough evidence).
 */
export const RankingQuery = z.object({
  year: Year,
  quarter: Quarter.optional(),
  minSamples: z.coerce.number().int().min(1).max(50).default(DEFAULT_STAR_MIN_SAMPLES),
});
export type RankingQuery = z.infer<typeof RankingQuery>;

export const UnitRanking = z.object({
  unitId: z.number(),
  unitName: z.string(),
  samples: z.number(),
  average: z.number(),
  lowest: z.number(),
  vetoes: z.number(),
  /** Equal averages share a rank (1, 1, 3). */
  rank: z.number(),
  /** average ≥ the rubric's excellent score and no veto. */
  excellent: z.boolean(),
});
export type UnitRanking = z.infer<typeof UnitRanking>;

export const OfficerRanking = z.object({
  officerId: z.number(),
  officerName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  samples: z.number(),
  average: z.number(),
  vetoes: z.number(),
  /** By average, then by samples; equal on both share a rank. */
  rank: z.number(),
});
export type OfficerRanking = z.infer<typeof OfficerRanking>;

export const RankingResponse = z.object({
  year: z.number(),
  quarter: z.number().nullable(),
  /** Rounds counted (a year counts its published rounds only). */
  rounds: z.array(z.object({ id: z.number(), quarter: z.number(), status: z.enum(ROUND_STATUSES) })),
  /** A quarter whose round is still being scored (shown to the detachment only). */
  provisional: z.boolean(),
  fullScore: z.number(),
  excellentScore: z.number(),
  samples: z.number(),
  average: z.number().nullable(),
  units: z.array(UnitRanking),
  officers: z.array(OfficerRanking),
});
export type RankingResponse = z.infer<typeof RankingResponse>;

// ---- awards ------------------------------------------------------------------------------------

export const AwardListQuery = z.object({
  year: Year.optional(),
  kind: z.enum(AWARD_KINDS).optional(),
  status: z.enum(AWARD_STATUSES).optional(),
});
export type AwardListQuery = z.infer<typeof AwardListQuery>;

export const AwardResponse = z.object({
  id: z.number(),
  year: z.number(),
  kind: z.enum(AWARD_KINDS),
  unitId: z.number(),
  unitName: z.string(),
  officerId: z.number().nullable(),
  officerName: z.string().nullable(),
  rank: z.number(),
  score: z.number(),
  /** Years in a row, ending this one, the unit (for a star: the officer) was excellent/awarded. */
  consecutiveYears: z.number(),
  /** A unit excellent 3+ years in a row: 三等功 proposed for its head and legal officer. */
  meritFlag: z.boolean(),
  /** Who the 三等功 is proposed for (the unit's head and legal officer), when flagged. */
  meritNominees: z.array(
    z.object({ officerId: z.number(), name: z.string(), role: z.enum(['unit_head', 'unit_legal']) }),
  ),
  /** The proposal sentence as it goes to the branch party committee. */
  proposalZh: z.string(),
  proposalEn: z.string(),
  status: z.enum(AWARD_STATUSES),
  proposedBy: z.string(),
  proposedAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
});
export type AwardResponse = z.infer<typeof AwardResponse>;
export const AwardListResponse = z.object({ items: z.array(AwardResponse), total: z.number() });
export type AwardListResponse = z.infer<typeof AwardListResponse>;

/**
 * Propose the year's awards from the year ranking: the top `units` excellent units and the top
 * `stars` officers without a veto (ties at the cut are all proposed). Re-proposing replaces the
 * year's unapproved proposals; approved awards stay.
 */
export const AwardProposeRequest = z.object({
  year: z.number().int().min(2000).max(2100),
  units: z.number().int().min(1).max(100).default(DEFAULT_AWARD_UNITS),
  stars: z.number().int().min(1).max(100).default(DEFAULT_AWARD_STARS),
  minSamples: z.number().int().min(1).max(50).default(DEFAULT_STAR_MIN_SAMPLES),
});
export type AwardProposeRequest = z.input<typeof AwardProposeRequest>;

// ---- self-inspection ---------------------------------------------------------------------------

export const SelfInspectionItemResult = z.object({
  code: z.enum(SELF_INSPECTION_CODES),
  ok: z.boolean(),
  /** Required when not ok: what is wrong. */
  note: z.string().trim().max(300).default(''),
});
export type SelfInspectionItemResult = z.infer<typeof SelfInspectionItemResult>;

/** A unit's checklist for a quarter; every item of SELF_INSPECTION_ITEMS answered once. */
export const SelfInspectionCreateRequest = z.object({
  /** Defaults to the caller's unit. */
  unitId: z.number().int().positive().optional(),
  period: EvaluationPeriod,
  items: z.array(SelfInspectionItemResult).min(1).max(40),
});
export type SelfInspectionCreateRequest = z.input<typeof SelfInspectionCreateRequest>;

export const SelfInspectionRectifyRequest = z.object({
  rectification: z.string().trim().min(5).max(2000),
});
export type SelfInspectionRectifyRequest = z.infer<typeof SelfInspectionRectifyRequest>;

export const SelfInspectionListQuery = Paging.extend({
  unit: Id.optional(),
  year: Year.optional(),
  period: EvaluationPeriod.optional(),
  status: z.enum(SELF_INSPECTION_STATUSES).optional(),
});
export type SelfInspectionListQuery = z.infer<typeof SelfInspectionListQuery>;

export const SelfInspectionResponse = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  period: z.string(),
  items: z.array(z.object({ code: z.string(), ok: z.boolean(), note: z.string() })),
  problems: z.number(),
  status: z.enum(SELF_INSPECTION_STATUSES),
  rectification: z.string().nullable(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  rectifiedAt: z.string().nullable(),
  /** `rectify` when the caller may record the rectification now. */
  actions: z.array(z.literal('rectify')),
});
export type SelfInspectionResponse = z.infer<typeof SelfInspectionResponse>;
export const SelfInspectionListResponse = z.object({
  items: z.array(SelfInspectionResponse),
  total: z.number(),
  /** Over the whole filtered set: inspections, problems found, still open. */
  counts: z.object({ inspections: z.number(), problems: z.number(), open: z.number() }),
});
export type SelfInspectionListResponse = z.infer<typeof SelfInspectionListResponse>;
