/**
 * The law register (法律法规库) as effective-dated data: laws with their versions and in-force
 * dates, and offences (违反治安管理行为, other 公安 administrative offences, 罪名) with, per
 * version, the article cited and what penalties the article allows per 情节 tier.
 *
 * A tier's `schemes` are the alternatives the article offers ("处警告或者二百元以下罚款" is two
 * schemes; "处五日以上十日以下拘留，可以并处五百元以下罚款" is one with a required detention and
 * an optional fine). A proposal is within a tier when it matches one scheme: every required
 * penalty present and in range, every other penalty one the scheme allows as optional, in range.
 */
import { z } from 'zod';

export const PENALTY_TYPES = [
  'warning',
  'fine',
  'detention',
  'confiscation',
  'licence_suspension',
  'licence_revocation',
  'deportation',
] as const;
export type PenaltyType = (typeof PENALTY_TYPES)[number];

/** 情节较轻 / 一般 / 较重 (the article's own wording, e.g. 情节严重, is kept in `label`). */
export const TIERS = ['minor', 'ordinary', 'serious'] as const;
export type Tier = (typeof TIERS)[number];

export const PenaltyBound = z.object({
  type: z.enum(PENALTY_TYPES),
  /** Yuan for a fine, days for detention; absent where the article names no bound. */
  min: z.number().nonnegative().optional(),
  max: z.number().positive().optional(),
});
export type PenaltyBound = z.infer<typeof PenaltyBound>;

export const Scheme = z.object({
  required: z.array(PenaltyBound).min(1, { message: 'law.schemeNeedsRequired' }),
  optional: z.array(PenaltyBound).default([]),
});
export type Scheme = z.infer<typeof Scheme>;

export const TierRule = z.object({
  tier: z.enum(TIERS),
  /** The article's words for the tier (情节较轻, 情节严重 …), shown in the discretion helper. */
  label: z.string().optional(),
  schemes: z.array(Scheme).min(1),
});
export type TierRule = z.infer<typeof TierRule>;

export const OffenceVersion = z.object({
  /** Official name of the act (殴打他人, 盗窃 …) or 罪名 (盗窃罪). */
  name: z.string().min(1),
  /** The law's short name as in `LAW_VERSIONS` (治安管理处罚法). */
  law: z.string().min(1),
  /** The law version's id (`治安管理处罚法@2026-01-01`). */
  version: z.string().min(1),
  /** 第四十三条第一款 … */
  article: z.string().min(1),
  caseType: z.enum(['admin', 'criminal']),
  tiers: z.array(TierRule),
  /** Whether a unit (单位) can commit it, and be fined for it. */
  organisations: z.boolean().default(false),
  /** Publication excluded by law or privacy (卖淫嫖娼, 吸毒 …). */
  publicationExcluded: z.boolean().default(false),
  /** Article or ranges not confirmed from the law's text: shown wherever the value is used. */
  unconfirmed: z.boolean().default(false),
  note: z.string().optional(),
});
export type OffenceVersion = z.infer<typeof OffenceVersion>;

export const LawVersion = z.object({
  /** `治安管理处罚法@2026-01-01`. */
  id: z.string(),
  law: z.string(),
  title: z.string(),
  adoptedOn: z.string(),
  effectiveFrom: z.string(),
  /** The day after the last day in force; null while in force. */
  effectiveUntil: z.string().nullable(),
  /** Rules of the general part the checker applies (combined detention cap, ages …). */
  general: z
    .object({
      /** 分别决定，合并执行: the combined detention cap in days. */
      combinedDetentionMax: z.number().int().positive().optional(),
      /** The article that sets the cap. */
      combinedDetentionArticle: z.string().optional(),
      /** How an organisation's offence is punished (单位违反治安管理的 …). */
      organisationArticle: z.string().optional(),
      /** No penalty below this age (不满十四周岁的不予处罚). */
      minimumAge: z.number().int().positive().optional(),
      minimumAgeArticle: z.string().optional(),
      /** 从轻或者减轻处罚 below this age: the lower bounds of ranges do not bind. */
      mitigationBelowAge: z.number().int().positive().optional(),
      mitigationArticle: z.string().optional(),
      /** Detention decided but not executed (不执行行政拘留): who, and the article. */
      detentionNotExecuted: z
        .object({
          article: z.string(),
          /** Ages [from, to) for which detention is not executed. */
          ages: z.array(
            z.object({ from: z.number(), to: z.number(), firstOffenceOnly: z.boolean().default(false) }),
          ),
          /** 七十周岁以上. */
          elderlyFrom: z.number().optional(),
          pregnantOrNursing: z.boolean().default(true),
          /** Exception (情节严重、影响恶劣 …) in the version's words, if any. */
          exception: z.string().optional(),
        })
        .optional(),
      /** Records sealed (违反治安管理的记录封存): nothing of them may be published. */
      recordsSealed: z.object({ article: z.string() }).optional(),
      /**
       * Who must be told of the right to a hearing (听证) before the decision: a total fine from
       * `fineFrom` yuan, a licence revoked, and (2025) a minor whose detention may be executed.
       * Procedure: the version in force on the decision date applies, not the act date's.
       */
      hearing: z
        .object({
          article: z.string(),
          fineFrom: z.number().positive(),
          licenceRevocation: z.boolean().default(true),
          minorDetention: z.boolean().default(false),
        })
        .optional(),
      /** Penalty types the law knows (第十条 治安管理处罚的种类). */
      penaltyTypes: z.array(z.enum(PENALTY_TYPES)).optional(),
      penaltyTypesArticle: z.string().optional(),
    })
    .default({}),
  unconfirmed: z.boolean().default(false),
  source: z.string(),
});
export type LawVersion = z.infer<typeof LawVersion>;

/**
 * The body of `POST /api/law/versions`: a new version of a law from the day it comes into force
 * (its id is `${law}@${effectiveFrom}`). The server copies the previous version's `general`
 * rules and ends the previous version on `effectiveFrom`; offences are entered one by one.
 */
export const LawVersionAddRequest = z.object({
  law: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[^@]+$/),
  title: z.string().trim().min(1).max(200),
  adoptedOn: z.iso.date({ message: 'date' }),
  effectiveFrom: z.iso.date({ message: 'date' }),
  source: z.string().trim().min(1).max(500),
  unconfirmed: z.boolean().default(false),
});
export type LawVersionAddRequest = z.infer<typeof LawVersionAddRequest>;

/** The body of `POST /api/law/penalty-check` and of `fazhi law check FILE.json`. */
export const PenaltyCheckRequest = z.object({
  actDate: z.iso.date(),
  decisionDate: z.iso.date(),
  offences: z
    .array(
      z.object({
        name: z.string().trim().min(1),
        tier: z.enum(TIERS).optional(),
        penalties: z.array(
          z.object({
            type: z.enum(PENALTY_TYPES),
            amount: z.number().nonnegative().optional(),
            days: z.number().int().nonnegative().optional(),
          }),
        ),
      }),
    )
    .min(1)
    .max(20),
  party: z.object({
    birthDate: z.iso.date().optional(),
    kind: z.enum(['person', 'organisation']),
    pregnantOrNursing: z.boolean().optional(),
    firstOffence: z.boolean().optional(),
  }),
});
export type PenaltyCheckRequest = z.infer<typeof PenaltyCheckRequest>;

export const LawFinding = z.object({
  /** A rule code with a label in both languages (`law.rule.*`). */
  rule: z.string(),
  message: z.string(),
  /** Law, version and article the finding rests on. */
  basis: z.string(),
});
export type LawFinding = z.infer<typeof LawFinding>;

export const PenaltyCheckResponse = z.object({
  lawful: z.boolean(),
  applied: z.array(
    z.object({
      offence: z.string(),
      /** The 情节 tier judged (recorded on the decision with its basis). */
      tier: z.enum(TIERS),
      law: z.string(),
      version: z.string(),
      article: z.string(),
      /** Why this version: `act_date` or `lighter_later` (从旧兼从轻). */
      reason: z.enum(['act_date', 'lighter_later']),
      unconfirmed: z.boolean(),
      /** The legal range of the tier asked, for the discretion helper (裁量). */
      range: z.array(TierRule),
    }),
  ),
  violations: z.array(LawFinding),
  /** Consequences that do not make the proposal unlawful (detention not executed …). */
  notices: z.array(LawFinding),
});
export type PenaltyCheckResponse = z.infer<typeof PenaltyCheckResponse>;

export const LawRegisterResponse = z.object({
  laws: z.array(LawVersion),
  offences: z.array(OffenceVersion),
});

/** A decision of 2026 or later whose basis the legal detachment should look at again. */
export const LawReviewItem = z.object({
  decisionId: z.number(),
  caseId: z.number(),
  caseNo: z.string(),
  docNo: z.string(),
  decidedOn: z.string(),
  actDate: z.string(),
  offence: z.string(),
  /** The article the decision cited (its recorded basis, else the penalty item's article). */
  cited: z.string(),
  /** The version and article the check applies now, and why. */
  applied: z
    .object({ version: z.string(), article: z.string(), reason: z.enum(['act_date', 'lighter_later']) })
    .nullable(),
  /** The revised law's article and the range of the decision's tier under it. */
  newLaw: z.object({ version: z.string(), article: z.string(), range: z.array(TierRule) }).nullable(),
  /** What the check finds wrong with the decided penalty today (empty: lawful). */
  violations: z.array(LawFinding),
});
export const LawReviewListResponse = z.object({ items: z.array(LawReviewItem), total: z.number() });
export type LawReviewItem = z.infer<typeof LawReviewItem>;
export type LawReviewListResponse = z.infer<typeof LawReviewListResponse>;
export type LawRegisterResponse = z.infer<typeof LawRegisterResponse>;
