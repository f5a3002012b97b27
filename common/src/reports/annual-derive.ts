/**
 * A new year's report starts from the latest earlier year's: the same structure and wording, its
 * figures rebound to the new year. Figures already are ({{metric.id}} is read for the year being
 * rendered, 同比 ratios too); what this adds is the years written as text that meant "the report's
 * year": 2024年，考评… / 2024年度 / 四、2025年工作思路 / 较2023年 become {{report.year}},
 * {{report.next_year}} and {{report.prev_year}}. A year with a month or day (2024年3月11日) is a
 * dated event and stays as written — the dated-narrative flags then ask the author to rewrite it.
 * Titles (《…》), document numbers (〔2024〕12号) and year ranges keep their years.
 */
import type { REPORT_VARIABLES, ReportBlock } from './annual.ts';

/** Spans a year must not be rebound in: references, titles, document numbers. */
function protectedSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(/\{\{[^}]*\}\}|《[^《》\n]*》|[〔[［【]\d{4}[〕\]］】]/g))
    out.push([m.index, m.index + m[0].length]);
  return out;
}

const COMPARED = /(?:较|比|与|同|较之|相比|相较|对比|比较)$/;
const RANGE_BEFORE = /[\d—–\-－~～至到]$/;
const AFTER_BARE_YEAR = /^(?!\s*\d{1,2}\s*月)(?!\s*[—–\-－~～至到]\s*\d{4})/;

/** The literal years of `text` that mean the source report's year (or the one after/before) as variables. */
export function rebindYears(text: string, sourceYear: number): string {
  const spans = protectedSpans(text);
  const variable: Record<number, (typeof REPORT_VARIABLES)[number]> = {
    [sourceYear]: 'report.year',
    [sourceYear + 1]: 'report.next_year',
    [sourceYear - 1]: 'report.prev_year',
  };
  return text.replace(/(?<!\d)(\d{4})年/g, (whole, y: string, at: number) => {
    const year = Number(y);
    const name = variable[year];
    if (!name || spans.some(([s, e]) => at >= s && at < e)) return whole;
    const before = text.slice(Math.max(0, at - 3), at);
    const after = text.slice(at + whole.length, at + whole.length + 8);
    if (RANGE_BEFORE.test(before) || !AFTER_BARE_YEAR.test(after)) return whole;
    // The year before is "上年" only as the base of a comparison (较2023年, 2023年同期).
    if (name === 'report.prev_year' && !COMPARED.test(before) && !/^同期/.test(after)) return whole;
    return `{{${name}}}年`;
  });
}

export interface DerivableContent {
  title: string;
  blocks: readonly ReportBlock[];
  signature: string;
}

/**
 * The text of a new year's report from the source's: years rebound, confirmations dropped (a
 * confirmation is for its own year), not signed.
 */
export function deriveContent(source: DerivableContent, sourceYear: number) {
  return {
    title: rebindYears(source.title, sourceYear),
    blocks: source.blocks.map(({ confirmed: _own, ...b }) => ({
      ...b,
      heading: rebindYears(b.heading, sourceYear),
      text: rebindYears(b.text, sourceYear),
    })),
    signature: source.signature,
    signedOn: null,
  };
}
