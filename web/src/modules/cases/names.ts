import {
  CASE_ACTION_NAMES,
  CASE_STATUS_NAMES,
  type CaseAction,
  type CaseStatus,
  type CaseType,
  CHECKLIST_NAMES,
  type ChecklistItem,
  DECISION_KIND_NAMES,
  type DecisionRowKind,
  FEEDBACK_NAMES,
  type FeedbackKind,
  GATE_NAMES,
  type Gate,
  LEGAL_RULES,
  OFFLINE_REASON_NAMES,
  type OfflineReason,
  PROCEEDING_KIND_NAMES,
  type ProceedingKind,
} from '@fazhi/common';
import i18n, { bilingual } from '../../app/i18n/index.ts';

/** Display names of the case codes; the bilingual tables live with the contracts in common/. */
const named =
  <K extends string>(table: Record<K, { zh: string; en: string }>) =>
  (v: K | string | null | undefined): string =>
    v ? (table[v as K] ? bilingual(table[v as K]) : v) : '';

export const statusName = named<CaseStatus>(CASE_STATUS_NAMES);
export const actionName = named<CaseAction>(CASE_ACTION_NAMES);
export const gateName = named<Gate>(GATE_NAMES);
export const checklistName = named<ChecklistItem>(CHECKLIST_NAMES);
export const decisionName = named<DecisionRowKind>(DECISION_KIND_NAMES);
export const feedbackName = named<FeedbackKind>(FEEDBACK_NAMES);
export const offlineReasonName = named<OfflineReason>(OFFLINE_REASON_NAMES);
export const proceedingName = named<ProceedingKind>(PROCEEDING_KIND_NAMES);
export const caseTypeName = (v: CaseType | string) => i18n.t(`cases.type.${v}`, { defaultValue: v });

/** A statutory clock's name from the legal-rules table (the newest version's name). */
export function ruleName(code: string | null | undefined): string {
  if (!code) return '';
  const rule = [...LEGAL_RULES].reverse().find((r) => r.code === code);
  return rule ? bilingual({ zh: rule.nameZh, en: rule.nameEn }) : code;
}

/** Colours of the status tags: open work blue, review gold, finished green, refused red. */
export const STATUS_COLOR: Record<CaseStatus, string> = {
  acceptance_review: 'blue',
  filing_review: 'blue',
  filing_approval: 'gold',
  investigating: 'processing',
  in_review: 'gold',
  approved: 'lime',
  informed: 'lime',
  decided: 'green',
  with_procuratorate: 'purple',
  closed: 'default',
  not_accepted: 'volcano',
  not_filed: 'volcano',
  transferred: 'geekblue',
  mediated: 'cyan',
};

export const TYPE_COLOR: Record<CaseType, string> = { admin: 'blue', criminal: 'magenta' };
