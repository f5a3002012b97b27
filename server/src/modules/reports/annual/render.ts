/**
 * A report's text rendered for a year: every {{metric.id}} replaced by the metric's value for
 * that year (computed from the records, or taken from the accepted submission), with the list of
 * metrics that have no value yet. The preview, the .docx, the Markdown and the checker all read
 * this one rendering, so they print the same numbers. For the exports it also carries the chart
 * figures: a few key metrics over five years, with the captions and words the document prints.
 */
import {
  type DatedFlag,
  type FigureValue,
  type MetricValue,
  metricById,
  type PreviewBlock,
  type PreviewResponse,
  type RenderedReport,
  renderBlock,
  renderSegments,
  segmentsText,
  templateRefs,
} from '@fazhi/common';
import type { Queryable } from '../../../db/index.ts';
import { metricValues, yearValues } from '../metrics/values.ts';
import type { ReportContent } from './store.ts';
import { ADDRESSEE } from './template.ts';

export interface YearOnYear {
  id: string;
  nameZh: string;
  unit: string;
  value: number | null;
  previous: number | null;
  change: number | null;
}

export interface ChartSeries {
  id: string;
  nameZh: string;
  unit: string;
  /** One per year of the figure; null where the year has no value (before the branch's records). */
  values: (number | null)[];
}

/** A figure of the document: a few key metrics over the report's year and the four before it. */
export interface ChartFigure {
  /** 图1, 图2 … in the order of the document. */
  number: number;
  key: string;
  /** What the figure shows, e.g. 行政处罚与执法公示人数 (the caption adds the years). */
  titleZh: string;
  kind: 'bar' | 'line';
  years: number[];
  series: ChartSeries[];
}

export interface Rendered extends RenderedReport {
  year: number;
  /** Figure references printed (every occurrence). */
  figures: number;
  /** Metric ids referenced but without a value for the year. */
  missing: string[];
  /** 同比 of a few key computed figures, for the table at the end of the document. */
  yearOnYear: YearOnYear[];
  /** The figures drawn as charts; empty unless asked for (the preview and the checker do not). */
  charts: ChartFigure[];
}

/** Key enforcement figures whose 同比 the document shows as a table (all computed from records). */
export const YEAR_ON_YEAR_IDS = [
  'cases.admin_penalty_persons',
  'publicity.admin_penalty_published_persons',
  'review.criminal_cases_reviewed',
  'review.admin_cases_reviewed',
  'evaluation.cases_evaluated',
  'supervision.irregular_acceptance_found',
] as const;

/**
 * The key figures drawn as charts, grouped so each chart compares like with like: persons
 * penalised and published, cases reviewed by kind, supervision. Together they are the 同比
 * table's figures; the table keeps the exact numbers and the change.
 */
export const CHART_GROUPS = [
  {
    key: 'penalties',
    titleZh: '行政处罚与执法公示人数',
    kind: 'bar',
    ids: ['cases.admin_penalty_persons', 'publicity.admin_penalty_published_persons'],
  },
  {
    key: 'reviews',
    titleZh: '法制审核案件数',
    kind: 'bar',
    ids: ['review.criminal_cases_reviewed', 'review.admin_cases_reviewed'],
  },
  {
    key: 'supervision',
    titleZh: '执法监督情况',
    kind: 'bar',
    ids: ['evaluation.cases_evaluated', 'supervision.irregular_acceptance_found'],
  },
] as const satisfies readonly {
  key: string;
  titleZh: string;
  kind: 'bar' | 'line';
  ids: readonly string[];
}[];

/** The report's year and the four before it. */
export const CHART_YEARS = 5;

/**
 * The chart figures of a year. The report's year and the year before come from the report's own
 * metricValues (`value` and `previous`, the latter already null for a year before the branch's
 * first record: unknown, not zero — a bar of 0 would read as a year without enforcement); the
 * earlier years are counted once each by yearValues, which applies the same rule.
 */
export async function chartFigures(
  db: Queryable,
  orgId: number,
  year: number,
  reported: ReadonlyMap<string, MetricValue>,
): Promise<ChartFigure[]> {
  const groups = CHART_GROUPS.map((g) => ({ ...g, ids: g.ids.filter((id) => metricById(id)) })).filter(
    (g) => g.ids.length > 0,
  );
  const ids = groups.flatMap((g) => g.ids);
  const years = Array.from({ length: CHART_YEARS }, (_, i) => year - CHART_YEARS + 1 + i);
  const earlier = await yearValues(db, orgId, years.slice(0, -2), ids);
  const yearValue = (id: string, y: number): number | null =>
    y === year
      ? (reported.get(id)?.value ?? null)
      : y === year - 1
        ? (reported.get(id)?.previous ?? null)
        : (earlier.get(y)?.get(id) ?? null);
  return groups.map((g, n) => ({
    number: n + 1,
    key: g.key,
    titleZh: g.titleZh,
    kind: g.kind,
    years,
    series: g.ids.map((id) => {
      const def = metricById(id)!;
      return { id, nameZh: def.nameZh, unit: def.unit, values: years.map((y) => yearValue(id, y)) };
    }),
  }));
}

/** 2017—2020年 for a run of years, 2017、2019年 for scattered ones. */
export function yearsText(years: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const y of [...years].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && y === last[1] + 1) last[1] = y;
    else runs.push([y, y]);
  }
  return `${runs.map(([a, b]) => (a === b ? String(a) : `${a}—${b}`)).join('、')}年`;
}

const oneUnit = (f: ChartFigure) => {
  const units = new Set(f.series.map((s) => s.unit));
  return units.size === 1 ? [...units][0]! : null;
};

/** 图1  2017—2021年行政处罚与执法公示人数（单位：人）: under the picture, and over its Markdown table. */
export function chartCaption(f: ChartFigure): string {
  const unit = oneUnit(f);
  return `图${f.number}  ${f.years[0]}—${f.years.at(-1)}年${f.titleZh}${unit ? `（单位：${unit}）` : ''}`;
}

/** A series' name in the legend: with its unit when the chart mixes units. */
export function seriesLabel(f: ChartFigure, s: ChartSeries): string {
  return oneUnit(f) ? s.nameZh : `${s.nameZh}（${s.unit}）`;
}

/** 注：2017—2020年系统中尚无记录，图中空缺。 when some years have no value at all. */
export function chartGapNote(f: ChartFigure): string | null {
  const gaps = f.years.filter((_, i) => f.series.every((s) => s.values[i] === null));
  return gaps.length ? `注：${yearsText(gaps)}系统中尚无记录，图中空缺。` : null;
}

/** The figure in words for its alt text: every series with every year's value (or 无记录). */
export function chartDescription(f: ChartFigure): string {
  const series = f.series.map(
    (s) =>
      `${s.nameZh}（${s.unit}）：${f.years
        .map((y, i) => `${y}年${s.values[i] === null ? '无记录' : String(s.values[i])}`)
        .join('，')}`,
  );
  return `${chartCaption(f).replace(/\s+/, ' ')}。${series.join('；')}。`;
}

function referencedIds(content: ReportContent): string[] {
  const ids = new Set<string>();
  for (const t of [content.title, ...content.blocks.flatMap((b) => [b.heading, b.text])])
    for (const id of templateRefs(t)) if (metricById(id)) ids.add(id);
  return [...ids];
}

export async function renderReport(
  db: Queryable,
  orgId: number,
  year: number,
  content: ReportContent,
  o: { charts?: boolean } = {},
): Promise<Rendered> {
  const ids = referencedIds(content);
  const chartIds = o.charts ? CHART_GROUPS.flatMap((g) => g.ids) : [];
  const wanted = [...new Set([...ids, ...YEAR_ON_YEAR_IDS, ...chartIds].filter((id) => metricById(id)))];
  const values = await metricValues(db, orgId, String(year), wanted);
  const byId = new Map(values.map((v) => [v.id, v]));
  const charts = o.charts ? await chartFigures(db, orgId, year, byId) : [];
  const figureValues = new Map<string, FigureValue>();
  for (const v of values) {
    const def = metricById(v.id);
    if (def) figureValues.set(v.id, { value: v.value, status: v.status, unit: def.unit });
  }
  const blocks: PreviewBlock[] = content.blocks.map((b) => renderBlock(b, year, figureValues));
  let figures = 0;
  const missing = new Set<string>();
  for (const b of blocks)
    for (const p of b.paragraphs)
      for (const s of p) {
        if (!('metricId' in s)) continue;
        figures++;
        if (s.status === 'missing') missing.add(s.metricId);
      }
  const yearOnYear: YearOnYear[] = YEAR_ON_YEAR_IDS.flatMap((id) => {
    const def = metricById(id);
    const v = byId.get(id);
    if (!def || !v) return [];
    return [
      { id, nameZh: def.nameZh, unit: def.unit, value: v.value, previous: v.previous, change: v.change },
    ];
  });
  return {
    year,
    title: segmentsText(renderSegments(content.title, year, figureValues)),
    addressee: ADDRESSEE,
    signature: content.signature,
    signedOn: content.signedOn,
    blocks,
    figures,
    missing: [...missing].sort(),
    yearOnYear,
    charts,
  };
}

/** What the browser preview shows of a rendering (the report's or an old version's), with its flags. */
export function previewOf(r: Rendered, flags: DatedFlag[]): PreviewResponse {
  return {
    year: r.year,
    title: r.title,
    signature: r.signature,
    signedOn: r.signedOn,
    blocks: r.blocks,
    figures: r.figures,
    missing: r.missing,
    flags,
  };
}
