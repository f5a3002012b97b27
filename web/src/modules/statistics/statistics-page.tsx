/**
 * 统计报表: the statistics tables the city bureau asks for (线下办理案件情况统计表, 执法办案主要数据,
 * 执法监督情况) for a quarter or a year — preview with the 合计 row, a chart, Excel — and any
 * metrics of the catalogue as an Excel table, broken down by unit, quarter or month.
 */
import { DownloadOutlined } from '@ant-design/icons';
import {
  METRIC_TABLE_BREAKDOWN_NAMES,
  METRIC_TABLE_BREAKDOWNS,
  METRICS,
  type MetricTableBreakdown,
  type StatTableResponse,
  type StatTableRow,
} from '@fazhi/common';
import { Alert, Button, Col, Form, Row, Segmented, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bilingual } from '../../app/i18n/index.ts';
import { useApiErrorHandler } from '../../app/ui/action.ts';
import { Chart, type ChartOption } from '../../app/ui/chart.tsx';
import { EMPTY } from '../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../app/ui/page.tsx';
import { useUrlParams } from '../../app/ui/use-url-params.ts';
import { FIRST_YEAR } from '../reports/format.ts';
import { PeriodPicker } from '../reports/period-picker.tsx';
import { downloadMetricTable, downloadStatTable, useStatTable, useStatTables } from './api.ts';

const TOTAL_KEY = 'total';

type UnitRow = StatTableRow & { key: string };
const cell = (v: number | null | undefined) => (v === null || v === undefined ? EMPTY : v);

/** Totals per column, or one column per unit. */
function chartOption(data: StatTableResponse, mode: 'columns' | 'units', column: number): ChartOption {
  const byUnit = mode === 'units' && data.rows.length > 0;
  const names = byUnit ? data.rows.map((r) => r.unitName) : data.headers.map((h) => h.title);
  const values = byUnit ? data.rows.map((r) => r.values[column] ?? 0) : data.totals.map((v) => v ?? 0);
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 24, bottom: 90 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: 35 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: byUnit ? data.headers[column]?.title : undefined,
        data: values,
        label: { show: true, position: 'top' },
        barMaxWidth: 36,
      },
    ],
  };
}

function AdHocTable({ period, quarter }: { period: string; quarter: number }) {
  const { t, i18n } = useTranslation();
  const showError = useApiErrorHandler();
  const en = i18n.language === 'en-US';
  const [ids, setIds] = useState<string[]>([]);
  const [by, setBy] = useState<MetricTableBreakdown | ''>('');
  const [busy, setBusy] = useState(false);
  const needsYear = (by === 'quarter' || by === 'month') && quarter > 0;
  const options = useMemo(
    () => METRICS.map((m) => ({ value: m.id, label: `${en ? m.nameEn : m.nameZh}（${m.id}）` })),
    [en],
  );
  const download = () => {
    setBusy(true);
    downloadMetricTable(ids, period, by || undefined)
      .catch((e: unknown) => showError(e))
      .finally(() => setBusy(false));
  };
  return (
    <div className="fz-panel" style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('statistics.adhoc.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('statistics.adhoc.hint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <Form.Item label={t('statistics.adhoc.metrics')}>
              <Select
                mode="multiple"
                allowClear
                value={ids}
                onChange={setIds}
                options={options}
                optionFilterProp="label"
                placeholder={t('statistics.adhoc.metricsPlaceholder')}
                aria-label={t('statistics.adhoc.metrics')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} lg={5}>
            <Form.Item
              label={t('statistics.adhoc.by')}
              validateStatus={needsYear ? 'warning' : undefined}
              help={needsYear ? t('statistics.adhoc.needsYear') : undefined}
            >
              <Select<MetricTableBreakdown | ''>
                value={by}
                onChange={setBy}
                aria-label={t('statistics.adhoc.by')}
                options={[
                  { value: '', label: t('statistics.adhoc.byNone') },
                  ...METRIC_TABLE_BREAKDOWNS.map((b) => ({
                    value: b,
                    label: bilingual(METRIC_TABLE_BREAKDOWN_NAMES[b]),
                  })),
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} lg={5}>
            <Form.Item label=" ">
              <Button
                type="primary"
                icon={<DownloadOutlined />}
                disabled={ids.length === 0 || needsYear}
                loading={busy}
                onClick={download}
              >
                {t('statistics.adhoc.download')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </div>
  );
}

export default function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const showError = useApiErrorHandler();
  const en = i18n.language === 'en-US';
  const [params, set] = useUrlParams({ dropZero: true });
  const tables = useStatTables();
  const list = tables.data?.items ?? [];
  const tableId = params.get('table') ?? list[0]?.id;
  const def = list.find((x) => x.id === tableId);
  const year = Number(params.get('year')) || FIRST_YEAR;
  const quarter = def?.period === 'year' ? 0 : Number(params.get('quarter')) || 0;
  const period = quarter ? `${year}-Q${quarter}` : String(year);
  const table = useStatTable(def?.id, period);
  const data = table.data;
  const [chartMode, setChartMode] = useState<'columns' | 'units'>('columns');
  const [chartColumn, setChartColumn] = useState(0);
  const [downloading, setDownloading] = useState(false);

  const rows: UnitRow[] = (data?.rows ?? []).map((r) => ({ ...r, key: String(r.unitId ?? 'none') }));
  const column = data && chartColumn < data.headers.length ? chartColumn : 0;
  const option = useMemo(
    () => (data ? chartOption(data, chartMode, column) : null),
    [data, chartMode, column],
  );

  const download = () => {
    if (!def) return;
    setDownloading(true);
    downloadStatTable(def.id, period)
      .catch((e: unknown) => showError(e))
      .finally(() => setDownloading(false));
  };

  return (
    <Page
      title={t('statistics.title')}
      extra={
        <Space wrap>
          <Select
            value={def?.id}
            style={{ width: 260 }}
            aria-label={t('statistics.table')}
            loading={tables.isLoading}
            options={list.map((x) => ({ value: x.id, label: en ? x.nameEn : x.nameZh }))}
            onChange={(v: string) => set({ table: v })}
          />
          <PeriodPicker
            year={year}
            quarter={quarter}
            onChange={set}
            yearOnly={def?.period === 'year' ? t('statistics.yearlyOnly') : undefined}
          />
        </Space>
      }
    >
      <ErrorAlert error={tables.error ?? table.error} onRetry={() => table.refetch()} />
      <div className="fz-panel">
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {data?.title ?? EMPTY}
          </Typography.Title>
          <Button icon={<DownloadOutlined />} disabled={!def} loading={downloading} onClick={download}>
            {t('statistics.download')}
          </Button>
        </Space>
        {data && data.table.rows === 'none' && (
          <Alert type="info" showIcon message={t('statistics.noRows')} style={{ marginBottom: 12 }} />
        )}
        <Table<UnitRow>
          rowKey="key"
          size="small"
          bordered
          loading={table.isFetching}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('statistics.unit'), dataIndex: 'unitName', fixed: 'left', width: 180 },
            ...(data?.headers ?? []).map((h, i) => ({
              title: h.title,
              key: h.metric,
              align: 'right' as const,
              render: (_: unknown, r: UnitRow) => cell(r.values[i]),
            })),
          ]}
          summary={() =>
            data ? (
              <Table.Summary fixed>
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <Typography.Text strong data-row={TOTAL_KEY}>
                      {t('statistics.total')}
                    </Typography.Text>
                  </Table.Summary.Cell>
                  {data.totals.map((v, i) => (
                    <Table.Summary.Cell key={data.headers[i]?.metric ?? i} index={i + 1} align="right">
                      <Typography.Text strong>{cell(v)}</Typography.Text>
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              </Table.Summary>
            ) : null
          }
        />
      </div>
      {data && option && (
        <div className="fz-panel" style={{ marginTop: 16 }}>
          <Space wrap style={{ marginBottom: 8 }}>
            <Typography.Text strong>{t('statistics.chart.title')}</Typography.Text>
            <Segmented<'columns' | 'units'>
              value={chartMode}
              onChange={setChartMode}
              options={[
                { value: 'columns', label: t('statistics.chart.byColumn') },
                ...(data.rows.length > 0
                  ? [{ value: 'units' as const, label: t('statistics.chart.byUnit') }]
                  : []),
              ]}
            />
            {chartMode === 'units' && data.rows.length > 0 && (
              <Select
                value={column}
                style={{ width: 220 }}
                aria-label={t('statistics.chart.column')}
                onChange={setChartColumn}
                options={data.headers.map((h, i) => ({ value: i, label: h.title }))}
              />
            )}
          </Space>
          <Chart option={option} height={340} label={data.title} />
        </div>
      )}
      <AdHocTable period={period} quarter={quarter} />
    </Page>
  );
}
