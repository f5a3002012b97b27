import { ReloadOutlined, RightOutlined } from '@ant-design/icons';
import type { CaseSummary } from '@fazhi/common';
import { useQuery } from '@tanstack/react-query';
import { Button, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../../app/api.ts';
import { EMPTY, formatDateTime } from '../../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../../app/ui/page.tsx';
import { FlagTags, TypeTag } from '../case-tags.tsx';
import { Clock } from '../clock.tsx';
import { decisionName, gateName } from '../names.ts';

/** A queue is short; the server's page limit is far above what waits at one reviewer's gate. */
const QUEUE_LIMIT = 500;
const waitingDays = (iso: string) => Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 86_400_000));

/** 待我审核: cases at a gate I may act on, the longest-waiting first. */
export default function ReviewQueuePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const q = useQuery({
    queryKey: ['cases', 'review-queue'],
    queryFn: () =>
      api.get<{ items: CaseSummary[]; total: number }>('/api/cases', { atMyGate: 1, pageSize: QUEUE_LIMIT }),
  });
  // the case's last change is its arrival at this gate: oldest first
  const items = [...(q.data?.items ?? [])].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  const open = (c: CaseSummary) => navigate(`/cases/${c.id}?tab=reviews`);

  return (
    <Page
      title={t('cases.queue.title')}
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => q.refetch()} loading={q.isFetching}>
          {t('common.refresh')}
        </Button>
      }
    >
      <ErrorAlert error={q.error} onRetry={() => q.refetch()} />
      <div className="fz-panel" style={{ padding: 0 }}>
        <Table<CaseSummary>
          rowKey="id"
          size="middle"
          loading={q.isFetching}
          dataSource={items}
          pagination={items.length > 50 ? { pageSize: 50 } : false}
          scroll={{ x: 1200 }}
          locale={{ emptyText: t('cases.queue.empty') }}
          onRow={(c) => ({ onDoubleClick: () => open(c), style: { cursor: 'pointer' } })}
          title={() =>
            q.data && (
              <Typography.Text type="secondary">
                {t('cases.queue.count', { count: q.data.total })}
              </Typography.Text>
            )
          }
          columns={[
            {
              title: t('cases.queue.waiting'),
              dataIndex: 'updatedAt',
              width: 170,
              render: (v: string) => (
                <div>
                  <div>{formatDateTime(v)}</div>
                  <Typography.Text
                    type={waitingDays(v) >= 3 ? 'warning' : 'secondary'}
                    style={{ fontSize: 12 }}
                  >
                    {t('cases.queue.waitingDays', { count: waitingDays(v) })}
                  </Typography.Text>
                </div>
              ),
            },
            {
              title: t('cases.field.caseNo'),
              dataIndex: 'caseNo',
              width: 130,
              render: (v: string, c) => (
                <Link to={`/cases/${c.id}?tab=reviews`} className="fz-mono">
                  {v}
                </Link>
              ),
            },
            {
              title: t('cases.field.title'),
              dataIndex: 'title',
              width: 260,
              render: (v: string, c) => (
                <div>
                  <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 240 }}>
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
              title: t('cases.field.currentGate'),
              dataIndex: 'currentGate',
              width: 130,
              render: (g: CaseSummary['currentGate']) => (g ? gateName(g) : EMPTY),
            },
            {
              title: t('cases.proposal.kind'),
              dataIndex: 'proposedDecision',
              width: 120,
              render: (k: CaseSummary['proposedDecision']) => (k ? decisionName(k) : EMPTY),
            },
            { title: t('cases.field.unit'), dataIndex: 'unitName', width: 150, ellipsis: true },
            { title: t('cases.field.leadOfficer'), dataIndex: 'leadOfficerName', width: 100 },
            {
              title: t('cases.field.clock'),
              key: 'clock',
              width: 130,
              render: (_: unknown, c) => <Clock clock={c.clock} />,
            },
            {
              title: t('common.actions'),
              key: 'open',
              width: 100,
              fixed: 'right',
              render: (_: unknown, c) => (
                <Button type="primary" size="small" onClick={() => open(c)}>
                  {t('cases.queue.review')} <RightOutlined />
                </Button>
              ),
            },
          ]}
        />
      </div>
    </Page>
  );
}
