/**
 * The procedural articles the decision documents cite, by the date they took effect: the
 * document of a decision cites the procedure in force on the decision date (程序从新), while the
 * offence's own article comes from the case's penalty items (see `basisText`).
 *
 * Every article below was read from the law's text (LawRefBook/Laws: 行政复议法 2017 and 2023,
 * 行政处罚法 2021, 行政诉讼法 2017, 治安管理处罚法 2012, 刑事诉讼法 2018, 公安机关办理刑事案件
 * 程序规定 2020) unless marked unconfirmed. When the law register (common/src/law) holds these
 * laws' versions, read them from there instead.
 */

export interface Dated<T> {
  effectiveFrom: string;
  value: T;
}

/** The entry in force on `on` (the latest `effectiveFrom` not after it), else the oldest. */
export function inForce<T>(entries: readonly Dated<T>[], on: string): T {
  const sorted = [...entries].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return (sorted.find((e) => e.effectiveFrom <= on) ?? sorted[sorted.length - 1]!).value;
}

export interface ReconsiderationLaw {
  /** 行政复议法 version and the article that names the 复议机关 of a government department. */
  citation: string;
  /** Whether the applicant may also choose the next-higher organ of the same system. */
  superiorToo: boolean;
}

/**
 * 复议机关 of a decision of a county-level public-security organ. 2017 text art.12: the
 * department's own people's government or the next-higher department, at the applicant's
 * choice. 2023 text art.24 (in force 2024-01-01): the department's own people's government only.
 * Art.24 para.4 also lets a 派出机构 of a city department set up per district (X市公安局Y分局)
 * go to the city or the district government; the brief takes the district government for a
 * district branch, which is what `jurisdiction().government` names.
 */
export const RECONSIDERATION_LAW: readonly Dated<ReconsiderationLaw>[] = [
  {
    effectiveFrom: '2017-09-01',
    value: { citation: '《中华人民共和国行政复议法》（2017年修正）第十二条', superiorToo: true },
  },
  {
    effectiveFrom: '2024-01-01',
    value: { citation: '《中华人民共和国行政复议法》（2023年修订）第二十四条', superiorToo: false },
  },
];

/**
 * 复议前置 of an on-the-spot penalty (行政复议法 2023 art.23 para.1 item 1 and para.2: the organ
 * must tell the party to apply for 复议 first). The 2017 text had no such rule for penalties.
 */
export const ON_THE_SPOT_RECONSIDERATION_FIRST: readonly Dated<string | null>[] = [
  { effectiveFrom: '2017-09-01', value: null },
  { effectiveFrom: '2024-01-01', value: '《中华人民共和国行政复议法》第二十三条' },
];

export interface DeferralLaw {
  /** The article giving the right to ask for 暂缓执行 of administrative detention. */
  citation: string;
  /** The conditions in the version's own words, where confirmed. */
  conditions: string | null;
}

/**
 * 暂缓执行行政拘留. 治安管理处罚法 2012 art.107 (guarantor or 200 yuan a day). The 2025 revision
 * (in force 2026-01-01) keeps the right, but its article number and conditions were not
 * confirmed from its text, so from 2026 the document cites 行政处罚法 (2021) art.73 para.2,
 * which grants the same right for every restriction of personal liberty. (unconfirmed: the 2025
 * article)
 */
export const DETENTION_DEFERRAL_LAW: readonly Dated<DeferralLaw>[] = [
  {
    effectiveFrom: '2013-01-01',
    value: {
      citation: '《中华人民共和国治安管理处罚法》第一百零七条',
      conditions:
        '公安机关认为暂缓执行行政拘留不致发生社会危险的，由被处罚人或者其近亲属提出符合法定条件的担保人，或者按每日行政拘留二百元的标准交纳保证金，行政拘留的处罚决定暂缓执行',
    },
  },
  {
    effectiveFrom: '2026-01-01',
    value: { citation: '《中华人民共和国行政处罚法》第七十三条第二款', conditions: null },
  },
];

/** 行政处罚法 (2021): payment (art.67), 加处罚款 (art.72), no suspension pending review (art.73). */
export const PENALTY_LAW = {
  payment: '《中华人民共和国行政处罚法》第六十七条',
  surcharge: '《中华人民共和国行政处罚法》第七十二条第一款第一项',
  notSuspended: '《中华人民共和国行政处罚法》第七十三条',
} as const;

export interface CriminalProcedure {
  /** 不予立案 (刑事诉讼法 art.112). */
  notFiled: string;
  /** 提请批准逮捕: conditions of arrest (art.81) and the request to the procuratorate (art.87). */
  arrestRequest: string;
  /** 起诉意见书 (art.162). */
  prosecution: string;
  /** 撤销案件: found during investigation that no criminal liability is due (art.163). */
  caseRevoked: string;
  /** The grounds of non-prosecution listed in art.16, cited when the reasons name one. */
  caseRevokedGrounds: string;
  /** 程序规定: grounds of 撤销案件 (art.186) and the notice to the parties (art.189). */
  revokedRule: string;
  revokedNoticeRule: string;
}

/**
 * 刑事诉讼法 2018 (in force 2018-10-26) with 公安机关办理刑事案件程序规定 2020 (in force
 * 2020-09-01; arts.186 and 189 confirmed from its text). Fazhi's records start in 2021; a
 * decision from before 2020-09-01 would need the older texts' numbering added here.
 */
export const CRIMINAL_PROCEDURE: readonly Dated<CriminalProcedure>[] = [
  {
    effectiveFrom: '2018-10-26',
    value: {
      notFiled: '《中华人民共和国刑事诉讼法》第一百一十二条',
      arrestRequest: '《中华人民共和国刑事诉讼法》第八十一条、第八十七条',
      prosecution: '《中华人民共和国刑事诉讼法》第一百六十二条',
      caseRevoked: '第一百六十三条',
      caseRevokedGrounds: '第十六条',
      revokedRule: '《公安机关办理刑事案件程序规定》第一百八十六条',
      revokedNoticeRule: '《公安机关办理刑事案件程序规定》第一百八十九条',
    },
  },
];
