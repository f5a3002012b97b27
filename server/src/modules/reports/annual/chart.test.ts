/**
 * The chart pictures themselves: valid PNGs of the size the document shows them at, the same bytes
 * for the same figures, different ones when a figure changes, a gap drawn as a gap, and a picture
 * even on a machine without fonts.
 */
import { describe, expect, it } from 'vitest';
import { CHART_HEIGHT, CHART_WIDTH, type ChartSpec, chartSvg, renderChartPng } from './chart.ts';

/** The PNG's signature and its IHDR size (the first chunk of every valid PNG). */
function pngInfo(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect(png.subarray(-8, -4).toString('latin1')).toBe('IEND');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const spec = (values: (number | null)[]): ChartSpec => ({
  kind: 'bar',
  categories: ['2017', '2018', '2019', '2020', '2021'],
  series: [{ values }, { values: values.map((v) => (v === null ? null : v + 3)) }],
  emphasize: 4,
});

describe('chart pictures', () => {
  it('are PNGs three times the 156 mm display size, the same bytes for the same figures', () => {
    const a = renderChartPng(spec([12, 15, 9, 20, 31]));
    const b = renderChartPng(spec([12, 15, 9, 20, 31]));
    expect(pngInfo(a.png)).toEqual({ width: a.pixelWidth, height: a.pixelHeight });
    expect(a.pixelWidth).toBe(CHART_WIDTH * 3);
    expect(Math.abs(a.pixelHeight - CHART_HEIGHT * 3)).toBeLessThanOrEqual(3);
    // 156 mm at 96 to the inch: what the document shows, no wider than the text.
    expect((a.width / 96) * 25.4).toBeLessThanOrEqual(156);
    expect((a.width / 96) * 25.4).toBeGreaterThan(155);
    expect(a.png.equals(b.png)).toBe(true);
    expect(renderChartPng(spec([12, 15, 9, 20, 32])).png.equals(a.png)).toBe(false);
  });

  it('labels the bars with their values and a year without values as a gap, not 0', () => {
    const svg = chartSvg(spec([null, null, 9, 0, 31]));
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    for (const label of ['9', '12', '0', '3', '31', '34', '2017', '2021']) expect(texts).toContain(label);
    expect(texts.filter((x) => x === 'no data')).toHaveLength(2);
    // Nothing but ASCII is drawn: the server has no CJK font.
    expect([...svg].every((c) => c.charCodeAt(0) < 128)).toBe(true);
    expect(() =>
      chartSvg({ ...spec([1, 2, 3, 4, 5]), categories: ['2017年', '2018', '2019', '2020', '2021'] }),
    ).toThrow(/ASCII/);
  });

  it('still gives a valid picture with no font at all, and draws lines too', () => {
    const bare = renderChartPng(spec([12, 15, 9, 20, 31]), { fonts: 'none' });
    expect(pngInfo(bare.png).width).toBe(CHART_WIDTH * 3);
    const line = renderChartPng({ ...spec([12, null, 9, 20, 31]), kind: 'line' }, { scale: 1 });
    expect(pngInfo(line.png)).toEqual({ width: CHART_WIDTH, height: line.pixelHeight });
  });
});
