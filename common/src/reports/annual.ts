/**
 * 法治政府建设年度报告: the contracts of the report builder and its pure template functions.
 * A report is a list of blocks (一、 / （一） / 1. / paragraph) whose text embeds figures only by
 * reference, `{{metric.id}}`, so no number is typed by hand: the server renders each reference
 * from the metric's value for the year, the web preview shows where it came from.
 */
import { z } from 'zod';

/**
 * 确认仍属实: the author's statement that a paragraph flagged as telling another year's events
 * holds for this report's year as it stands. It binds to the exact wording (`text`, the heading or
 * one paragraph as stored, {{…}} included): editing the paragraph drops it. Only the server writes
 * it (POST …/confirmations, audited); a save keeps those of unchanged paragraphs and ignores any
 * a client sends.
 */
export const ParagraphConfirmation = z.object({
  text: z.string().max(20000),
  by: z.string().max(100),
  at: z.string().max(40),
});
export type ParagraphConfirmation = z.infer<typeof ParagraphConfirmation>;

/** 0 = paragraph (no heading), 1 = 一、 (黑体), 2 = （一） (楷体), 3 = 1. (run-in, 仿宋 bold). */
export const ReportBlock = z.object({
  id: z.string().min(1).max(40),
  level: z.number().int().min(0).max(3),
  heading: z.string().max(200),
  /** Paragraphs separated by "\n"; figures as {{metric.id}}. */
  text: z.string().max(20000),
  confirmed: z.array(ParagraphConfirmation).max(500).optional(),
});
export type ReportBlock = z.infer<typeof ReportBlock>;

export const AnnualReportSaveRequest = z.object({
  /** The version the editor started from: a stale one answers 409. 0 for a report not saved yet. */
  version: z.number().int().min(0),
  title: z.string().min(1).max(200),
  blocks: z.array(ReportBlock).min(1).max(500),
  signature: z.string().min(1).max(100),
  signedOn: z.iso.date().nullable(),
});
export type AnnualReportSaveRequest = z.infer<typeof AnnualReportSaveRequest>;

export const DATED_SPAN_KINDS = ['year', 'carried', 'event'] as const;

/** One place that ties a paragraph to another year (see checker/dated-narrative.ts). */
export const DatedSpanItem = z.object({
  kind: z.enum(DATED_SPAN_KINDS),
  /** As printed (year variables filled in). */
  text: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  event: z.string().optional(),
});
export type DatedSpanItem = z.infer<typeof DatedSpanItem>;

/**
 * 需改写：描述其他年度的事件 — a heading or paragraph of the report that tells what happened in
 * another year. While one is neither rewritten nor confirmed the report cannot be signed (定稿:
 * given its 成文日期).
 */
export const DatedFlag = z.object({
  blockId: z.string(),
  field: z.enum(['heading', 'text']),
  /** The paragraph's index among the block's non-empty paragraphs, as the preview numbers them; 0 for the heading. */
  paragraph: z.number().int(),
  /** The heading or paragraph as stored, {{…}} included (what a confirmation binds to). */
  text: z.string(),
  spans: z.array(DatedSpanItem),
  /** Carried over unchanged from that year's report: its dates without a year are that year's. */
  carriedFrom: z.number().int().nullable(),
  confirmed: ParagraphConfirmation.omit({ text: true }).nullable(),
});
export type DatedFlag = z.infer<typeof DatedFlag>;

/**
 * The text a year's report starts from: the latest earlier year's report (its current version),
 * or the reference template when there is none. `paragraphs` are its headings and paragraphs
 * whose undated dates would be that year's if carried over unchanged (the editor checks the text
 * as it is typed against them).
 */
export const ReportSource = z.object({
  year: z.number().int(),
  kind: z.enum(['report', 'template']),
  paragraphs: z.array(z.string()),
});
export type ReportSource = z.infer<typeof ReportSource>;

/** 确认仍属实 for one flagged heading or paragraph; `version` is the current version seen (409 when stale). */
export const AnnualReportConfirmRequest = z.object({
  version: z.number().int().min(0),
  blockId: z.string().min(1).max(40),
  field: z.enum(['heading', 'text']),
  text: z.string().min(1).max(20000),
});
export type AnnualReportConfirmRequest = z.infer<typeof AnnualReportConfirmRequest>;

export const AnnualReportVersionItem = z.object({
  version: z.number().int(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const AnnualReportResponse = z.object({
  year: z.number().int(),
  title: z.string(),
  blocks: z.array(ReportBlock),
  signature: z.string(),
  signedOn: z.string().nullable(),
  /** 0 while the report is still the default template (never saved). */
  version: z.number().int(),
  saved: z.boolean(),
  updatedAt: z.string().nullable(),
  versions: z.array(AnnualReportVersionItem),
  /** Where the text came from: for a report not saved yet, what it was derived from. */
  source: ReportSource.nullable(),
  /** Headings and paragraphs that tell another year's events, confirmed or not. */
  flags: z.array(DatedFlag),
});
export type AnnualReportResponse = z.infer<typeof AnnualReportResponse>;

/** One saved version's text (the signing date is not kept per version: the current one is shown). */
export const AnnualReportVersionResponse = z.object({
  year: z.number().int(),
  version: z.number().int(),
  title: z.string(),
  blocks: z.array(ReportBlock),
  signature: z.string(),
  actorName: z.string().nullable(),
  at: z.string(),
  /** The report's current version, so a client can tell whether this one is the latest. */
  currentVersion: z.number().int(),
});
export type AnnualReportVersionResponse = z.infer<typeof AnnualReportVersionResponse>;

/** Restores a saved version as a new one; `version` is the current version the user saw (409 when stale). */
export const AnnualReportRestoreRequest = z.object({ version: z.number().int().min(1) });
export type AnnualReportRestoreRequest = z.infer<typeof AnnualReportRestoreRequest>;

export const DIFF_STATUSES = ['unchanged', 'changed', 'added', 'removed'] as const;
export type DiffStatus = (typeof DIFF_STATUSES)[number];

/**
 * One paragraph of a compared block: kept, only in the old text, only in the new one, or edited
 * in place (both texts, with the length of their common start and end so the edit can be marked).
 */
export const DiffParagraph = z.union([
  z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() }),
  z.object({
    kind: z.literal('changed'),
    old: z.string(),
    new: z.string(),
    prefix: z.number().int(),
    suffix: z.number().int(),
  }),
]);
export type DiffParagraph = z.infer<typeof DiffParagraph>;

export const DiffBlock = z.object({
  id: z.string(),
  status: z.enum(DIFF_STATUSES),
  level: z.number().int(),
  /** The heading and text of each side; null on the side the block is missing from. */
  oldHeading: z.string().nullable(),
  newHeading: z.string().nullable(),
  oldText: z.string().nullable(),
  newText: z.string().nullable(),
  /** Empty for an unchanged block (its text is in oldText/newText). */
  paragraphs: z.array(DiffParagraph),
});
export type DiffBlock = z.infer<typeof DiffBlock>;

const ChangedField = z.object({ old: z.string(), new: z.string() }).nullable();

/** A saved version (old) against the current text (new), block by block in the current order. */
export const AnnualReportCompareResponse = z.object({
  year: z.number().int(),
  version: z.number().int(),
  currentVersion: z.number().int(),
  title: ChangedField,
  signature: ChangedField,
  blocks: z.array(DiffBlock),
  counts: z.object({ changed: z.number().int(), added: z.number().int(), removed: z.number().int() }),
});
export type AnnualReportCompareResponse = z.infer<typeof AnnualReportCompareResponse>;

export const FIGURE_STATUSES = ['computed', 'submitted', 'missing'] as const;
export type FigureStatus = (typeof FIGURE_STATUSES)[number];

export const PreviewSegment = z.union([
  z.object({ text: z.string() }),
  z.object({
    metricId: z.string(),
    /** The value as printed, with its unit ("2893人", "99.49%"), or 【待填报】 when missing. */
    display: z.string(),
    value: z.number().nullable(),
    status: z.enum(FIGURE_STATUSES),
  }),
]);
export type PreviewSegment = z.infer<typeof PreviewSegment>;

export const PreviewBlock = z.object({
  id: z.string(),
  level: z.number().int(),
  heading: z.string(),
  /** One list of segments per paragraph of the block's text. */
  paragraphs: z.array(z.array(PreviewSegment)),
});
export type PreviewBlock = z.infer<typeof PreviewBlock>;

export const PreviewResponse = z.object({
  year: z.number().int(),
  title: z.string(),
  signature: z.string(),
  signedOn: z.string().nullable(),
  blocks: z.array(PreviewBlock),
  /** References rendered (each occurrence counts). */
  figures: z.number().int(),
  /** Metric ids with no value for the year (not computed, no accepted submission). */
  missing: z.array(z.string()),
  /** Headings and paragraphs that tell another year's events (marked in the preview). */
  flags: z.array(DatedFlag),
});
export type PreviewResponse = z.infer<typeof PreviewResponse>;

export const CheckFindingItem = z.object({
  kind: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  messageEn: z.string(),
  excerpts: z.array(z.string()),
  arithmetic: z.string().optional(),
  metricId: z.string().optional(),
});

export const CheckResponse = z.object({
  findings: z.array(CheckFindingItem),
  total: z.number().int(),
});
export type CheckResponse = z.infer<typeof CheckResponse>;

// ---------------------------------------------------------------------------------------------
// Template functions (pure)

/**
 * Report-level variables that are not metrics: the report's year, the next one and the one
 * before, so headings such as 四、{{report.next_year}}年推进法治政府建设的工作思路 and comparisons
 * such as 较{{report.prev_year}}年 carry over from year to year.
 */
export const REPORT_VARIABLES = ['report.year', 'report.next_year', 'report.prev_year'] as const;

export type TemplatePart = { text: string } | { ref: string; format?: FigureFormat };

/**
 * {{metric.id}}, or {{metric.id|change}} for a signed 同比 ratio printed in words: a value of
 * -17.54 (%) reads 下降17.54%, 25.13 reads 上升25.13%, as a report words a change.
 */
const REF = /\{\{\s*([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)(?:\s*\|\s*(change))?\s*\}\}/g;

export type FigureFormat = 'change';

/** Splits a text into literal parts and {{id}} references, in order. */
export function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let at = 0;
  for (const m of text.matchAll(REF)) {
    if (m.index > at) parts.push({ text: text.slice(at, m.index) });
    parts.push(m[2] ? { ref: m[1]!, format: m[2] as FigureFormat } : { ref: m[1]! });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

/** The distinct references of a text, in order of first use. */
export function templateRefs(text: string): string[] {
  return [...new Set(parseTemplate(text).flatMap((p) => ('ref' in p ? [p.ref] : [])))];
}

export interface TemplateProblem {
  /** The request field, e.g. blocks.3.text. */
  field: string;
  /** What is wrong: an unknown metric id, or braces that are not a reference. */
  kind: 'unknownMetric' | 'malformedReference';
  ref: string;
}

/**
 * Unknown ids and stray braces in headings and texts, named by field, so an editor can point at
 * the block. `isMetric` answers whether an id is in the catalogue.
 */
export function validateBlocks(
  blocks: readonly Pick<ReportBlock, 'heading' | 'text'>[],
  isMetric: (id: string) => boolean,
): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const known = (id: string) => (REPORT_VARIABLES as readonly string[]).includes(id) || isMetric(id);
  for (const [i, b] of blocks.entries()) {
    for (const key of ['heading', 'text'] as const) {
      const field = `blocks.${i}.${key}`;
      const value = b[key];
      for (const ref of templateRefs(value))
        if (!known(ref)) problems.push({ field, kind: 'unknownMetric', ref });
      // Whatever braces remain once the references are taken out were meant as one and are not.
      const stray = value.replace(REF, '').match(/\{\{[^}]*\}?\}?|\}\}/);
      if (stray) problems.push({ field, kind: 'malformedReference', ref: stray[0] });
    }
  }
  return problems;
}

/** What the renderer knows about one metric for the year. */
export interface FigureValue {
  value: number | null;
  status: FigureStatus;
  unit: string;
}

export const MISSING_DISPLAY = '【待填报】';

function trimDecimals(x: number, digits: number): string {
  return x.toFixed(digits).replace(/\.?0+$/, '');
}

/**
 * A value as an official report prints it: digits without separators straight before the unit
 * ("2893人", "526份"); rates in percentage points with up to two decimals ("99.49%", "63.6%");
 * counts of a hundred thousand and more in 万 (亿 from 10^8) when that is exact to two decimals
 * ("24.6万人", "107.88万份"), as the reference does, and in plain digits otherwise.
 */
export function formatFigure(value: number, unit: string): string {
  if (unit === '%') return `${trimDecimals(value, 2)}%`;
  const abs = Math.abs(value);
  for (const [size, word] of [
    [1e8, '亿'],
    [1e4, '万'],
  ] as const) {
    if (abs >= size * (word === '万' ? 10 : 1)) {
      const scaled = value / size;
      if (Math.abs(Math.round(scaled * 100) - scaled * 100) < 1e-6)
        return `${trimDecimals(scaled, 2)}${word}${unit}`;
    }
  }
  return `${Number.isInteger(value) ? String(value) : trimDecimals(value, 2)}${unit}`;
}

/** A figure as printed; a 同比 change reads 上升/下降 with the magnitude, as reports word it. */
function display(value: number, unit: string, format: FigureFormat | undefined): string {
  if (format !== 'change') return formatFigure(value, unit);
  if (value === 0) return '持平';
  return `${value > 0 ? '上升' : '下降'}${formatFigure(Math.abs(value), unit)}`;
}

/** The year variables as text; undefined for an id that is not one. */
function variable(id: string, year: number): string | undefined {
  if (id === 'report.year') return String(year);
  if (id === 'report.next_year') return String(year + 1);
  if (id === 'report.prev_year') return String(year - 1);
  return undefined;
}

/**
 * Renders one text to segments: literal text (report variables folded in) and figures. An id
 * with no entry in `values` renders as missing, so a typo can never print a number.
 */
export function renderSegments(
  text: string,
  year: number,
  values: ReadonlyMap<string, FigureValue>,
): PreviewSegment[] {
  const out: PreviewSegment[] = [];
  const pushText = (t: string) => {
    if (!t) return;
    const last = out[out.length - 1];
    if (last && 'text' in last) last.text += t;
    else out.push({ text: t });
  };
  for (const part of parseTemplate(text)) {
    if ('text' in part) {
      pushText(part.text);
      continue;
    }
    const v = variable(part.ref, year);
    if (v !== undefined) {
      pushText(v);
      continue;
    }
    const f = values.get(part.ref);
    if (!f || f.value === null || f.status === 'missing')
      out.push({ metricId: part.ref, display: MISSING_DISPLAY, value: null, status: 'missing' });
    else
      out.push({
        metricId: part.ref,
        display: display(f.value, f.unit, part.format),
        value: f.value,
        status: f.status,
      });
  }
  return out;
}

export const segmentsText = (segments: readonly PreviewSegment[]) =>
  segments.map((s) => ('text' in s ? s.text : s.display)).join('');

/** A block's paragraphs, each rendered; the heading is rendered separately (it may hold {{report.year}}). */
export function renderBlock(
  block: ReportBlock,
  year: number,
  values: ReadonlyMap<string, FigureValue>,
): PreviewBlock {
  const heading = segmentsText(renderSegments(block.heading, year, values));
  const paragraphs = block.text
    .split('\n')
    .filter((p) => p.trim() !== '')
    .map((p) => renderSegments(p, year, values));
  return { id: block.id, level: block.level, heading, paragraphs };
}

export interface RenderedReport {
  title: string;
  /** 主送机关, printed flush left under the title (区政府：). */
  addressee?: string;
  signature: string;
  signedOn: string | null;
  blocks: PreviewBlock[];
}

/** 2022-01-10 → 2022年1月10日, as the Markdown and the preview print the date. */
export function isoDateZh(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/**
 * The report as Markdown: title, 一、 as ##, （一） as ###, 1. headings run in bold before their
 * text (as the document prints them), the signature and date right at the end.
 */
export function renderMarkdown(report: RenderedReport): string {
  const lines: string[] = [`# ${report.title}`, ''];
  if (report.addressee) lines.push(report.addressee, '');
  for (const b of report.blocks) {
    const paragraphs = b.paragraphs.map((p) => segmentsText(p));
    if (b.level === 1 || b.level === 2) {
      lines.push(`${b.level === 1 ? '##' : '###'} ${b.heading}`, '');
      for (const p of paragraphs) lines.push(p, '');
    } else if (b.level === 3) {
      const [first = '', ...rest] = paragraphs;
      lines.push(`**${b.heading}**${first}`, '');
      for (const p of rest) lines.push(p, '');
    } else {
      if (b.heading) lines.push(`**${b.heading}**`, '');
      for (const p of paragraphs) lines.push(p, '');
    }
  }
  lines.push('', `<p align="right">${report.signature}</p>`, '');
  if (report.signedOn) lines.push(`<p align="right">${isoDateZh(report.signedOn)}</p>`, '');
  return lines.join('\n');
}

/**
 * The report as plain text, one paragraph a line (headings on their own line), for the
 * consistency checker: the same text the document prints.
 */
export function renderPlainText(report: RenderedReport): string {
  const lines: string[] = [report.title, ''];
  if (report.addressee) lines.push(report.addressee);
  for (const b of report.blocks) {
    const paragraphs = b.paragraphs.map((p) => segmentsText(p));
    if (b.level === 3) {
      const [first = '', ...rest] = paragraphs;
      lines.push(`${b.heading}${first}`, ...rest);
    } else {
      if (b.heading) lines.push(b.heading);
      lines.push(...paragraphs);
    }
  }
  lines.push('', report.signature);
  if (report.signedOn) lines.push(isoDateZh(report.signedOn));
  return `${lines.join('\n')}\n`;
}
