import type { FindingResponse, FindingStatus, Severity } from '@fazhi/common';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { daysFromToday } from '../../app/ui/format.ts';
import { severityName, statusName } from './names.ts';

const STATUS_COLOR: Record<FindingStatus, string> = {
  open: 'processing',
  answered: 'gold',
  corrected: 'success',
  dismissed: 'default',
  resolved: 'cyan',
};
const SEVERITY_COLOR: Record<Severity, string> = { low: 'default', medium: 'orange', high: 'red' };

export function StatusTag({ status }: { status: FindingStatus }) {
  return <Tag color={STATUS_COLOR[status]}>{statusName(status)}</Tag>;
}

export function SeverityTag({ severity }: { severity: Severity }) {
  return <Tag color={SEVERITY_COLOR[severity]}>{severityName(severity)}</Tag>;
}

/** The status with the marks that matter to the reader: confirmed violation, 督办, returns. */
export function FindingTags({ f }: { f: FindingResponse }) {
  const { t } = useTranslation();
  return (
    <Space size={[0, 4]} wrap>
      <StatusTag status={f.status} />
      {f.confirmedViolation && <Tag color="red">{t('supervision.confirmed')}</Tag>}
      {f.supervisedAt && <Tag color="purple">{t('supervision.supervised')}</Tag>}
      {f.returnCount > 0 && <Tag color="orange">{t('supervision.returned', { n: f.returnCount })}</Tag>}
    </Space>
  );
}

/** The rectification deadline: red with the days late when overdue, the days left while open. */
export function Deadline({ f }: { f: Pick<FindingResponse, 'rectifyDueOn' | 'overdue' | 'status'> }) {
  const { t } = useTranslation();
  const open = f.status === 'open' || f.status === 'answered';
  if (!open) return <span>{f.rectifyDueOn}</span>;
  const days = daysFromToday(f.rectifyDueOn);
  return (
    <div>
      <Typography.Text type={f.overdue ? 'danger' : undefined} strong={f.overdue}>
        {f.rectifyDueOn}
      </Typography.Text>
      <div>
        <Typography.Text
          type={f.overdue ? 'danger' : days <= 2 ? 'warning' : 'secondary'}
          style={{ fontSize: 12 }}
        >
          {f.overdue || days < 0
            ? t('supervision.overdueBy', { n: Math.max(1, -days) })
            : days === 0
              ? t('supervision.dueToday')
              : t('supervision.dueIn', { n: days })}
        </Typography.Text>
      </div>
    </div>
  );
}
