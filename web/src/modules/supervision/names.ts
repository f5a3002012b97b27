import {
  ACCOUNTABILITY_MEASURE_NAMES,
  ACCOUNTABILITY_STATUS_NAMES,
  type AccountabilityMeasure,
  type AccountabilityStatus,
  CASE_STATUS_NAMES,
  DECISION_KIND_NAMES,
  FINDING_EVENT_NAMES,
  FINDING_SEVERITY_NAMES,
  FINDING_SOURCE_NAMES,
  FINDING_STATUS_NAMES,
  type FindingEventKind,
  type FindingSource,
  type FindingStatus,
  INCIDENT_DISPOSAL_NAMES,
  PROCEEDING_KIND_NAMES,
  QUALIFICATION_NAMES,
  RULE_KIND_NAMES,
  type RuleKind,
  SCAN_MODE_NAMES,
  SCAN_STATUS_NAMES,
  SCAN_TRIGGER_NAMES,
  type ScanMode,
  type ScanStatus,
  type ScanTrigger,
  type Severity,
  SUPERVISION_DOC_KIND_NAMES,
  type SupervisionDocKind,
} from '@fazhi/common';
import i18n, { bilingual } from '../../app/i18n/index.ts';

/** Display names of the supervision code tables, in the current language (from common/). */
export const statusName = (s: FindingStatus) => bilingual(FINDING_STATUS_NAMES[s]);
export const severityName = (s: Severity) => bilingual(FINDING_SEVERITY_NAMES[s]);
export const sourceName = (s: FindingSource) => bilingual(FINDING_SOURCE_NAMES[s]);
export const eventName = (k: FindingEventKind) => bilingual(FINDING_EVENT_NAMES[k]);
export const docKindName = (k: SupervisionDocKind) => bilingual(SUPERVISION_DOC_KIND_NAMES[k]);
export const measureName = (m: AccountabilityMeasure) => bilingual(ACCOUNTABILITY_MEASURE_NAMES[m]);
export const accountabilityStatusName = (s: AccountabilityStatus) =>
  bilingual(ACCOUNTABILITY_STATUS_NAMES[s]);
export const scanStatusName = (s: ScanStatus) => bilingual(SCAN_STATUS_NAMES[s]);
export const scanModeName = (m: ScanMode) => bilingual(SCAN_MODE_NAMES[m]);
export const scanTriggerName = (m: ScanTrigger) => bilingual(SCAN_TRIGGER_NAMES[m]);

/** A rule kind, or 'manual' (findings recorded by hand); an unknown code shows as itself. */
export function kindName(kind: string): string {
  const names = RULE_KIND_NAMES[kind as RuleKind];
  return names ? bilingual(names) : kind;
}

export const ruleName = (r: { nameZh: string; nameEn: string }) => bilingual({ zh: r.nameZh, en: r.nameEn });

type NameTable = Record<string, { zh: string; en: string }>;
/** Which code table names the options of a rule parameter (a code may mean different things). */
const PARAM_TABLES: Record<string, NameTable> = {
  exemptDisposals: INCIDENT_DISPOSAL_NAMES,
  statuses: CASE_STATUS_NAMES,
  excludeProceedingKinds: PROCEEDING_KIND_NAMES,
  decisions: DECISION_KIND_NAMES,
  kinds: DECISION_KIND_NAMES,
  legalGateLevel: QUALIFICATION_NAMES,
  otherGatesLevel: QUALIFICATION_NAMES,
};

/** The name of one option of a rule parameter (RULE_PARAM_FIELDS options are codes). */
export function paramOptionName(param: string, code: string): string {
  const names = PARAM_TABLES[param]?.[code];
  if (names) return bilingual(names);
  return i18n.t(`supervision.rules.paramOption.${code}`, { defaultValue: code });
}
