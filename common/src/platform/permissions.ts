/**
 * Permissions and built-in roles. A route declares one permission; a role is a set of
 * permissions plus a data scope. Later modules append their permissions here.
 */
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

/** How far a user's reads and writes reach in the unit tree. */
export const DATA_SCOPES = ['unit', 'subtree', 'branch'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];
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

export const BUILT_IN_ROLES: readonly RoleDefinition[] = [
  {
    code: 'sysadmin',
    nameZh: '系统管理员',
    nameEn: 'System administrator',
    scope: 'branch',
    requiresTotp: true,
    permissions: [...READ_ORG, 'unit.manage', 'officer.manage', 'role.read', 'calendar.manage'],
  },
  {
    code: 'secadmin',
    nameZh: '安全管理员',
    nameEn: 'Security administrator',
    scope: 'branch',
    requiresTotp: true,
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
    requiresTotp: true,
    permissions: ['unit.read', 'audit.read', 'audit.export'],
  },
  {
    code: 'officer',
    nameZh: '办案民警',
    nameEn: 'Case officer',
    scope: 'unit',
    requiresTotp: false,
    permissions: [...READ_ORG, ...HANDLE, ...RECTIFY],
  },
  {
    code: 'unit_legal',
    nameZh: '法制员',
    nameEn: 'Unit legal officer',
    scope: 'unit',
    requiresTotp: false,
    permissions: [...READ_ORG, ...REVIEW, ...RECTIFY, ...SUBMIT],
  },
  {
    code: 'unit_head',
    nameZh: '办案部门负责人',
    nameEn: 'Unit head',
    scope: 'subtree',
    requiresTotp: false,
    permissions: [...READ_ORG, ...REVIEW, ...RECTIFY, ...SUBMIT, 'submission.sign'],
  },
  {
    code: 'legal',
    nameZh: '法制支队',
    nameEn: 'Legal detachment',
    scope: 'branch',
    requiresTotp: false,
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
    requiresTotp: false,
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
    requiresTotp: false,
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
    requiresTotp: false,
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
    requiresTotp: false,
    permissions: ['unit.read'],
  },
];

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
