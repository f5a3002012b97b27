import type { CallbackResponse, CameraResult, Satisfaction } from '@fazhi/common';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/ui/format.ts';

const RESULT_COLOUR: Record<CameraResult, string> = {
  pending: 'default',
  recorded: 'green',
  partial: 'orange',
  not_recorded: 'red',
};

export function ResultTag({ result }: { result: CameraResult }) {
  const { t } = useTranslation();
  return <Tag color={RESULT_COLOUR[result]}>{t(`checks.result.${result}`)}</Tag>;
}

const SATISFACTION_COLOUR: Record<Satisfaction, string> = {
  satisfied: 'green',
  basically_satisfied: 'blue',
  dissatisfied: 'red',
};

export function SatisfactionTag({ value }: { value: Satisfaction | null }) {
  const { t } = useTranslation();
  if (!value) return <Typography.Text type="secondary">—</Typography.Text>;
  return <Tag color={SATISFACTION_COLOUR[value]}>{t(`checks.satisfaction.${value}`)}</Tag>;
}

export function CallbackStatusTag({ cb }: { cb: CallbackResponse }) {
  const { t } = useTranslation();
  const colour = cb.status === 'pending' ? 'processing' : cb.status === 'done' ? 'success' : 'default';
  return (
    <div>
      <Tag color={colour}>{t(`checks.status.${cb.status}`)}</Tag>
      {cb.attempts > 0 && cb.status !== 'done' && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('checks.callbacks.attempts', { n: cb.attempts })}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

/** The 二次查办 state with its due date; overdue in red. */
export function FollowUpTag({ cb }: { cb: CallbackResponse }) {
  const { t } = useTranslation();
  if (cb.followUpStatus === 'none') return <Typography.Text type="secondary">—</Typography.Text>;
  if (cb.followUpStatus === 'done')
    return (
      <div>
        <Tag color="success">{t('checks.followUpStatus.done')}</Tag>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('checks.callbacks.closedAt', { date: formatDate(cb.followUpClosedAt) })}
          </Typography.Text>
        </div>
      </div>
    );
  return (
    <div>
      <Tag color={cb.followUpOverdue ? 'error' : 'warning'}>{t('checks.followUpStatus.open')}</Tag>
      <div>
        <Typography.Text type={cb.followUpOverdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {cb.followUpOverdue
            ? t('checks.callbacks.overdue', { date: cb.followUpDueOn })
            : t('checks.callbacks.due', { date: cb.followUpDueOn })}
        </Typography.Text>
      </div>
    </div>
  );
}
