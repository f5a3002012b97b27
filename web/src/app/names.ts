import {
  PERSONNEL_KIND_NAMES,
  type PersonnelKind,
  QUALIFICATION_NAMES,
  type QualificationLevel,
  type RoleCode,
  roleListName,
  UNIT_KIND_NAMES,
  type UnitKind,
} from '@fazhi/common';
import { bilingual } from './i18n/index.ts';

/**
 * Display names of the shared code tables, in the current language. A role, or a list of roles
 * as the audit log keeps an actor's ("officer,unit_legal").
 */
export const roleName = (codes: RoleCode | string) => bilingual(roleListName(codes));

export const unitKindName = (kind: UnitKind) => bilingual(UNIT_KIND_NAMES[kind]);

export const qualificationName = (level: QualificationLevel) => bilingual(QUALIFICATION_NAMES[level]);

export const personnelKindName = (kind: PersonnelKind) => bilingual(PERSONNEL_KIND_NAMES[kind]);
