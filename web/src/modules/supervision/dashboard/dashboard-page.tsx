import { ReloadOutlined } from '@ant-design/icons';
import type { SupervisionStatsResponse } from '@fazhi/common';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Row, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../app/api.ts';
import { Chart, type ChartClick, type ChartOption } from '../../../app/ui/chart.tsx';
import { todayCst } from '../../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../../app/ui/page.tsx';
import { ChartCard, Kpi, percent } from '../../dashboard/widgets.tsx';
import { UnitTreeSelect } from '../../platform/units/unit-tree-select.tsx';
import { findingsUrl, SUPERVISION_KEY } from '../api.ts';
import * as build from './options.ts';

/** The first year the branch's records reach back to (the demo history starts in 2021). */
const FIRST_YEAR = 2021;
const CUSTOM = 'custom';

type Query = { from?: string; to?: string; unit?: number };

/** The year a from/to pair covers exactly, if it does. */
function yearOf(q: Query): number | undefined {
  if (!q.from && !q.to) return Number(todayCst().slice(0, 4));
  const y = q.from?.slice(0, 4);
  return y && q.from === `${y}-01-01` && q.to === `${y}-12-31` ? Number(y) : undefined;
}

/** 监督概况: found, corrected, confirmed, open and overdue findings; every number opens its list. */
export default function SupervisionDashboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query: Query = {
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    unit: params.get('unit') ? Number(params.get('unit')) : undefined,
  };
  const q = useQuery({
    queryKey: [...SUPERVISION_KEY, 'stats', query],
    queryFn: ({ signal }) => api.get<SupervisionStatsResponse>('/api/supervision/stats', query, { signal }),
    placeholderData: keepPreviousData,
  });
  const d = q.data;

  const setQuery = (next: Query) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== '') p.set(k, String(v));
    setParams(p, { replace: true });
  };
  const year = yearOf(query);
  const thisYear = Number(todayCst().slice(0, 4));
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);

  const options = useMemo(() => {
    if (!d) return null;
    const tt = (key: string, opts?: Record<string, unknown>) => t(key, opts);
    const o: Record<string, ChartOption> = {
      byRule: build.byRuleOption(d, tt),
      byUnit: build.byUnitOption(d, tt),
      byMonth: build.byMonthOption(d, tt),
      rectification: build.rectificationOption(d, tt),
      onTimeByUnit: build.onTimeByUnitOption(d, tt),
    };
    return o;
    // t changes with the language, and the series names with it
  }, [d, t]);

  // ---- drill-down: the findings list keeps its filters in the address bar ----
  const toFindings = (f: build.Drill = {}) =>
    d && navigate(findingsUrl({ from: d.from, to: d.to, unit: query.unit, ...f }));
  const onChart = (e: ChartClick) => {
    const drill = (e.data as { drill?: build.Drill } | undefined)?.drill;
    if (drill) toFindings(drill);
  };
  const chart = (key: string, height: number) =>
    options?.[key] && (
      <Chart
        option={options[key]}
        height={height}
        label={t(`supervision.dashboard.chart.${key}`)}
        onClick={onChart}
      />
    );

  const k = d?.totals;
  const r = d?.rectification;
  return (
    <Page
      title={t('supervision.dashboard.title')}
      extra={
        <Space wrap>
          <UnitTreeSelect
            allowClear
            placeholder={t('supervision.allUnits')}
            style={{ width: 220 }}
            value={query.unit}
            onChange={(unit) => setQuery({ ...query, unit })}
          />
          <Select<number | string>
            style={{ width: 120 }}
            aria-label={t('supervision.period')}
            value={year ?? CUSTOM}
            onChange={(v) =>
              v === CUSTOM
                ? setQuery({ ...query, from: d?.from, to: d?.to })
                : setQuery({ ...query, from: `${v}-01-01`, to: `${v}-12-31` })
            }
            options={[
              ...years.map((y) => ({ value: y, label: t('supervision.yearLabel', { year: y }) })),
              { value: CUSTOM, label: t('supervision.customRange') },
            ]}
          />
          {year === undefined && (
            <DatePicker.RangePicker
              allowClear={false}
              value={d ? [dayjs(d.from), dayjs(d.to)] : null}
              onChange={(v) =>
                v?.[0] &&
                v[1] &&
                setQuery({ ...query, from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })
              }
            />
          )}
          <Button icon={<ReloadOutlined />} onClick={() => q.refetch()} loading={q.isFetching}>
            {t('common.refresh')}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={q.error} onRetry={() => q.refetch()} />
      {d && k && r && options && (
        <>
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            {t('supervision.dashboard.range', { from: d.from, to: d.to })} · {t('supervision.clickHint')}
          </Typography.Paragraph>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={12} md={8} xl={4}>
              <Kpi
                title={t('supervision.dashboard.kpi.found')}
                value={k.found}
                onClick={() => toFindings()}
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi
                title={t('supervision.dashboard.kpi.corrected')}
                value={k.corrected}
                color="#389e0d"
                onClick={() => toFindings({ status: 'corrected' })}
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi
                title={t('supervision.dashboard.kpi.confirmed')}
                value={k.confirmed}
                color={k.confirmed ? '#cf1322' : undefined}
                onClick={() => toFindings({ confirmed: 'true' })}
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi
                title={t('supervision.dashboard.kpi.open')}
                value={k.open}
                color={k.open ? '#d48806' : undefined}
                onClick={() => toFindings({ status: 'open,answered' })}
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi
                title={t('supervision.dashboard.kpi.overdue')}
                value={k.overdue}
                color={k.overdue ? '#cf1322' : undefined}
                onClick={() => toFindings({ overdue: 'true' })}
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi
                title={t('supervision.dashboard.kpi.onTimeRate')}
                value={r.onTimeRate === null ? '—' : percent(r.onTimeRate)}
                foot={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('supervision.dashboard.kpi.onTimeOf', { onTime: r.onTime, closed: r.closed })}
                  </Typography.Text>
                }
                onClick={() => toFindings({ status: 'corrected' })}
              />
            </Col>
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={16}>
              <ChartCard title={t('supervision.dashboard.chart.byMonth')} empty={!k.found}>
                {chart('byMonth', 320)}
              </ChartCard>
            </Col>
            <Col xs={24} xl={8}>
              <ChartCard title={t('supervision.dashboard.chart.rectification')} empty={!r.closed}>
                {chart('rectification', 320)}
              </ChartCard>
            </Col>
            <Col xs={24} xl={12}>
              <ChartCard title={t('supervision.dashboard.chart.byRule')} empty={!d.byRule.length}>
                {chart('byRule', Math.max(240, d.byRule.length * 26 + 50))}
              </ChartCard>
            </Col>
            <Col xs={24} xl={12}>
              <ChartCard
                title={t('supervision.dashboard.chart.byUnit', { n: build.TOP_UNITS })}
                empty={!d.byUnit.length}
              >
                {chart('byUnit', Math.max(240, Math.min(d.byUnit.length, build.TOP_UNITS) * 30 + 50))}
              </ChartCard>
            </Col>
            <Col xs={24} xl={12}>
              <ChartCard
                title={t('supervision.dashboard.chart.onTimeByUnit')}
                empty={!d.byUnit.some((u) => u.onTimeRate !== null)}
              >
                {chart('onTimeByUnit', Math.max(220, Math.min(d.byUnit.length, build.TOP_UNITS) * 24 + 30))}
              </ChartCard>
            </Col>
          </Row>
        </>
      )}
      {q.isPending && <Card loading style={{ minHeight: 400 }} />}
    </Page>
  );
}
