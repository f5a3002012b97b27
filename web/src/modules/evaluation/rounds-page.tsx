import { PlusOutlined } from '@ant-design/icons';
import {
  DEFAULT_PER_UNIT,
  MAX_PER_UNIT,
  quarterOf,
  type RoundCreateRequest,
  type RoundDetailResponse,
  type RoundResponse,
} from '@fazhi/common';
import { Alert, Badge, Button, Form, InputNumber, Progress, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { FilterBar } from '../../app/ui/filter-bar.tsx';
import { FormDialog } from '../../app/ui/form-dialog.tsx';
import { EMPTY, formatDateTime, todayCst } from '../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../app/ui/page.tsx';
import { required } from '../../app/ui/rules.ts';
import { useList } from '../../app/ui/use-list.ts';
import { EVALUATION_KEY, ROUNDS_KEY } from './api.ts';
import { periodName, RoundStatusTag } from './tags.tsx';
import { QUARTERS, yearOptions } from './years.ts';

type NewRound = Required<RoundCreateRequest>;

/** The quarter that ended last: the one normally evaluated now. */
function lastQuarter(): { year: number; quarter: number } {
  const now = quarterOf(todayCst());
  return now.quarter === 1
    ? { year: now.year - 1, quarter: 4 }
    : { year: now.year, quarter: now.quarter - 1 };
}

function NewRoundDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <FormDialog<NewRound, RoundDetailResponse>
      kind="modal"
      title={t('evaluation.rounds.createTitle')}
      open={open}
      onClose={onClose}
      initialValues={{ ...lastQuarter(), perUnit: DEFAULT_PER_UNIT }}
      okText={t('evaluation.rounds.create')}
      header={
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('evaluation.rounds.createHint')} />
      }
      submit={(v) => api.post<RoundDetailResponse>('/api/evaluation/rounds', v)}
      invalidate={[EVALUATION_KEY, [ROUNDS_KEY]]}
      success={(r) => t('evaluation.rounds.created', { n: r.samples.length })}
      onSuccess={(r) => navigate(`/evaluation/rounds/${r.id}`)}
    >
      <Form.Item name="year" label={t('evaluation.rounds.field.year')} rules={[required()]}>
        <Select options={yearOptions()} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="quarter" label={t('evaluation.rounds.field.quarter')} rules={[required()]}>
        <Select
          style={{ width: 160 }}
          options={QUARTERS.map((q) => ({ value: q, label: t('evaluation.quarter', { q }) }))}
        />
      </Form.Item>
      <Form.Item
        name="perUnit"
        label={t('evaluation.rounds.field.perUnit')}
        extra={t('evaluation.rounds.field.perUnitHint')}
        rules={[required()]}
      >
        <InputNumber min={1} max={MAX_PER_UNIT} precision={0} style={{ width: 160 }} />
      </Form.Item>
    </FormDialog>
  );
}

export default function RoundsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const list = useList<RoundResponse>(ROUNDS_KEY, '/api/evaluation/rounds');
  const [creating, setCreating] = useState(false);

  return (
    <Page
      title={t('evaluation.rounds.title')}
      extra={
        can('evaluation.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('evaluation.rounds.create')}
          </Button>
        )
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('evaluation.rounds.hint')} />
      <FilterBar filters={list.filters} onChange={list.setFilters}>
        <Form.Item name="year" label={t('evaluation.rounds.field.year')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 120 }}
            options={yearOptions().map((o) => ({ ...o, value: String(o.value) }))}
          />
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={list.query.error} onRetry={() => list.query.refetch()} />
      <div className="fz-panel" style={{ padding: 0 }}>
        <Table<RoundResponse>
          rowKey="id"
          {...list.table}
          size="middle"
          scroll={{ x: 1000 }}
          columns={[
            {
              title: t('evaluation.rounds.col.period'),
              key: 'period',
              width: 180,
              render: (_, r) => (
                <Link to={`/evaluation/rounds/${r.id}`}>{periodName(r.year, r.quarter)}</Link>
              ),
            },
            {
              title: t('evaluation.rounds.col.samples'),
              dataIndex: 'sampleCount',
              width: 100,
              align: 'right',
            },
            {
              title: t('evaluation.rounds.col.progress'),
              key: 'progress',
              width: 200,
              render: (_, r) => (
                <Progress
                  size="small"
                  percent={
                    r.sampleCount ? Math.round(((r.sampleCount - r.pending) / r.sampleCount) * 100) : 0
                  }
                  format={() => `${r.sampleCount - r.pending}/${r.sampleCount}`}
                  status={r.status === 'published' ? 'success' : 'active'}
                />
              ),
            },
            {
              title: t('evaluation.rounds.col.disputes'),
              dataIndex: 'disputed',
              width: 110,
              align: 'right',
              render: (n: number) =>
                n ? <Badge count={n} color="orange" /> : <Typography.Text>0</Typography.Text>,
            },
            {
              title: t('evaluation.rounds.col.average'),
              dataIndex: 'average',
              width: 100,
              align: 'right',
              render: (v: number | null) => (v === null ? EMPTY : v.toFixed(1)),
            },
            {
              title: t('evaluation.rounds.col.status'),
              dataIndex: 'status',
              width: 100,
              render: (s: RoundResponse['status']) => <RoundStatusTag status={s} />,
            },
            {
              title: t('evaluation.rounds.col.createdAt'),
              dataIndex: 'createdAt',
              width: 170,
              render: (v: string) => formatDateTime(v),
            },
            {
              title: t('evaluation.rounds.col.publishedAt'),
              dataIndex: 'publishedAt',
              width: 170,
              render: (v: string | null) => formatDateTime(v),
            },
          ]}
        />
      </div>
      <NewRoundDialog open={creating} onClose={() => setCreating(false)} />
    </Page>
  );
}
