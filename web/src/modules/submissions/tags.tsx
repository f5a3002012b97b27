import { SUBMISSION_STATUS_NAMES, type SubmissionStatus } from '@fazhi/common';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import i18n, { bilingual } from '../../app/i18n/index.ts';

const COLOUR: Record<SubmissionStatus, string> = {
  draft: 'default',
  signed: 'processing',
  accepted: 'success',
  returned: 'warning',
};

/** 2021年度 / 2021年第3季度. */
export function periodName(period: string): string {
  const [year, q] = period.split('-Q');
  return q ? i18n.t('submissions.period.quarter', { year, q }) : i18n.t('submissions.period.year', { year });
}

export function SubmissionStatusTag({ status, late }: { status: SubmissionStatus; late?: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <Tag color={COLOUR[status]}>{bilingual(SUBMISSION_STATUS_NAMES[status])}</Tag>
      {late && <Tag color="red">{t('submissions.late')}</Tag>}
    </Space>
  );
}
