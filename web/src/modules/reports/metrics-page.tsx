/**
 * 指标目录: every figure of the report with its value for a year or quarter, 同比 and where it
 * comes from. Any selection exports as one Excel table (the ad-hoc statistics the city bureau
 * asks for); a click opens the same drawer as in the report preview.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/ui/action.ts';
import { ErrorAlert, Page } from '../../app/ui/page.tsx';
import { useUrlParams } from '../../app/ui/use-url-params.ts';
import { downloadTables, useMetrics } from './api.ts';
import { changeColor, FIRST_YEAR, formatChange, formatValue, metricName } from './format.ts';
import { MetricDrawer } from './metric-drawer.tsx';
import { PeriodPicker } from './period-picker.tsx';
import { SourceTag } from './tags.tsx';
import type { MetricRow, MetricStatus } from './types.ts';

export default function MetricsPage() {
  const { t } = useTranslation();
  const showError = useApiErrorHandler();
  const [params, set] = useUrlParams({ dropZero: true });
  const year = Number(params.get('year')) || FIRST_YEAR;
  const quarter = Number(params.get('quarter')) || 0;
  const q = params.get('q') ?? '';
  const status = (params.get('status') ?? '') as MetricStatus | '';
  const period = quarter ? `${year}-Q${quarter}` : String(year);
  const metrics = useMetrics(period);
  const [selected, setSelected] = useState<string[]>([]);
  const [open, setOpen] = useState<string>();
  const [exporting, setExporting] = useState(false);

  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (metrics.data?.items ?? []).filter(
      (m) =>
        (!status || m.status === status) &&
        (!needle ||
          [m.id, m.nameZh, m.nameEn, m.section, ...(m.aliases ?? [])].some((s) =>
            s?.toLowerCase().includes(needle),
          )),
    );
  }, [metrics.data, q, status]);

  const exportSelected = () => {
    setExporting(true);
    downloadTables(selected, period)
      .catch((e: unknown) => showError(e))
      .finally(() => setExporting(false));
  };

  return (
    <Page
      title={t('reports.metrics.title')}
      extra={
        <Space wrap>
          <PeriodPicker year={year} quarter={quarter} onChange={set} />
        </Space>
      }
    >
      <div className="fz-panel">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            defaultValue={q}
            style={{ width: 300 }}
            placeholder={t('reports.metrics.search')}
            onSearch={(v) => set({ q: v })}
          />
          <Select<MetricStatus | ''>
            value={status}
            style={{ width: 140 }}
            onChange={(v) => set({ status: v })}
            options={[
              { value: '', label: t('reports.metrics.allSources') },
              { value: 'computed', label: t('reports.source.computed') },
              { value: 'submitted', label: t('reports.source.submitted') },
              { value: 'missing', label: t('reports.source.missing') },
            ]}
          />
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            disabled={selected.length === 0}
            loading={exporting}
            onClick={exportSelected}
          >
            {t('reports.metrics.exportSelected', { n: selected.length })}
          </Button>
          {selected.length > 0 && (
            <Button type="link" onClick={() => setSelected([])}>
              {t('reports.metrics.clearSelection')}
            </Button>
          )}
        </Space>
        <ErrorAlert error={metrics.error} onRetry={() => metrics.refetch()} />
        <Table<MetricRow>
          rowKey="id"
          size="small"
          loading={metrics.isFetching}
          dataSource={rows}
          rowSelection={{
            selectedRowKeys: selected,
            preserveSelectedRowKeys: true,
            onChange: (keys) => setSelected(keys.map(String)),
          }}
          pagination={{
            pageSize: 50,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { total }),
          }}
          columns={[
            {
              title: t('reports.metric.id'),
              dataIndex: 'id',
              width: 280,
              render: (v: string) => (
                <Typography.Link code onClick={() => setOpen(v)} data-metric-link={v}>
                  {v}
                </Typography.Link>
              ),
            },
            {
              title: t('reports.metric.name'),
              key: 'name',
              ellipsis: true,
              render: (_, m) => (
                <Typography.Link onClick={() => setOpen(m.id)}>{metricName(m)}</Typography.Link>
              ),
            },
            { title: t('reports.metric.unit'), dataIndex: 'unit', width: 70 },
            {
              title: t('reports.metric.value'),
              key: 'value',
              width: 120,
              align: 'right',
              render: (_, m) => (
                <Typography.Text strong type={m.status === 'missing' ? 'danger' : undefined}>
                  {formatValue(m.value, '')}
                </Typography.Text>
              ),
            },
            {
              title: t('reports.metric.previous'),
              key: 'previous',
              width: 110,
              align: 'right',
              render: (_, m) => formatValue(m.previous, ''),
            },
            {
              title: t('reports.metric.yoy'),
              key: 'change',
              width: 90,
              align: 'right',
              render: (_, m) => (
                <span style={{ color: changeColor(m.change) }}>{formatChange(m.change)}</span>
              ),
            },
            {
              title: t('reports.metric.source'),
              key: 'source',
              width: 150,
              render: (_, m) => <SourceTag status={m.status} kind={m.source.kind} />,
            },
            { title: t('reports.metric.section'), dataIndex: 'section', width: 100 },
          ]}
        />
      </div>
      <MetricDrawer metricId={open} period={period} onClose={() => setOpen(undefined)} />
    </Page>
  );
}
