/**
 * The audit trail's events: every action the server records and every kind of record it acts on,
 * with the names people read in the audit log, its Excel export and a case's history. The server's
 * `audit()` takes only these codes, so a new event cannot be recorded without its names.
 */
import { CASE_ACTION_NAMES } from '../cases/names.ts';
import type { Bilingual } from '../platform/errors.ts';
import { SUBMISSION_ACTION_NAMES } from '../reports/submissions.ts';
import { FINDING_ACTION_NAMES } from '../supervision/findings.ts';

/** The names of a code table under a prefix: `case` + {accept} → {'case.accept'}. */
function prefixed<P extends string, K extends string>(
  prefix: P,
  names: Record<K, Bilingual>,
): Record<`${P}.${K}`, Bilingual> {
  return Object.fromEntries(Object.entries(names).map(([k, v]) => [`${prefix}.${k}`, v])) as Record<
    `${P}.${K}`,
    Bilingual
  >;
}

export const AUDIT_ACTION_NAMES = {
  'auth.login': { zh: '登录', en: 'Sign-in' },
  'auth.lock': { zh: '账号锁定', en: 'Account locked' },
  'auth.totp': { zh: '双因素验证', en: 'Two-factor check' },
  'auth.stepUp': {
    zh: '再次验证动态验证码（查看完整身份证号码前）',
    en: 'Verification code re-entered (before a full ID number)',
  },
  'auth.logout': { zh: '退出登录', en: 'Sign-out' },
  'auth.logoutAll': { zh: '退出所有设备', en: 'Sign-out everywhere' },
  'account.password': { zh: '修改密码', en: 'Password change' },
  'account.totp.setup': { zh: '开始绑定双因素认证', en: '2FA enrolment started' },
  'account.totp.enable': { zh: '启用双因素认证', en: '2FA turned on' },
  'account.totp.disable': { zh: '停用双因素认证', en: '2FA turned off' },
  'account.recoveryCodes': { zh: '重新生成恢复码', en: 'New recovery codes' },
  'unit.create': { zh: '新增单位', en: 'Unit created' },
  'unit.update': { zh: '修改单位信息', en: 'Unit changed' },
  'unit.import': { zh: '导入单位', en: 'Units imported' },
  'officer.create': { zh: '新增人员', en: 'Officer created' },
  'officer.update': { zh: '修改人员信息', en: 'Officer changed' },
  'officer.import': { zh: '导入人员', en: 'Officers imported' },
  'officer.roles': { zh: '分配角色', en: 'Roles assigned' },
  'officer.unlock': { zh: '解锁账号', en: 'Account unlocked' },
  'officer.resetPassword': { zh: '重置密码', en: 'Password reset' },
  'officer.resetTotp': { zh: '重置双因素认证', en: '2FA reset' },
  'role.update': { zh: '修改角色权限', en: 'Role changed' },
  'settings.security.update': { zh: '修改安全策略', en: 'Security settings changed' },
  'settings.supervision.update': { zh: '修改监督参数', en: 'Supervision settings changed' },
  'calendar.loadYear': { zh: '载入节假日安排', en: 'Holiday notice loaded' },
  'calendar.recount': { zh: '按新安排重算期限', en: 'Deadlines recounted on the notice' },
  'clock.acknowledge': { zh: '确认期限调整', en: 'Deadline change acknowledged' },
  'clock.recount': { zh: '重算法定期限', en: 'Deadline recounted' },
  'law.offence.add': { zh: '新增违法行为处罚幅度', en: 'Offence added to the law register' },
  'law.offence.revise': {
    zh: '修订违法行为处罚幅度（旧版保留）',
    en: 'Offence revised in the law register (old row kept)',
  },
  'law.version.add': {
    zh: '新增法律版本（上一版本施行截止）',
    en: 'Law version added (the previous one ends)',
  },
  'legalRule.addVersion': { zh: '新增法定期限版本', en: 'Statutory clock version added' },
  'legalRule.correct': { zh: '更正法定期限', en: 'Statutory clock corrected' },
  'audit.export': { zh: '导出审计日志', en: 'Audit log exported' },
  'audit.verify': { zh: '校验审计链', en: 'Audit chain verified' },

  'incident.create': { zh: '登记警情', en: 'Incident recorded' },
  'incident.update': { zh: '修改警情', en: 'Incident changed' },
  'incident.disposal': { zh: '登记处置结果', en: 'Disposal recorded' },
  'incident.import': { zh: '导入110警情', en: 'Incidents imported' },

  'case.create': { zh: '登记案件', en: 'Case registered' },
  'case.update': { zh: '修改案件信息', en: 'Case changed' },
  ...prefixed('case', CASE_ACTION_NAMES),
  'case.party.add': { zh: '添加当事人', en: 'Party added' },
  'case.party.update': { zh: '修改当事人', en: 'Party changed' },
  'case.party.remove': { zh: '删除当事人', en: 'Party removed' },
  'case.party.reveal': { zh: '查看完整个人信息', en: 'Full personal data viewed' },
  'case.offences': { zh: '关联违法行为', en: 'Offences linked' },
  'case.evidence.add': { zh: '上传证据', en: 'Evidence uploaded' },
  'case.discussion': { zh: '记录集体讨论', en: 'Collective discussion recorded' },
  'case.document.download': { zh: '下载文书', en: 'Document downloaded' },
  'case.period.extend': { zh: '延长办案期限', en: 'Period extended' },
  'case.period.appraisal': { zh: '登记鉴定期间', en: 'Appraisal period recorded' },
  'case.decision.change': { zh: '变更决定', en: 'Decision changed' },
  'case.decision.revoke': { zh: '撤销决定', en: 'Decision revoked' },
  'case.decision.confirmUnlawful': { zh: '决定被确认违法', en: 'Decision confirmed unlawful' },
  'case.decision.confirmVoid': { zh: '决定被确认无效', en: 'Decision confirmed void' },
  'case.proceeding.serve': { zh: '登记送达', en: 'Service recorded' },
  'case.proceeding.apply': { zh: '登记复议/复核申请', en: 'Application recorded' },
  'case.proceeding.reply': { zh: '回复检察机关', en: 'Reply to the procuratorate' },
  'case.proceeding.conclude': { zh: '作出复议/复核结论', en: 'Conclusion recorded' },
  'case.proceeding.schedule': { zh: '通知听证时间地点', en: 'Hearing scheduled' },
  'case.proceeding.extend': { zh: '延长复议/复核期限', en: 'Decision period extended' },
  'case.offline.report': { zh: '线下办理报备', en: 'Offline handling reported' },

  'publicity.open': { zh: '生成公示任务', en: 'Publicity task opened' },
  'publicity.close': { zh: '关闭公示任务', en: 'Publicity task closed' },
  'publicity.publish': { zh: '发布公示', en: 'Published' },
  'publicity.withdraw': { zh: '撤回公示', en: 'Withdrawn from publicity' },
  'publicity.withdrawalRequired': { zh: '决定变更，须撤回公示', en: 'Withdrawal required' },

  'supervision.scan.start': { zh: '开始监督扫描', en: 'Supervision scan started' },
  'supervision.scan.finish': { zh: '完成监督扫描', en: 'Supervision scan finished' },
  'supervision.rule.update': { zh: '修改监督规则', en: 'Supervision rule changed' },
  'supervision.rule.version': { zh: '新增监督规则版本', en: 'Supervision rule version added' },
  'supervision.finding.create': { zh: '登记监督问题', en: 'Finding recorded' },
  ...prefixed('supervision.finding', FINDING_ACTION_NAMES),
  'supervision.document.issue': { zh: '制发监督文书', en: 'Supervision document issued' },
  'supervision.committee.create': { zh: '登记委员会会议', en: 'Committee meeting recorded' },
  'supervision.committee.update': { zh: '修改委员会会议', en: 'Committee meeting changed' },
  'supervision.accountability.open': { zh: '启动责任追究', en: 'Accountability opened' },
  'supervision.accountability.decide': { zh: '作出追究决定', en: 'Accountability decided' },
  'camera.sample': { zh: '抽取执法记录仪抽查警情', en: 'Camera check sample drawn' },
  'camera.check': { zh: '登记执法记录仪抽查结果', en: 'Camera check recorded' },
  'callback.tasks': { zh: '生成回访任务', en: 'Call-back tasks created' },
  'callback.result': { zh: '登记回访结果', en: 'Call-back recorded' },
  'callback.followUp.close': { zh: '二次查办办结', en: 'Second handling closed' },
  'callback.contact.reveal': { zh: '查看回访联系电话', en: 'Call-back contact viewed' },

  'evaluation.round.create': { zh: '新建考评轮次', en: 'Evaluation round created' },
  'evaluation.round.publish': { zh: '发布考评结果', en: 'Evaluation results published' },
  'evaluation.sample.score': { zh: '考评评分', en: 'Case scored' },
  'evaluation.sample.dispute': { zh: '提出考评异议', en: 'Score disputed' },
  'evaluation.sample.decide_dispute': { zh: '裁决考评异议', en: 'Dispute decided' },
  'evaluation.rubric.create': { zh: '新增评分细则', en: 'Rubric created' },
  'evaluation.rubric.update': { zh: '修改评分细则', en: 'Rubric changed' },
  'evaluation.awards.propose': { zh: '生成评优建议', en: 'Awards proposed' },
  'evaluation.award.approve': { zh: '审批评优', en: 'Award approved' },
  'evaluation.self_inspection.submit': { zh: '提交办案区自查', en: 'Self-inspection submitted' },
  'evaluation.self_inspection.rectify': { zh: '登记自查整改', en: 'Self-inspection rectified' },

  'report.annual.save': { zh: '保存年度报告', en: 'Annual report saved' },
  'report.annual.restore': { zh: '恢复年度报告历史版本', en: 'Annual report version restored' },
  'report.annual.confirm': { zh: '确认段落仍属实', en: 'Paragraph confirmed' },
  'report.collection.create': { zh: '发起数据填报', en: 'Collection round opened' },
  'report.collection.remind': { zh: '催报', en: 'Reminder sent' },
  'report.collection.close': { zh: '结束数据填报', en: 'Collection round closed' },
  'report.submission.create': { zh: '生成填报表', en: 'Form created' },
  'report.submission.import': { zh: '从 Excel 导入填报', en: 'Form filled from Excel' },
  ...prefixed('report.submission', SUBMISSION_ACTION_NAMES),
  'report.submission.detach': { zh: '删除附件', en: 'Attachment deleted' },
} satisfies Record<string, Bilingual>;

export type AuditAction = keyof typeof AUDIT_ACTION_NAMES;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_NAMES) as AuditAction[];

/** The kinds of record an audit event acts on (its target), named as the object of the event. */
export const AUDIT_TARGET_TYPE_NAMES = {
  officer: { zh: '人员', en: 'Officer' },
  unit: { zh: '单位', en: 'Unit' },
  role: { zh: '角色', en: 'Role' },
  settings: { zh: '系统设置', en: 'Settings' },
  calendar: { zh: '节假日日历', en: 'Holiday calendar' },
  lawOffence: { zh: '法律法规库违法行为', en: 'Offence in the law register' },
  lawVersion: { zh: '法律法规库法律版本', en: 'Law version in the law register' },
  legalRule: { zh: '法定期限', en: 'Statutory clock' },
  audit: { zh: '审计日志', en: 'Audit log' },
  incident: { zh: '警情', en: 'Incident' },
  case: { zh: '案件', en: 'Case' },
  offline_report: { zh: '线下办理报备', en: 'Offline report' },
  publication: { zh: '执法公示', en: 'Publicity item' },
  finding: { zh: '监督问题', en: 'Finding' },
  supervision_rule: { zh: '监督规则', en: 'Supervision rule' },
  supervision_scan: { zh: '监督扫描', en: 'Supervision scan' },
  supervision_document: { zh: '监督文书', en: 'Supervision document' },
  committee_meeting: { zh: '执法监督委员会会议', en: 'Committee meeting' },
  accountability: { zh: '责任追究', en: 'Accountability' },
  camera_sample: { zh: '执法记录仪抽查（日）', en: 'Camera check day' },
  camera_check: { zh: '执法记录仪抽查', en: 'Camera check' },
  callback_tasks: { zh: '回访任务（日）', en: 'Call-back day' },
  callback: { zh: '民意回访', en: 'Call-back' },
  evaluation_round: { zh: '考评轮次', en: 'Evaluation round' },
  evaluation_sample: { zh: '考评案件', en: 'Evaluated case' },
  evaluation_rubric: { zh: '评分细则', en: 'Rubric' },
  evaluation_awards: { zh: '年度评优', en: 'Year awards' },
  evaluation_award: { zh: '评优', en: 'Award' },
  self_inspection: { zh: '办案区自查', en: 'Self-inspection' },
  annual_report: { zh: '年度报告', en: 'Annual report' },
  collection_round: { zh: '填报轮次', en: 'Collection round' },
  submission: { zh: '填报表', en: 'Submission form' },
} satisfies Record<string, Bilingual>;

export type AuditTargetType = keyof typeof AUDIT_TARGET_TYPE_NAMES;
export const AUDIT_TARGET_TYPES = Object.keys(AUDIT_TARGET_TYPE_NAMES) as AuditTargetType[];

const UNKNOWN: Bilingual = { zh: '其他操作', en: 'Other action' };

/**
 * The names of an action read from the log: records written before an action was renamed keep
 * their old code, which reads as "other action" rather than as the code.
 */
export const auditActionName = (action: string): Bilingual =>
  (AUDIT_ACTION_NAMES as Record<string, Bilingual>)[action] ?? UNKNOWN;

export const auditTargetTypeName = (type: string): Bilingual =>
  (AUDIT_TARGET_TYPE_NAMES as Record<string, Bilingual>)[type] ?? { zh: '记录', en: 'Record' };
