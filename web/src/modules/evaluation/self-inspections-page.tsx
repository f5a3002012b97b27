import { PlusOutlined } from '@ant-design/icons';
import {
  SELF_INSPECTION_STATUSES,
  type SelfInspectionListResponse,
  type SelfInspectionResponse,
} from '@fazhi/common';
import { Alert, Button, Col, Form, Row, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth.tsx';
import { FilterBar, valuesToFilters } from '../../app/ui/filter-bar.tsx';
import { formatDateTime } from '../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../app/ui/page.tsx';
import { type Filters, useList } from '../../app/ui/use-list.ts';
import { Kpi } from '../dashboard/widgets.tsx';
import { UnitTreeSelect } from '../platform/units/unit-tree-select.tsx';
import { SELF_KEY } from './api.ts';
import { ChecklistDialog, InspectionDrawer, RectifyDialog } from './self-inspection-forms.tsx';
import { SelfStatusTag } from './tags.tsx';
import { yearOptions } from './years.ts';

const toForm = (f: Filters) => ({
  ...f,
  unit: f.unit ? Number(f.unit) : undefined,
  year: f.year ? Number(f.year) : undefined,
});

export default function SelfInspectionsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const list = useList<SelfInspectionResponse>(SELF_KEY, '/api/evaluation/self-inspections');
  const counts = (list.query.data as SelfInspectionListResponse | undefined)?.counts;
  const [creating, setCreating] = useState(false);
  const [viewing, setViewing] = useState<SelfInspectionResponse | null>(null);
  const [rectifying, setRectifying] = useState<SelfInspectionResponse | null>(null);

  return (
    <Page
      title={t('evaluation.self.title')}
      extra={
        can('supervision.answer') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('evaluation.self.submit')}
          </Button>
        )
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('evaluation.self.hint')} />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={8} md={6}>
          <Kpi
            title={t('evaluation.self.kpi.inspections')}
            value={counts?.inspections ?? 0}
            onClick={() => list.setFilters({ ...list.filters, status: '' })}
          />
        </Col>
        <Col xs={8} md={6}>
          <Kpi title={t('evaluation.self.kpi.problems')} value={counts?.problems ?? 0} color="#d46b08" />
        </Col>
        <Col xs={8} md={6}>
          <Kpi
            title={t('evaluation.self.kpi.open')}
            value={counts?.open ?? 0}
            color={counts?.open ? '#cf1322' : undefined}
            onClick={() => list.setFilters({ ...list.filters, status: 'open' })}
          />
        </Col>
      </Row>
      <FilterBar filters={list.filters} onChange={list.setFilters} toForm={toForm} fromForm={valuesToFilters}>
        <Form.Item name="unit" label={t('evaluation.self.unit')}>
          <UnitTreeSelect allowClear style={{ width: 200 }} placeholder={t('common.all')} />
        </Form.Item>
        <Form.Item name="year" label={t('evaluation.rounds.field.year')}>
          <Select allowClear placeholder={t('common.all')} style={{ width: 110 }} options={yearOptions()} />
        </Form.Item>
        <Form.Item name="status" label={t('common.status')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 120 }}
            options={SELF_INSPECTION_STATUSES.map((s) => ({
              value: s,
              label: t(`evaluation.self.status.${s}`),
            }))}
          />
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={list.query.error} onRetry={() => list.query.refetch()} />
      <div className="fz-panel" style={{ padding: 0 }}>
        <Table<SelfInspectionResponse>
          rowKey="id"
          {...list.table}
          size="middle"
          scroll={{ x: 1000 }}
          columns={[
            { title: t('evaluation.self.col.unit'), dataIndex: 'unitName', ellipsis: true },
            { title: t('evaluation.self.col.period'), dataIndex: 'period', width: 110 },
            {
              title: t('evaluation.self.col.problems'),
              dataIndex: 'problems',
              width: 110,
              render: (n: number) =>
                n ? (
                  <Tag color="orange">{t('evaluation.self.problemsCount', { n })}</Tag>
                ) : (
                  <Tag color="green">{t('evaluation.self.noProblems')}</Tag>
                ),
            },
            {
              title: t('evaluation.self.col.status'),
              dataIndex: 'status',
              width: 100,
              render: (s: SelfInspectionResponse['status']) => <SelfStatusTag status={s} />,
            },
            { title: t('evaluation.self.col.submittedBy'), dataIndex: 'submittedBy', width: 100 },
            {
              title: t('evaluation.self.col.submittedAt'),
              dataIndex: 'submittedAt',
              width: 170,
              render: (v: string) => formatDateTime(v),
            },
            {
              title: t('evaluation.self.col.rectifiedAt'),
              dataIndex: 'rectifiedAt',
              width: 170,
              render: (v: string | null) => formatDateTime(v),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 140,
              fixed: 'right',
              render: (_, s) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setViewing(s)}>
                    {t('evaluation.self.view')}
                  </Button>
                  {s.actions.includes('rectify') && (
                    <Button type="link" size="small" onClick={() => setRectifying(s)} data-action="rectify">
                      {t('evaluation.self.rectify')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </div>
      {creating && <ChecklistDialog open={creating} onClose={() => setCreating(false)} />}
      <InspectionDrawer s={viewing} onClose={() => setViewing(null)} />
      <RectifyDialog s={rectifying} onClose={() => setRectifying(null)} />
    </Page>
  );
}
