import { StarFilled } from '@ant-design/icons';
import { DEFAULT_AWARD_STARS, type OfficerRanking, type UnitRanking } from '@fazhi/common';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Row,
  Segmented,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, buildUrl } from '../../app/api.ts';
import { Chart } from '../../app/ui/chart.tsx';
import { EMPTY } from '../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../app/ui/page.tsx';
import { useUrlParams } from '../../app/ui/use-url-params.ts';
import { Kpi } from '../dashboard/widgets.tsx';
import { useRankings } from './api.ts';
import { unitBarOption } from './charts.ts';
import { UnitTrend } from './unit-trend.tsx';
import { currentYear, QUARTERS, yearOptions } from './years.ts';

type Tab = 'units' | 'officers';

export default function RankingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, set] = useUrlParams();
  const year = Number(params.get('year')) || currentYear();
  const quarter = Number(params.get('quarter')) || null;
  const tab: Tab = params.get('tab') === 'officers' ? 'officers' : 'units';
  const trendUnit = Number(params.get('trend')) || undefined;
  const q = useRankings(year, quarter);
  const d = q.data;

  const chart = useMemo(() => (d ? unitBarOption(d.units, d.excellentScore, t) : null), [d, t]);

  /** A unit's sampled cases: the quarter's round page, or every sample of the year. */
  const drill = (unitId: number) => {
    const round = quarter ? d?.rounds.find((r) => r.quarter === quarter) : undefined;
    navigate(
      round
        ? buildUrl(`/evaluation/rounds/${round.id}`, { unitId })
        : // publishing makes a round's samples final: the year's ranking counts exactly those
          buildUrl('/evaluation/samples', { year, unit: unitId, status: 'final' }),
    );
  };

  // No published round in the year is an answer, not a failure.
  const empty = q.error instanceof ApiError && q.error.status < 500 && q.error.code === 'VALIDATION';
  const trendName = d?.units.find((u) => u.unitId === trendUnit)?.unitName;

  const unitsTab = d && (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={13}>
        <Table<UnitRanking>
          rowKey="unitId"
          size="small"
          dataSource={d.units}
          pagination={false}
          scroll={{ y: 560 }}
          rowClassName={(u) => (u.unitId === trendUnit ? 'ant-table-row-selected' : '')}
          columns={[
            { title: t('evaluation.rankings.col.rank'), dataIndex: 'rank', width: 64, align: 'center' },
            {
              title: t('evaluation.rankings.col.unit'),
              dataIndex: 'unitName',
              ellipsis: true,
              render: (v: string, u) => (
                <Typography.Link onClick={() => drill(u.unitId)}>{v}</Typography.Link>
              ),
            },
            { title: t('evaluation.rankings.col.samples'), dataIndex: 'samples', width: 84, align: 'right' },
            {
              title: t('evaluation.rankings.col.average'),
              dataIndex: 'average',
              width: 84,
              align: 'right',
              render: (v: number) => <Typography.Text strong>{v.toFixed(1)}</Typography.Text>,
            },
            {
              title: t('evaluation.rankings.col.vetoes'),
              dataIndex: 'vetoes',
              width: 84,
              align: 'right',
              render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0),
            },
            {
              title: t('evaluation.rankings.col.excellent'),
              dataIndex: 'excellent',
              width: 100,
              render: (v: boolean) =>
                v ? <Tag color="green">{t('evaluation.rankings.excellentTag')}</Tag> : null,
            },
            {
              title: t('evaluation.rankings.col.trend'),
              key: 'trend',
              width: 80,
              render: (_, u) => (
                <Button type="link" size="small" onClick={() => set({ trend: u.unitId })}>
                  {t('evaluation.rankings.col.trend')}
                </Button>
              ),
            },
          ]}
        />
      </Col>
      <Col xs={24} xl={11}>
        <Card size="small" title={t('evaluation.rankings.chartAverage')}>
          {chart && (
            <Chart
              option={chart}
              height={Math.max(240, d.units.length * 20 + 40)}
              label={t('evaluation.rankings.chartAverage')}
              onClick={(e) => {
                const unitId = (e.data as { unitId?: number }).unitId;
                if (unitId) set({ trend: unitId });
              }}
            />
          )}
        </Card>
      </Col>
      <Col span={24}>
        <Card
          size="small"
          title={
            trendName
              ? t('evaluation.rankings.chartTrend', { unit: trendName })
              : t('evaluation.rankings.trendPick')
          }
          extra={
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              allowClear
              style={{ width: 220 }}
              placeholder={t('evaluation.rankings.trendPick')}
              value={trendUnit}
              options={d.units.map((u) => ({ value: u.unitId, label: u.unitName }))}
              onChange={(v?: number) => set({ trend: v })}
            />
          }
        >
          {trendUnit ? (
            <UnitTrend unitId={trendUnit} year={year} excellentScore={d.excellentScore} />
          ) : (
            <Empty description={t('evaluation.rankings.trendHint')} />
          )}
        </Card>
      </Col>
    </Row>
  );

  const officersTab = d && (
    <Table<OfficerRanking>
      rowKey="officerId"
      size="small"
      dataSource={d.officers}
      pagination={{ pageSize: 50, showSizeChanger: false }}
      columns={[
        { title: t('evaluation.rankings.col.rank'), dataIndex: 'rank', width: 64, align: 'center' },
        {
          title: t('evaluation.rankings.col.officer'),
          dataIndex: 'officerName',
          width: 160,
          render: (v: string, o) => (
            <Space size={4}>
              {v}
              {o.rank <= DEFAULT_AWARD_STARS && o.vetoes === 0 && (
                <Tag color="gold" icon={<StarFilled />}>
                  {t('evaluation.rankings.starCandidate')}
                </Tag>
              )}
            </Space>
          ),
        },
        { title: t('evaluation.rankings.col.unit'), dataIndex: 'unitName', ellipsis: true },
        { title: t('evaluation.rankings.col.samples'), dataIndex: 'samples', width: 100, align: 'right' },
        {
          title: t('evaluation.rankings.col.average'),
          dataIndex: 'average',
          width: 100,
          align: 'right',
          render: (v: number) => <Typography.Text strong>{v.toFixed(1)}</Typography.Text>,
        },
        {
          title: t('evaluation.rankings.col.vetoes'),
          dataIndex: 'vetoes',
          width: 100,
          align: 'right',
          render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0),
        },
      ]}
    />
  );

  return (
    <Page
      title={t('evaluation.rankings.title')}
      extra={
        <Space wrap>
          <Select
            value={year}
            style={{ width: 110 }}
            options={yearOptions()}
            onChange={(v: number) => set({ year: v })}
            aria-label={t('evaluation.rankings.year')}
          />
          <Segmented<number>
            value={quarter ?? 0}
            onChange={(v) => set({ quarter: v || null })}
            options={[
              { value: 0, label: t('evaluation.wholeYear') },
              ...QUARTERS.map((q) => ({ value: q, label: t('evaluation.quarterShort', { q }) })),
            ]}
          />
        </Space>
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('evaluation.rankings.hint')} />
      {d?.provisional && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('evaluation.rankings.provisional')}
        />
      )}
      {empty ? (
        <div className="fz-panel">
          <Empty description={(q.error as ApiError).message || t('evaluation.rankings.empty')} />
        </div>
      ) : (
        <ErrorAlert error={q.error} onRetry={() => q.refetch()} />
      )}
      {d && !empty && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Kpi title={t('evaluation.rankings.kpi.rounds')} value={d.rounds.length} />
            </Col>
            <Col xs={12} md={6}>
              <Kpi title={t('evaluation.rankings.kpi.samples')} value={d.samples} />
            </Col>
            <Col xs={12} md={6}>
              <Kpi
                title={t('evaluation.rankings.kpi.average')}
                value={d.average === null ? EMPTY : d.average.toFixed(1)}
              />
            </Col>
            <Col xs={12} md={6}>
              <Kpi
                title={t('evaluation.rankings.kpi.excellent')}
                value={d.units.filter((u) => u.excellent).length}
                color="#389e0d"
              />
            </Col>
          </Row>
          {d.units.length === 0 ? (
            <div className="fz-panel">
              <Empty description={t('evaluation.rankings.empty')} />
            </div>
          ) : (
            <div className="fz-panel">
              <Tabs
                activeKey={tab}
                onChange={(k) => set({ tab: k === 'units' ? null : k })}
                items={[
                  { key: 'units', label: t('evaluation.rankings.units'), children: unitsTab },
                  { key: 'officers', label: t('evaluation.rankings.officers'), children: officersTab },
                ]}
              />
            </div>
          )}
        </>
      )}
    </Page>
  );
}
