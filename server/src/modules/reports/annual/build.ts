/**
 * Building a year's annual report: the saved text (or the default template) rendered with the
 * year's figures, as .docx and Markdown, and checked for consistency against itself and Fazhi's
 * records. The routes, the CLI (`fazhi report build`) and the benchmark call these.
 */
import { type CheckFinding, checkReport, renderMarkdown, renderPlainText } from '@fazhi/common';
import type { Queryable } from '../../../db/index.ts';
import { knownFiguresFor } from '../metrics/values.ts';
import { buildAnnualDocx } from './docx.ts';
import {
  type ChartFigure,
  chartCaption,
  chartGapNote,
  type Rendered,
  renderReport,
  seriesLabel,
} from './render.ts';
import { loadContent } from './store.ts';

/** The year rendered; `charts` adds the chart figures (the exports draw them, the preview does not). */
export async function renderYear(
  db: Queryable,
  orgId: number,
  year: number,
  o: { charts?: boolean } = {},
): Promise<Rendered> {
  return renderReport(db, orgId, year, await loadContent(db, orgId, year), o);
}

const cellOf = (v: number | null) => (v === null ? '—' : String(v));

/** A chart figure in Markdown: its caption over the series as a table (no picture), then its note. */
function chartMarkdown(f: ChartFigure): string[] {
  const note = chartGapNote(f);
  return [
    `**${chartCaption(f)}**`,
    '',
    `| 项目 | ${f.years.map((y) => `${y}年`).join(' | ')} |`,
    `| --- |${' ---: |'.repeat(f.years.length)}`,
    ...f.series.map((s) => `| ${seriesLabel(f, s)} | ${s.values.map(cellOf).join(' | ')} |`),
    '',
    ...(note ? [note, ''] : []),
  ];
}

/**
 * The Markdown export: the same text as the document, with the 同比 table and each chart's
 * series as Markdown tables.
 */
export function markdownOf(r: Rendered): string {
  const md = renderMarkdown(r);
  if (!r.yearOnYear.length && !r.charts.length) return md;
  const change = (c: number | null) => (c === null ? '—' : `${Math.round(c * 1000) / 10}%`);
  const table = [
    `**附：${r.year}年主要执法数据同比情况**`,
    '',
    ...(r.yearOnYear.length
      ? [
          `| 项目 | ${r.year}年 | ${r.year - 1}年 | 同比 |`,
          '| --- | ---: | ---: | ---: |',
          ...r.yearOnYear.map(
            (y) =>
              `| ${y.nameZh}（${y.unit}） | ${cellOf(y.value)} | ${cellOf(y.previous)} | ${change(y.change)} |`,
          ),
          '',
        ]
      : []),
    ...r.charts.flatMap(chartMarkdown),
  ].join('\n');
  // The table goes before the signature, as in the document.
  const sig = md.indexOf('<p align="right">');
  const cut = sig >= 0 ? sig : md.length;
  return `${md.slice(0, cut)}${table}\n${md.slice(cut)}`;
}

export interface AnnualReportBuild {
  docx: Buffer;
  markdown: string;
  /** Figure references rendered (every occurrence). */
  figures: number;
  /** Metric ids with no value for the year. */
  missing: string[];
}

export async function buildAnnualReport(
  db: Queryable,
  orgId: number,
  year: number,
): Promise<AnnualReportBuild> {
  const r = await renderYear(db, orgId, year, { charts: true });
  return { docx: await buildAnnualDocx(r), markdown: markdownOf(r), figures: r.figures, missing: r.missing };
}

/** The checker over the built text, with Fazhi's records as `known` so disagreements show. */
export async function checkYear(db: Queryable, orgId: number, year: number): Promise<CheckFinding[]> {
  const r = await renderYear(db, orgId, year);
  return checkReport(renderPlainText(r), { known: await knownFiguresFor(db, orgId, year), reportYear: year });
}

/** An uploaded hand-written report (.docx or .txt) checked the same way, for the year it names. */
export async function checkText(
  db: Queryable,
  orgId: number,
  text: string,
  year: number | null,
): Promise<CheckFinding[]> {
  const known = year === null ? [] : await knownFiguresFor(db, orgId, year);
  return checkReport(text, { known, ...(year === null ? {} : { reportYear: year }) });
}
