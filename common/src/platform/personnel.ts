import type { RoleCode } from './permissions.ts';

/**
 * What kind of person an account belongs to. Only police officers (民警) are officers: they
 * attend incidents, lead and review cases, and count in the branch's officer figures
 * (实有民警, 执法资格, 法律职业资格). Auxiliary police, civilian staff and the stationed lawyer
 * have accounts too, but appear in none of those.
 */
export const PERSONNEL_KINDS = ['police', 'auxiliary', 'civilian', 'lawyer'] as const;
export type PersonnelKind = (typeof PERSONNEL_KINDS)[number];
export const PERSONNEL_KIND_NAMES: Record<PersonnelKind, { zh: string; en: string }> = {
  police: { zh: '民警', en: 'Police officer' },
  auxiliary: { zh: '辅警', en: 'Auxiliary police' },
  civilian: { zh: '文职人员', en: 'Civilian staff' },
  lawyer: { zh: '驻所律师', en: 'Stationed lawyer' },
};

/**
 * Roles that handle or review cases: the law gives these acts to 人民警察, so only a police
 * officer may hold them (and so every reviewer at a gate is one).
 */
export const POLICE_ROLES: readonly RoleCode[] = [
  'officer',
  'unit_legal',
  'unit_head',
  'legal',
  'branch_head',
];
