import {
  INCIDENT_DISPOSAL_NAMES,
  INCIDENT_SOURCE_NAMES,
  type IncidentDisposal,
  type IncidentSource,
} from '@fazhi/common';
import { bilingual } from '../../app/i18n/index.ts';

export const sourceName = (s: IncidentSource | string) =>
  s in INCIDENT_SOURCE_NAMES ? bilingual(INCIDENT_SOURCE_NAMES[s as IncidentSource]) : s;

export const disposalName = (d: IncidentDisposal | string) =>
  d in INCIDENT_DISPOSAL_NAMES ? bilingual(INCIDENT_DISPOSAL_NAMES[d as IncidentDisposal]) : d;

/** A category's name in the current language, with its parent when it is a sub-category. */
export function categoryLabel(c: {
  categoryName: string;
  categoryNameEn: string;
  parentCategoryName?: string | null;
  parentCategoryNameEn?: string | null;
}): string {
  const name = bilingual({ zh: c.categoryName, en: c.categoryNameEn });
  if (!c.parentCategoryName) return name;
  return `${bilingual({ zh: c.parentCategoryName, en: c.parentCategoryNameEn ?? c.parentCategoryName })} / ${name}`;
}

export const DISPOSAL_COLORS: Record<IncidentDisposal, string> = {
  pending: 'orange',
  handled_on_scene: 'blue',
  case_opened: 'purple',
  no_action: 'default',
  transferred: 'cyan',
  mediated: 'green',
};
