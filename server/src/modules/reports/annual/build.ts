/**
 * Building a year's annual report: the saved text (or the default template) rendered with the
 * year's figures, as .docx and Markdown, and checked for consistency against itself and Fazhi's
 * records. The routes, the CLI (`fazhi report build`) and the benchmark call these.
 */
import { type CheckFinding, checkReport, renderMarkdown, renderPlainText } from '@fazhi/common';
import type { Queryable } from '../../../db/index.ts';
import { knownFiguresFor } from '../metrics/values.ts';
import { buildAnnualDocx } from './docx.ts';
import { type Rendered, renderReport } from './render.ts';
import { loadContent } from './store.ts';

export async function renderYear(db: Queryable, orgId: number, year: number): Promise<Rendered> {
  return renderReport(db, orgId, year, await loadContent(db, orgId, year));
}

/** The Markdown export: the same text as the document, with the 同比 table as a Markdown table. */
export function markdownOf(r: Rendered): string {
  const md = renderMarkdown(r);
  if (!r.yearOnYear.length) return md;
  const f = (v: number | null) => (v === null ? '—' : String(v));
  const change = (c: number | null) => (c === null ? '—' : `${Math.round(c * 1000) / 10}%`);
  const table = [
    `**附：${r.year}年主要执法数据同比情况**`,
    '',
    `| 项目 | ${r.year}年 | ${r.year - 1}年 | 同比 |`,
    '| --- | ---: | ---: | ---: |',
    ...r.yearOnYear.map(
      (y) => `| ${y.nameZh}（${y.unit}） | ${f(y.value)} | ${f(y.previous)} | ${change(y.change)} |`,
    ),
    '',
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
  const r = await renderYear(db, orgId, year);
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
