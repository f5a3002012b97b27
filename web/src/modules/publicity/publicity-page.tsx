import { GlobalOutlined } from '@ant-design/icons';
import {
  PUBLICATION_STATUSES,
  PUBLICITY_DECISION_NAMES,
  type PublicationCounts,
  type PublicationResponse,
} from '@fazhi/common';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth.tsx';
import { bilingual } from '../../app/i18n/index.ts';
import { FilterBar, valuesToFilters } from '../../app/ui/filter-bar.tsx';
import { formatDateTime } from '../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../app/ui/page.tsx';
import { ProvisionalTag } from '../../app/ui/provisional.tsx';
import { ResponsiveTable } from '../../app/ui/responsive-table.tsx';
import { type Filters, useList } from '../../app/ui/use-list.ts';
import { UnitTreeSelect } from '../platform/units/unit-tree-select.tsx';
import { PUBLICITY_KEY, PublicationDrawer, WithdrawDialog } from './publication-drawer.tsx';
import { DueLabel, StatusTag } from './status.tsx';

/** The three "needs attention" filters travel as separate flags; the form shows them as one choice. */
const FLAGS = ['overdue', 'dueSoon', 'mustWithdraw'] as const;
type Flag = (typeof FLAGS)[number];

const toForm = (f: Filters) => ({
  ...f,
  unitId: f.unitId ? Number(f.unitId) : undefined,
  attention: FLAGS.find((k) => f[k] === 'true'),
});
const fromForm = ({ attention, ...v }: Record<string, unknown>): Filters => ({
  ...valuesToFilters(v),
  ...(attention ? { [attention as Flag]: 'true' } : {}),
});

// Overdue rows stand out; the table cells carry their own background, hence the td rule.
const ROW_STYLE = `.fz-pub-overdue > td { background: #fff1f0 !important; }
.fz-pub-overdue:hover > td { background: #ffe4e1 !important; }`;

export default function PublicityPage() {
  const { t } = useTranslation();
  const can = useCan();
  const list = useList<PublicationResponse>(PUBLICITY_KEY, '/api/publicity');
  const [openId, setOpenId] = useState<number | null>(null);
  const [withdrawing, setWithdrawing] = useState<PublicationResponse | null>(null);
  const counts = (list.query.data as { counts?: PublicationCounts } | undefined)?.counts;

  const stat = (key: keyof PublicationCounts, filters: Filters, color?: string) => (
    <Col xs={12} md={8} lg={4} key={key}>
      <Card size="small" hoverable onClick={() => list.setFilters(filters)}>
        <Statistic
          title={t(`publicity.counts.${key}`)}
          value={counts?.[key] ?? 0}
          styles={{ content: color && counts?.[key] ? { color } : undefined }}
        />
      </Card>
    </Col>
  );

  return (
    <Page
      title={t('publicity.title')}
      extra={
        <Button icon={<GlobalOutlined />} href="/public/publicity" target="_blank">
          {t('publicity.portal')}
        </Button>
      }
    >
      <style>{ROW_STYLE}</style>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('publicity.hint')} />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {stat('pending', { status: 'pending' })}
        {stat('overdue', { overdue: 'true' }, '#cf1322')}
        {stat('dueSoon', { dueSoon: 'true' }, '#d46b08')}
        {stat('mustWithdraw', { mustWithdraw: 'true' }, '#cf1322')}
        {stat('published', { status: 'published' })}
      </Row>
      <FilterBar filters={list.filters} onChange={list.setFilters} toForm={toForm} fromForm={fromForm}>
        <Form.Item name="unitId" label={t('publicity.filter.unit')}>
          <UnitTreeSelect allowClear style={{ width: 200 }} placeholder={t('common.all')} />
        </Form.Item>
        <Form.Item name="status" label={t('publicity.filter.status')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 120 }}
            options={PUBLICATION_STATUSES.map((s) => ({ value: s, label: t(`publicity.status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="attention" label={t('publicity.filter.attention')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 150 }}
            options={FLAGS.map((f) => ({ value: f, label: t(`publicity.filter.${f}`) }))}
          />
        </Form.Item>
        <Form.Item name="q" label={t('common.keyword')}>
          <Input allowClear placeholder={t('publicity.filter.keywordHint')} style={{ width: 200 }} />
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={list.query.error} onRetry={() => list.query.refetch()} />
      <div className="fz-panel" style={{ padding: 0 }}>
        <ResponsiveTable<PublicationResponse>
          rowKey="id"
          cardTitle="docNo"
          cardExtra="status"
          {...list.table}
          size="middle"
          scroll={{ x: 1330 }}
          rowClassName={(p) => (p.overdue || p.withdrawOverdue ? 'fz-pub-overdue' : '')}
          columns={[
            {
              title: t('publicity.col.docNo'),
              dataIndex: 'docNo',
              width: 300,
              fixed: 'left',
              render: (v: string, p) => (
                <div>
                  <Typography.Link onClick={() => setOpenId(p.id)}>{v}</Typography.Link>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {p.caseNo} · {p.caseTitle}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            { title: t('publicity.col.unit'), dataIndex: 'unitName', width: 140, ellipsis: true },
            {
              title: t('publicity.col.decision'),
              dataIndex: 'decisionKind',
              width: 110,
              render: (k: PublicationResponse['decisionKind']) => bilingual(PUBLICITY_DECISION_NAMES[k]),
            },
            { title: t('publicity.col.decidedOn'), dataIndex: 'decidedOn', width: 110 },
            {
              title: t('publicity.col.dueOn'),
              dataIndex: 'dueOn',
              width: 130,
              render: (d: string, p) => (
                <>
                  {d}
                  <ProvisionalTag provisional={p.dueProvisional} />
                </>
              ),
            },
            { title: t('publicity.col.left'), key: 'left', width: 150, render: (_, p) => <DueLabel p={p} /> },
            {
              title: t('publicity.col.status'),
              key: 'status',
              width: 210,
              render: (_, p) => <StatusTag p={p} />,
            },
            {
              title: t('publicity.col.publishedAt'),
              dataIndex: 'publishedAt',
              width: 170,
              render: (v: string | null) => formatDateTime(v),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 130,
              fixed: 'right',
              render: (_, p) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setOpenId(p.id)}>
                    {p.status === 'pending' && can('publicity.publish')
                      ? t('publicity.publish')
                      : t('publicity.view')}
                  </Button>
                  {p.status === 'published' && can('publicity.publish') && (
                    <Button type="link" size="small" danger onClick={() => setWithdrawing(p)}>
                      {t('publicity.withdraw')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </div>
      <PublicationDrawer id={openId} onClose={() => setOpenId(null)} onWithdraw={setWithdrawing} />
      <WithdrawDialog p={withdrawing} onClose={() => setWithdrawing(null)} />
    </Page>
  );
}
