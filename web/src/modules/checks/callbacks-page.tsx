import {
  CALLBACK_REASONS,
  CALLBACK_STATUSES,
  type CallbackCounts,
  type CallbackResponse,
  FOLLOW_UP_FILTERS,
  SATISFACTIONS,
} from '@fazhi/common';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/auth.tsx';
import { FilterBar } from '../../app/ui/filter-bar.tsx';
import { formatDateTime } from '../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../app/ui/page.tsx';
import { type Filters, useList } from '../../app/ui/use-list.ts';
import { UnitTreeSelect } from '../platform/units/unit-tree-select.tsx';
import { CALLBACK_LIST, CALLBACK_PATH } from './api.ts';
import { CallDialog, FollowUpDialog } from './callback-dialogs.tsx';
import { CallbackStatusTag, FollowUpTag, SatisfactionTag } from './tags.tsx';

const toForm = (f: Filters) => ({ ...f, unit: f.unit ? Number(f.unit) : undefined });

/**
 * 民意回访: the inspectorate's calls to make and the record of answers; with `followUps`, the
 * 二次查办 view a unit works from (only call-backs that have one, open ones first).
 */
export function CallbackList({ followUps = false }: { followUps?: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const list = useList<CallbackResponse>(
    followUps ? `${CALLBACK_LIST}.followUps` : CALLBACK_LIST,
    CALLBACK_PATH,
  );
  const { filters, setFilters } = list;
  const counts = (list.query.data as { counts?: CallbackCounts } | undefined)?.counts;
  const [calling, setCalling] = useState<CallbackResponse | null>(null);
  const [following, setFollowing] = useState<CallbackResponse | null>(null);
  // The follow-up view always lists call-backs with a 二次查办 (any, unless a narrower filter is set).
  useEffect(() => {
    if (followUps && !filters.followUp) setFilters({ ...filters, followUp: 'any' });
  }, [followUps, filters, setFilters]);

  const stat = (key: keyof CallbackCounts, next: Filters, color?: string) => (
    <Col xs={12} md={8} lg={4} key={key}>
      <Card size="small" hoverable onClick={() => setFilters(next)}>
        <Statistic
          title={t(`checks.callbacks.counts.${key}`)}
          value={counts?.[key] ?? 0}
          styles={{ content: color && counts?.[key] ? { color } : undefined }}
        />
      </Card>
    </Col>
  );

  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {!followUps && stat('pending', { status: 'pending' }, '#1677ff')}
        {!followUps && stat('done', { status: 'done' })}
        {!followUps && stat('unreachable', { status: 'unreachable' })}
        {stat('dissatisfied', { satisfaction: 'dissatisfied' }, '#cf1322')}
        {stat('followUpOpen', { followUp: 'open' }, '#d48806')}
        {stat('followUpOverdue', { followUp: 'overdue' }, '#cf1322')}
      </Row>
      <FilterBar filters={filters} onChange={setFilters} toForm={toForm}>
        {!followUps && (
          <Form.Item name="status" label={t('checks.callbacks.filter.status')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 120 }}
              options={CALLBACK_STATUSES.map((s) => ({ value: s, label: t(`checks.status.${s}`) }))}
            />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('checks.callbacks.filter.reason')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 140 }}
            options={CALLBACK_REASONS.map((r) => ({ value: r, label: t(`checks.reason.${r}`) }))}
          />
        </Form.Item>
        {!followUps && (
          <Form.Item name="satisfaction" label={t('checks.callbacks.filter.satisfaction')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 120 }}
              options={SATISFACTIONS.map((s) => ({ value: s, label: t(`checks.satisfaction.${s}`) }))}
            />
          </Form.Item>
        )}
        <Form.Item name="followUp" label={t('checks.callbacks.filter.followUp')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 140 }}
            options={FOLLOW_UP_FILTERS.map((f) => ({
              value: f,
              label: t(`checks.callbacks.followUpFilter.${f}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="unit" label={t('checks.unit')}>
          <UnitTreeSelect allowClear style={{ width: 200 }} placeholder={t('common.all')} />
        </Form.Item>
        <Form.Item name="q" label={t('checks.keyword')}>
          <Input allowClear style={{ width: 170 }} />
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={list.query.error} onRetry={() => list.query.refetch()} />
      <div className="fz-panel" style={{ padding: 0 }}>
        <Table<CallbackResponse>
          rowKey="id"
          {...list.table}
          size="middle"
          scroll={{ x: followUps ? 1030 : 1220 }}
          // In the 二次查办 view every row was called and dissatisfied: those columns say nothing.
          columns={[
            {
              title: t('checks.callbacks.col.incident'),
              key: 'incident',
              width: 250,
              fixed: 'left',
              render: (_, c) => (
                <div>
                  {can('incident.read') ? (
                    <Link to={`/incidents/${c.incidentId}`}>{c.incidentNo}</Link>
                  ) : (
                    c.incidentNo
                  )}
                  {c.reason === 'burglary' && (
                    <Tag color="volcano" style={{ marginLeft: 6 }}>
                      {t('checks.reason.burglary')}
                    </Tag>
                  )}
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(c.receivedAt)} · {c.categoryName}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            { title: t('checks.unit'), dataIndex: 'unitName', width: 120, ellipsis: true },
            {
              title: t('checks.callbacks.col.caller'),
              key: 'caller',
              width: 110,
              render: (_, c) => (
                <div>
                  {c.callerName || '—'}
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.hasPhone ? c.callerPhone : t('checks.callbacks.noPhone')}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            { title: t('checks.callbacks.col.createdOn'), dataIndex: 'createdOn', width: 100 },
            {
              title: t('checks.callbacks.col.status'),
              key: 'status',
              hidden: followUps,
              width: 100,
              render: (_, c) => <CallbackStatusTag cb={c} />,
            },
            {
              title: t('checks.callbacks.col.satisfaction'),
              dataIndex: 'satisfaction',
              hidden: followUps,
              width: 90,
              render: (s: CallbackResponse['satisfaction']) => <SatisfactionTag value={s} />,
            },
            {
              title: t('checks.callbacks.col.note'),
              key: 'note',
              width: 220,
              render: (_, c) => (
                <div>
                  {c.note && <div>{c.note}</div>}
                  {c.followUpResult && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('checks.followUpDialog.result')}：{c.followUpResult}
                      {c.followUpBy && `（${c.followUpBy}）`}
                    </Typography.Text>
                  )}
                </div>
              ),
            },
            {
              title: t('checks.callbacks.col.followUp'),
              key: 'followUp',
              width: 140,
              render: (_, c) => <FollowUpTag cb={c} />,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 90,
              fixed: 'right',
              render: (_, c) => (
                <Space size={0}>
                  {c.actions.includes('call') && (
                    <Button type="link" size="small" onClick={() => setCalling(c)}>
                      {t('checks.callbacks.call')}
                    </Button>
                  )}
                  {c.actions.includes('followUp') && (
                    <Button type="link" size="small" onClick={() => setFollowing(c)}>
                      {t('checks.callbacks.followUp')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </div>
      <CallDialog cb={calling} onClose={() => setCalling(null)} />
      <FollowUpDialog cb={following} onClose={() => setFollowing(null)} />
    </>
  );
}

export default function CallbacksPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('checks.callbacks.title')}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('checks.callbacks.hint')} />
      <CallbackList />
    </Page>
  );
}
