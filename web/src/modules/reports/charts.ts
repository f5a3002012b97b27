/**
 * 同比 charts: this year against last year as bars. Each bar carries its metric id, so clicking a
 * bar of the key-figures panel opens that figure's drawer.
 */
import type { TFunction } from 'i18next';
import type { ChartOption } from '../../app/ui/chart.tsx';

const BLUE = '#1d4f91';
const GREY = '#9fb3c8';

export interface YoyPoint {
  id: string;
  name: string;
  value: number | null;
  previous: number | null;
}

export function yoyOption(points: YoyPoint[], t: TFunction): ChartOption {
  const bar = (key: 'value' | 'previous', name: string, color: string) => ({
    type: 'bar' as const,
    name,
    itemStyle: { color },
    barMaxWidth: 28,
    data: points.map((p) => ({ value: p[key] ?? 0, metricId: p.id })),
  });
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: points.map((p) => p.name),
      axisLabel: { interval: 0, width: 96, overflow: 'truncate', rotate: 20 },
    },
    yAxis: { type: 'value' },
    series: [bar('previous', t('reports.yoy.previous'), GREY), bar('value', t('reports.yoy.current'), BLUE)],
  };
}

/** One figure's two years side by side; a year without a value is left empty, not drawn as 0. */
export function figureYoyOption(
  periods: [previous: string, current: string],
  values: [previous: number | null, current: number | null],
): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value' },
    series: [
      {
        type: 'bar',
        barMaxWidth: 48,
        label: { show: true, position: 'top' },
        data: [
          { value: values[0] ?? '-', itemStyle: { color: GREY } },
          { value: values[1] ?? '-', itemStyle: { color: BLUE } },
        ],
      },
    ],
  };
}
