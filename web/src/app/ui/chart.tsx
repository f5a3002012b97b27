import type { ECElementEvent, ECharts, EChartsOption } from 'echarts';
import { type CSSProperties, useEffect, useRef } from 'react';

export type ChartOption = EChartsOption;
export type ChartClick = ECElementEvent;

interface ChartProps {
  option: ChartOption;
  height?: number;
  /** Clicking a bar, a segment or a point (the drill-down). */
  onClick?: (e: ChartClick) => void;
  style?: CSSProperties;
  /** Accessible name of the chart (screen readers get no canvas text). */
  label?: string;
}

// ECharts is the largest library of the app: fetched with the first chart drawn, once.
let library: Promise<typeof import('./echarts.ts')> | null = null;
function loadECharts() {
  library ??= import('./echarts.ts').catch((e: unknown) => {
    library = null; // a failed download is tried again by the next chart
    throw e;
  });
  return library;
}

/**
 * One ECharts instance in a div: created on mount once the library has arrived (the box keeps
 * its height meanwhile, so nothing moves), resized with its box (the side menu folding or the
 * window changing size both change it), disposed on unmount so no canvas leaks.
 */
export function Chart({ option, height = 300, onClick, style, label }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  // The latest handler and option, so a new closure on each render does not rebind the chart's
  // listener, and a chart created after the library arrives draws the option of that moment.
  const click = useRef(onClick);
  click.current = onClick;
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let unmounted = false;
    let resize: ResizeObserver | null = null;
    loadECharts().then(
      ({ init }) => {
        if (unmounted) return;
        const c = init(el, undefined, { renderer: 'canvas' });
        chart.current = c;
        c.on('click', (e) => click.current?.(e as ChartClick));
        c.setOption(latest.current, { notMerge: true });
        resize = new ResizeObserver(() => c.resize());
        resize.observe(el);
      },
      (e: unknown) => console.error('charts could not be loaded', e),
    );
    return () => {
      unmounted = true;
      resize?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height, ...style }} />;
}
