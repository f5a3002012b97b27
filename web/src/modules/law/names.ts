import type { LawVersion } from '@fazhi/common';
import type { TFunction } from 'i18next';

/** A law version as people pick it: its title and the period it is in force. */
export const lawVersionLabel = (l: LawVersion, t: TFunction) =>
  `${l.title}（${l.effectiveFrom} — ${l.effectiveUntil ?? t('law.register.until')}）`;
