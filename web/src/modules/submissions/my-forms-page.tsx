import type { SubmissionListResponse, SubmissionSummaryResponse } from '@fazhi/common';
import { useQuery } from '@tanstack/react-query';
import { Alert, Progress, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api.ts';
import { formatDate, formatDateTime } from '../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../app/ui/page.tsx';
import { SUBMISSIONS_KEY } from './api.ts';
import { periodName, SubmissionStatusTag } from './tags.tsx';

/** A department's forms, open ones first (late ones in red), then the accepted history. */
export default function MyFormsPage() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: [...SUBMISSIONS_KEY, 'mine'],
    queryFn: ({ signal }) =>
      api.get<SubmissionListResponse>('/api/reports/submissions', { mine: 'true' }, { signal }),
  });
  return (
    <Page title={t('submissions.mine.title')}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('submissions.mine.hint')} />
      <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
      <div className="fz-panel" style={{ padding: 0 }}>
        <Table<SubmissionSummaryResponse>
          rowKey="id"
          dataSource={query.data?.items}
          loading={query.isFetching}
          locale={{ emptyText: t('submissions.mine.empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          size="middle"
          scroll={{ x: 900 }}
          columns={[
            {
              title: t('submissions.col.round'),
              key: 'round',
              render: (_, r) => <Link to={`/submissions/${r.id}`}>{r.roundTitle}</Link>,
            },
            { title: t('submissions.col.period'), dataIndex: 'period', width: 140, render: periodName },
            {
              title: t('submissions.col.dueOn'),
              dataIndex: 'dueOn',
              width: 120,
              render: (v: string, r) => (
                <Typography.Text type={r.late ? 'danger' : undefined}>{formatDate(v)}</Typography.Text>
              ),
            },
            {
              title: t('submissions.col.progress'),
              key: 'progress',
              width: 180,
              render: (_, r) => (
                <Progress
                  size="small"
                  percent={r.metricCount ? Math.round((r.filledCount / r.metricCount) * 100) : 0}
                  format={() => `${r.filledCount}/${r.metricCount}`}
                />
              ),
            },
            {
              title: t('submissions.col.status'),
              key: 'status',
              width: 160,
              render: (_, r) => <SubmissionStatusTag status={r.status} late={r.late} />,
            },
            {
              title: t('submissions.col.remindedAt'),
              dataIndex: 'remindedAt',
              width: 170,
              render: (v: string | null) => formatDateTime(v),
            },
          ]}
        />
      </div>
    </Page>
  );
}
