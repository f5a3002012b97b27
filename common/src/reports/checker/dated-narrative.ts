/**
 * Dated narrative (跨年度叙述): the places in one paragraph of a year's report that tell what
 * happened in another year — a stated other year, a date without a year carried over from an
 * earlier report, a named event of other years. A report built on last year's text must not
 * carry them silently: the author rewrites the paragraph or confirms it still holds. Pure; one
 * check per file, composed here. Offsets and quotes are of the paragraph as given (full-width
 * digits, spaces and Markdown allowed: the checks read the normalised text).
 */
import { extractTitles } from './citations.ts';
import { checkCarriedDates } from './dated-carried.ts';
import type { DatedCheck, DatedOptions, DatedSpan } from './dated-context.ts';
import { checkNamedEvents } from './dated-events.ts';
import { checkStatedYears } from './dated-years.ts';
import { normalizeText, rawRange, rawSlice } from './normalize.ts';

export type { DatedOptions, DatedSpan, DatedSpanKind } from './dated-context.ts';
export { DATED_EVENTS, type DatedEvent } from './dated-events.ts';

/** In order of precedence where two overlap: a stated year says more than an undated day. */
const CHECKS: DatedCheck[] = [checkStatedYears, checkCarriedDates, checkNamedEvents];

export function findDatedNarrative(paragraph: string, options: DatedOptions): DatedSpan[] {
  const n = normalizeText(paragraph);
  const p = { text: n.text, titles: extractTitles(n.text) };
  const kept: DatedSpan[] = [];
  for (const check of CHECKS)
    for (const s of check(p, options))
      if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
  return kept
    .sort((a, b) => a.start - b.start)
    .map((s) => {
      const r = rawRange(n, s.start, s.end);
      return { ...s, start: r.start, end: r.end, text: rawSlice(n, s.start, s.end) };
    });
}
