import { ReloadOutlined } from '@ant-design/icons';
import {
  CASE_STATUS_NAMES,
  type CaseStatus,
  type DashboardResponse,
  GATE_NAMES,
  type Gate,
} from '@fazhi/common';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Row, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, buildUrl } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { bilingual } from '../../app/i18n/index.ts';
import { Chart, type ChartClick, type ChartOption } from '../../app/ui/chart.tsx';
import { ErrorAlert, Page } from '../../app/ui/page.tsx';
import { UnitTreeSelect } from '../platform/units/unit-tree-select.tsx';
import * as build from './options.ts';
import { ChartCard, Kpi, percent, YoY } from './widgets.tsx';

const TAG_EN: Record<string, string> = {
  涉疫: 'Epidemic',
  涉企: 'Enterprises',
  反诈: 'Anti-fraud',
  扫黑除恶: 'Anti-gang',
  涉黄赌毒: 'Vice and drugs',
  涉枪涉爆: 'Guns and explosives',
  家庭暴力: 'Domestic violence',
  涉校: 'Schools',
};

type Query = { from?: string; to?: string; unitId?: number };
/** What a click on a chart item carries (see options.ts). */
type Item = {
  unitId?: number;
  code?: string;
  status?: CaseStatus;
  gate?: Gate;
  tag?: string;
  caseType?: string;
};

const lastDay = (month: string) => dayjs(`${month}-01`).endOf('month').format('YYYY-MM-DD');

export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query: Query = {
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    unitId: params.get('unitId') ? Number(params.get('unitId')) : undefined,
  };
  const q = useQuery({
    queryKey: ['dashboard', 'enforcement', query],
    queryFn: ({ signal }) => api.get<DashboardResponse>('/api/dashboard/enforcement', query, { signal }),
    placeholderData: keepPreviousData,
  });
  const d = q.data;

  const setQuery = (next: Query) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== '') p.set(k, String(v));
    setParams(p, { replace: true });
  };

  const names: build.Names = useMemo(() => {
    const cats = new Map((d?.categories ?? []).map((c) => [c.code, c]));
    return {
      category: (code) => {
        const c = cats.get(code);
        return c ? bilingual({ zh: c.nameZh, en: c.nameEn }) : code;
      },
      status: (s) => bilingual(CASE_STATUS_NAMES[s]),
      gate: (g) => bilingual(GATE_NAMES[g]),
      caseType: (x) => t(`dashboard.caseType.${x}`),
      tag: (tag) => (i18n.language === 'en-US' ? (TAG_EN[tag] ?? tag) : tag),
      t: (key, opts) => t(key, opts),
    };
    // the language is a dependency: names change with it
  }, [d?.categories, t, i18n.language]);

  const options = useMemo(() => {
    if (!d) return null;
    const o: Record<string, ChartOption> = {
      monthly: build.monthlyOption(d, names),
      categories: build.categoryPieOption(d, names),
      units: build.unitBarOption(d, names),
      tags: build.tagOption(d, names),
      caseStatus: build.statusOption(d, names),
      caseType: build.caseTypeOption(d, names),
      caseUnits: build.caseUnitOption(d, names),
      gates: build.gateOption(d, names),
      clocks: build.clocksOption(d, names),
      publicity: build.publicityOption(d, names),
    };
    return o;
  }, [d, names]);

  // ---- drill-down: the list pages keep their filters in the address bar ----
  const range = d ? { from: d.from, to: d.to } : {};
  const scopeUnit = query.unitId;
  const toIncidents = (f: Record<string, string | number | undefined>) =>
    can('incident.read') && navigate(buildUrl('/incidents', { ...range, unitId: scopeUnit, ...f }));
  const toCases = (f: Record<string, string | number | undefined>, withRange = true) =>
    can('case.read') &&
    navigate(buildUrl('/cases', { ...(withRange ? range : {}), unitId: scopeUnit, ...f }));
  const item = (e: ChartClick) => (e.data ?? {}) as Item;
  const drill = {
    monthly: (e: ChartClick) => {
      if (!d || e.seriesId === 'lastYear') return;
      const month = String(e.name);
      // The month, cut to the dashboard's range (ISO dates sort as text).
      const from = [`${month}-01`, d.from].sort()[1]!;
      const to = [lastDay(month), d.to].sort()[0]!;
      toIncidents({ categoryCode: e.seriesId, from, to });
    },
    categories: (e: ChartClick) => toIncidents({ categoryCode: item(e).code }),
    units: (e: ChartClick) => toIncidents({ unitId: item(e).unitId }),
    tags: (e: ChartClick) => toIncidents({ tag: item(e).tag }),
    caseStatus: (e: ChartClick) => toCases({ status: item(e).status }),
    caseType: (e: ChartClick) => toCases({ caseType: item(e).caseType }),
    caseUnits: (e: ChartClick) => toCases({ unitId: item(e).unitId, status: e.seriesId }),
    // Queues and clocks are today's work: no date range on these lists.
    gates: (e: ChartClick) => toCases({ status: 'in_review', gate: item(e).gate }, false),
    clocks: (e: ChartClick) =>
      toCases({ unitId: item(e).unitId, ...(e.seriesId === 'overdue' ? { overdue: '1' } : {}) }, false),
  };

  const presets: { label: string; value: [Dayjs, Dayjs] }[] = [
    { label: t('dashboard.preset.last12'), value: [dayjs().subtract(11, 'month').startOf('month'), dayjs()] },
    { label: t('dashboard.preset.thisYear'), value: [dayjs().startOf('year'), dayjs()] },
    {
      label: t('dashboard.preset.lastYear'),
      value: [dayjs().subtract(1, 'year').startOf('year'), dayjs().subtract(1, 'year').endOf('year')],
    },
    { label: t('dashboard.preset.thisMonth'), value: [dayjs().startOf('month'), dayjs()] },
    { label: t('dashboard.preset.last30'), value: [dayjs().subtract(29, 'day'), dayjs()] },
  ];

  const k = d?.kpis;
  const clickable = (ok: boolean) => (ok ? t('dashboard.clickHint') : undefined);
  const chart = (key: keyof typeof drill | 'publicity', height = 300, readable = true) =>
    options?.[key] && (
      <Chart
        option={options[key]}
        height={height}
        label={t(`dashboard.chart.${key}`)}
        onClick={key !== 'publicity' && readable ? drill[key] : undefined}
      />
    );

  return (
    <Page
      title={t('dashboard.title')}
      extra={
        <Space wrap>
          <UnitTreeSelect
            allowClear
            placeholder={t('dashboard.allUnits')}
            style={{ width: 220 }}
            value={query.unitId}
            onChange={(unitId) => setQuery({ ...query, unitId })}
          />
          <DatePicker.RangePicker
            allowClear={false}
            presets={presets}
            value={d ? [dayjs(d.from), dayjs(d.to)] : null}
            onChange={(v) =>
              v?.[0] &&
              v[1] &&
              setQuery({ ...query, from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })
            }
          />
          <Button icon={<ReloadOutlined />} onClick={() => q.refetch()} loading={q.isFetching}>
            {t('common.refresh')}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={q.error} onRetry={() => q.refetch()} />
      {d && k && options && (
        <>
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            {t('dashboard.today', { today: d.today })} · {t('dashboard.clickHint')}
          </Typography.Paragraph>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={12} md={8} xl={3}>
              <Kpi
                title={t('dashboard.kpi.incidents')}
                value={k.incidents}
                foot={<YoY now={k.incidents} before={k.incidentsLastYear} />}
                onClick={can('incident.read') ? () => toIncidents({}) : undefined}
              />
            </Col>
            <Col xs={12} md={8} xl={3}>
              <Kpi
                title={t('dashboard.kpi.cases')}
                value={k.cases}
                foot={<YoY now={k.cases} before={k.casesLastYear} />}
                onClick={can('case.read') ? () => toCases({}) : undefined}
              />
            </Col>
            <Col xs={12} md={8} xl={3}>
              <Kpi
                title={t('dashboard.kpi.toCases')}
                value={k.incidentsToCases}
                foot={
                  k.incidents > 0 && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('dashboard.kpi.ofIncidents', { rate: percent(k.incidentsToCases / k.incidents) })}
                    </Typography.Text>
                  )
                }
              />
            </Col>
            <Col xs={12} md={8} xl={3}>
              <Kpi
                title={t('dashboard.kpi.inReview')}
                value={k.inReview}
                color="#d48806"
                onClick={can('case.read') ? () => toCases({ status: 'in_review' }, false) : undefined}
              />
            </Col>
            <Col xs={12} md={8} xl={3}>
              <Kpi
                title={t('dashboard.kpi.overdue')}
                value={k.overdue}
                color={k.overdue ? '#cf1322' : undefined}
                onClick={can('case.read') ? () => toCases({ overdue: '1' }, false) : undefined}
              />
            </Col>
            <Col xs={12} md={8} xl={3}>
              <Kpi
                title={t('dashboard.kpi.dueToday')}
                value={k.dueToday}
                color={k.dueToday ? '#d46b08' : undefined}
              />
            </Col>
            <Col xs={12} md={8} xl={3}>
              <Kpi title={t('dashboard.kpi.decisions')} value={k.decisions} />
            </Col>
            <Col xs={12} md={8} xl={3}>
              <Kpi title={t('dashboard.kpi.fineTotal')} value={k.fineTotal.toLocaleString()} />
            </Col>
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={16}>
              <ChartCard
                title={t('dashboard.chart.monthly')}
                extra={clickable(can('incident.read'))}
                empty={!k.incidents}
              >
                {chart('monthly', 320, can('incident.read'))}
              </ChartCard>
            </Col>
            <Col xs={24} xl={8}>
              <ChartCard title={t('dashboard.chart.categories')} empty={!k.incidents}>
                {chart('categories', 320, can('incident.read'))}
              </ChartCard>
            </Col>
            <Col xs={24} xl={12}>
              <ChartCard title={t('dashboard.chart.units')} empty={!d.incidentsByUnit.length}>
                {chart('units', Math.max(240, d.incidentsByUnit.length * 22 + 40), can('incident.read'))}
              </ChartCard>
            </Col>
            <Col xs={24} xl={12}>
              <ChartCard title={t('dashboard.chart.caseUnits')} empty={!d.casesByUnit.length}>
                {chart('caseUnits', Math.max(240, d.casesByUnit.length * 22 + 70), can('case.read'))}
              </ChartCard>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <ChartCard title={t('dashboard.chart.caseStatus')} empty={!k.cases}>
                {chart('caseStatus', 300, can('case.read'))}
              </ChartCard>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <ChartCard title={t('dashboard.chart.gates')} empty={false}>
                {chart('gates', 300, can('case.read'))}
              </ChartCard>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <ChartCard title={t('dashboard.chart.tags')} empty={!d.incidentsByTag.length}>
                {chart('tags', 300, can('incident.read'))}
              </ChartCard>
            </Col>
            <Col xs={24} xl={12}>
              <ChartCard title={t('dashboard.chart.clocks')} empty={!d.clocksByUnit.length}>
                <Space size="large" wrap style={{ marginBottom: 8 }}>
                  {d.clocksBySource.map((s) => (
                    <span key={s.source}>
                      <Typography.Text type="secondary">{t(`dashboard.source.${s.source}`)} </Typography.Text>
                      {build.CLOCK_KEYS.map((key) => (
                        <Tooltip key={key} title={t(`dashboard.clock.${key}`)}>
                          <Tag color={build.CLOCK_TAG[key]}>{s[key]}</Tag>
                        </Tooltip>
                      ))}
                    </span>
                  ))}
                </Space>
                {chart('clocks', Math.max(220, d.clocksByUnit.length * 22 + 60), can('case.read'))}
              </ChartCard>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <ChartCard title={t('dashboard.chart.caseType')} empty={!k.cases}>
                {chart('caseType', 260, can('case.read'))}
              </ChartCard>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <ChartCard
                title={t('dashboard.chart.publicity')}
                empty={d.publicity.due === 0 && d.publicity.published === 0}
              >
                {chart('publicity', 200)}
                {can('publicity.read') && d.publicity.overdue > 0 && (
                  <Button type="link" danger size="small" onClick={() => navigate('/publicity?overdue=true')}>
                    {t('dashboard.publicity.overdue')} {d.publicity.overdue}
                  </Button>
                )}
                <Row gutter={8}>
                  {(['due', 'onTime', 'late', 'pending'] as const).map((key) => (
                    <Col span={6} key={key}>
                      <Statistic
                        title={t(`dashboard.publicity.${key}`)}
                        value={d.publicity[key]}
                        styles={{ content: { fontSize: 16 } }}
                      />
                    </Col>
                  ))}
                </Row>
              </ChartCard>
            </Col>
          </Row>
        </>
      )}
      {q.isPending && <Card loading style={{ minHeight: 400 }} />}
    </Page>
  );
}
