/**
 * Where a number came from: the metric's definition, unit and period, its source (the records
 * Fazhi counted, or the department's signed and accepted submission), 同比 with a small chart,
 * and for a computed metric the records behind it, exportable to Excel.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Empty, Space, Spin, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Chart } from '../../app/ui/chart.tsx';
import { EMPTY, formatDateTime } from '../../app/ui/format.ts';
import { ErrorAlert } from '../../app/ui/page.tsx';
import { downloadRecords, useMetric, useMetricRecords } from './api.ts';
import { figureYoyOption } from './charts.ts';
import { changeColor, formatChange, formatValue, metricName, previousPeriod } from './format.ts';
import { SourceTag } from './tags.tsx';
import type { MetricDetail } from './types.ts';

/** R2's submission page; the link goes there from a submitted figure. */
export const submissionPath = (id: number) => `/submissions/${id}`;

const PAGE_SIZE = 10;

/** A rate's part with its value for the period, e.g. （341）. */
function partValue(m: MetricDetail, id: string) {
  const p = m.parts.find((x) => x.id === id);
  return p ? `（${formatValue(p.value, '')}）` : '';
}

export function MetricDrawer({
  metricId,
  period,
  onClose,
}: {
  metricId: string | undefined;
  period: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const q = useMetric(metricId, period);
  const m = q.data;
  return (
    <Drawer
      open={!!metricId}
      onClose={onClose}
      size={860}
      destroyOnHidden
      title={m ? `${metricName(m)} · ${period}` : t('reports.drawer.title')}
    >
      <ErrorAlert error={q.error} onRetry={() => q.refetch()} />
      {q.isPending && metricId && (
        <div className="fz-center" style={{ height: 200 }}>
          <Spin />
        </div>
      )}
      {m && <MetricBody m={m} period={period} />}
    </Drawer>
  );
}

function MetricBody({ m, period }: { m: MetricDetail; period: string }) {
  const { t } = useTranslation();
  const sub = m.submission;
  const chart = useMemo(
    () => figureYoyOption([previousPeriod(period), period], [m.previous, m.value]),
    [m, period],
  );
  return (
    <div data-metric={m.id} data-metric-value={m.value ?? ''}>
      {m.status === 'missing' && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('reports.drawer.missing')} />
      )}
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 120 } }}>
        <Descriptions.Item label={t('reports.metric.value')}>
          <Typography.Text
            strong
            type={m.status === 'missing' ? 'danger' : undefined}
            data-testid="metric-value"
          >
            {formatValue(m.value, m.unit)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.metric.name')}>{metricName(m)}</Descriptions.Item>
        <Descriptions.Item label={t('reports.metric.id')}>
          <Typography.Text code>{m.id}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.metric.definition')}>
          <span data-testid="metric-definition">{m.definition || EMPTY}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.metric.unit')}>{m.unit}</Descriptions.Item>
        <Descriptions.Item label={t('reports.metric.period')}>
          {t(`reports.periodKind.${m.period}`, { defaultValue: m.period })} · {period}
        </Descriptions.Item>
        {m.section && <Descriptions.Item label={t('reports.metric.section')}>{m.section}</Descriptions.Item>}
        {m.numerator && m.denominator && (
          <Descriptions.Item label={t('reports.metric.rate')}>
            <Typography.Text code>{m.numerator}</Typography.Text>
            {partValue(m, m.numerator)} ÷ <Typography.Text code>{m.denominator}</Typography.Text>
            {partValue(m, m.denominator)} × 100%
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('reports.metric.source')}>
          <Space orientation="vertical" size={4}>
            <SourceTag status={m.status} kind={m.source.kind} />
            {m.source.kind === 'computed' ? (
              <span>{t('reports.drawer.computedFrom', { records: m.source.records })}</span>
            ) : (
              <span>{t('reports.drawer.owner', { owner: m.source.ownerName })}</span>
            )}
          </Space>
        </Descriptions.Item>
        {m.source.kind === 'submitted' && (
          <Descriptions.Item label={t('reports.drawer.submission')}>
            {sub ? (
              <Space orientation="vertical" size={2}>
                <span>
                  {sub.unitName} · {sub.roundTitle}
                </span>
                <span>
                  {t('reports.drawer.signedBy')}: {sub.signedBy ?? EMPTY}
                  {sub.signedAt ? ` · ${formatDateTime(sub.signedAt)}` : ''}
                </span>
                <span>
                  {t('reports.drawer.acceptedBy')}: {sub.acceptedBy ?? EMPTY}
                  {sub.acceptedAt ? ` · ${formatDateTime(sub.acceptedAt)}` : ''}
                </span>
                {sub.note && (
                  <span>
                    {t('reports.drawer.note')}: {sub.note}
                  </span>
                )}
                <Link to={submissionPath(sub.submissionId)}>
                  {t('reports.drawer.openSubmission', { id: sub.submissionId })}
                </Link>
              </Space>
            ) : (
              <Typography.Text type="danger">{t('reports.drawer.noSubmission')}</Typography.Text>
            )}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('reports.metric.yoy')}>
          {t('reports.drawer.previous', { period: previousPeriod(period) })}:{' '}
          {formatValue(m.previous, m.unit)}
          {' · '}
          <span style={{ color: changeColor(m.change) }}>{formatChange(m.change)}</span>
        </Descriptions.Item>
      </Descriptions>
      {(m.value !== null || m.previous !== null) && (
        <Chart option={chart} height={160} label={t('reports.metric.yoy')} />
      )}
      {m.source.kind === 'computed' && <RecordsTable id={m.id} period={period} />}
    </div>
  );
}

/** The rows behind a computed number, paged on the server; their count is the number. */
function RecordsTable({ id, period }: { id: string; period: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZE);
  const [exporting, setExporting] = useState(false);
  const q = useMetricRecords(id, period, page, pageSize, true);
  const d = q.data;
  const columns = useMemo(
    () =>
      (d?.columns ?? []).map((c) => ({
        key: c.key,
        dataIndex: c.key,
        title: c.title,
        ellipsis: true,
        render: (v: unknown) =>
          v === null || v === undefined || v === ''
            ? EMPTY
            : typeof v === 'boolean'
              ? t(v ? 'reports.yes' : 'reports.no')
              : String(v),
      })),
    [d?.columns, t],
  );
  return (
    <div style={{ marginTop: 16 }} data-testid="metric-records" data-records-total={d?.total ?? ''}>
      <Space style={{ marginBottom: 8, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('reports.drawer.records')}
        </Typography.Title>
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={() => {
            setExporting(true);
            void downloadRecords(id, period).finally(() => setExporting(false));
          }}
        >
          {t('reports.exportExcel')}
        </Button>
      </Space>
      <ErrorAlert error={q.error} onRetry={() => q.refetch()} />
      {d && d.total === 0 ? (
        <Empty description={t('reports.drawer.noRecords')} />
      ) : (
        <Table<Record<string, unknown>>
          size="small"
          rowKey={(r, i) => String(r.id ?? i)}
          loading={q.isFetching}
          dataSource={d?.items}
          columns={columns}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize,
            total: d?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, s) => {
              setPage(s !== pageSize ? 1 : p);
              setPageSize(s);
            },
          }}
        />
      )}
    </div>
  );
}
