import { PlusOutlined } from '@ant-design/icons';
import {
  COLLECTION_STATUS_NAMES,
  type CollectionDetailResponse,
  type CollectionListResponse,
  type CollectionResponse,
} from '@fazhi/common';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, DatePicker, Form, Input, Progress, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { bilingual } from '../../app/i18n/index.ts';
import { FormDialog } from '../../app/ui/form-dialog.tsx';
import { formatDate, formatDateTime, todayCst } from '../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../app/ui/page.tsx';
import { required } from '../../app/ui/rules.ts';
import { SUBMISSIONS_KEY } from './api.ts';
import { periodName } from './tags.tsx';

interface NewRound {
  title: string;
  year: number;
  quarter: number;
  dueOn: Dayjs;
}

function NewRoundDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const thisYear = Number(todayCst().slice(0, 4));
  const years = Array.from({ length: thisYear - 2020 }, (_, i) => thisYear - i);
  return (
    <FormDialog<NewRound, CollectionDetailResponse>
      kind="modal"
      title={t('submissions.rounds.createTitle')}
      open={open}
      onClose={onClose}
      initialValues={{
        year: thisYear - 1,
        quarter: 0,
        title: t('submissions.period.year', { year: thisYear - 1 }),
        dueOn: dayjs(todayCst()).add(14, 'day'),
      }}
      okText={t('submissions.rounds.create')}
      submit={(v) =>
        api.post<CollectionDetailResponse>('/api/reports/collections', {
          title: v.title,
          period: v.quarter ? `${v.year}-Q${v.quarter}` : String(v.year),
          dueOn: v.dueOn.format('YYYY-MM-DD'),
        })
      }
      invalidate={[SUBMISSIONS_KEY]}
      success={(r) => t('submissions.rounds.created', { n: r.forms.length })}
      onSuccess={(r) => navigate(`/submissions/rounds/${r.id}`)}
    >
      <Form.Item name="title" label={t('submissions.rounds.field.title')} rules={[required()]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="year" label={t('submissions.rounds.field.year')} rules={[required()]}>
        <Select style={{ width: 160 }} options={years.map((y) => ({ value: y, label: String(y) }))} />
      </Form.Item>
      <Form.Item name="quarter" label={t('submissions.rounds.field.quarter')}>
        <Select
          style={{ width: 160 }}
          options={[0, 1, 2, 3, 4].map((q) => ({
            value: q,
            label: q ? t('submissions.rounds.quarterN', { q }) : t('submissions.rounds.wholeYear'),
          }))}
        />
      </Form.Item>
      <Form.Item name="dueOn" label={t('submissions.rounds.field.dueOn')} rules={[required()]}>
        <DatePicker disabledDate={(d) => d.isBefore(dayjs(todayCst()), 'day')} />
      </Form.Item>
    </FormDialog>
  );
}

/** The detachment's rounds with progress: submitted of total, late ones. */
export default function RoundsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const query = useQuery({
    queryKey: [...SUBMISSIONS_KEY, 'rounds'],
    queryFn: ({ signal }) =>
      api.get<CollectionListResponse>('/api/reports/collections', undefined, { signal }),
  });
  return (
    <Page
      title={t('submissions.rounds.title')}
      extra={
        can('report.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('submissions.rounds.create')}
          </Button>
        )
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('submissions.rounds.hint')} />
      <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
      <div className="fz-panel" style={{ padding: 0 }}>
        <Table<CollectionResponse>
          rowKey="id"
          dataSource={query.data?.items}
          loading={query.isFetching}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          size="middle"
          scroll={{ x: 1000 }}
          columns={[
            {
              title: t('submissions.col.round'),
              key: 'title',
              render: (_, r) => <Link to={`/submissions/rounds/${r.id}`}>{r.title}</Link>,
            },
            { title: t('submissions.col.period'), dataIndex: 'period', width: 140, render: periodName },
            { title: t('submissions.col.dueOn'), dataIndex: 'dueOn', width: 120, render: formatDate },
            {
              title: t('submissions.col.submitted'),
              key: 'progress',
              width: 200,
              render: (_, r) => (
                <Progress
                  size="small"
                  percent={r.total ? Math.round((r.submitted / r.total) * 100) : 0}
                  format={() => `${r.submitted}/${r.total}`}
                  status={r.accepted === r.total ? 'success' : 'active'}
                />
              ),
            },
            {
              title: t('submissions.col.late'),
              dataIndex: 'late',
              width: 90,
              align: 'right',
              render: (n: number) => (n ? <Badge count={n} color="red" /> : 0),
            },
            {
              title: t('submissions.col.status'),
              dataIndex: 'status',
              width: 100,
              render: (s: CollectionResponse['status']) => (
                <Tag color={s === 'open' ? 'processing' : 'default'}>
                  {bilingual(COLLECTION_STATUS_NAMES[s])}
                </Tag>
              ),
            },
            { title: t('submissions.col.createdBy'), dataIndex: 'createdByName', width: 110 },
            {
              title: t('submissions.col.updatedAt'),
              dataIndex: 'createdAt',
              width: 170,
              render: (v: string) => formatDateTime(v),
            },
          ]}
        />
      </div>
      <NewRoundDialog open={creating} onClose={() => setCreating(false)} />
    </Page>
  );
}
