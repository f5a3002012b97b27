import * as echarts from 'echarts';
import { type CSSProperties, useEffect, useRef } from 'react';

export type ChartOption = echarts.EChartsOption;
export type ChartClick = echarts.ECElementEvent;

interface ChartProps {
  option: ChartOption;
  height?: number;
  /** Clicking a bar, a segment or a point (the drill-down). */
  onClick?: (e: ChartClick) => void;
  style?: CSSProperties;
  /** Accessible name of the chart (screen readers get no canvas text). */
  label?: string;
}

/**
 * One ECharts instance in a div: created on mount, resized with its box (the side menu folding
 * or the window changing size both change it), disposed on unmount so no canvas leaks.
 */
export function Chart({ option, height = 300, onClick, style, label }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  // The latest handler, so a new closure on each render does not rebind the chart's listener.
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (e) => click.current?.(e as ChartClick));
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height, ...style }} />;
}
