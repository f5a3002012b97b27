import { BellOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { COLLECTION_STATUS_NAMES, type CollectionFormResponse } from '@fazhi/common';
import { Alert, Button, Descriptions, Popconfirm, Progress, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { bilingual } from '../../app/i18n/index.ts';
import { useAction } from '../../app/ui/action.ts';
import { EMPTY, formatDate, formatDateTime } from '../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../app/ui/page.tsx';
import { SUBMISSIONS_KEY, useCollection } from './api.ts';
import { periodName, SubmissionStatusTag } from './tags.tsx';

/** One round: each department's form, status and late flag; remind the late ones, close when done. */
export default function RoundPage() {
  const { t } = useTranslation();
  const can = useCan();
  const id = Number(useParams().id);
  const query = useCollection(id);
  const r = query.data;
  const remind = useAction(() => api.post<{ reminded: number }>(`/api/reports/collections/${id}/remind`), {
    invalidate: [SUBMISSIONS_KEY],
    success: (x) => t('submissions.round.reminded', { n: x.reminded }),
  });
  const close = useAction(() => api.post(`/api/reports/collections/${id}/close`), {
    invalidate: [SUBMISSIONS_KEY],
    success: t('submissions.round.closed'),
  });
  const manage = can('report.manage') && r?.status === 'open';
  return (
    <Page
      title={r?.title ?? ''}
      extra={
        manage && (
          <Space>
            <Popconfirm title={t('submissions.round.remindConfirm')} onConfirm={() => remind.run(undefined)}>
              <Button icon={<BellOutlined />} disabled={!r?.late} loading={remind.isPending}>
                {t('submissions.round.remind')}
              </Button>
            </Popconfirm>
            <Button
              icon={<CheckCircleOutlined />}
              disabled={!r || r.accepted < r.total}
              loading={close.isPending}
              onClick={() => close.run(undefined)}
            >
              {t('submissions.round.close')}
            </Button>
          </Space>
        )
      }
    >
      <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
      {r && (
        <>
          {r.fallbackOwners.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('submissions.round.fallback', { codes: r.fallbackOwners.join('、') })}
            />
          )}
          <div className="fz-panel" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t('submissions.col.period')}>
                {periodName(r.period)}
              </Descriptions.Item>
              <Descriptions.Item label={t('submissions.col.dueOn')}>{formatDate(r.dueOn)}</Descriptions.Item>
              <Descriptions.Item label={t('submissions.col.status')}>
                <Tag>{bilingual(COLLECTION_STATUS_NAMES[r.status])}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('submissions.col.submitted')}>
                <Progress
                  size="small"
                  style={{ width: 200 }}
                  percent={r.total ? Math.round((r.submitted / r.total) * 100) : 0}
                  format={() => `${r.submitted}/${r.total}`}
                />
              </Descriptions.Item>
              <Descriptions.Item label={t('submissions.col.late')}>
                <Typography.Text type={r.late ? 'danger' : undefined}>{r.late}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('submissions.col.createdBy')}>
                {r.createdByName ?? EMPTY}
              </Descriptions.Item>
            </Descriptions>
          </div>
          <Typography.Title level={5}>{t('submissions.round.forms')}</Typography.Title>
          <div className="fz-panel" style={{ padding: 0 }}>
            <Table<CollectionFormResponse>
              rowKey="submissionId"
              dataSource={r.forms}
              pagination={false}
              size="middle"
              scroll={{ x: 1000 }}
              columns={[
                {
                  title: t('submissions.col.unit'),
                  key: 'unit',
                  render: (_, f) => <Link to={`/submissions/${f.submissionId}`}>{f.unitName}</Link>,
                },
                {
                  title: t('submissions.col.status'),
                  key: 'status',
                  width: 160,
                  render: (_, f) => <SubmissionStatusTag status={f.status} late={f.late} />,
                },
                {
                  title: t('submissions.col.progress'),
                  key: 'filled',
                  width: 100,
                  render: (_, f) => `${f.filledCount}/${f.metricCount}`,
                },
                { title: t('submissions.col.signedBy'), dataIndex: 'signedByName', width: 100 },
                {
                  title: t('submissions.col.signedAt'),
                  dataIndex: 'signedAt',
                  width: 170,
                  render: (v: string | null) => formatDateTime(v),
                },
                {
                  title: t('submissions.col.remindedAt'),
                  dataIndex: 'remindedAt',
                  width: 170,
                  render: (v: string | null) => formatDateTime(v),
                },
                {
                  title: t('submissions.col.returnReason'),
                  dataIndex: 'returnReason',
                  ellipsis: true,
                  render: (v: string | null) => v ?? EMPTY,
                },
              ]}
            />
          </div>
        </>
      )}
    </Page>
  );
}
