import type { Bilingual, Locale } from './errors.ts';

/**
 * Messages for invalid fields. Schemas refer to these by key (`message: 'idNumber.checkDigit'`);
 * the server turns zod issues into `{field: message}` in the caller's language.
 */
export const FIELD_MESSAGES = {
  required: { zh: '必填', en: 'Required' },
  'law.violation': { zh: '{message}', en: '{message}' },
  'law.unknownVersion': {
    zh: '法律法规库中没有法律版本“{version}”',
    en: 'The law register has no version "{version}"',
  },
  'law.schemeNeedsRequired': {
    zh: '每个方案至少需要一项“必处”处罚',
    en: 'Each alternative needs at least one mandatory penalty',
  },
  'law.boundMinAboveMax': {
    zh: '{whereZh}：下限（{min}）不能大于上限（{max}）',
    en: '{whereEn}: the minimum ({min}) cannot be above the maximum ({max})',
  },
  'law.boundWholeYuan': {
    zh: '{whereZh}：罚款幅度以元为单位，应为整数',
    en: '{whereEn}: a fine is bounded in whole yuan',
  },
  'law.boundWholeDays': {
    zh: '{whereZh}：拘留日数应为整数',
    en: '{whereEn}: detention is bounded in whole days',
  },
  'law.detentionTooLong': {
    zh: '{whereZh}：行政拘留不能超过 {max} 日',
    en: '{whereEn}: detention cannot exceed {max} days',
  },
  'law.boundNotCounted': {
    zh: '{whereZh}：只有罚款（元）和行政拘留（日）有幅度，此处不填上下限',
    en: '{whereEn}: only a fine (yuan) and detention (days) have bounds; leave min and max empty',
  },
  'law.typeTwice': {
    zh: '{whereZh}：同一方案中该处罚种类出现了两次',
    en: '{whereEn}: this penalty type appears twice in the alternative',
  },
  'law.tierTwice': { zh: '“{tierZh}”出现了两次', en: 'The {tierEn} tier appears twice' },
  'law.versionLaw': {
    zh: '法律版本“{version}”不属于“{law}”',
    en: 'The version "{version}" is not a version of "{law}"',
  },
  'law.versionExists': {
    zh: '法律法规库中已有版本“{version}”',
    en: 'The law register already holds the version "{version}"',
  },
  'law.versionNotAfter': {
    zh: '施行日期须晚于现行最新版本“{version}”的施行日期（{date}）',
    en: 'The version must come into force after the latest version "{version}" ({date})',
  },
  'law.adoptedAfterEffective': {
    zh: '通过日期不能晚于施行日期',
    en: 'The adoption date cannot be after the date it comes into force',
  },
  invalid: { zh: '格式不正确', en: 'Invalid format' },
  tooShort: { zh: '长度至少为 {min}', en: 'Must be at least {min} long' },
  tooLong: { zh: '长度不能超过 {max}', en: 'Must be at most {max} long' },
  tooSmall: { zh: '不能小于 {min}', en: 'Must be at least {min}' },
  tooBig: { zh: '不能大于 {max}', en: 'Must be at most {max}' },
  notInList: { zh: '不是可选的值', en: 'Not one of the allowed values' },
  date: { zh: '日期格式应为 YYYY-MM-DD', en: 'Date must be YYYY-MM-DD' },
  'date.impossible': { zh: '日期不存在（如 2 月 30 日）', en: 'No such date (like 30 February)' },
  nul: { zh: '不能包含空字符（\\u0000）', en: 'Must not contain a NUL character (\\u0000)' },
  malformedJson: { zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  contentType: {
    zh: '请求内容类型与该接口不符（JSON 接口应为 application/json）',
    en: 'The content type does not fit this operation (JSON operations take application/json)',
  },
  'idNumber.length': { zh: '身份证号码应为 18 位', en: 'An ID number has 18 characters' },
  'idNumber.format': { zh: '身份证号码格式不正确', en: 'The ID number is malformed' },
  'idNumber.birthDate': {
    zh: '身份证号码中的出生日期无效',
    en: 'The birth date in the ID number is invalid',
  },
  'idNumber.checkDigit': { zh: '身份证号码校验位错误', en: 'The ID number check digit is wrong' },
  phone: { zh: '电话号码格式不正确', en: 'The phone number is invalid' },
  personName: { zh: '姓名格式不正确', en: 'The name is invalid' },
  badgeNo: { zh: '警号应为 6 位数字', en: 'A badge number has 6 digits' },
  username: {
    zh: '用户名由 3–32 位字母、数字、下划线组成',
    en: 'A username has 3–32 letters, digits or underscores',
  },
  'password.length': { zh: '密码长度至少为 {min} 位', en: 'The password needs at least {min} characters' },
  'password.classes': {
    zh: '密码须包含大写字母、小写字母、数字、特殊字符中的至少三类',
    en: 'The password needs three of: upper case, lower case, digits, symbols',
  },
  'password.reuse': {
    zh: '新密码不能与当前密码相同',
    en: 'The new password must differ from the current one',
  },
  'password.wrong': { zh: '当前密码错误', en: 'The current password is wrong' },
  'unit.parent': { zh: '上级单位不存在或形成循环', en: 'The parent unit is missing or would form a cycle' },
  'unit.code.taken': { zh: '单位代码已被使用', en: 'This unit code is taken' },
  'officer.badgeNo.taken': { zh: '警号已被使用', en: 'This badge number is taken' },
  'officer.username.taken': { zh: '用户名已被使用', en: 'This username is taken' },
  // --- personnel kind: only police officers are officers ---
  'officer.notPolice': {
    zh: '须为本分局民警（辅警、文职人员、驻所律师不能担任）',
    en: 'Must be a police officer of the branch (not auxiliary police, civilian staff or the stationed lawyer)',
  },
  'officer.notActivePolice': {
    zh: '须为本分局在职民警（辅警、文职人员、驻所律师不能担任）',
    en: 'Must be a police officer in service in the branch (not auxiliary police, civilian staff or the stationed lawyer)',
  },
  'officer.roles.policeOnly': {
    zh: '办案民警、法制员、办案部门负责人、法制支队、分局领导角色只能由民警担任',
    en: 'Case officer, unit legal officer, unit head, legal detachment and branch head roles are for police officers only',
  },
  'officer.kind.holdsPoliceRoles': {
    zh: '该人员担任办案或审核角色，须先取消这些角色才能改为非民警',
    en: 'This person holds case-handling or review roles: remove them before changing the kind',
  },
  'roles.separation': {
    zh: '三员（系统、安全、审计管理员）不能由同一人兼任',
    en: 'One person cannot hold two of the system, security and audit administrator roles',
  },
  'roles.totpRequired': {
    zh: '该角色可查看执法数据或管理系统，必须启用双因素认证',
    en: 'This role reads law-enforcement records or administers the system: it must require a second factor',
  },
  'roles.securityOnly': {
    zh: '角色管理、解锁、重置双因素认证和安全策略属于安全管理员，不能授予系统管理员（三员分立）',
    en: 'Roles, unlocking, second-factor resets and the security policy belong to the security administrator, never to the system administrator',
  },
  'roles.resetsApart': {
    zh: '重置密码（管理人员）与重置双因素认证（管理安全策略）不能由同一角色或同一人员拥有（三员分立）',
    en: 'Resetting passwords (manage officers) and resetting second factors (manage security settings) cannot belong to one role or one person',
  },
  'calendar.year': { zh: '年份与日期不符', en: 'The date is not in that year' },
  'calendar.duplicate': { zh: '同一日期出现了两次', en: 'This date appears twice' },
  'calendar.outOfRange': {
    zh: '日期须在 {from} 年至 {to} 年之间（{year} 年无法计算工作日）',
    en: 'The date must be between {from} and {to} (working days cannot be counted in {year})',
  },
  'file.type': { zh: '请上传 .xlsx 文件', en: 'Upload an .xlsx file' },
  'file.empty': { zh: '文件中没有数据行', en: 'The file has no data rows' },
  'file.header': { zh: '缺少列：{columns}', en: 'Missing columns: {columns}' },
  'publicity.decisionNotEffective': {
    zh: '该决定已变更或撤销，不能公示',
    en: 'This decision was changed or revoked and cannot be published',
  },
  'publicity.noParty': {
    zh: '决定未载明执法对象，请先在案件中补录当事人',
    en: 'The decision names no party; add the party to the case first',
  },
  'case.action.status': {
    zh: '案件当前状态下不能执行此操作',
    en: 'This action is not allowed in the case status',
  },
  'case.action.notYours': {
    zh: '您不能在案件当前环节执行此操作',
    en: 'You cannot take this action at the current step',
  },
  'case.gate.qualification': {
    zh: '法制支队审核须具备{levelZh}及以上执法资格',
    en: 'The legal-detachment gate needs the {levelEn} qualification or higher',
  },
  'case.discussion.required': {
    zh: '重大案件须经集体讨论后方可提交审核',
    en: 'A major case needs a collective discussion before review',
  },
  'case.offence.notLinked': {
    zh: '请先在案件中关联该违法行为',
    en: 'Link this offence to the case first',
  },
  'upload.tooLarge': {
    zh: '文件不能超过 {limit} MB',
    en: 'A file may be at most {limit} MB',
  },
  'body.tooLarge': {
    zh: '请求内容不能超过 {limit} MB',
    en: 'A request may be at most {limit} MB',
  },
  'case.offence.eachOnce': {
    zh: '分别裁量时，每一违法行为须且只须填写一次处罚（行政案件）',
    en: 'When offences are decided one by one, give each offence of the proposal its penalties exactly once (administrative cases)',
  },
  'case.measure.criminalOnly': {
    zh: '强制措施和认罪认罚只在提请批准逮捕、移送审查起诉时填写',
    en: 'Coercive measures and the guilty plea belong to an arrest request or a transfer for prosecution only',
  },
  'case.decision.kind': {
    zh: '决定种类与案件类型或违法行为不符',
    en: 'The decision kind does not fit the case type or the offences',
  },
  'case.party.notInCase': { zh: '当事人不属于本案', en: 'This party is not in the case' },
  'case.incident.hasCase': { zh: '该警情已受案立案', en: 'This incident already has a case' },
  'case.reopen.notOverturned': {
    zh: '复议、复核未撤销不予立案决定，检察机关也未通知立案，不能重新办理',
    en: 'No reconsideration or review overturned the refusal and the procuratorate ordered no filing; the case cannot be reopened',
  },
  'case.period.notRunning': {
    zh: '行政案件办案期限未在计算中',
    en: 'The administrative case period is not running',
  },
  'case.period.extended': {
    zh: '办案期限已延长 {times} 次，不能再延长',
    en: 'The case period was already extended {times} time(s), the most the law allows',
  },
  'case.proceeding.step': {
    zh: '该程序当前不能执行此步骤',
    en: 'This step is not possible on the proceeding now',
  },
  'case.proceeding.notLapsed': {
    zh: '期限尚未届满',
    en: 'The period has not run out yet',
  },
  'case.proceeding.late': {
    zh: '已超过申请期限（{ruleZh}），期限已于 {due} 届满，逾期申请不予受理',
    en: 'Too late: the period ({ruleEn}) ended on {due}; a late application is refused',
  },
  'case.proceeding.extended': {
    zh: '该期限已经延长，不能再次延长',
    en: 'This period was already extended',
  },
  'case.proceeding.expired': {
    zh: '期限已于 {due} 届满，不能再延长',
    en: 'The period ended on {due}; it can no longer be extended',
  },
  'case.proceeding.extensionTooLong': {
    zh: '延长不得超过 {max} 日',
    en: 'An extension may not exceed {max} days',
  },
  'case.decision.notEffective': {
    zh: '该决定已变更或撤销',
    en: 'This decision was already changed or revoked',
  },
  'case.date.future': { zh: '日期不能晚于今天', en: 'The date cannot be in the future' },
  'case.checklist.unanswered': {
    zh: '审核要点须逐项作答，尚未作答：{itemsZh}',
    en: 'Answer every checklist point; not answered: {itemsEn}',
  },
  'case.checklist.pointUnanswered': {
    zh: '请对“{itemZh}”作答：符合或存在问题',
    en: 'Answer "{itemEn}": OK or problem',
  },
  'case.checklist.problemNote': {
    zh: '“{itemZh}”存在问题，请写明问题',
    en: '"{itemEn}" has a problem: describe it',
  },
  'case.date.beforeApproval': {
    zh: '决定日期不能早于最后一级审批日期',
    en: 'The decision cannot be dated before its last approval',
  },
  'case.filing.majorNeedsApproval': {
    zh: '30日立案审查期限须经分局领导批准：请先建立案件，再呈请延长立案审查期限',
    en: 'A 30-day filing review needs the branch head’s approval: create the case, then ask for it',
  },
  'case.filing.alreadyExtended': {
    zh: '立案审查期限已延长至30日，不能再延长',
    en: 'The filing review already runs 30 days',
  },
  'case.date.beforeInform': {
    zh: '决定日期不能早于处罚前告知日期',
    en: 'The decision cannot be dated before the party was informed',
  },
  'case.inform.required': {
    zh: '作出处罚决定前，须先告知当事人拟作出的处罚及其事实、理由、依据和陈述申辩权（处罚前告知）',
    en: 'Before a penalty is decided, the party must be told of it, its facts, grounds and basis and of the right to be heard (inform the party first)',
  },
  'case.inform.beforeApproval': {
    zh: '告知日期不能早于最后一级审批日期',
    en: 'The notice cannot be dated before the last approval',
  },
  'case.inform.hearingRequired': {
    zh: '拟作出的处罚应当告知听证权利（{basis}）：请登记当事人是否要求听证',
    en: 'The intended penalty carries a right to a hearing ({basis}): record whether the party asks for one',
  },
  'case.hearing.pending': {
    zh: '当事人要求的听证尚未结束，听证结束后方可作出决定',
    en: 'The hearing the party asked for has not ended; decide after it',
  },
  'case.hearing.window': {
    zh: '当事人要求听证的期限至 {due} 届满，期满前不得作出决定',
    en: 'The party may ask for a hearing until {due}; no decision before then',
  },
  'case.inform.publicNoticeAnswer': {
    zh: '公告告知时当事人尚未答复：陈述申辩登记为未提出，听证（如有权利）登记为尚未答复',
    en: 'Nobody has answered a public notice yet: record no statement, and the hearing (where due) as not yet answered',
  },
  'case.inform.publicNoticeWindow': {
    zh: '公告告知之日起七日内当事人可以提出申辩，{due} 届满前不得作出决定（程序规定第一百六十八条）',
    en: 'The party may respond within 7 days of the public notice; no decision before {due} has passed (程序规定 art.168)',
  },
  'case.inform.statedAfterNotice': {
    zh: '当事人在公告期内提出了陈述申辩：请复核后重新告知',
    en: 'The party responded within the public notice period: review the statement and inform again',
  },
  'case.hearing.noticeTooShort': {
    zh: '应当在举行听证的七日前通知当事人（行政处罚法第六十四条），最早可于 {earliest} 举行',
    en: 'The party must be told 7 days before the hearing (行政处罚法 art.64); the earliest date is {earliest}',
  },
  'case.hearing.hostInvestigator': {
    zh: '听证由非本案调查人员主持（行政处罚法第六十四条），请另行指定主持人',
    en: 'The hearing is chaired by someone who did not investigate the case (行政处罚法 art.64); choose another host',
  },
  'case.hearing.notHeld': {
    zh: '听证定于 {heldOn} 举行，举行后方可登记结论',
    en: 'The hearing is set for {heldOn}; record its conclusion once it has been held',
  },
  'case.hearing.overturned': {
    zh: '听证认为拟作出的处罚不当：请撤回重办，重新提交审核',
    en: 'The hearing found the intended penalty wrong: withdraw it and submit again',
  },
  'case.date.beforeReceived': {
    zh: '日期不能早于接报时间',
    en: 'The date cannot be before the case was received',
  },
  datetime: {
    zh: '时间格式不正确，应如 2021-03-04 08:30',
    en: 'Invalid date and time; write it like 2021-03-04 08:30',
  },
  'incident.category': { zh: '警情类别不存在或已停用', en: 'Unknown or inactive incident category' },
  'incident.unit': { zh: '单位不存在或不在您的管辖范围内', en: 'Unknown unit, or outside your scope' },
  'incident.sourceId.taken': { zh: '该接警单编号已录入', en: 'This source id is already recorded' },
  'incident.sourceId.repeated': {
    zh: '与第 {row} 行的接警单编号重复',
    en: 'Same source id as row {row}',
  },
  'incident.future': { zh: '不能晚于当前时间', en: 'Cannot be in the future' },
  'incident.disposedBeforeReceived': {
    zh: '处理时间不能早于接警时间',
    en: 'Cannot be earlier than the received time',
  },
  'import.column': { zh: '文件中没有列“{column}”', en: 'The file has no column "{column}"' },
  'file.tableType': { zh: '请上传 .csv 或 .xlsx 文件', en: 'Upload a .csv or .xlsx file' },
  'file.tooManyRows': { zh: '单个文件最多 {max} 行', en: 'At most {max} rows per file' },
  'dashboard.range': {
    zh: '开始日期不能晚于结束日期，且跨度不超过三年',
    en: 'The start must not be after the end, and the range must not exceed three years',
  },
  'case.particularsClosed': {
    zh: '案件已提交审核或已作出决定，当事人和违法行为不能再修改；如需修改请先退回补充',
    en: 'The case is under review or decided: parties and offences can no longer change (send it back first)',
  },
  // supervision: rules and scans
  'supervision.scan.running': {
    zh: '本分局已有一次执法监督巡查正在进行，请稍后再试',
    en: 'A supervision scan of the branch is already running; try again later',
  },
  'supervision.scan.done': { zh: '当日的定时巡查已经执行', en: "The day's scheduled scan has already run" },
  'supervision.rule.past': {
    zh: '生效日期不能早于今天（已生效的规则版本不能修改，请新增版本）',
    en: 'The effective date cannot be in the past (add a new version instead of changing one in force)',
  },
  // supervision: findings, rectification, documents, accountability, committee
  'finding.status': {
    zh: '该问题当前状态下不能执行此操作',
    en: 'This action is not allowed in the finding status',
  },
  'finding.dismissedConfirmed': {
    zh: '撤销的问题不能认定为违规',
    en: 'A dismissed finding cannot be a confirmed violation',
  },
  'finding.dueOnPast': { zh: '整改期限不能早于今天', en: 'The deadline cannot be before today' },
  'finding.rule': { zh: '监督规则不存在', en: 'Unknown supervision rule' },
  'finding.notConfirmed': {
    zh: '只有认定违规的问题才能启动责任追究',
    en: 'Only a confirmed violation can open an accountability record',
  },
  'finding.hasAccountability': {
    zh: '该问题已启动责任追究',
    en: 'An accountability record is already open for this finding',
  },
  'finding.notOfUnit': {
    zh: '所选问题不属于该单位或已关闭',
    en: 'A chosen finding is not of this unit or is closed',
  },
  'file.tooLarge': { zh: '文件不能超过 {max} MB', en: 'A file may not exceed {max} MB' },
  'file.tooMany': { zh: '最多上传 {max} 个文件', en: 'At most {max} files' },
  'supervision.period': {
    zh: '结束日期不能早于开始日期',
    en: 'The end date cannot be before the start date',
  },
  'accountability.decided': { zh: '该责任追究已作出决定', en: 'This record was already decided' },
  'supervision.case': { zh: '案件不存在或不在您的管辖范围内', en: 'Unknown case, or outside your scope' },
  'supervision.incident': {
    zh: '警情不存在或不在您的管辖范围内',
    en: 'Unknown incident, or outside your scope',
  },
  'supervision.officer': { zh: '人员不存在', en: 'Unknown officer' },
  'supervision.unit': { zh: '单位不存在或不在您的管辖范围内', en: 'Unknown unit, or outside your scope' },
  // supervision: camera spot checks and call-backs
  'camera.dayNotOver': {
    zh: '只能抽查已经结束的日期的警情',
    en: 'Only the incidents of a day that is over can be sampled',
  },
  'callback.unreachableSatisfaction': {
    zh: '未联系上时不能记录满意度',
    en: 'No satisfaction can be recorded when the caller was not reached',
  },
  // evaluation
  'evaluation.halfPoints': { zh: '分值以 0.5 分为单位', en: 'Points go in steps of 0.5' },
  'evaluation.period': { zh: '期间格式应为 YYYY-Q1 至 YYYY-Q4', en: 'A period is YYYY-Q1 to YYYY-Q4' },
  'evaluation.itemCode': {
    zh: '项目代码由小写字母、数字、下划线组成',
    en: 'An item code has lower-case letters, digits or underscores',
  },
  'evaluation.itemDuplicate': { zh: '项目代码重复', en: 'This item code is repeated' },
  'evaluation.itemUnknown': { zh: '考评细则中没有该项目', en: 'No such item in the rubric' },
  'evaluation.aboveFullScore': { zh: '不能超过满分', en: 'Cannot exceed the full score' },
  'evaluation.rubricInUse': {
    zh: '该版本已用于考评，不能修改；请以新的生效日期另立版本',
    en: 'This version has been used by a round; add a version with a new effective date instead',
  },
  'evaluation.noRubric': { zh: '该季度没有生效的考评细则', en: 'No rubric is in force for that quarter' },
  'evaluation.futureQuarter': { zh: '该季度尚未开始', en: 'That quarter has not started yet' },
  'evaluation.roundExists': { zh: '该季度已有考评批次', en: 'That quarter already has a round' },
  'evaluation.noClosedCases': {
    zh: '该季度没有已结案件可供抽查',
    en: 'No cases were closed in that quarter',
  },
  'evaluation.vetoReason': {
    zh: '一票否决须在扣分明细中注明否决项目',
    en: 'A veto needs a deduction on a veto item saying why',
  },
  'evaluation.revisedDeductions': {
    zh: '改判须给出新的扣分明细',
    en: 'A revised score needs the new deductions',
  },
  'evaluation.noRankingYear': {
    zh: '该年度没有已发布的考评结果',
    en: 'No published evaluation results for that year',
  },
  'evaluation.checklistMissing': {
    zh: '请逐项填写自查清单：缺少“{item}”',
    en: 'Answer every item: "{item}" is missing',
  },
  'evaluation.checklistRepeated': { zh: '自查项目重复', en: 'This item is answered twice' },
  'evaluation.problemNote': {
    zh: '存在问题的项目须说明问题',
    en: 'Describe the problem of an item not in order',
  },
  'evaluation.futurePeriod': { zh: '该期间尚未开始', en: 'That period has not started yet' },
  'evaluation.inspectionExists': {
    zh: '该单位本期已提交自查',
    en: 'The unit has already submitted a self-inspection for that period',
  },
  'evaluation.unscored': {
    zh: '还有 {n} 件抽查案件未评分',
    en: '{n} sampled cases are not scored yet',
  },
  'evaluation.disputesOpen': {
    zh: '还有 {n} 项评分异议未处理',
    en: '{n} score disputes are not decided yet',
  },
  'evaluation.status': {
    zh: '当前状态不允许此操作，请刷新后重试',
    en: 'Not possible in the current state; reload and retry',
  },
  'evaluation.unitNotCaseHandling': {
    zh: '只有执法办案单位可以提交办案区自查',
    en: 'Only case-handling units submit case-area self-inspections',
  },
  // reports: submissions
  'report.period': {
    zh: '期间应为年份（如 2021）或季度（如 2021-Q3）',
    en: 'A period is a year (2021) or a quarter (2021-Q3)',
  },
  'submission.negative': { zh: '数值不能为负数', en: 'The value may not be negative' },
  'submission.percent': { zh: '百分比应在 0 到 100 之间', en: 'A percentage is between 0 and 100' },
  'submission.unknownMetric': { zh: '此表不含该指标', en: 'This form does not hold that metric' },
  'submission.status': {
    zh: '当前状态不允许此操作，请刷新后重试',
    en: 'Not possible in the current state; reload and retry',
  },
  'collection.noOwner': { zh: '该部门没有需要填报的指标', en: 'This department owns no submitted metric' },
  'collection.dueOnPast': { zh: '截止日期不能早于今天', en: 'The due date may not be in the past' },
  'collection.closed': { zh: '本轮填报已结束', en: 'This collection round is closed' },
  // reports: annual report builder
  'report.unknownMetric': { zh: '引用了不存在的指标：{id}', en: 'Refers to an unknown metric: {id}' },
  'report.malformedReference': {
    zh: '指标引用格式有误：{ref}（应为 {{指标编号}}）',
    en: 'Malformed figure reference: {ref} (write {{metric.id}})',
  },
  'report.year': { zh: '年份应在 2000 至明年之间', en: 'The year is between 2000 and next year' },
  'report.fileType': { zh: '请上传 .docx 或 .txt 文件', en: 'Upload a .docx or .txt file' },
  // --- statistics tables (helper: tables) ---
  'report.table.yearOnly': {
    zh: '该统计表按年度统计，请选择年份而非季度',
    en: 'This table is yearly: choose a year, not a quarter',
  },
  'report.table.byNeedsYear': {
    zh: '按季度或按月分列时请选择整年',
    en: 'A breakdown by quarter or month needs a whole year as the period',
  },
  'officer.joinedAfterLeft': {
    zh: '入职日期不能晚于离职日期',
    en: 'The date joined cannot be after the date the officer left',
  },
  // --- report versions (helper: versions) ---
  'report.restoreCurrent': {
    zh: '该版本已是当前版本，无需恢复',
    en: 'This version is the current one; there is nothing to restore',
  },
  // --- annual report: other years' events (helper: dated narrative) ---
  'report.datedOpen': {
    zh: '尚有 {n} 段描述其他年度的事件，须改写或确认仍属实后才能填写成文日期（定稿）',
    en: '{n} paragraph(s) describe events of another year: rewrite or confirm them before dating (signing) the report',
  },
  'report.confirmUnsaved': {
    zh: '请先保存本年度报告，再确认段落',
    en: "Save this year's report before confirming a paragraph",
  },
  'report.confirmNoParagraph': {
    zh: '报告中已没有该段落，请刷新后重试',
    en: 'The report no longer holds this paragraph; reload and retry',
  },
  'report.confirmNotFlagged': {
    zh: '该段落未被标记为描述其他年度的事件，无需确认',
    en: 'This paragraph is not flagged as describing another year; there is nothing to confirm',
  },
  'report.confirmAlready': { zh: '该段落已确认仍属实', en: 'This paragraph is already confirmed' },
  // --- submission import/attachments (helper: submissions) ---
  'submission.import.noMetric': {
    zh: '未填指标编号',
    en: 'The metric ID is empty',
  },
  'submission.import.unknownMetric': {
    zh: '指标编号 {metric} 不在指标目录中',
    en: 'Metric ID {metric} is not in the catalogue',
  },
  'submission.import.notInForm': {
    zh: '指标「{metric}」不属于本填报表',
    en: 'Metric "{metric}" is not on this form',
  },
  'submission.import.duplicate': {
    zh: '指标「{metric}」在文件中出现了多次',
    en: 'Metric "{metric}" appears more than once in the file',
  },
  'submission.import.notNumber': {
    zh: '指标「{metric}」的数值「{text}」不是数字',
    en: 'The value "{text}" of metric "{metric}" is not a number',
  },
  'submission.import.negative': {
    zh: '指标「{metric}」的数值不能为负数',
    en: 'The value of metric "{metric}" may not be negative',
  },
  'submission.import.percent': {
    zh: '指标「{metric}」是百分比，数值应在 0 到 100 之间',
    en: 'Metric "{metric}" is a percentage: its value is between 0 and 100',
  },
  'submission.import.noteTooLong': {
    zh: '指标「{metric}」的说明不能超过 {max} 个字',
    en: 'The note of metric "{metric}" may not exceed {max} characters',
  },
  'submission.import.rows': {
    zh: '文件中有 {n} 处错误，未导入任何数据',
    en: 'The file has {n} errors; nothing was imported',
  },
  'submission.import.tooLarge': { zh: '导入文件不能超过 {max} MB', en: 'The file may not exceed {max} MB' },
  // --- demo report consistency (helper: consistency) ---
} as const satisfies Record<string, Bilingual>;
export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

export function fieldMessage(
  key: string,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  const m = (FIELD_MESSAGES as Record<string, Bilingual>)[key] ?? FIELD_MESSAGES.invalid;
  const text = locale === 'en-US' ? m.en : m.zh;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}
