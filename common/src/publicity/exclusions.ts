/**
 * What the portal (执法公示) must never publish, and why. Pure: the server applies it where a
 * publicity task is opened and where it is published, the data step to what is already out,
 * and the demo generator to what it writes, so none of them can disagree.
 *
 * The grounds, each a reason code named in both languages:
 * - `minor`: the party was under 18 on the act date (未成年人保护法 art.103: nothing that
 *   identifies a minor is published);
 * - `excluded_offence`: an offence whose register entry excludes publication (卖淫、嫖娼, 吸食毒品 …;
 *   `OffenceVersion.publicationExcluded`), for the party's privacy;
 * - `state_secret`: marked 国家秘密 (保守国家秘密法; 政府信息公开条例 art.14);
 *
 * Sealed 治安 records (2025 治安管理处罚法 第一百三十六条: 违反治安管理的记录应当予以封存，不得向任何
 * 单位和个人提供或者公开) are not a ground to keep the decision off the portal: the decision is
 * published as 执法公示 requires (行政处罚法 art.48, 国办发〔2018〕118号) with nothing of the person
 * — no name, no address — so no one's record is provided or disclosed (`sealedRecords`).
 */
import { ageAt, type LawRegister, lawInForce } from '../law/check.ts';
import { idNumberBirthDate } from '../personal-data/id-number.ts';
import type { Bilingual, Locale } from '../platform/errors.ts';
import { say } from '../platform/errors.ts';

export const PUBLICITY_EXCLUSIONS = ['minor', 'excluded_offence', 'state_secret', 'records_sealed'] as const;
export type PublicityExclusion = (typeof PUBLICITY_EXCLUSIONS)[number];

export const PUBLICITY_EXCLUSION_NAMES: Record<PublicityExclusion, Bilingual> = {
  minor: { zh: '当事人行为时未成年', en: 'Party was a minor at the act' },
  excluded_offence: { zh: '涉及个人隐私的违法类别', en: 'Offence excluded from publicity (privacy)' },
  state_secret: { zh: '涉及国家秘密', en: 'State secret' },
  records_sealed: {
    zh: '违反治安管理的记录依法封存，不公开当事人',
    en: 'Public-order records sealed: party withheld',
  },
};

/** The legal basis of each ground, as printed beside its name. */
export const PUBLICITY_EXCLUSION_BASIS: Record<PublicityExclusion, Bilingual> = {
  minor: { zh: '《未成年人保护法》第一百零三条', en: 'Minors Protection Law art.103' },
  excluded_offence: {
    zh: '《政府信息公开条例》第十五条（个人隐私）',
    en: 'Regulations on Open Government Information art.15 (privacy)',
  },
  state_secret: {
    zh: '《政府信息公开条例》第十四条',
    en: 'Regulations on Open Government Information art.14',
  },
  records_sealed: {
    zh: '《治安管理处罚法》（2025年修订）第一百三十六条',
    en: 'Public Security Administration Punishments Law (2025) art.136',
  },
};

/** The law applied, as `decisions.law_basis` holds it (LawApplied[]); only these fields are read. */
export interface AppliedLaw {
  offence: string;
  law: string;
  version: string;
}

export interface DecisionForExclusion {
  /** 行为发生日 (`decisions.act_date`), else null. */
  actDate: string | null;
  /** The case's receipt date: the act date when the decision records none. */
  receivedOn: string;
  decidedOn: string;
  /** The object of the decision; a person's age comes from the ID number unless a birth date is given. */
  party: { kind: string; idNumber: string | null; birthDate?: string | null } | null;
  /** The decision's offences by official name, with the law each belongs to (penalty items). */
  offences: { name: string; law: string }[];
  /** `decisions.law_basis`, or null for decisions issued before the register. */
  lawBasis: readonly AppliedLaw[] | null;
  /** Marked 国家秘密. No field of a decision marks it today: callers pass nothing. */
  stateSecret?: boolean;
}

export interface ExclusionFinding {
  code: PublicityExclusion;
  /** The article and version the ground rests on, when the register names one. */
  basis: Bilingual;
}

/** The grounds on which the decision may not be published; empty when it may. */
export function publicityExclusions(register: LawRegister, d: DecisionForExclusion): ExclusionFinding[] {
  const found: ExclusionFinding[] = [];
  const actOn = d.actDate ?? d.receivedOn;

  if (d.party && d.party.kind !== 'organisation') {
    const birth = d.party.birthDate ?? (d.party.idNumber ? idNumberBirthDate(d.party.idNumber) : null);
    if (birth && ageAt(birth, actOn) < 18)
      found.push({ code: 'minor', basis: PUBLICITY_EXCLUSION_BASIS.minor });
  }

  const basis = d.lawBasis ?? [];
  const excludedOffence =
    basis.some((b) =>
      register.offences.some((o) => o.name === b.offence && o.version === b.version && o.publicationExcluded),
    ) ||
    // Penalty items carry no version: an offence the register excludes in any version is excluded.
    d.offences.some((x) => register.offences.some((o) => o.name === x.name && o.publicationExcluded));
  if (excludedOffence)
    found.push({ code: 'excluded_offence', basis: PUBLICITY_EXCLUSION_BASIS.excluded_offence });

  if (d.stateSecret) found.push({ code: 'state_secret', basis: PUBLICITY_EXCLUSION_BASIS.state_secret });

  return found;
}

/**
 * Whether the law version applied seals the records of its offences (2025 治安管理处罚法
 * 第一百三十六条): the decision is then published without its party. A decision issued before
 * the register recorded no version, so the version of its offences' law in force on the
 * decision date decides.
 */
export function sealedRecords(
  register: LawRegister,
  d: DecisionForExclusion,
): (ExclusionFinding & { code: 'records_sealed' }) | null {
  const basis = d.lawBasis ?? [];
  const applied = basis[0]
    ? register.laws.find((l) => l.id === basis[0]!.version)
    : [...new Set(d.offences.map((o) => o.law))]
        .map((law) => lawInForce(register, law, d.decidedOn))
        .find((v) => v?.general.recordsSealed);
  const sealed = applied?.general.recordsSealed;
  if (!applied || !sealed) return null;
  return {
    code: 'records_sealed',
    basis: {
      zh: `《${applied.law}》（${applied.effectiveFrom}施行）${sealed.article}`,
      en: `${applied.law} (in force ${applied.effectiveFrom}) ${sealed.article}`,
    },
  };
}

/** "当事人行为时未成年（《未成年人保护法》第一百零三条）；…" in the reader's language. */
export function exclusionText(findings: readonly ExclusionFinding[], locale: Locale): string {
  return findings
    .map((f) =>
      locale === 'en-US'
        ? `${say(PUBLICITY_EXCLUSION_NAMES[f.code], locale)} (${f.basis.en})`
        : `${say(PUBLICITY_EXCLUSION_NAMES[f.code], locale)}（${f.basis.zh}）`,
    )
    .join(locale === 'en-US' ? '; ' : '；');
}

/**
 * A task closed or withdrawn on these grounds keeps them in `publications.withdraw_reason` as
 * `不予公开[minor,records_sealed] …` (the codes, then the words in Chinese, the records'
 * language), so the task list shows the grounds' names in the reader's language without a column.
 */
const MARK = /^不予公开\[([a-z_,]+)\]/;

export function exclusionReason(findings: readonly ExclusionFinding[]): string {
  return `不予公开[${findings.map((f) => f.code).join(',')}] ${exclusionText(findings, 'zh-CN')}`;
}

/** The grounds a stored reason names; empty for any other reason (a revocation …). */
export function exclusionsOfReason(reason: string | null | undefined): PublicityExclusion[] {
  const m = reason ? MARK.exec(reason) : null;
  if (!m) return [];
  return m[1]!
    .split(',')
    .filter((c): c is PublicityExclusion => (PUBLICITY_EXCLUSIONS as readonly string[]).includes(c));
}
