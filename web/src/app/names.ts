import {
  BUILT_IN_ROLES,
  PERSONNEL_KIND_NAMES,
  type PersonnelKind,
  QUALIFICATION_NAMES,
  type QualificationLevel,
  type RoleCode,
  UNIT_KIND_NAMES,
  type UnitKind,
} from '@fazhi/common';
import { bilingual } from './i18n/index.ts';

/** Display names of the shared code tables, in the current language. */
export function roleName(code: RoleCode | string): string {
  const r = BUILT_IN_ROLES.find((x) => x.code === code);
  return r ? bilingual({ zh: r.nameZh, en: r.nameEn }) : code;
}

export const unitKindName = (kind: UnitKind) => bilingual(UNIT_KIND_NAMES[kind]);

export const qualificationName = (level: QualificationLevel) => bilingual(QUALIFICATION_NAMES[level]);

export const personnelKindName = (kind: PersonnelKind) => bilingual(PERSONNEL_KIND_NAMES[kind]);
