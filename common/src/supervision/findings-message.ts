/**
 * The one-sentence description of a finding ("警情 J2021… 接警 52 小时仍未受案"), built from the
 * rule and the facts the rule recorded in `detail`. Rules evolve and detail keys with them, so the
 * builder is tolerant: a template is used only when every value it names is present, and the
 * last resort is the rule's name with the subject's number.
 */
import type { Locale } from '../platform/errors.ts';

export interface FindingMessageInput {
  /** The rule's kind (RULE_KINDS), or 'manual'. */
  kind: string;
  ruleNameZh: string;
  ruleNameEn: string;
  detail: Record<string, unknown>;
  incidentNo?: string | null;
  caseNo?: string | null;
}

type Template = { zh: string; en: string };

/** Alternatives per kind, most specific first; `{name}` is a value of detail or of the subject. */
const TEMPLATES: Record<string, Template[]> = {
  incident_without_case: [
    {
      zh: '警情 {incidentNo}（{category}）接警超过 {hours} 小时仍未受案立案',
      en: 'Incident {incidentNo} ({category}): no case more than {hours} hours after the call',
    },
    {
      zh: '警情 {incidentNo} 接警超过 {hours} 小时仍未受案立案',
      en: 'Incident {incidentNo}: no case more than {hours} hours after the call',
    },
    {
      zh: '警情 {incidentNo} 应受案立案而未受案立案',
      en: 'Incident {incidentNo} should have become a case but did not',
    },
  ],
  case_idle: [
    {
      zh: '案件 {caseNo} 已连续 {days} 天无办案活动（立而不侦）',
      en: 'Case {caseNo}: no activity for {days} days',
    },
  ],
  clock_overdue: [
    {
      zh: '案件 {caseNo} 的{clock}已于 {dueOn} 届满，超期 {daysLate} 天',
      en: 'Case {caseNo}: {clock} ran out on {dueOn}, {daysLate} days ago',
    },
    { zh: '案件 {caseNo} 的{clock}已于 {dueOn} 届满', en: 'Case {caseNo}: {clock} ran out on {dueOn}' },
    {
      zh: '案件 {caseNo} 法定期限已于 {dueOn} 届满',
      en: 'Case {caseNo}: a statutory period ran out on {dueOn}',
    },
  ],
  clock_due_soon: [
    { zh: '案件 {caseNo} 的{clock}将于 {dueOn} 届满', en: 'Case {caseNo}: {clock} runs out on {dueOn}' },
    {
      zh: '案件 {caseNo} 法定期限将于 {dueOn} 届满',
      en: 'Case {caseNo}: a statutory period runs out on {dueOn}',
    },
  ],
  camera_not_recorded: [
    {
      zh: '警情 {incidentNo}（{category}）处警时未开启执法记录仪',
      en: 'Incident {incidentNo} ({category}): body camera not recording',
    },
    {
      zh: '警情 {incidentNo} 处警时未开启执法记录仪',
      en: 'Incident {incidentNo}: body camera not recording',
    },
  ],
  not_in_centre: [
    {
      zh: '案件 {caseNo} 未在执法办案管理中心办理',
      en: 'Case {caseNo} was not handled in the case-handling centre',
    },
  ],
  publicity_late: [
    {
      zh: '案件 {caseNo} 的决定 {docNo} 应于 {dueOn} 前公示，逾期 {daysLate} 天',
      en: 'Case {caseNo}: decision {docNo} was due for publicity by {dueOn}, {daysLate} days late',
    },
    { zh: '决定 {docNo} 应于 {dueOn} 前公示', en: 'Decision {docNo} was due for publicity by {dueOn}' },
    {
      zh: '案件 {caseNo} 的决定公示逾期或未公示',
      en: 'Case {caseNo}: decision published late or not at all',
    },
  ],
  decision_without_item: [
    {
      zh: '案件 {caseNo} 的决定 {docNo} 未关联处罚事项',
      en: 'Case {caseNo}: decision {docNo} is not linked to a penalty item',
    },
    {
      zh: '案件 {caseNo} 的决定未关联处罚事项',
      en: 'Case {caseNo}: decision not linked to a penalty item',
    },
  ],
  unqualified_reviewer: [
    {
      zh: '案件 {caseNo} 的{gateName}审核人 {reviewerName} 不具备{requiredName}执法资格',
      en: 'Case {caseNo}: reviewer {reviewerName} lacks the required qualification',
    },
    {
      zh: '案件 {caseNo} 的审核人 {reviewerName} 不具备相应执法资格',
      en: 'Case {caseNo}: reviewer {reviewerName} lacks the required qualification',
    },
    {
      zh: '案件 {caseNo} 的审核人员不具备相应执法资格',
      en: 'Case {caseNo}: a reviewer lacks the required qualification',
    },
  ],
  major_without_discussion: [
    {
      zh: '案件 {caseNo} 属重大案件，决定 {docNo} 作出前未经集体讨论',
      en: 'Case {caseNo} is major but decision {docNo} was made without collective discussion',
    },
    {
      zh: '案件 {caseNo} 属重大案件，未经集体讨论即作出决定',
      en: 'Case {caseNo} is major but was decided without collective discussion',
    },
  ],
  repeated_send_backs: [
    {
      zh: '案件 {caseNo} 审核中被退回 {count} 次',
      en: 'Case {caseNo} was sent back {count} times in review',
    },
  ],
  notice_not_served: [
    {
      zh: '案件 {caseNo} 的不予立案通知书 {docNo} 应于 {dueOn} 前送达，逾期 {daysLate} 天',
      en: 'Case {caseNo}: not-filed notice {docNo} was due to be served by {dueOn}, {daysLate} days late',
    },
    {
      zh: '案件 {caseNo} 的不予立案通知书未按期送达',
      en: 'Case {caseNo}: the not-filed notice was not served in time',
    },
  ],
};

/** Aliases a rule may have used for a template value. */
const ALIASES: Record<string, string[]> = {
  hours: ['hours', 'hoursWithoutCase', 'elapsedHours'],
  days: ['days', 'idleDays', 'daysIdle'],
  clock: ['clockName', 'clockNameZh', 'clock', 'clockRule'],
  dueOn: ['dueOn', 'deadline', 'dueDate'],
  daysLate: ['daysLate', 'lateDays', 'overdueDays'],
  docNo: ['docNo', 'decisionNo'],
  reviewerName: ['reviewerName', 'reviewer'],
  count: ['count', 'sendBacks', 'sendBackCount'],
};
const EN_ALIASES: Record<string, string[]> = {
  clock: ['clockNameEn', 'clockRule'],
  category: ['categoryEn'],
};

function pick(values: Record<string, unknown>, name: string, locale: Locale): string | null {
  const keys = (locale === 'en-US' ? EN_ALIASES[name] : undefined) ?? ALIASES[name] ?? [name];
  for (const k of keys) {
    const v = values[k];
    // "late by 0 days" reads as nonsense: the template without the count is used instead.
    if (v === 0 && name === 'daysLate') return null;
    if (typeof v === 'number' && Number.isFinite(v)) return String(Math.round(v * 10) / 10);
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return null;
}

function render(t: string, values: Record<string, unknown>, locale: Locale): string | null {
  let ok = true;
  const out = t.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = pick(values, name, locale);
    if (v == null) ok = false;
    return v ?? '';
  });
  return ok ? out : null;
}

/** The sentence in `locale`; never throws, whatever `detail` holds. */
export function findingMessage(f: FindingMessageInput, locale: Locale): string {
  const en = locale === 'en-US';
  const detail = f.detail && typeof f.detail === 'object' ? f.detail : {};
  // A rule (or a manual finding) may write its own sentence.
  const own = pick(detail, en ? 'messageEn' : 'messageZh', locale) ?? pick(detail, 'message', locale);
  if (own) return own;
  // The joined numbers win; a rule may have written them into the detail as well.
  const caseNo = f.caseNo ?? (typeof detail.caseNo === 'string' ? detail.caseNo : null);
  const incidentNo = f.incidentNo ?? (typeof detail.incidentNo === 'string' ? detail.incidentNo : null);
  const values: Record<string, unknown> = { ...detail, incidentNo, caseNo };
  // A due date counted before its year's holiday notice was loaded says so (暂定).
  if (detail.dueProvisional === true && typeof detail.dueOn === 'string')
    values.dueOn = `${detail.dueOn}${en ? ' (provisional)' : '（暂定）'}`;
  for (const t of TEMPLATES[f.kind] ?? []) {
    const s = render(en ? t.en : t.zh, values, locale);
    if (s) return s;
  }
  const name = en ? f.ruleNameEn : f.ruleNameZh;
  const text = pick(detail, 'text', locale);
  const subject = caseNo
    ? en
      ? `Case ${caseNo}`
      : `案件 ${caseNo}`
    : incidentNo
      ? en
        ? `Incident ${incidentNo}`
        : `警情 ${incidentNo}`
      : null;
  const head = subject ? `${subject}${en ? ': ' : '：'}${name}` : name;
  return text ? `${head}${en ? ' — ' : '——'}${text}` : head;
}
