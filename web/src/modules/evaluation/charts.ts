/**
 * Evaluation charts as ECharts options. Bar items carry their unit id so a click drills down to
 * the unit's sampled cases without looking names up again.
 */
import type { TFunction } from 'i18next';
import type { ChartOption } from '../../app/ui/chart.tsx';

const BLUE = '#1d4f91';
const GREEN = '#389e0d';
const RED = '#cf1322';

export interface UnitBar {
  unitId: number;
  unitName: string;
  average: number;
  vetoes?: number;
  excellent?: boolean;
}

/**
 * Horizontal bars of unit averages, best at the top, with the excellent line drawn across:
 * excellent units green, units with a veto red, the rest police blue.
 */
export function unitBarOption(units: UnitBar[], excellentScore: number, t: TFunction): ChartOption {
  // ECharts draws a category axis bottom-up: sort ascending so the best unit ends on top.
  const rows = [...units].sort((a, b) => a.average - b.average);
  const colour = (u: UnitBar) =>
    u.vetoes ? RED : (u.excellent ?? u.average >= excellentScore) ? GREEN : BLUE;
  const min = Math.max(0, Math.floor(Math.min(excellentScore, ...rows.map((u) => u.average)) / 10) * 10 - 10);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min, max: 100 },
    yAxis: {
      type: 'category',
      data: rows.map((u) => u.unitName),
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: [
      {
        name: t('evaluation.rankings.series.average'),
        type: 'bar',
        barMaxWidth: 16,
        label: { show: true, position: 'right', formatter: (p) => Number(p.value).toFixed(1) },
        data: rows.map((u) => ({ value: u.average, unitId: u.unitId, itemStyle: { color: colour(u) } })),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: GREEN, type: 'dashed' },
          label: {
            position: 'end',
            distance: 6,
            color: GREEN,
            formatter: `${t('evaluation.rankings.series.excellentLine')} ${excellentScore}`,
          },
          data: [{ xAxis: excellentScore }],
        },
      },
    ],
  };
}

export interface TrendPoint {
  label: string;
  average: number | null;
  samples: number;
}

/** A unit's average quarter by quarter, with the excellent line; a quarter without samples is a gap. */
export function trendOption(points: TrendPoint[], excellentScore: number, t: TFunction): ChartOption {
  const values = points.map((p) => p.average).filter((v): v is number => v !== null);
  const min = Math.max(0, Math.floor(Math.min(excellentScore, ...values) / 10) * 10 - 10);
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => p.label) },
    yAxis: { type: 'value', min, max: 100 },
    series: [
      {
        name: t('evaluation.rankings.series.average'),
        type: 'line',
        symbolSize: 8,
        // a quarter between two without samples is a lone point: draw its dot
        showSymbol: true,
        showAllSymbol: true,
        connectNulls: false,
        itemStyle: { color: BLUE },
        label: { show: true, formatter: (p) => (p.value === null ? '' : Number(p.value).toFixed(1)) },
        data: points.map((p) => p.average),
        tooltip: { valueFormatter: (v) => (v === null || v === undefined ? '—' : Number(v).toFixed(1)) },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: GREEN, type: 'dashed' },
          label: {
            position: 'insideEndTop',
            color: GREEN,
            formatter: `${t('evaluation.rankings.series.excellentLine')} ${excellentScore}`,
          },
          data: [{ yAxis: excellentScore }],
        },
      },
    ],
  };
}
