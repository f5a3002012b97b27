import { type CaseStatus, type CaseSummary, type CaseType, TERMINAL_STATUSES } from '@fazhi/common';
import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { caseTypeName, gateName, STATUS_COLOR, statusName, TYPE_COLOR } from './names.ts';

export const isTerminal = (s: CaseStatus) => TERMINAL_STATUSES.includes(s);

/** The material under review (parties, offences, facts) changes only while the handler works on it. */
const HANDLING: readonly CaseStatus[] = ['acceptance_review', 'filing_review', 'investigating'];
export const isInHandling = (s: CaseStatus) => HANDLING.includes(s);

export function TypeTag({ type }: { type: CaseType }) {
  return <Tag color={TYPE_COLOR[type]}>{caseTypeName(type)}</Tag>;
}

/** The status; in review it names the gate the case waits at. */
export function StatusTag({ c }: { c: Pick<CaseSummary, 'status' | 'currentGate'> }) {
  const { t } = useTranslation();
  const tag = <Tag color={STATUS_COLOR[c.status]}>{statusName(c.status)}</Tag>;
  if (c.status !== 'in_review' || !c.currentGate) return tag;
  return <Tooltip title={t('cases.waitingAt', { gate: gateName(c.currentGate) })}>{tag}</Tooltip>;
}

/** 重大 / 办案中心 / 疑难复杂 markers beside a title. */
export function FlagTags({ c }: { c: Pick<CaseSummary, 'major' | 'inCentre' | 'complex'> }) {
  const { t } = useTranslation();
  if (!c.major && !c.inCentre && !c.complex) return null;
  return (
    <Space size={0}>
      {c.major && <Tag color="red">{t('cases.flags.major')}</Tag>}
      {c.complex && <Tag color="orange">{t('cases.flags.complex')}</Tag>}
      {c.inCentre && <Tag color="cyan">{t('cases.flags.inCentre')}</Tag>}
    </Space>
  );
}
