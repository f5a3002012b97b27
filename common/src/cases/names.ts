/** The zh-CN / en-US names of the cases module's codes, shared by the web app and documents. */
import type { Bilingual } from '../platform/errors.ts';
import type {
  CoerciveMeasureKind,
  DecisionRowKind,
  FeedbackKind,
  OfflineReason,
  PARTY_KINDS,
  PARTY_ROLES,
  PROCEEDING_OUTCOMES,
  PROCEEDING_STEPS,
  ProceedingKind,
  RevokeGround,
} from './contracts.ts';
import type { CASE_ACTIONS, CASE_STATUSES, CaseType, GATES, REVIEW_CHECKLIST } from './workflow.ts';

export const CASE_TYPE_NAMES: Record<CaseType, { zh: string; en: string }> = {
  admin: { zh: '行政', en: 'Administrative' },
  criminal: { zh: '刑事', en: 'Criminal' },
};

/** A party: a natural person or an organisation. */
export const PARTY_KIND_NAMES: Record<(typeof PARTY_KINDS)[number], Bilingual> = {
  person: { zh: '自然人', en: 'Person' },
  organisation: { zh: '单位', en: 'Organisation' },
};

/** A party's part in the case. */
export const PARTY_ROLE_NAMES: Record<(typeof PARTY_ROLES)[number], Bilingual> = {
  suspect: { zh: '犯罪嫌疑人', en: 'Suspect' },
  offender: { zh: '违法行为人', en: 'Offender' },
  victim: { zh: '被害人/被侵害人', en: 'Victim' },
  complainant: { zh: '报案人/控告人', en: 'Complainant' },
  witness: { zh: '证人', en: 'Witness' },
  other: { zh: '其他', en: 'Other' },
};

/** 强制措施 (刑事诉讼法 arts.66–100), as the documents to the procuratorate print them. */
export const COERCIVE_MEASURE_NAMES: Record<CoerciveMeasureKind, Bilingual> = {
  summons: { zh: '拘传', en: 'Summons to appear (拘传)' },
  bail: { zh: '取保候审', en: 'Bail pending trial (取保候审)' },
  residential_surveillance: { zh: '监视居住', en: 'Residential surveillance (监视居住)' },
  criminal_detention: { zh: '刑事拘留', en: 'Criminal detention (刑事拘留)' },
  arrest: { zh: '逮捕', en: 'Arrest (逮捕)' },
};

/** 撤销案件 grounds with the item of 程序规定 art.186 they are (the 撤销案件决定书 prints the zh). */
export const REVOKE_GROUND_NAMES: Record<RevokeGround, Bilingual & { item: number }> = {
  no_crime: { zh: '没有犯罪事实', en: 'No criminal facts', item: 1 },
  trivial: {
    zh: '情节显著轻微、危害不大，不认为是犯罪',
    en: 'Obviously minor and of little harm, not deemed a crime',
    item: 2,
  },
  time_barred: {
    zh: '犯罪已过追诉时效期限',
    en: 'The limitation period for prosecution has expired',
    item: 3,
  },
  amnesty: { zh: '经特赦令免除刑罚', en: 'Punishment remitted by special amnesty', item: 4 },
  suspect_dead: { zh: '犯罪嫌疑人死亡', en: 'The suspect has died', item: 5 },
  other: {
    zh: '其他依法不追究刑事责任',
    en: 'Other cases where the law exempts criminal liability',
    item: 6,
  },
};

/** What is recorded on a 复议/复核/检察 proceeding. */
export const PROCEEDING_STEP_NAMES: Record<(typeof PROCEEDING_STEPS)[number], Bilingual> = {
  serve: { zh: '登记送达', en: 'Record service' },
  apply: { zh: '登记申请', en: 'Record application' },
  reply: { zh: '登记回复', en: 'Record reply' },
  schedule: { zh: '通知听证', en: 'Schedule the hearing' },
  conclude: { zh: '作出结论', en: 'Conclude' },
  extend: { zh: '延长期限', en: 'Extend' },
};

/** How a proceeding ended, or where it stands. */
export const PROCEEDING_OUTCOME_NAMES: Record<(typeof PROCEEDING_OUTCOMES)[number], Bilingual> = {
  upheld: { zh: '维持原决定', en: 'Upheld' },
  overturned: { zh: '撤销原决定', en: 'Overturned' },
  lapsed: { zh: '逾期未申请', en: 'Lapsed' },
  replied: { zh: '已回复', en: 'Replied' },
  served: { zh: '已送达', en: 'Served' },
  applied: { zh: '已申请', en: 'Applied' },
  informed: { zh: '已告知', en: 'Informed' },
};

export const CASE_STATUS_NAMES: Record<(typeof CASE_STATUSES)[number], { zh: string; en: string }> = {
  acceptance_review: { zh: '受案审查', en: 'Acceptance review' },
  filing_review: { zh: '立案审查', en: 'Filing review' },
  filing_approval: { zh: '待领导审批立案', en: 'Filing awaiting approval' },
  investigating: { zh: '调查取证', en: 'Investigating' },
  in_review: { zh: '审核中', en: 'In review' },
  approved: { zh: '审核通过', en: 'Approved' },
  informed: { zh: '已告知待决定', en: 'Informed, to decide' },
  decided: { zh: '已决定', en: 'Decided' },
  with_procuratorate: { zh: '已移送检察机关', en: 'With the procuratorate' },
  closed: { zh: '已结案', en: 'Closed' },
  not_accepted: { zh: '不予受案', en: 'Not accepted' },
  not_filed: { zh: '不予立案', en: 'Not filed' },
  transferred: { zh: '已移送', en: 'Transferred' },
  mediated: { zh: '调解结案', en: 'Mediated' },
};

export const CASE_ACTION_NAMES: Record<(typeof CASE_ACTIONS)[number], { zh: string; en: string }> = {
  accept: { zh: '受案', en: 'Accept' },
  refuse: { zh: '不予受案', en: 'Refuse' },
  request_filing: { zh: '呈请审批', en: 'Ask for approval' },
  file: { zh: '批准立案', en: 'Approve filing' },
  refuse_filing: { zh: '批准不予立案', en: 'Approve not filing' },
  extend_review: { zh: '批准延长立案审查', en: 'Approve a 30-day filing review' },
  transfer: { zh: '移送', en: 'Transfer' },
  mediate: { zh: '调解结案', en: 'Close by mediation' },
  submit: { zh: '提交审核', en: 'Submit for review' },
  approve: { zh: '同意', en: 'Approve' },
  send_back: { zh: '退回补充', en: 'Send back' },
  disagree: { zh: '不同意', en: 'Disagree' },
  inform: { zh: '处罚前告知', en: 'Inform the party' },
  withdraw: { zh: '撤回重办', en: 'Withdraw the proposal' },
  decide: { zh: '作出决定', en: 'Decide' },
  record_feedback: { zh: '登记检察反馈', en: 'Record procuratorate feedback' },
  reopen: { zh: '重新办理', en: 'Reopen' },
  close: { zh: '结案', en: 'Close case' },
};

export const GATE_NAMES: Record<(typeof GATES)[number], { zh: string; en: string }> = {
  officer: { zh: '办案民警', en: 'Case officer' },
  unit_legal: { zh: '法制员', en: 'Unit legal officer' },
  unit_head: { zh: '办案部门负责人', en: 'Unit head' },
  legal: { zh: '法制支队', en: 'Legal detachment' },
  branch_head: { zh: '分局领导', en: 'Branch head' },
};

export const CHECKLIST_NAMES: Record<(typeof REVIEW_CHECKLIST)[number], { zh: string; en: string }> = {
  subject: { zh: '执法主体', en: 'Enforcement body' },
  jurisdiction: { zh: '管辖', en: 'Jurisdiction' },
  facts: { zh: '事实认定', en: 'Facts' },
  evidence: { zh: '证据', en: 'Evidence' },
  procedure: { zh: '程序', en: 'Procedure' },
  formalities: { zh: '法律手续', en: 'Legal formalities' },
  appropriateness: { zh: '处理适当', en: 'Appropriateness' },
  time_limits: { zh: '时效', en: 'Time limits' },
};

export const DECISION_KIND_NAMES: Record<DecisionRowKind, { zh: string; en: string }> = {
  warning: { zh: '警告', en: 'Warning' },
  fine: { zh: '罚款', en: 'Fine' },
  confiscation: { zh: '没收', en: 'Confiscation' },
  detention: { zh: '行政拘留', en: 'Administrative detention' },
  no_penalty: { zh: '不予处罚', en: 'No penalty' },
  arrest_request: { zh: '提请批准逮捕', en: 'Request arrest approval' },
  prosecution_transfer: { zh: '移送审查起诉', en: 'Transfer for prosecution' },
  case_revoked: { zh: '撤销案件', en: 'Revoke the case' },
  not_filed: { zh: '不予立案', en: 'Not filed' },
};

export const FEEDBACK_NAMES: Record<FeedbackKind, { zh: string; en: string }> = {
  explain_not_filing: { zh: '要求说明不立案理由', en: 'Explain why no case was filed' },
  notify_filing: { zh: '通知立案', en: 'Notice to file' },
  correction_notice: { zh: '纠正违法通知', en: 'Notice to correct' },
  procuratorial_suggestion: { zh: '检察建议', en: 'Procuratorial suggestion' },
  no_arrest: { zh: '不批准逮捕', en: 'Arrest not approved' },
  no_prosecution: { zh: '不起诉', en: 'Not prosecuted' },
};

export const OFFLINE_REASON_NAMES: Record<OfflineReason, { zh: string; en: string }> = {
  system_failure: { zh: '系统故障', en: 'System failure' },
  network_outage: { zh: '网络中断', en: 'Network outage' },
  classified: { zh: '涉密案件', en: 'Classified case' },
  urgent_on_scene: { zh: '现场紧急处置', en: 'Urgent on-scene handling' },
  other: { zh: '其他', en: 'Other' },
};

export const PROCEEDING_KIND_NAMES: Record<ProceedingKind, { zh: string; en: string }> = {
  not_filed_notice: { zh: '不予立案通知书送达', en: 'Serve the not-filed notice' },
  reconsideration_window: { zh: '复议申请期', en: 'Reconsideration window' },
  reconsideration: { zh: '复议', en: 'Reconsideration' },
  reconsideration_notice: { zh: '复议决定书送达', en: 'Serve the reconsideration decision' },
  review_window: { zh: '复核申请期', en: 'Review window' },
  review: { zh: '复核', en: 'Review' },
  procuratorate_feedback: { zh: '检察机关反馈', en: 'Procuratorate feedback' },
  procuratorate_reconsideration: { zh: '要求复议', en: 'Reconsideration by the procuratorate' },
  procuratorate_review_window: { zh: '提请复核期限', en: 'Window to ask the higher procuratorate' },
  procuratorate_review: { zh: '提请复核', en: 'Review by the higher procuratorate' },
  case_revoked_notice: { zh: '撤销案件告知', en: 'Tell the parties of the revocation' },
  period_extension: { zh: '延长办案期限', en: 'Period extension' },
  appraisal: { zh: '鉴定期间', en: 'Appraisal period' },
  penalty_notice: { zh: '处罚前告知', en: 'Notice of the intended penalty' },
  hearing_window: { zh: '听证申请期', en: 'Window to ask for a hearing' },
  statement_window: { zh: '公告告知陈述申辩期', en: 'Window to respond to the public notice' },
  hearing: { zh: '听证', en: 'Hearing' },
  decision_notice: { zh: '处罚决定书送达', en: 'Serve the penalty decision' },
};
