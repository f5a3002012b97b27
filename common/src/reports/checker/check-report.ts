/**
 * The consistency check of a report (报告一致性检查): normalise, find the figures and citations,
 * run every check, and return the findings in the order a reader meets them.
 */
import { checkCitations } from './check-citations.ts';
import { checkParts } from './check-parts.ts';
import { checkRates } from './check-rates.ts';
import { checkRecords } from './check-records.ts';
import { checkRepeats } from './check-repeats.ts';
import { extractFigures } from './figures.ts';
import { type NormalizedText, normalizeText } from './normalize.ts';
import { type Segments, segment } from './segments.ts';
import { type CheckFinding, type CheckOptions, FINDING_KINDS, type Figure } from './types.ts';

export interface AnalysedReport {
  normalized: NormalizedText;
  segments: Segments;
  reportYear?: number;
  figures: Figure[];
}

/** The year a report is about, from its title (重庆市…2021年法治政府建设年度报告). */
export function reportYearOf(text: string): number | undefined {
  const head = text.slice(0, 300);
  const m = /(\d{4})年(?:度)?[^\n。]{0,40}?(?:年度报告|工作报告|情况报告|报告)/.exec(head);
  return m ? Number(m[1]) : undefined;
}

export function analyseReport(input: string, options: CheckOptions = {}): AnalysedReport {
  const normalized = normalizeText(input);
  const segments = segment(normalized.text);
  const reportYear = options.reportYear ?? reportYearOf(normalized.text);
  const figures = extractFigures({ text: normalized.text, seg: segments, reportYear });
  return { normalized, segments, reportYear, figures };
}

const KIND_ORDER = new Map(FINDING_KINDS.map((k, i) => [k, i]));

export function checkReport(input: string, options: CheckOptions = {}): CheckFinding[] {
  const { normalized: n, segments: seg, figures, reportYear } = analyseReport(input, options);
  const all = [
    ...checkParts(n, seg, figures),
    ...checkRates(n, seg, figures),
    ...checkRepeats(n, figures),
    ...checkCitations(n),
    ...checkRecords(n, figures, options.known ?? [], reportYear),
  ];
  // One contradiction found twice (a 其中 list read forwards and backwards) is reported once.
  const seen = new Set<string>();
  const unique = all.filter((f) => {
    const key = `${f.kind}|${f.locations.map((l) => `${l.start}-${l.end}`).join(',')}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      (a.locations[0]?.start ?? 0) - (b.locations[0]?.start ?? 0) ||
      KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! ||
      a.message.localeCompare(b.message),
  );
}
