import type { Calendar } from '../calendar/calendar.ts';
import { addDays, addMonthsPlain } from '../calendar/iso-date.ts';
import type { Due } from './clocks.ts';

export type ClockUnit = 'hours' | 'calendar_days' | 'working_days' | 'months';

export interface LegalRule {
  code: string;
  nameZh: string;
  nameEn: string;
  amount: number;
  unit: ClockUnit;
  /** Custody periods are never extended over holidays (刑事诉讼法 art. 105). */
  custody?: boolean;
  effectiveFrom: string;
  citation: string;
  /** Widely quoted but the source text was not seen: editable and flagged on the rules page. */
  unconfirmed?: boolean;
  /** An extension rule applied at most this many times (absent: once). */
  maxTimes?: number;
  /** A case period that does not count the time of a 听证 (as it never counts appraisal). */
  hearingExcluded?: boolean;
}

const PROCEDURE_2020 = '公安机关办理刑事案件程序规定（2020）';
const RULES_2019 = '人民检察院刑事诉讼规则（2019）';

/**
 * The procuratorate's 不批准逮捕, 不起诉, 通知立案 and 要求说明不立案理由, our 复议 / 复核 of
 * them, the 撤销案件 notice and the extension of a 复议 / 复核 decision. Our periods run from
 * receipt of the procuratorate's document (程序规定); the procuratorate's from its receipt of ours
 * (刑诉规则). All calendar days: neither text makes them working days.
 */
const PROCURATORATE_CLOCKS: readonly LegalRule[] = [
  {
    code: 'no_arrest_reconsideration_apply',
    nameZh: '不批准逮捕：要求复议期限',
    nameEn: 'Arrest not approved: ask for reconsideration',
    amount: 5,
    unit: 'calendar_days',
    effectiveFrom: '2020-09-01',
    citation: `${PROCEDURE_2020}第141条第1款`,
  },
  {
    code: 'no_arrest_reconsideration_decide',
    nameZh: '不批准逮捕：检察院复议决定',
    nameEn: 'Arrest not approved: the procuratorate reconsiders',
    amount: 7,
    unit: 'calendar_days',
    effectiveFrom: '2019-12-30',
    citation: `${RULES_2019}第290条`,
  },
  {
    code: 'no_arrest_review_apply',
    nameZh: '不批准逮捕：提请复核期限',
    nameEn: 'Arrest not approved: ask the higher procuratorate for review',
    amount: 5,
    unit: 'calendar_days',
    effectiveFrom: '2020-09-01',
    citation: `${PROCEDURE_2020}第141条第2款`,
  },
  {
    code: 'no_arrest_review_decide',
    nameZh: '不批准逮捕：上一级检察院复核决定',
    nameEn: 'Arrest not approved: the higher procuratorate reviews',
    amount: 15,
    unit: 'calendar_days',
    effectiveFrom: '2019-12-30',
    citation: `${RULES_2019}第291条`,
  },
  {
    code: 'no_prosecution_reconsideration_apply',
    nameZh: '不起诉：要求复议期限',
    nameEn: 'Not prosecuted: ask for reconsideration',
    amount: 7,
    unit: 'calendar_days',
    effectiveFrom: '2020-09-01',
    citation: `${PROCEDURE_2020}第294条第1款`,
  },
  {
    code: 'no_prosecution_reconsideration_decide',
    nameZh: '不起诉：检察院复议决定',
    nameEn: 'Not prosecuted: the procuratorate reconsiders',
    amount: 30,
    unit: 'calendar_days',
    effectiveFrom: '2019-12-30',
    citation: `${RULES_2019}第379条第2款`,
  },
  {
    code: 'no_prosecution_review_apply',
    nameZh: '不起诉：提请复核期限',
    nameEn: 'Not prosecuted: ask the higher procuratorate for review',
    amount: 7,
    unit: 'calendar_days',
    effectiveFrom: '2020-09-01',
    citation: `${PROCEDURE_2020}第294条第2款`,
  },
  {
    code: 'no_prosecution_review_decide',
    nameZh: '不起诉：上一级检察院复核决定',
    nameEn: 'Not prosecuted: the higher procuratorate reviews',
    amount: 30,
    unit: 'calendar_days',
    effectiveFrom: '2019-12-30',
    citation: `${RULES_2019}第380条`,
  },
  {
    code: 'procuratorate_filing_notice',
    nameZh: '检察院通知立案后立案',
    nameEn: 'File the case the procuratorate ordered filed',
    amount: 15,
    unit: 'calendar_days',
    effectiveFrom: '2020-09-01',
    citation: `${PROCEDURE_2020}第182条第2款；${RULES_2019}第563条`,
  },
  {
    code: 'not_filing_reasons',
    nameZh: '说明不立案理由',
    nameEn: 'Explain to the procuratorate why no case was filed',
    amount: 7,
    unit: 'calendar_days',
    effectiveFrom: '2020-09-01',
    citation: `${PROCEDURE_2020}第182条第1款；${RULES_2019}第560条`,
  },
  {
    code: 'case_revoked_notice',
    nameZh: '撤销案件告知',
    nameEn: 'Tell the parties the case was revoked',
    amount: 3,
    unit: 'calendar_days',
    effectiveFrom: '2020-09-01',
    citation: `${PROCEDURE_2020}第189条第1款`,
  },
  {
    code: 'reconsideration_extension',
    nameZh: '复议、复核延长（案情重大、复杂）',
    nameEn: 'Reconsideration or review extended (major or complex)',
    amount: 30,
    unit: 'calendar_days',
    effectiveFrom: '2020-09-01',
    citation: `${PROCEDURE_2020}第179条第3款`,
  },
];

const XZCF_2021 = '行政处罚法（2021）';

/**
 * 告知 and 送达 of an administrative penalty. The 行政处罚法's own "五日" and "七日" are working days
 * (2021 text art.85); the 治安管理处罚法's "二日" has no such rule and runs in calendar days.
 */
const PENALTY_PROCEDURE_CLOCKS: readonly LegalRule[] = [
  {
    code: 'hearing_request',
    nameZh: '要求听证期限',
    nameEn: 'Ask for a hearing',
    amount: 3,
    unit: 'calendar_days',
    effectiveFrom: '2013-01-01',
    citation: '公安机关办理行政案件程序规定 第133条',
  },
  {
    code: 'hearing_request',
    nameZh: '要求听证期限',
    nameEn: 'Ask for a hearing',
    amount: 5,
    unit: 'working_days',
    effectiveFrom: '2021-07-15',
    citation: `${XZCF_2021}第64条第1项、第85条`,
  },
  {
    // Confirmed from the 2018-amended text (art.168); that the 2012 text had the same 7 days from
    // its entry into force is not confirmed.
    code: 'public_notice_statement',
    nameZh: '公告告知申辩期',
    nameEn: 'Respond to a public notice of a penalty',
    amount: 7,
    unit: 'calendar_days',
    effectiveFrom: '2013-01-01',
    citation: '公安机关办理行政案件程序规定 第168条',
    unconfirmed: true,
  },
  {
    code: 'penalty_decision_service',
    nameZh: '行政处罚决定书送达',
    nameEn: 'Serve the penalty decision',
    amount: 7,
    unit: 'calendar_days',
    effectiveFrom: '1996-10-01',
    citation: '行政处罚法（1996）第40条',
    unconfirmed: true,
  },
  {
    code: 'penalty_decision_service',
    nameZh: '行政处罚决定书送达',
    nameEn: 'Serve the penalty decision',
    amount: 7,
    unit: 'working_days',
    effectiveFrom: '2021-07-15',
    citation: `${XZCF_2021}第61条第1款、第85条`,
  },
  {
    code: 'zhian_decision_service',
    nameZh: '治安管理处罚决定书送达',
    nameEn: 'Serve the public-order penalty decision',
    amount: 2,
    unit: 'calendar_days',
    effectiveFrom: '2013-01-01',
    citation: '治安管理处罚法（2012）第97条第1款',
  },
  {
    code: 'zhian_decision_service',
    nameZh: '治安管理处罚决定书送达',
    nameEn: 'Serve the public-order penalty decision',
    amount: 2,
    unit: 'calendar_days',
    effectiveFrom: '2026-01-01',
    citation: '治安管理处罚法（2025）第116条第1款',
  },
];

/**
 * The statutory clocks of the enforcement core, seeded into `legal_rules` by a data step. Never
 * use these numbers as literals elsewhere: read the rule in force on the clock's start date.
 */
export const LEGAL_RULES: readonly LegalRule[] = [
  {
    code: 'acceptance_review',
    nameZh: '受案审查',
    nameEn: 'Acceptance review',
    amount: 24,
    unit: 'hours',
    effectiveFrom: '2015-11-01',
    citation: '公安部关于改革完善受案立案制度的意见（公通字〔2015〕32号）',
  },
  {
    code: 'acceptance_review_complex',
    nameZh: '受案审查（疑难复杂）',
    nameEn: 'Acceptance review (complex)',
    amount: 3,
    unit: 'calendar_days',
    effectiveFrom: '2015-11-01',
    citation: '公通字〔2015〕32号',
  },
  {
    code: 'filing_review',
    nameZh: '立案审查',
    nameEn: 'Criminal filing review',
    amount: 3,
    unit: 'calendar_days',
    effectiveFrom: '2015-11-01',
    citation: '公通字〔2015〕32号',
  },
  {
    code: 'filing_review_lead',
    nameZh: '立案审查（线索需初查）',
    nameEn: 'Filing review (lead to check)',
    amount: 7,
    unit: 'calendar_days',
    effectiveFrom: '2015-11-01',
    citation: '公通字〔2015〕32号',
  },
  {
    code: 'filing_review_major',
    nameZh: '立案审查（重大复杂，经县级公安机关负责人批准）',
    nameEn: 'Filing review (major, approved)',
    amount: 30,
    unit: 'calendar_days',
    effectiveFrom: '2015-11-01',
    citation: '公通字〔2015〕32号',
  },
  {
    code: 'admin_case_period',
    nameZh: '行政案件办案期限',
    nameEn: 'Administrative case period',
    amount: 30,
    unit: 'calendar_days',
    effectiveFrom: '2013-01-01',
    citation: '公安机关办理行政案件程序规定 第165条',
  },
  // The revised 治安管理处罚法 (in force 2026-01-01) art.118: the period runs from 立案 (the
  // acceptance of an administrative case here), a 听证 is not counted either, and a major or
  // complex case may be extended by 30 days at most twice — by the next-higher organ, or for a
  // 派出所's case by the organ it belongs to. Cases accepted before keep the rule they started on.
  {
    code: 'admin_case_period',
    nameZh: '行政案件办案期限',
    nameEn: 'Administrative case period',
    amount: 30,
    unit: 'calendar_days',
    effectiveFrom: '2026-01-01',
    citation: '治安管理处罚法（2025）第118条',
    hearingExcluded: true,
  },
  {
    code: 'admin_case_extension',
    nameZh: '行政案件延长办案期限',
    nameEn: 'Administrative case extension',
    amount: 30,
    unit: 'calendar_days',
    effectiveFrom: '2013-01-01',
    citation: '公安机关办理行政案件程序规定 第165条',
  },
  {
    code: 'admin_case_extension',
    nameZh: '行政案件延长办案期限',
    nameEn: 'Administrative case extension',
    amount: 30,
    unit: 'calendar_days',
    effectiveFrom: '2026-01-01',
    citation: '治安管理处罚法（2025）第118条第1款',
    maxTimes: 2,
  },
  {
    code: 'not_filed_notice_service',
    nameZh: '不予立案通知书送达',
    nameEn: 'Serve the not-filed notice',
    amount: 3,
    unit: 'calendar_days',
    effectiveFrom: '2020-09-01',
    citation: '公安机关办理刑事案件程序规定（2020）第178条',
  },
  {
    code: 'reconsideration_apply',
    nameZh: '控告人申请复议期限',
    nameEn: 'Complainant applies for reconsideration',
    amount: 7,
    unit: 'calendar_days',
    effectiveFrom: '2020-09-01',
    citation: '公安机关办理刑事案件程序规定（2020）第179条',
  },
  {
    code: 'reconsideration_decide',
    nameZh: '复议决定',
    nameEn: 'Reconsideration decision',
    amount: 30,
    unit: 'calendar_days',
    effectiveFrom: '2020-09-01',
    citation: '公安机关办理刑事案件程序规定（2020）第179条',
  },
  {
    code: 'review_apply',
    nameZh: '申请复核期限',
    nameEn: 'Apply for review',
    amount: 7,
    unit: 'calendar_days',
    effectiveFrom: '2020-09-01',
    citation: '公安机关办理刑事案件程序规定（2020）第179条',
  },
  {
    code: 'review_decide',
    nameZh: '复核决定',
    nameEn: 'Review decision',
    amount: 30,
    unit: 'calendar_days',
    effectiveFrom: '2020-09-01',
    citation: '公安机关办理刑事案件程序规定（2020）第179条',
  },
  {
    code: 'arrest_request',
    nameZh: '拘留后提请批准逮捕',
    nameEn: 'Request arrest approval after detention',
    amount: 3,
    unit: 'calendar_days',
    custody: true,
    effectiveFrom: '2018-10-26',
    citation: '刑事诉讼法 第91条',
  },
  {
    code: 'procuratorate_reply',
    nameZh: '检察机关通知、建议的回复',
    nameEn: 'Reply to the procuratorate',
    amount: 30,
    unit: 'calendar_days',
    effectiveFrom: '2020-09-01',
    citation: '人民检察院刑事诉讼规则 / 公安机关办理刑事案件程序规定',
    unconfirmed: true,
  },
  {
    code: 'publicity_penalty',
    nameZh: '行政许可、行政处罚决定公示',
    nameEn: 'Publish a licence or penalty decision',
    amount: 7,
    unit: 'working_days',
    effectiveFrom: '2019-01-03',
    citation: '国办发〔2018〕118号',
  },
  {
    code: 'publicity_other',
    nameZh: '其他行政执法决定公示',
    nameEn: 'Publish another enforcement decision',
    amount: 20,
    unit: 'working_days',
    effectiveFrom: '2019-01-03',
    citation: '国办发〔2018〕118号',
  },
  {
    code: 'publicity_withdraw',
    nameZh: '决定变更、撤销后撤回公示',
    nameEn: 'Withdraw a changed or revoked decision',
    amount: 3,
    unit: 'calendar_days',
    effectiveFrom: '2019-01-03',
    citation: '行政处罚法 第48条（部规定表述待核实）',
    unconfirmed: true,
  },
  // The revised 行政处罚法 (in force 2021-07-15) sets the withdrawal period itself, and art.85
  // makes its "三日" working days. A new version, not an edit: withdrawals that started before
  // keep the version in force when they started.
  {
    code: 'publicity_withdraw',
    nameZh: '决定变更、撤销后撤回公示',
    nameEn: 'Withdraw a changed or revoked decision',
    amount: 3,
    unit: 'working_days',
    effectiveFrom: '2021-07-15',
    citation: '行政处罚法（2021）第48条第2款、第85条',
  },
  ...PROCURATORATE_CLOCKS,
  ...PENALTY_PROCEDURE_CLOCKS,
];

/** The rule in force on a date: the latest `effectiveFrom` not after it. */
export function ruleInForce<R extends Pick<LegalRule, 'code' | 'effectiveFrom'>>(
  rules: readonly R[],
  code: string,
  on: string,
): R | undefined {
  return rules
    .filter((r) => r.code === code && r.effectiveFrom <= on)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
}

/**
 * A rule lengthened by an approved extension of `days` (复议 / 复核 of a major or complex case):
 * the count runs on from the period's nominal end, so only the final day moves over a holiday.
 */
export function extendedBy<R extends Pick<LegalRule, 'amount'>>(rule: R, days: number): R {
  return days ? { ...rule, amount: rule.amount + days } : rule;
}

/**
 * The due date of a clock that starts on `start` (a China Standard Time date; the start day is
 * not counted). Hours are counted from `startAt` and answered as the date they end on. The date
 * is provisional (暂定) when a day the count had to judge lies in a year whose holiday notice is
 * not loaded.
 */
export function dueDate(
  rule: Pick<LegalRule, 'amount' | 'unit' | 'custody'>,
  start: string,
  calendar: Calendar,
  startAt?: Date,
): Due {
  switch (rule.unit) {
    case 'hours': {
      const end = new Date(
        (startAt ?? new Date(`${start}T00:00:00+08:00`)).getTime() + rule.amount * 3600_000,
      );
      return { due: new Date(end.getTime() + 8 * 3600_000).toISOString().slice(0, 10), provisional: false };
    }
    case 'working_days': {
      const due = calendar.addWorkingDays(start, rule.amount);
      return { due, provisional: calendar.provisionalBetween(start, due) };
    }
    case 'calendar_days':
    case 'months': {
      const nominal =
        rule.unit === 'months' ? addMonthsPlain(start, rule.amount) : addDays(start, rule.amount);
      if (rule.custody) return { due: nominal, provisional: false };
      // Only the end needs the calendar: a day off moves it to the next working day.
      const due = calendar.firstWorkingDayFrom(nominal);
      return { due, provisional: calendar.provisionalBetween(nominal, due) };
    }
  }
}
