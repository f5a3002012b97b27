/**
 * What happens to a decision that takes it off the portal within 3 working days (行政处罚法
 * art.48(2) with art.85; rule `publicity_withdraw`): it is changed, revoked, or a court or
 * reconsideration organ confirms it unlawful (确认违法) or void (确认无效). `decisions.status`
 * holds these values (text, no migration needed).
 */
import type { Bilingual } from '../platform/errors.ts';

export const WITHDRAWING_DECISION_STATUSES = [
  'changed',
  'revoked',
  'confirmed_unlawful',
  'confirmed_void',
] as const;
export type WithdrawingDecisionStatus = (typeof WITHDRAWING_DECISION_STATUSES)[number];

export const WITHDRAWING_DECISION_STATUS_NAMES: Record<WithdrawingDecisionStatus, Bilingual> = {
  changed: { zh: '已变更', en: 'Changed' },
  revoked: { zh: '已撤销', en: 'Revoked' },
  confirmed_unlawful: { zh: '被确认违法', en: 'Confirmed unlawful' },
  confirmed_void: { zh: '被确认无效', en: 'Confirmed void' },
};

/** Whether a decision in this status must come down from the portal. */
export const withdrawsPublication = (status: string): status is WithdrawingDecisionStatus =>
  (WITHDRAWING_DECISION_STATUSES as readonly string[]).includes(status);
