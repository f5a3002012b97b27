import { DownloadOutlined } from '@ant-design/icons';
import type { CameraBulletinResponse, CameraBulletinRow, CameraCheckResponse } from '@fazhi/common';
import { Button, Card, Col, DatePicker, Empty, Row, Space, Spin, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { Chart, type ChartOption } from '../../app/ui/chart.tsx';
import { formatDateTime, todayCst } from '../../app/ui/format.ts';
import { ErrorAlert } from '../../app/ui/page.tsx';
import { Kpi } from '../dashboard/widgets.tsx';
import { CAMERA_PATH, percent, useBulletin } from './api.ts';
import { ResultTag } from './tags.tsx';

/** Recorded green, partial amber, not recorded red, pending grey (as the result tags). */
const COLOURS = { recorded: '#389e0d', partial: '#d48806', notRecorded: '#cf1322', pending: '#bfbfbf' };
const SERIES = ['recorded', 'partial', 'notRecorded', 'pending'] as const;

function unitsOption(b: CameraBulletinResponse, t: (k: string) => string): ChartOption {
  const label = {
    recorded: t('checks.bulletin.col.recorded'),
    partial: t('checks.bulletin.col.partial'),
    notRecorded: t('checks.bulletin.col.notRecorded'),
    pending: t('checks.bulletin.col.pending'),
  };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: b.units.map((u) => u.unitName), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: SERIES.map((k) => ({
      name: label[k],
      type: 'bar',
      stack: 'checks',
      itemStyle: { color: COLOURS[k] },
      data: b.units.map((u) => u[k]),
    })),
  };
}

/**
 * 每日警情通报 — the 4G body-camera section of one day: totals, the per-unit table and chart, and
 * the incidents where the camera was not (fully) used. The day lives with the caller.
 */
export function BulletinView({ day, onDay }: { day: string; onDay: (day: string) => void }) {
  const { t } = useTranslation();
  const q = useBulletin(day);
  const b = q.data;
  const [exporting, setExporting] = useState(false);
  const option = useMemo(() => (b ? unitsOption(b, t) : null), [b, t]);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await api.download(`${CAMERA_PATH}/bulletin.xlsx`, { day }, `bulletin-${day}.xlsx`);
    } finally {
      setExporting(false);
    }
  };

  const rate = (v: number | null) => percent(v);
  return (
    <div>
      <Space wrap style={{ marginBottom: 16, justifyContent: 'space-between', width: '100%' }}>
        <Space>
          <Typography.Text>{t('checks.day')}</Typography.Text>
          <DatePicker
            allowClear={false}
            value={dayjs(day)}
            disabledDate={(d) => d.format('YYYY-MM-DD') >= todayCst()}
            onChange={(d) => d && onDay(d.format('YYYY-MM-DD'))}
          />
        </Space>
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          disabled={!b?.totals.sampled}
          onClick={() => void exportXlsx()}
        >
          {t('checks.bulletin.export')}
        </Button>
      </Space>
      <ErrorAlert error={q.error} onRetry={() => q.refetch()} />
      {q.isPending && <Spin />}
      {b && b.totals.sampled === 0 && <Empty description={t('checks.bulletin.empty')} />}
      {b && b.totals.sampled > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('checks.bulletin.heading', { day: b.day })}
          </Typography.Title>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={4}>
              <Kpi title={t('checks.camera.counts.total')} value={b.totals.sampled} />
            </Col>
            <Col xs={12} md={4}>
              <Kpi
                title={t('checks.camera.counts.recorded')}
                value={b.totals.recorded}
                color={COLOURS.recorded}
              />
            </Col>
            <Col xs={12} md={4}>
              <Kpi
                title={t('checks.camera.counts.partial')}
                value={b.totals.partial}
                color={COLOURS.partial}
              />
            </Col>
            <Col xs={12} md={4}>
              <Kpi
                title={t('checks.camera.counts.notRecorded')}
                value={b.totals.notRecorded}
                color={COLOURS.notRecorded}
              />
            </Col>
            <Col xs={12} md={4}>
              <Kpi title={t('checks.bulletin.openRate')} value={rate(b.totals.openRate)} />
            </Col>
            <Col xs={12} md={4}>
              <Kpi title={t('checks.bulletin.fullRate')} value={rate(b.totals.fullRate)} />
            </Col>
          </Row>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('checks.bulletin.chart')}>
                {option && <Chart option={option} height={320} label={t('checks.bulletin.chart')} />}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('checks.bulletin.units')}>
                <Table<CameraBulletinRow>
                  rowKey={(r) => r.unitId ?? 0}
                  size="small"
                  pagination={false}
                  scroll={{ y: 280 }}
                  dataSource={b.units}
                  summary={() => (
                    <Table.Summary fixed>
                      <Table.Summary.Row>
                        <Table.Summary.Cell index={0}>{b.totals.unitName}</Table.Summary.Cell>
                        <Table.Summary.Cell index={1}>{b.totals.sampled}</Table.Summary.Cell>
                        <Table.Summary.Cell index={2}>{b.totals.recorded}</Table.Summary.Cell>
                        <Table.Summary.Cell index={3}>{b.totals.partial}</Table.Summary.Cell>
                        <Table.Summary.Cell index={4}>{b.totals.notRecorded}</Table.Summary.Cell>
                        <Table.Summary.Cell index={5}>{b.totals.pending}</Table.Summary.Cell>
                        <Table.Summary.Cell index={6}>{rate(b.totals.openRate)}</Table.Summary.Cell>
                      </Table.Summary.Row>
                    </Table.Summary>
                  )}
                  columns={[
                    { title: t('checks.bulletin.col.unit'), dataIndex: 'unitName', ellipsis: true },
                    { title: t('checks.bulletin.col.sampled'), dataIndex: 'sampled', width: 56 },
                    { title: t('checks.bulletin.col.recorded'), dataIndex: 'recorded', width: 72 },
                    { title: t('checks.bulletin.col.partial'), dataIndex: 'partial', width: 72 },
                    { title: t('checks.bulletin.col.notRecorded'), dataIndex: 'notRecorded', width: 64 },
                    { title: t('checks.bulletin.col.pending'), dataIndex: 'pending', width: 64 },
                    {
                      title: t('checks.bulletin.col.openRate'),
                      dataIndex: 'openRate',
                      width: 76,
                      render: (v: number | null) => rate(v),
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('checks.bulletin.failures')}>
            {b.failures.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('checks.bulletin.noFailures')} />
            ) : (
              <Table<CameraCheckResponse>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={b.failures}
                scroll={{ x: 900 }}
                columns={[
                  { title: t('checks.camera.col.incident'), dataIndex: 'incidentNo', width: 150 },
                  {
                    title: t('checks.camera.col.receivedAt'),
                    dataIndex: 'receivedAt',
                    width: 160,
                    render: (v: string) => formatDateTime(v),
                  },
                  { title: t('checks.camera.col.unit'), dataIndex: 'unitName', width: 150, ellipsis: true },
                  { title: t('checks.camera.col.category'), dataIndex: 'categoryName', width: 110 },
                  {
                    title: t('checks.camera.col.officers'),
                    dataIndex: 'officerNames',
                    width: 140,
                    render: (v: string[]) => v.join('、'),
                  },
                  {
                    title: t('checks.camera.col.result'),
                    dataIndex: 'result',
                    width: 100,
                    render: (r: CameraCheckResponse['result']) => <ResultTag result={r} />,
                  },
                  { title: t('checks.camera.note'), dataIndex: 'note', ellipsis: true },
                ]}
              />
            )}
          </Card>
        </>
      )}
    </div>
  );
}
