import type { FindingResponse, FindingStatus, Severity } from '@fazhi/common';
import { Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
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

type TextType = ComponentProps<typeof Typography.Text>['type'];
type DeadlineFields = 'rectifyDueOn' | 'overdue' | 'status' | 'daysLate' | 'daysLeft' | 'verifyWaitDays';

/** How the unit stands against the deadline, as the server judged it (timeliness.ts in common). */
function standing(f: Pick<FindingResponse, DeadlineFields>, t: TFunction) {
  const text = (type: TextType, label: string) => ({ type, label });
  switch (f.status) {
    case 'open':
      if (f.overdue) return text('danger', t('supervision.overdueBy', { n: f.daysLate }));
      if (f.daysLeft === 0) return text('warning', t('supervision.dueToday'));
      return text(
        f.daysLeft !== null && f.daysLeft <= 2 ? 'warning' : 'secondary',
        t('supervision.dueIn', { n: f.daysLeft }),
      );
    case 'answered':
      return f.daysLate
        ? text('danger', t('supervision.answeredLate', { n: f.daysLate }))
        : text('success', t('supervision.answeredOnTime'));
    case 'corrected':
      // closed: how it ended, frozen; never a running count
      return f.daysLate
        ? text('warning', t('supervision.correctedLate', { n: f.daysLate }))
        : text('success', t('supervision.correctedOnTime'));
    default:
      return null;
  }
}

/**
 * The rectification deadline and the unit's standing: days left or days overdue while open;
 * answered on time or how late, frozen at the answer; and, while the answer waits, how long it
 * has waited for the detachment (its clock, not the unit's delay).
 */
export function Deadline({ f }: { f: Pick<FindingResponse, DeadlineFields> }) {
  const { t } = useTranslation();
  const s = standing(f, t);
  return (
    <div>
      <Typography.Text type={f.overdue ? 'danger' : undefined} strong={f.overdue}>
        {f.rectifyDueOn}
      </Typography.Text>
      {s && (
        <div>
          <Typography.Text type={s.type} style={{ fontSize: 12 }} data-standing>
            {s.label}
          </Typography.Text>
        </div>
      )}
      {f.verifyWaitDays !== null && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('supervision.verifyWait', { n: f.verifyWaitDays })}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}
