/**
 * The consistency checker of reports (报告一致性检查), issue 5. `checkReport(text, {known})` reads
 * a report's text and returns findings: parts that exceed or miss their total, rates their counts
 * cannot give, one quantity stated twice differently, one document under two numbers, one
 * regulation under two years, and figures that disagree with Fazhi's records. Pure; the server
 * reads .docx/.txt files into text (server/src/modules/reports/checker).
 */
export { parsePeriod } from './check-records.ts';
export { analyseReport, checkReport, reportYearOf } from './check-report.ts';
export { extractDocNumbers, extractTitles } from './citations.ts';
export {
  DATED_EVENTS,
  type DatedEvent,
  type DatedOptions,
  type DatedSpan,
  type DatedSpanKind,
  findDatedNarrative,
} from './dated-narrative.ts';
export { extractFigures } from './figures.ts';
export { lineOf, type NormalizedText, normalizeText, rawSlice } from './normalize.ts';
export { parseArabic, parseChineseNumeral, parseQuantity, type Quantity } from './numbers.ts';
export { segment } from './segments.ts';
export { cleanSubject, sameSubject } from './subject.ts';
export * from './types.ts';
