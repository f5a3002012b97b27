/**
 * A bar or line chart of a few series over years, as a PNG for the annual report's .docx: ECharts
 * draws it server-side as SVG, resvg rasterises it. Word needs a raster image (an SVG alone needs
 * a PNG fallback beside it), and PNG looks the same in every viewer.
 *
 * The server has no CJK font, so nothing Chinese is drawn: the picture holds only years, numbers
 * and data labels, and the caption, legend and unit go into the document as real text (which also
 * keeps them searchable and in the document's own fonts). The same spec always gives the same
 * bytes on a machine (no animation, no clock, fixed fonts); with no font at all the picture is
 * still a valid PNG, just without its labels.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import type * as Echarts from 'echarts';

/**
 * ECharts' one-file CommonJS build, loaded on the first chart: it loads in about a tenth of the
 * time of its several hundred ES modules, and a server that never exports a report never loads it.
 */
let loaded: typeof Echarts | undefined;
const echartsLib = (): typeof Echarts => {
  loaded ??= createRequire(import.meta.url)('echarts') as typeof Echarts;
  return loaded;
};

/**
 * Print-friendly: dark, light and middle tones of one blue, apart in greyscale too; the light bars
 * get a dark outline so they stay visible on a poor printer. The document's legend uses the same.
 */
export const CHART_COLORS = ['1F3A5F', 'A3B8CF', '5B7FA6'] as const;
const LINE_TYPES = ['solid', 'dashed', 'dotted'] as const;
const SYMBOLS = ['circle', 'rect', 'triangle'] as const;

export interface ChartSpec {
  kind: 'bar' | 'line';
  /** Category labels along the x axis (years): ASCII only. */
  categories: string[];
  /** One value per category; null is a gap (no record), drawn as nothing, never as 0. */
  series: { values: (number | null)[] }[];
  /** Index of the category to stress (the report's year). */
  emphasize?: number;
  /** Size in CSS pixels (96 to the inch): the size the picture is shown at in the document. */
  width?: number;
  height?: number;
}

export interface ChartOptions {
  /** Pixels of the PNG per CSS pixel (3 ≈ 290 dpi at the 156 mm text width). */
  scale?: number;
  /** 'none' draws without any font (for the test that the picture survives a machine with none). */
  fonts?: 'auto' | 'none';
}

export interface ChartPng {
  png: Buffer;
  /** The PNG's pixel size. */
  pixelWidth: number;
  pixelHeight: number;
  /** The size to show it at, in CSS pixels. */
  width: number;
  height: number;
}

/** 156 mm (the GB/T 9704 text width) at 96 to the inch, and half of it high. */
export const CHART_WIDTH = Math.floor((156 / 25.4) * 96);
export const CHART_HEIGHT = Math.round(CHART_WIDTH / 2);

const ASCII = /^[\x20-\x7e\n]*$/;

/** A sans font file that draws digits well, in the usual places; else whatever the system has. */
const FONT_FILES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/liberation/LiberationSans-Regular.ttf',
];
const FONT_FAMILY = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

let fontFile: string | null | undefined;
function knownFont(): string | null {
  if (fontFile === undefined) fontFile = FONT_FILES.find((f) => existsSync(f)) ?? null;
  return fontFile;
}

function resvgFont(fonts: 'auto' | 'none') {
  if (fonts === 'none') return { loadSystemFonts: false, fontFiles: [] };
  const file = knownFont();
  // One known file: the same glyphs whatever else is installed, and no scan of the system fonts.
  if (file) {
    const family = file.includes('Liberation') ? 'Liberation Sans' : 'DejaVu Sans';
    return { loadSystemFonts: false, fontFiles: [file], defaultFontFamily: family, sansSerifFamily: family };
  }
  return { loadSystemFonts: true };
}

/** The series' colour (RRGGBB): a light line fades on paper, so lines take the dark and middle tones. */
export function seriesColor(kind: ChartSpec['kind'], k: number): string {
  const order = kind === 'bar' ? [0, 1, 2] : [0, 2, 1];
  return CHART_COLORS[order[k % 3]!]!;
}

const nice = (v: number) => (Number.isInteger(v) ? String(v) : String(Math.round(v * 10) / 10));

/** The chart as SVG text (ECharts server-side rendering). */
export function chartSvg(spec: ChartSpec): string {
  for (const c of spec.categories)
    if (!ASCII.test(c)) throw new Error(`chart labels must be ASCII (no CJK font): ${c}`);
  const width = spec.width ?? CHART_WIDTH;
  const height = spec.height ?? CHART_HEIGHT;
  const gap = spec.categories.map((_, i) => spec.series.every((s) => s.values[i] == null));
  const chart = echartsLib().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: FONT_FAMILY, color: '#222222' },
      grid: { left: 44, right: 12, top: 26, bottom: 40 },
      xAxis: {
        type: 'category',
        data: spec.categories,
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#222222' } },
        axisLabel: {
          fontSize: 13,
          color: '#222222',
          formatter: (v: string, i: number) =>
            `{${i === spec.emphasize ? 'em' : 'y'}|${v}}${gap[i] ? '\n{na|no data}' : ''}`,
          rich: {
            y: { fontSize: 13, color: '#222222' },
            em: { fontSize: 13, color: '#000000', fontWeight: 'bold' },
            na: { fontSize: 11, color: '#666666', padding: [3, 0, 0, 0] },
          },
        },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { fontSize: 11, color: '#444444' },
        splitLine: { lineStyle: { color: '#d9d9d9', width: 0.8 } },
      },
      series: spec.series.map((s, k) => {
        const color = `#${seriesColor(spec.kind, k)}`;
        const label = {
          show: true,
          // Two lines' labels would collide where the lines meet: the second one's go below.
          position: spec.kind === 'line' && k % 2 === 1 ? 'bottom' : 'top',
          fontSize: 11,
          color: '#111111',
          formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? nice(p.value) : ''),
        };
        return spec.kind === 'bar'
          ? {
              type: 'bar',
              data: s.values,
              barMaxWidth: 36,
              barGap: '12%',
              itemStyle: { color, borderColor: `#${CHART_COLORS[0]}`, borderWidth: k === 0 ? 0 : 1 },
              label,
            }
          : {
              type: 'line',
              data: s.values,
              connectNulls: false,
              symbol: SYMBOLS[k % SYMBOLS.length],
              symbolSize: 7,
              lineStyle: { color, width: 2, type: LINE_TYPES[k % LINE_TYPES.length] },
              itemStyle: { color, borderColor: `#${CHART_COLORS[0]}`, borderWidth: 1 },
              label,
            };
      }),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The chart as PNG bytes, `scale` times its display size. */
export function renderChartPng(spec: ChartSpec, o: ChartOptions = {}): ChartPng {
  const width = spec.width ?? CHART_WIDTH;
  const height = spec.height ?? CHART_HEIGHT;
  const scale = o.scale ?? 3;
  const image = new Resvg(chartSvg(spec), {
    fitTo: { mode: 'width', value: Math.round(width * scale) },
    background: '#ffffff',
    font: resvgFont(o.fonts ?? 'auto'),
  }).render();
  return {
    png: image.asPng(),
    pixelWidth: image.width,
    pixelHeight: image.height,
    width,
    height,
  };
}
