import { PlusOutlined } from '@ant-design/icons';
import type { CommitteeMeetingListResponse, CommitteeMeetingResponse } from '@fazhi/common';
import { Alert, Button, Card, Col, Form, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FilterBar } from '../../../app/ui/filter-bar.tsx';
import { todayCst } from '../../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../../app/ui/page.tsx';
import { type Filters, useList } from '../../../app/ui/use-list.ts';
import { LIST_KEYS } from '../api.ts';
import { MEETINGS_PATH, MeetingDrawer } from './meeting-drawer.tsx';

const toForm = (f: Filters) => ({ ...f, year: f.year ? Number(f.year) : undefined });

/** 执法监督委员会: meetings with their topic reports, cases studied and decisions. */
export default function CommitteePage() {
  const { t } = useTranslation();
  const list = useList<CommitteeMeetingResponse>(LIST_KEYS.committee, MEETINGS_PATH);
  const [open, setOpen] = useState<{ meeting: CommitteeMeetingResponse | null; readOnly: boolean } | null>(
    null,
  );
  const data = list.query.data as CommitteeMeetingListResponse | undefined;
  const thisYear = Number(todayCst().slice(0, 4));
  const years = Array.from({ length: thisYear - 2020 }, (_, i) => thisYear - i);

  return (
    <Page
      title={t('supervision.committee.title')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setOpen({ meeting: null, readOnly: false })}
        >
          {t('supervision.committee.create')}
        </Button>
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('supervision.committee.hint')} />
      <FilterBar filters={list.filters} onChange={list.setFilters} toForm={toForm}>
        <Form.Item name="year" label={t('supervision.year')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 110 }}
            options={years.map((y) => ({ value: y, label: t('supervision.yearLabel', { year: y }) }))}
          />
        </Form.Item>
      </FilterBar>
      {data && (
        <Row gutter={12} style={{ marginBottom: 12 }}>
          {(
            [
              ['supervision.committee.stat.meetings', data.total],
              ['supervision.committee.stat.reports', data.topicReports],
              ['supervision.committee.stat.cases', data.casesStudied],
            ] as const
          ).map(([key, n]) => (
            <Col xs={8} md={6} xl={4} key={key}>
              <Card size="small">
                <Statistic title={t(key)} value={n} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <ErrorAlert error={list.query.error} onRetry={() => list.query.refetch()} />
      <div className="fz-panel" style={{ padding: 0 }}>
        <Table<CommitteeMeetingResponse>
          rowKey="id"
          {...list.table}
          size="middle"
          scroll={{ x: 1100 }}
          columns={[
            { title: t('supervision.committee.col.heldOn'), dataIndex: 'heldOn', width: 110 },
            {
              title: t('supervision.committee.col.title'),
              dataIndex: 'title',
              width: 260,
              render: (v: string, m) => (
                <Typography.Link onClick={() => setOpen({ meeting: m, readOnly: true })}>{v}</Typography.Link>
              ),
            },
            {
              title: t('supervision.committee.col.reports'),
              key: 'reports',
              render: (_, m) => (
                <Space orientation="vertical" size={0}>
                  {m.topicReports.map((r) => (
                    <span key={r.title}>
                      {r.title} <Typography.Text type="secondary">（{r.reporter}）</Typography.Text>
                    </span>
                  ))}
                </Space>
              ),
            },
            {
              title: t('supervision.committee.col.cases'),
              key: 'cases',
              width: 200,
              render: (_, m) => (
                <Space orientation="vertical" size={0}>
                  {m.cases.map((c) => (
                    <Link key={c.id} to={`/cases/${c.id}`} title={c.title}>
                      {c.caseNo}
                    </Link>
                  ))}
                </Space>
              ),
            },
            {
              title: t('supervision.committee.col.decisions'),
              key: 'decisions',
              width: 90,
              align: 'right',
              render: (_, m) => m.decisions.length,
            },
            { title: t('supervision.committee.col.recordedBy'), dataIndex: 'recordedBy', width: 100 },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 90,
              fixed: 'right',
              render: (_, m) => (
                <Button type="link" size="small" onClick={() => setOpen({ meeting: m, readOnly: false })}>
                  {t('supervision.committee.edit')}
                </Button>
              ),
            },
          ]}
        />
      </div>
      <MeetingDrawer
        open={!!open}
        meeting={open?.meeting ?? null}
        readOnly={open?.readOnly ?? false}
        onClose={() => setOpen(null)}
      />
    </Page>
  );
}
