import type { PublicationResponse } from '@fazhi/common';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EMPTY } from '../../app/ui/format.ts';
import { ProvisionalTag } from '../../app/ui/provisional.tsx';

/** Pending, published (perhaps late, perhaps to be withdrawn), withdrawn, or closed unpublished. */
export function StatusTag({ p }: { p: PublicationResponse }) {
  const { t } = useTranslation();
  if (p.status === 'pending')
    return <Tag color={p.overdue ? 'red' : 'processing'}>{t('publicity.status.pending')}</Tag>;
  // Kept off the portal by law (a minor, a privacy category, sealed 治安 records): the grounds show.
  if (p.exclusions.length > 0)
    return (
      <Tooltip title={p.exclusions.map((c) => t(`publicity.exclusion.${c}`)).join('；')}>
        <Tag color="default">{t('publicity.status.excluded')}</Tag>
      </Tooltip>
    );
  if (p.status === 'withdrawn')
    return <Tag>{p.publishedAt ? t('publicity.status.withdrawn') : t('publicity.status.closed')}</Tag>;
  return (
    <Space size={[0, 4]} wrap>
      <Tag color="success">{t('publicity.status.published')}</Tag>
      {p.late && (
        <Tooltip title={t('publicity.lateHint', { due: p.dueOn })}>
          <Tag color="orange">{t('publicity.late')}</Tag>
        </Tooltip>
      )}
      {p.mustWithdraw && (
        <Tooltip title={t('publicity.withdrawBy', { date: p.withdrawDueOn })}>
          <Tag color={p.withdrawOverdue ? 'red' : 'volcano'}>
            {p.withdrawOverdue ? t('publicity.withdrawOverdue') : t('publicity.status.mustWithdraw')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

/** Time left on a pending task: overdue in red, the last 2 working days in orange. */
export function DueLabel({ p }: { p: PublicationResponse }) {
  const { t } = useTranslation();
  if (p.mustWithdraw)
    return (
      <Typography.Text type={p.withdrawOverdue ? 'danger' : 'warning'}>
        {t('publicity.withdrawBy', { date: p.withdrawDueOn })}
        <ProvisionalTag provisional={p.withdrawDueProvisional} />
      </Typography.Text>
    );
  if (p.status !== 'pending') return <>{EMPTY}</>;
  if (p.daysLeft < 0)
    return (
      <Typography.Text type="danger" strong>
        {t('publicity.left.overdue', { n: -p.daysLeft })}
      </Typography.Text>
    );
  if (p.daysLeft === 0) return <Typography.Text type="warning">{t('publicity.left.today')}</Typography.Text>;
  const soon = p.workingDaysLeft !== null && p.workingDaysLeft <= 2;
  return (
    <Typography.Text type={soon ? 'warning' : undefined}>
      {p.workingDaysLeft !== null
        ? t('publicity.left.working', { n: p.workingDaysLeft })
        : t('publicity.left.days', { n: p.daysLeft })}
    </Typography.Text>
  );
}
