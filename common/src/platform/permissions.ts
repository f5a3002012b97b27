/**
 * Permissions and built-in roles. A route declares one permission; a role is a set of
 * permissions plus a data scope. Later modules append their permissions here.
 */
import type { Bilingual } from './errors.ts';

export const PERMISSIONS = [
  'unit.read',
  'unit.manage',
  'officer.read',
  'officer.manage',
  'officer.assignRoles',
  'officer.unlock',
  'role.read',
  'role.manage',
  'security.manage',
  'calendar.manage',
  'audit.read',
  'audit.export',
  'incident.read',
  'incident.write',
  'incident.import',
  'case.read',
  'case.write',
  'case.review',
  'case.legal',
  'publicity.read',
  'publicity.publish',
  'dashboard.read',
  'rules.manage',
  'supervision.read',
  'supervision.answer',
  'supervision.manage',
  'camera.check',
  'callback.perform',
  'evaluation.read',
  'evaluation.manage',
  'report.read',
  'report.manage',
  'submission.fill',
  'submission.sign',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each permission allows, as the roles page lists it. */
export const PERMISSION_NAMES: Record<Permission, Bilingual> = {
  'unit.read': { zh: '查看单位', en: 'View units' },
  'unit.manage': { zh: '管理单位', en: 'Manage units' },
  'officer.read': { zh: '查看人员', en: 'View officers' },
  'officer.manage': { zh: '管理人员', en: 'Manage officers' },
  'officer.assignRoles': { zh: '分配角色', en: 'Assign roles' },
  'officer.unlock': { zh: '解锁与重置认证', en: 'Unlock and reset sign-in' },
  'role.read': { zh: '查看角色', en: 'View roles' },
  'role.manage': { zh: '管理角色权限', en: 'Manage roles' },
  'security.manage': { zh: '管理安全策略', en: 'Manage security settings' },
  'calendar.manage': { zh: '维护节假日日历', en: 'Maintain the holiday calendar' },
  'audit.read': { zh: '查看审计日志', en: 'View the audit log' },
  'audit.export': { zh: '导出审计日志', en: 'Export the audit log' },
  'incident.read': { zh: '查看警情', en: 'View incidents' },
  'incident.write': { zh: '登记与处置警情', en: 'Record and dispose incidents' },
  'incident.import': { zh: '导入110警情', en: 'Import 110 exports' },
  'case.read': { zh: '查看案件', en: 'View cases' },
  'case.write': { zh: '办理案件', en: 'Handle cases' },
  'case.review': { zh: '案件审核', en: 'Review cases' },
  'case.legal': { zh: '法制部门统一审核与出口', en: 'Unified legal review and output' },
  'publicity.read': { zh: '查看执法公示', en: 'View publicity' },
  'publicity.publish': { zh: '发布与撤回公示', en: 'Publish and withdraw' },
  'dashboard.read': { zh: '查看执法态势', en: 'View enforcement overview' },
  'rules.manage': {
    zh: '维护法定期限规则与法律法规库',
    en: 'Maintain statutory clocks and the law register',
  },
  'supervision.read': { zh: '查看执法监督问题', en: 'View supervision findings' },
  'supervision.answer': { zh: '答复整改', en: 'Answer with rectification' },
  'supervision.manage': {
    zh: '执法监督管理（规则、核查、文书、问责）',
    en: 'Run supervision (rules, verification, documents, accountability)',
  },
  'camera.check': { zh: '执法记录仪每日抽查', en: 'Daily body-camera spot checks' },
  'callback.perform': { zh: '民意回访与二次查办', en: 'Call-backs and second handling' },
  'evaluation.read': { zh: '查看执法质量考评', en: 'View quality evaluation' },
  'evaluation.manage': { zh: '组织考评、评分与评优', en: 'Run evaluation, scoring and awards' },
  'report.read': { zh: '查看法治政府建设年度报告与统计', en: 'View the annual report and statistics' },
  'report.manage': {
    zh: '编制年度报告、指标与数据填报',
    en: 'Compile the annual report, metrics and collections',
  },
  'submission.fill': { zh: '填报本部门数据', en: "Fill in the department's figures" },
  'submission.sign': { zh: '审签本部门填报数据', en: "Sign off the department's figures" },
};

/**
 * Permissions that read or change law-enforcement records (incidents, cases, findings …).
 * The system administrator must never hold one of these (三员分立); modules add theirs here.
 */
export const CASE_DATA_PERMISSIONS: readonly Permission[] = [
  'incident.read',
  'incident.write',
  'incident.import',
  'case.read',
  'case.write',
  'case.review',
  'case.legal',
  'publicity.read',
  'publicity.publish',
  'dashboard.read',
  'supervision.read',
  'supervision.answer',
  'supervision.manage',
  'camera.check',
  'callback.perform',
  'evaluation.read',
  'evaluation.manage',
  'report.read',
  'report.manage',
  'submission.fill',
  'submission.sign',
];

/**
 * Permissions a role may hold without a second factor: reading the unit tree, the officer list
 * and the roles. Any other permission reads law-enforcement records (cases, incidents, ID
 * numbers) or administers the system, and 等保 level 3 asks two factors for it: a role that
 * holds one requires TOTP, whatever its stored flag says (built-in or edited roles alike).
 */
export const SINGLE_FACTOR_PERMISSIONS: readonly Permission[] = ['unit.read', 'officer.read', 'role.read'];

/** Whether a role with these permissions requires a second factor (see SINGLE_FACTOR_PERMISSIONS). */
export const needsSecondFactor = (permissions: readonly string[]): boolean =>
  permissions.some((p) => !SINGLE_FACTOR_PERMISSIONS.includes(p as Permission));

/**
 * The security administrator's powers: roles, unlocking, resetting a second factor, the security
 * policy. 三员分立: the system administrator never holds one, so whoever resets a password
 * (officer.manage) cannot also reset the second factor of the same account.
 */
export const SECURITY_ADMIN_PERMISSIONS: readonly Permission[] = [
  'officer.assignRoles',
  'officer.unlock',
  'role.manage',
  'security.manage',
];

/**
 * The password reset (officer.manage) and the second-factor reset (security.manage): together
 * they take over an account, so no role and no officer may hold both.
 */
export const holdsBothResets = (permissions: Iterable<string>): boolean => {
  const set = new Set(permissions);
  return set.has('officer.manage') && set.has('security.manage');
};

/** How far a user's reads and writes reach in the unit tree. */
export const DATA_SCOPES = ['unit', 'subtree', 'branch'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

/** Which records a role sees and changes. */
export const DATA_SCOPE_NAMES: Record<DataScope, Bilingual> = {
  unit: { zh: '本单位', en: 'Own unit' },
  subtree: { zh: '本单位及下级单位', en: 'Unit and sub-units' },
  branch: { zh: '全分局', en: 'Whole branch' },
};
export const SCOPE_RANK: Record<DataScope, number> = { unit: 0, subtree: 1, branch: 2 };

export const ROLE_CODES = [
  'sysadmin',
  'secadmin',
  'auditadmin',
  'officer',
  'unit_legal',
  'unit_head',
  'legal',
  'branch_head',
  'command',
  'inspector',
  'mediator',
] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

/** The three administrators of 三员分立: no one may hold two of them. */
export const ADMIN_ROLES: readonly RoleCode[] = ['sysadmin', 'secadmin', 'auditadmin'];

export interface RoleDefinition {
  code: RoleCode;
  nameZh: string;
  nameEn: string;
  scope: DataScope;
  requiresTotp: boolean;
  permissions: Permission[];
}

const READ_ORG: Permission[] = ['unit.read', 'officer.read'];
const HANDLE: Permission[] = ['incident.read', 'incident.write', 'case.read', 'case.write', 'publicity.read'];
const REVIEW: Permission[] = [...HANDLE, 'case.review', 'publicity.publish', 'dashboard.read'];
/** Findings addressed to the unit: read them, answer with the rectification, dispute a score. */
const RECTIFY: Permission[] = ['supervision.read', 'supervision.answer', 'evaluation.read'];
/** 数据填报: a department fills its form of figures; its head signs it off. */
const SUBMIT: Permission[] = ['submission.fill'];

const BUILT_IN_ROLE_SPECS: readonly Omit<RoleDefinition, 'requiresTotp'>[] = [
  {
    code: 'sysadmin',
    nameZh: '系统管理员',
    nameEn: 'System administrator',
    scope: 'branch',
    permissions: [...READ_ORG, 'unit.manage', 'officer.manage', 'role.read', 'calendar.manage'],
  },
  {
    code: 'secadmin',
    nameZh: '安全管理员',
    nameEn: 'Security administrator',
    scope: 'branch',
    permissions: [
      ...READ_ORG,
      'officer.assignRoles',
      'officer.unlock',
      'role.read',
      'role.manage',
      'security.manage',
    ],
  },
  {
    code: 'auditadmin',
    nameZh: '审计管理员',
    nameEn: 'Audit administrator',
    scope: 'branch',
    permissions: ['unit.read', 'audit.read', 'audit.export'],
  },
  {
    code: 'officer',
    nameZh: '办案民警',
    nameEn: 'Case officer',
    scope: 'unit',
    permissions: [...READ_ORG, ...HANDLE, ...RECTIFY],
  },
  {
    code: 'unit_legal',
    nameZh: '法制员',
    nameEn: 'Unit legal officer',
    scope: 'unit',
    permissions: [...READ_ORG, ...REVIEW, ...RECTIFY, ...SUBMIT],
  },
  {
    code: 'unit_head',
    nameZh: '办案部门负责人',
    nameEn: 'Unit head',
    scope: 'subtree',
    permissions: [...READ_ORG, ...REVIEW, ...RECTIFY, ...SUBMIT, 'submission.sign'],
  },
  {
    code: 'legal',
    nameZh: '法制支队',
    nameEn: 'Legal detachment',
    scope: 'branch',
    permissions: [
      ...READ_ORG,
      ...REVIEW,
      'case.legal',
      'incident.import',
      'rules.manage',
      'supervision.read',
      'supervision.manage',
      'evaluation.read',
      'evaluation.manage',
      'report.read',
      'report.manage',
    ],
  },
  {
    code: 'branch_head',
    nameZh: '分局领导',
    nameEn: 'Branch head',
    scope: 'branch',
    permissions: [
      ...READ_ORG,
      'incident.read',
      'case.read',
      'case.review',
      'publicity.read',
      'dashboard.read',
      'supervision.read',
      'evaluation.read',
      'report.read',
    ],
  },
  {
    code: 'command',
    nameZh: '指挥中心',
    nameEn: 'Command centre',
    scope: 'branch',
    permissions: [
      ...READ_ORG,
      'incident.read',
      'incident.write',
      'incident.import',
      'dashboard.read',
      'camera.check',
      ...SUBMIT,
    ],
  },
  {
    code: 'inspector',
    nameZh: '督察支队',
    nameEn: 'Inspectorate',
    scope: 'branch',
    permissions: [
      ...READ_ORG,
      'incident.read',
      'case.read',
      'publicity.read',
      'supervision.read',
      'callback.perform',
      ...SUBMIT,
    ],
  },
  {
    code: 'mediator',
    nameZh: '驻所律师',
    nameEn: 'Stationed mediator',
    scope: 'unit',
    permissions: ['unit.read'],
  },
];

/** Every built-in role but the stationed mediator's requires a second factor (needsSecondFactor). */
export const BUILT_IN_ROLES: readonly RoleDefinition[] = BUILT_IN_ROLE_SPECS.map((r) => ({
  ...r,
  requiresTotp: needsSecondFactor(r.permissions),
}));

/** The names of the built-in roles by code, as people read them (roles, audit log, officer lists). */
export const ROLE_NAMES = Object.fromEntries(
  BUILT_IN_ROLES.map((r) => [r.code, { zh: r.nameZh, en: r.nameEn }]),
) as Record<RoleCode, { zh: string; en: string }>;

/**
 * The names of a list of role codes ("officer,unit_legal" as the audit log keeps an actor's roles),
 * joined with 、 / ", "; a code that is not a built-in role (a role since removed) is left out.
 */
export function roleListName(codes: string | readonly string[]): { zh: string; en: string } {
  const list = (typeof codes === 'string' ? codes.split(',') : codes)
    .map((c) => ROLE_NAMES[c.trim() as RoleCode])
    .filter((n) => n !== undefined);
  return { zh: list.map((n) => n.zh).join('、'), en: list.map((n) => n.en).join(', ') };
}
