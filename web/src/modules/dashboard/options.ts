/**
 * The dashboard's charts as ECharts options, built from the API's figures. Every clickable data
 * item carries what the drill-down needs (unit id, category code, status …) so the page's click
 * handler never has to look labels up again.
 */
import type { CaseStatus, DashboardResponse, Gate } from '@fazhi/common';
import type { ChartOption } from '../../app/ui/chart.tsx';

export interface Names {
  category: (code: string) => string;
  status: (s: CaseStatus) => string;
  gate: (g: Gate) => string;
  caseType: (t: string) => string;
  tag: (tag: string) => string;
  t: (key: string, opts?: Record<string, unknown>) => string;
}

/** Police blue first, then colours that stay apart on a projector. */
export const PALETTE = [
  '#1d4f91',
  '#d4380d',
  '#d48806',
  '#389e0d',
  '#08979c',
  '#722ed1',
  '#c41d7f',
  '#7cb305',
  '#2f54eb',
  '#8c8c8c',
];

/** Open work blue, review gold, done green, refused red, ended grey (as the case list's tags). */
const STATUS_COLOUR: Record<CaseStatus, string> = {
  acceptance_review: '#4096ff',
  filing_review: '#1677ff',
  filing_approval: '#d4b106',
  investigating: '#1d4f91',
  in_review: '#faad14',
  approved: '#a0d911',
  informed: '#7cb305',
  decided: '#52c41a',
  with_procuratorate: '#722ed1',
  closed: '#bfbfbf',
  not_accepted: '#ff7a45',
  not_filed: '#f5222d',
  transferred: '#2f54eb',
  mediated: '#13c2c2',
};

const grid = { left: 8, right: 16, top: 36, bottom: 8, containLabel: true };
const tooltipAxis = { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } };

/** Every month of the range, so a quiet month shows as zero rather than vanishing. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (let i = 0; i < 120; i++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= end) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export function monthlyOption(d: DashboardResponse, n: Names): ChartOption {
  const months = monthsOf(d.from, d.to);
  const cell = new Map(d.incidentsByMonth.map((r) => [`${r.month}|${r.category}`, r.count]));
  const last = new Map(d.incidentsByMonthLastYear.map((r) => [r.month, r.count]));
  const used = d.categories.filter((c) => d.incidentsByCategory.some((x) => x.category === c.code));
  return {
    color: PALETTE,
    tooltip: tooltipAxis,
    legend: { top: 0, type: 'scroll' },
    grid,
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      ...used.map((c) => ({
        id: c.code,
        name: n.category(c.code),
        type: 'bar' as const,
        stack: 'incidents',
        emphasis: { focus: 'series' as const },
        data: months.map((m) => cell.get(`${m}|${c.code}`) ?? 0),
      })),
      {
        id: 'lastYear',
        name: n.t('dashboard.chart.lastYear'),
        type: 'line' as const,
        smooth: true,
        symbolSize: 6,
        lineStyle: { type: 'dashed' as const },
        itemStyle: { color: '#595959' },
        data: months.map((m) => last.get(m) ?? null),
      },
    ],
  };
}

export function categoryPieOption(d: DashboardResponse, n: Names): ChartOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { orient: 'vertical', right: 0, top: 'middle', type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['34%', '70%'],
        center: ['38%', '50%'],
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        // Names are in the legend; the ring carries the shares, where a slice has room for one.
        minShowLabelAngle: 14,
        label: { position: 'inside', formatter: '{d}%', color: '#fff', fontSize: 11 },
        data: d.incidentsByCategory.map((c) => ({
          name: n.category(c.category),
          value: c.count,
          code: c.category,
        })),
      },
    ],
  };
}

/** A horizontal bar per unit, largest on top. */
export function unitBarOption(d: DashboardResponse, n: Names): ChartOption {
  const rows = [...d.incidentsByUnit].reverse();
  return {
    tooltip: tooltipAxis,
    grid: { ...grid, top: 8, right: 40 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: rows.map((u) => u.unitName),
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    series: [
      {
        name: n.t('dashboard.kpi.incidents'),
        type: 'bar',
        barMaxWidth: 24,
        itemStyle: { color: PALETTE[0] },
        label: { show: true, position: 'right' },
        data: rows.map((u) => ({ value: u.count, unitId: u.unitId })),
      },
    ],
  };
}

export function tagOption(d: DashboardResponse, n: Names): ChartOption {
  const rows = [...d.incidentsByTag].reverse();
  return {
    tooltip: tooltipAxis,
    grid: { ...grid, top: 8, right: 40 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((x) => n.tag(x.tag)) },
    series: [
      {
        name: n.t('dashboard.kpi.incidents'),
        type: 'bar',
        barMaxWidth: 24,
        itemStyle: { color: PALETTE[4] },
        label: { show: true, position: 'right' },
        data: rows.map((x) => ({ value: x.count, tag: x.tag })),
      },
    ],
  };
}

/** Statuses in workflow order, one bar each (twelve slices make a poor pie). */
export function statusOption(d: DashboardResponse, n: Names): ChartOption {
  const rows = [...d.casesByStatus].reverse();
  return {
    tooltip: tooltipAxis,
    grid: { ...grid, top: 8, right: 40 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((s) => n.status(s.status)) },
    series: [
      {
        name: n.t('dashboard.kpi.cases'),
        type: 'bar',
        barMaxWidth: 24,
        label: { show: true, position: 'right' },
        data: rows.map((s) => ({
          value: s.count,
          status: s.status,
          itemStyle: { color: STATUS_COLOUR[s.status] },
        })),
      },
    ],
  };
}

export function caseTypeOption(d: DashboardResponse, n: Names): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [
      {
        type: 'pie',
        radius: '70%',
        label: { position: 'inside', formatter: '{b}\n{c}', color: '#fff' },
        data: d.casesByType.map((x) => ({
          name: n.caseType(x.caseType),
          value: x.count,
          caseType: x.caseType,
          itemStyle: { color: x.caseType === 'admin' ? PALETTE[0] : '#c41d7f' },
        })),
      },
    ],
  };
}

/** Units stacked by status; a click names the unit (the data item) and the status (the series). */
export function caseUnitOption(d: DashboardResponse, n: Names): ChartOption {
  const rows = [...d.casesByUnit].reverse();
  const statuses = [...new Set(d.casesByUnit.flatMap((u) => u.byStatus.map((s) => s.status)))];
  return {
    tooltip: tooltipAxis,
    legend: { top: 0, type: 'scroll' },
    grid,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: rows.map((u) => u.unitName),
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    series: statuses.map((s) => ({
      id: s,
      name: n.status(s),
      type: 'bar' as const,
      stack: 'cases',
      barMaxWidth: 24,
      itemStyle: { color: STATUS_COLOUR[s] },
      emphasis: { focus: 'series' as const },
      data: rows.map((u) => ({
        value: u.byStatus.find((x) => x.status === s)?.count ?? 0,
        unitId: u.unitId,
      })),
    })),
  };
}

export function gateOption(d: DashboardResponse, n: Names): ChartOption {
  return {
    tooltip: tooltipAxis,
    grid: { ...grid, top: 16 },
    xAxis: {
      type: 'category',
      data: d.reviewQueue.map((g) => n.gate(g.gate)),
      axisLabel: { interval: 0, width: 72, overflow: 'break' },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: n.t('dashboard.chart.waiting'),
        type: 'bar',
        barMaxWidth: 48,
        itemStyle: { color: '#faad14' },
        label: { show: true, position: 'top' },
        data: d.reviewQueue.map((g) => ({ value: g.count, gate: g.gate })),
      },
    ],
  };
}

export const CLOCK_KEYS = ['overdue', 'dueToday', 'dueSoon'] as const;
const CLOCK_COLOUR = { overdue: '#cf1322', dueToday: '#fa8c16', dueSoon: '#fadb14' };
/** The same three as antd tag colours, for the counts above the chart. */
export const CLOCK_TAG = { overdue: 'red', dueToday: 'orange', dueSoon: 'gold' } as const;

export function clocksOption(d: DashboardResponse, n: Names): ChartOption {
  const rows = [...d.clocksByUnit].reverse();
  return {
    tooltip: tooltipAxis,
    legend: { top: 0 },
    grid,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: rows.map((u) => u.unitName),
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    series: CLOCK_KEYS.map((k) => ({
      id: k,
      name: n.t(`dashboard.clock.${k}`),
      type: 'bar' as const,
      stack: 'clocks',
      barMaxWidth: 24,
      itemStyle: { color: CLOCK_COLOUR[k] },
      data: rows.map((u) => ({ value: u[k], unitId: u.unitId })),
    })),
  };
}

export function publicityOption(d: DashboardResponse, n: Names): ChartOption {
  const rate = d.publicity.onTimeRate === null ? 0 : Math.round(d.publicity.onTimeRate * 1000) / 10;
  return {
    series: [
      {
        type: 'gauge',
        min: 0,
        max: 100,
        radius: '92%',
        center: ['50%', '58%'],
        progress: { show: true, width: 14 },
        axisLine: { lineStyle: { width: 14 } },
        splitLine: { length: 8 },
        axisTick: { show: false },
        axisLabel: { distance: 18, fontSize: 10 },
        pointer: { width: 4 },
        itemStyle: { color: rate >= 95 ? '#389e0d' : rate >= 85 ? '#d48806' : '#cf1322' },
        title: { offsetCenter: [0, '72%'], fontSize: 13 },
        detail: { formatter: '{value}%', offsetCenter: [0, '40%'], fontSize: 22 },
        data: [{ value: rate, name: n.t('dashboard.publicity.onTimeRate') }],
      },
    ],
  };
}
