/**
 * 需改写：描述其他年度的事件 — the report-level side of dated-narrative detection: which headings
 * and paragraphs of a year's report tell another year's events, whether each was confirmed as
 * still true, which confirmations survive an edit, and whether the report may be signed (定稿).
 * Pure, so the server enforces and the editor shows the same verdict as the text is typed.
 */
import {
  type DatedFlag,
  type ParagraphConfirmation,
  type ReportBlock,
  renderSegments,
  segmentsText,
} from './annual.ts';
import { findDatedNarrative } from './checker/dated-narrative.ts';

export const DATED_REASON = {
  zh: '需改写：描述其他年度的事件',
  en: 'Rewrite: describes events of another year',
};

/** One heading or paragraph of a block, as the preview numbers them (non-empty paragraphs only). */
export interface Passage {
  field: 'heading' | 'text';
  paragraph: number;
  text: string;
}

export function passagesOf(block: Pick<ReportBlock, 'heading' | 'text'>): Passage[] {
  const out: Passage[] = [];
  if (block.heading.trim() !== '') out.push({ field: 'heading', paragraph: 0, text: block.heading.trim() });
  block.text
    .split('\n')
    .filter((p) => p.trim() !== '')
    .forEach((p, i) => {
      out.push({ field: 'text', paragraph: i, text: p.trim() });
    });
  return out;
}

/**
 * A passage as the checks read it: year variables filled in, figures as 【待填报】 (a figure is
 * never a date). In a carried-over passage a date written on {{report.year}} (…年3月11日) meant
 * the year it was written for, so the variable is dropped and the date read as undated.
 */
function printed(text: string, year: number, carried: boolean): string {
  const source = carried
    ? text.replace(/\{\{\s*report\.(?:year|next_year|prev_year)\s*\}\}年(?=\s*\d{1,2}\s*月)/g, '')
    : text;
  return segmentsText(renderSegments(source, year, new Map()));
}

/** The earlier report a year's text was carried over from, and its passages that matter. */
export interface DatedSource {
  year: number;
  /** Passages (trimmed, as stored) whose undated dates would be the source year's. */
  paragraphs: ReadonlySet<string>;
}

/**
 * The source's passages whose undated dates, carried over into `year` unchanged, would be the
 * source year's: only these can turn a carried-over passage into a flag, so only these are kept.
 */
export function carriedPassages(blocks: readonly ReportBlock[], sourceYear: number, year: number): string[] {
  if (sourceYear === year) return [];
  const out = new Set<string>();
  for (const b of blocks)
    for (const p of passagesOf(b))
      if (
        findDatedNarrative(printed(p.text, year, true), { reportYear: year, carriedFrom: sourceYear }).some(
          (s) => s.kind === 'carried',
        )
      )
        out.add(p.text);
  return [...out];
}

const confirmationOf = (block: Pick<ReportBlock, 'confirmed'>, text: string) =>
  block.confirmed?.find((c) => c.text.trim() === text) ?? null;

/** Every heading and paragraph of the report that tells another year's events, in text order. */
export function datedFlags(
  year: number,
  blocks: readonly ReportBlock[],
  source: DatedSource | null,
): DatedFlag[] {
  const flags: DatedFlag[] = [];
  for (const b of blocks)
    for (const p of passagesOf(b)) {
      const carried = source !== null && source.year !== year && source.paragraphs.has(p.text);
      const spans = findDatedNarrative(printed(p.text, year, carried), {
        reportYear: year,
        carriedFrom: carried ? source!.year : undefined,
      });
      if (!spans.length) continue;
      const c = confirmationOf(b, p.text);
      flags.push({
        blockId: b.id,
        field: p.field,
        paragraph: p.paragraph,
        text: p.text,
        spans: spans.map((s) => ({
          kind: s.kind,
          text: s.text,
          from: s.from,
          to: s.to,
          ...(s.event ? { event: s.event } : {}),
        })),
        carriedFrom: carried ? source!.year : null,
        confirmed: c ? { by: c.by, at: c.at } : null,
      });
    }
  return flags;
}

/** Flags neither rewritten nor confirmed: while there is one, the report cannot be signed. */
export const openFlags = (flags: readonly DatedFlag[]) => flags.filter((f) => f.confirmed === null);

/**
 * The confirmations a new text keeps: those of earlier texts (`earlier`, the stored version and,
 * for a restore, the restored one) for a block of the same id whose passage is still worded
 * exactly so. Whatever confirmations the new text itself carries are dropped: only the server
 * confirms, one audited request at a time.
 */
export function carryConfirmations(
  blocks: readonly ReportBlock[],
  earlier: readonly (readonly ReportBlock[])[],
): ReportBlock[] {
  return blocks.map(({ confirmed: _ignored, ...b }) => {
    const texts = new Set(passagesOf(b).map((p) => p.text));
    const kept = new Map<string, ParagraphConfirmation>();
    for (const version of earlier)
      for (const old of version)
        if (old.id === b.id)
          for (const c of old.confirmed ?? [])
            if (texts.has(c.text.trim()) && !kept.has(c.text.trim())) kept.set(c.text.trim(), c);
    return kept.size ? { ...b, confirmed: [...kept.values()] } : b;
  });
}
