import { ReloadOutlined, RightOutlined } from '@ant-design/icons';
import type { TaskResponse } from '@fazhi/common';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Input, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../app/api.ts';
import { useAction } from '../../../app/ui/action.ts';
import { daysFromToday, EMPTY, formatDate, formatDateTime } from '../../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../../app/ui/page.tsx';
import { ProvisionalTag } from '../../../app/ui/provisional.tsx';
import { ResponsiveTable } from '../../../app/ui/responsive-table.tsx';

const SEVERITY_ORDER = { overdue: 0, warning: 1, info: 2 } as const;
const SEVERITY_COLOR = { overdue: 'red', warning: 'orange', info: 'blue' } as const;

/** The three counters above the list: label, which tasks, colour when not zero. */
const STATS: [string, TaskResponse['severity'] | null, string | null][] = [
  ['tasks.total', null, null],
  ['tasks.severity.overdue', 'overdue', '#cf1322'],
  ['tasks.severity.warning', 'warning', '#d46b08'],
];

const byUrgency = (a: TaskResponse, b: TaskResponse) =>
  SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.due ?? '9999').localeCompare(b.due ?? '9999');

function Due({ due, provisional }: { due: string | null; provisional?: boolean }) {
  const { t } = useTranslation();
  if (!due) return <>{EMPTY}</>;
  const days = daysFromToday(due);
  const rel =
    days < 0
      ? t('tasks.overdueBy', { n: -days })
      : days === 0
        ? t('tasks.dueToday')
        : t('tasks.dueIn', { n: days });
  return (
    <div>
      <div>
        {due.includes('T') ? formatDateTime(due) : formatDate(due)}
        <ProvisionalTag provisional={provisional} />
      </div>
      <Typography.Text
        type={days < 0 ? 'danger' : days <= 2 ? 'warning' : 'secondary'}
        style={{ fontSize: 12 }}
      >
        {rel}
      </Typography.Text>
    </div>
  );
}

export default function TasksPage() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['tasks'],
    queryFn: () => api.get<{ items: TaskResponse[] }>('/api/tasks'),
  });
  const dismiss = useAction((path: string) => api.post(path, {}), {
    invalidate: [['tasks']],
    success: t('tasks.dismissed'),
  });
  // A long list (an officer with forty cases in hand) is searched by case number or words.
  const [search, setSearch] = useState('');
  const all = [...(q.data?.items ?? [])].sort(byUrgency);
  const needle = search.trim().toLowerCase();
  const items = needle
    ? all.filter((x) => `${x.title} ${x.detail ?? ''}`.toLowerCase().includes(needle))
    : all;
  const count = (s: TaskResponse['severity']) => items.filter((x) => x.severity === s).length;

  return (
    <Page
      title={t('tasks.title')}
      extra={
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('tasks.search')}
            aria-label={t('tasks.search')}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 220 }}
          />
          <Button icon={<ReloadOutlined />} onClick={() => q.refetch()} loading={q.isFetching}>
            {t('common.refresh')}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={q.error} onRetry={() => q.refetch()} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {STATS.map(([key, severity, color]) => {
          const n = severity ? count(severity) : items.length;
          return (
            <Col xs={8} key={key}>
              <Card size="small">
                <Statistic
                  title={t(key)}
                  value={n}
                  loading={q.isPending}
                  styles={{ content: { color: n && color ? color : undefined } }}
                />
              </Card>
            </Col>
          );
        })}
      </Row>
      <div className="fz-panel" style={{ padding: 0 }}>
        <ResponsiveTable<TaskResponse>
          size="middle"
          rowKey="id"
          cardTitle="title"
          cardExtra="severity"
          loading={q.isFetching}
          dataSource={items}
          pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.empty')} />,
          }}
          columns={[
            {
              title: t('tasks.severityLabel'),
              dataIndex: 'severity',
              width: 110,
              render: (s: TaskResponse['severity']) => (
                <Tag color={SEVERITY_COLOR[s]}>{t(`tasks.severity.${s}`)}</Tag>
              ),
            },
            {
              title: t('tasks.item'),
              dataIndex: 'title',
              render: (_: string, r) => (
                <div>
                  <Typography.Text strong>{r.title}</Typography.Text>
                  {r.detail && (
                    <div>
                      <Typography.Text type="secondary">{r.detail}</Typography.Text>
                    </div>
                  )}
                </div>
              ),
            },
            {
              title: t('tasks.module'),
              dataIndex: 'module',
              width: 140,
              render: (m: string) => t(`modules.${m}`, { defaultValue: m }),
            },
            {
              title: t('tasks.due'),
              dataIndex: 'due',
              width: 180,
              render: (d: string | null, r) => <Due due={d} provisional={r.dueProvisional} />,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 100,
              render: (_, r) => (
                <Space size={12} wrap>
                  {r.link &&
                    (r.link.startsWith('/') ? (
                      <Link to={r.link}>
                        {t('tasks.open')} <RightOutlined />
                      </Link>
                    ) : (
                      <a href={r.link}>
                        {t('tasks.open')} <RightOutlined />
                      </a>
                    ))}
                  {r.dismiss && (
                    <Button size="small" onClick={() => dismiss.run(r.dismiss!)} loading={dismiss.isPending}>
                      {t('tasks.dismiss')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </div>
    </Page>
  );
}
