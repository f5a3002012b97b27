/**
 * The supervision overview's charts as ECharts options. Every clickable item carries the
 * findings-list filters it stands for (`drill`), so the page's click handler only navigates.
 */
import type { SupervisionStatsResponse } from '@fazhi/common';
import type { ChartOption } from '../../../app/ui/chart.tsx';
import { monthsOf, PALETTE } from '../../dashboard/options.ts';

export type Drill = Record<string, string | number>;
type T = (key: string, opts?: Record<string, unknown>) => string;

/** Units shown in the by-unit chart: the most findings first. */
export const TOP_UNITS = 12;
const OPEN = 'open,answered';
const grid = { left: 8, right: 40, top: 32, bottom: 8, containLabel: true };
const tooltipAxis = { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } };
const RED = '#cf1322';

/** Closed and still-open findings of each rule, stacked; the longest bar on top. */
export function byRuleOption(d: SupervisionStatsResponse, t: T): ChartOption {
  const rows = [...d.byRule].sort((a, b) => a.count - b.count);
  return {
    tooltip: tooltipAxis,
    legend: { top: 0 },
    grid,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.name),
      axisLabel: { width: 150, overflow: 'truncate' },
    },
    series: [
      {
        id: 'closed',
        name: t('supervision.dashboard.chart.closedOther'),
        type: 'bar',
        stack: 'rule',
        barMaxWidth: 22,
        itemStyle: { color: PALETTE[0] },
        data: rows.map((r) => ({ value: r.count - r.open, drill: { rule: r.code } })),
      },
      {
        id: 'open',
        name: t('supervision.dashboard.chart.open'),
        type: 'bar',
        stack: 'rule',
        barMaxWidth: 22,
        itemStyle: { color: PALETTE[1] },
        label: { show: true, position: 'right', formatter: (p) => String(rows[p.dataIndex]?.count ?? '') },
        data: rows.map((r) => ({ value: r.open, drill: { rule: r.code, status: OPEN } })),
      },
    ],
  };
}

/** The units with most findings: closed and open stacked, overdue (a part of open) beside them. */
export function byUnitOption(d: SupervisionStatsResponse, t: T): ChartOption {
  const rows = [...d.byUnit]
    .sort((a, b) => b.count - a.count)
    .slice(0, TOP_UNITS)
    .reverse();
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
    series: [
      {
        id: 'closed',
        name: t('supervision.dashboard.chart.closedOther'),
        type: 'bar',
        stack: 'unit',
        barMaxWidth: 22,
        itemStyle: { color: PALETTE[0] },
        data: rows.map((u) => ({ value: u.count - u.open, drill: { unit: u.unitId } })),
      },
      {
        id: 'open',
        name: t('supervision.dashboard.chart.open'),
        type: 'bar',
        stack: 'unit',
        barMaxWidth: 22,
        itemStyle: { color: PALETTE[2] },
        label: { show: true, position: 'right', formatter: (p) => String(rows[p.dataIndex]?.count ?? '') },
        data: rows.map((u) => ({ value: u.open, drill: { unit: u.unitId, status: OPEN } })),
      },
      {
        id: 'overdue',
        name: t('supervision.dashboard.kpi.overdue'),
        type: 'bar',
        barMaxWidth: 10,
        itemStyle: { color: RED },
        data: rows.map((u) => ({ value: u.overdue, drill: { unit: u.unitId, overdue: 'true' } })),
      },
    ],
  };
}

/** The month cut to the period (ISO dates sort as text). */
function monthRange(month: string, d: SupervisionStatsResponse): Drill {
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0))
    .toISOString()
    .slice(0, 10);
  return { from: [`${month}-01`, d.from].sort()[1]!, to: [last, d.to].sort()[0]! };
}

/** Found against corrected each month of the period, quiet months as zero. */
export function byMonthOption(d: SupervisionStatsResponse, t: T): ChartOption {
  const months = monthsOf(d.from, d.to);
  const byMonth = new Map(d.byMonth.map((m) => [m.month, m]));
  return {
    color: [PALETTE[1]!, PALETTE[3]!],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { ...grid, right: 16 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        id: 'found',
        name: t('supervision.dashboard.chart.found'),
        type: 'line',
        symbolSize: 8,
        data: months.map((m) => ({ value: byMonth.get(m)?.found ?? 0, drill: monthRange(m, d) })),
      },
      {
        id: 'corrected',
        name: t('supervision.dashboard.chart.corrected'),
        type: 'line',
        symbolSize: 8,
        areaStyle: { opacity: 0.12 },
        data: months.map((m) => ({
          value: byMonth.get(m)?.corrected ?? 0,
          drill: { ...monthRange(m, d), status: 'corrected' },
        })),
      },
    ],
  };
}

/** Corrected findings: by the deadline or after it. */
export function rectificationOption(d: SupervisionStatsResponse, t: T): ChartOption {
  const r = d.rectification;
  // Both slices open the corrected findings: the list cannot tell on time from late.
  const slices = [
    { key: 'onTime', value: r.onTime, color: '#389e0d' },
    { key: 'late', value: r.late, color: RED },
  ].map((x) => ({
    name: t(`supervision.dashboard.chart.${x.key}`),
    value: x.value,
    itemStyle: { color: x.color },
    drill: { status: 'corrected' },
  }));
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['45%', '72%'],
        center: ['50%', '45%'],
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        label: { formatter: '{d}%' },
        data: slices,
      },
    ],
  };
}

/** Each unit's on-time rate (units with corrected findings), lowest first: who needs pressing. */
export function onTimeByUnitOption(d: SupervisionStatsResponse, t: T): ChartOption {
  const rows = d.byUnit
    .filter((u) => u.onTimeRate !== null)
    .sort((a, b) => (b.onTimeRate ?? 0) - (a.onTimeRate ?? 0))
    .slice(-TOP_UNITS);
  return {
    tooltip: { ...tooltipAxis, valueFormatter: (v) => `${v}%` },
    grid: { ...grid, top: 8 },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      data: rows.map((u) => u.unitName),
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    series: [
      {
        name: t('supervision.dashboard.kpi.onTimeRate'),
        type: 'bar',
        barMaxWidth: 18,
        label: { show: true, position: 'right', formatter: '{c}%' },
        data: rows.map((u) => {
          const pct = Math.round((u.onTimeRate ?? 0) * 1000) / 10;
          return {
            value: pct,
            itemStyle: { color: pct >= 90 ? '#389e0d' : pct >= 70 ? '#d48806' : RED },
            drill: { unit: u.unitId, status: 'corrected' },
          };
        }),
      },
    ],
  };
}
