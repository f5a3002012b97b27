import { PlusOutlined } from '@ant-design/icons';
import { CASE_STATUSES, CASE_TYPES, type CaseSummary } from '@fazhi/common';
import { Button, Checkbox, DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../../app/auth.tsx';
import { FilterBar } from '../../../app/ui/filter-bar.tsx';
import { EMPTY, formatDateTime } from '../../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../../app/ui/page.tsx';
import { ResponsiveTable } from '../../../app/ui/responsive-table.tsx';
import { type Filters, useList } from '../../../app/ui/use-list.ts';
import { UnitTreeSelect } from '../../platform/units/unit-tree-select.tsx';
import { FlagTags, isTerminal, StatusTag, TypeTag } from '../case-tags.tsx';
import { Clock } from '../clock.tsx';
import { caseTypeName, gateName, statusName } from '../names.ts';
import { CaseCreateDrawer } from './case-create-drawer.tsx';

type FormValues = Record<string, unknown>;
const FLAGS = ['atMyGate', 'overdue'] as const;

// The address bar holds text; the form wants a unit id, booleans and a date range.
const toForm = (f: Filters): FormValues => ({
  ...f,
  unitId: f.unitId ? Number(f.unitId) : undefined,
  atMyGate: f.atMyGate === '1',
  overdue: f.overdue === '1',
  received: f.from && f.to ? [dayjs(f.from), dayjs(f.to)] : undefined,
});

function fromForm({ received, ...v }: FormValues): Filters {
  const f: Filters = {};
  for (const [k, val] of Object.entries(v)) {
    if (FLAGS.includes(k as (typeof FLAGS)[number])) {
      if (val) f[k] = '1';
    } else if (val !== undefined && val !== null && String(val).trim()) f[k] = String(val).trim();
  }
  const range = received as [Dayjs, Dayjs] | undefined;
  if (range) {
    f.from = range[0].format('YYYY-MM-DD');
    f.to = range[1].format('YYYY-MM-DD');
  }
  return f;
}

export default function CasesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const list = useList<CaseSummary>('cases', '/api/cases');
  const [creating, setCreating] = useState(false);

  return (
    <Page
      title={t('cases.list.title')}
      extra={
        can('case.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('cases.create.button')}
          </Button>
        )
      }
    >
      <FilterBar filters={list.filters} onChange={list.setFilters} toForm={toForm} fromForm={fromForm}>
        <Form.Item name="caseType" label={t('cases.field.caseType')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 110 }}
            options={CASE_TYPES.map((v) => ({ value: v, label: caseTypeName(v) }))}
          />
        </Form.Item>
        <Form.Item name="status" label={t('common.status')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 150 }}
            options={CASE_STATUSES.map((v) => ({ value: v, label: statusName(v) }))}
          />
        </Form.Item>
        <Form.Item name="unitId" label={t('cases.field.unit')}>
          <UnitTreeSelect allowClear style={{ width: 200 }} placeholder={t('common.all')} />
        </Form.Item>
        <Form.Item name="received" label={t('cases.field.receivedAt')}>
          <DatePicker.RangePicker style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="q" label={t('common.keyword')}>
          <Input allowClear placeholder={t('cases.list.searchHint')} style={{ width: 200 }} />
        </Form.Item>
        {can('case.review') && (
          <Form.Item name="atMyGate" valuePropName="checked">
            <Checkbox>{t('cases.list.atMyGate')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item name="overdue" valuePropName="checked">
          <Checkbox>{t('cases.list.overdueOnly')}</Checkbox>
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={list.query.error} onRetry={() => list.query.refetch()} />
      <div className="fz-panel" style={{ padding: 0 }}>
        <ResponsiveTable<CaseSummary>
          rowKey="id"
          cardTitle="caseNo"
          cardExtra="status"
          {...list.table}
          size="middle"
          scroll={{ x: 1280 }}
          onRow={(c) => ({ onDoubleClick: () => navigate(`/cases/${c.id}`) })}
          columns={[
            {
              title: t('cases.field.caseNo'),
              dataIndex: 'caseNo',
              width: 130,
              fixed: 'left',
              render: (v: string, c) => (
                <Link to={`/cases/${c.id}`} className="fz-mono">
                  {v}
                </Link>
              ),
            },
            {
              title: t('cases.field.title'),
              dataIndex: 'title',
              width: 280,
              render: (v: string, c) => (
                <div>
                  <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 260 }}>
                    {v}
                  </Typography.Text>
                  <div>
                    <FlagTags c={c} />
                  </div>
                </div>
              ),
            },
            {
              title: t('cases.field.caseType'),
              dataIndex: 'caseType',
              width: 110,
              render: (v: CaseSummary['caseType']) => <TypeTag type={v} />,
            },
            {
              title: t('common.status'),
              dataIndex: 'status',
              width: 130,
              render: (_: unknown, c) => <StatusTag c={c} />,
            },
            { title: t('cases.field.unit'), dataIndex: 'unitName', width: 160, ellipsis: true },
            { title: t('cases.field.leadOfficer'), dataIndex: 'leadOfficerName', width: 100 },
            {
              title: t('cases.field.currentGate'),
              dataIndex: 'currentGate',
              width: 130,
              render: (g: CaseSummary['currentGate'], c) =>
                c.status === 'in_review' && g ? gateName(g) : EMPTY,
            },
            {
              title: t('cases.field.clock'),
              key: 'clock',
              width: 130,
              render: (_: unknown, c) => <Clock clock={c.clock} stopped={isTerminal(c.status)} />,
            },
            {
              title: t('cases.field.receivedAt'),
              dataIndex: 'receivedAt',
              width: 165,
              render: (v: string) => formatDateTime(v),
            },
          ]}
        />
      </div>
      <CaseCreateDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => navigate(`/cases/${c.id}`)}
      />
    </Page>
  );
}
