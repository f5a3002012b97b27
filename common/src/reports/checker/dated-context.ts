/**
 * What the dated-narrative checks (跨年度叙述) share: the span they report and the context rules
 * that make a mention of another year legitimate rather than a story about that year.
 *
 * A year names a *time something happened* unless the words around it say otherwise: inside a
 * title (《法治政府建设实施纲要（2021—2025年）》) it names a document; before 以来/至今/起 it starts a
 * trend that runs into the report's year (2020年以来, 2017年6月16日至今); after 较/比/与 it is the
 * base of a comparison (较2024年); before …印发的《 it dates a document that is cited. Document
 * numbers (〔2021〕213号) carry no 年 and are never read as years.
 */

export type DatedSpanKind = 'year' | 'carried' | 'event';

/** One place in a paragraph that ties it to a year other than the report's. */
export interface DatedSpan {
  /**
   * `year`: a stated year other than the report's (2020年1月23日); `carried`: a date without a
   * year (7月24日, “6·21”) in a paragraph carried over unchanged from an earlier year's report, so
   * the date is that year's; `event`: a named event of other years (建党100周年).
   */
  kind: DatedSpanKind;
  /** Offsets in the text the check was given (end exclusive). */
  start: number;
  end: number;
  text: string;
  /** The years the span belongs to (one year: from = to). */
  from: number;
  to: number;
  /** The event's name, for `event`. */
  event?: string;
}

export interface DatedOptions {
  reportYear: number;
  /**
   * The year of the report this paragraph was carried over from unchanged (its dates without a
   * year are that year's); undefined for a paragraph written or edited for the report's year.
   */
  carriedFrom?: number;
}

/** A paragraph as the checks read it: normalised text and the spans of its titles (《…》). */
export interface DatedText {
  text: string;
  titles: { start: number; end: number }[];
}

export type DatedCheck = (p: DatedText, o: DatedOptions) => DatedSpan[];

const CN_DIGITS = '〇○零一二三四五六七八九';

/** 2021 or 二〇二一 → 2021. */
export function yearValue(s: string): number {
  if (/^\d{4}$/.test(s)) return Number(s);
  return Number([...s].map((c) => String(CN_DIGITS.indexOf(c) < 3 ? 0 : CN_DIGITS.indexOf(c) - 2)).join(''));
}

/** A stated year: four Arabic digits 19xx/20xx, or four Chinese digits (二〇二一). */
export const YEAR_DIGITS = `(?:(?:19|20)\\d{2}|[${CN_DIGITS}]{4})`;

export function inTitle(p: DatedText, start: number, end: number): boolean {
  return p.titles.some((t) => start >= t.start && end <= t.end);
}

/** 2020年以来, 2017年6月16日至今, 自2021年起: a trend or standing state that reaches the report's year. */
const SINCE = /^(?:年?(?:底|初|末|中))?(?:以来|至今|开始|以后|起(?!草))/;
export const continuesAfter = (p: DatedText, end: number) => SINCE.test(p.text.slice(end, end + 6));

/** 较2024年, 与2020年相比, 2024年同期: the base of a comparison. */
const COMPARED_BEFORE = /(?:较|比|与|同|较之|相比|相较|对比|比较|高于|低于|超过|少于|多于)$/;
export const comparedWith = (p: DatedText, start: number, end: number) =>
  COMPARED_BEFORE.test(p.text.slice(Math.max(0, start - 3), start)) ||
  /^同期/.test(p.text.slice(end, end + 2));

/**
 * 2021年印发的《…》, 《行政诉讼法》（2017年修正）: the year dates a document the text cites (its
 * edition or issue), not an event of the report.
 */
const CITED =
  /^(?:修订|修正|版|[^，。；：\n]{0,12}?(?:印发|出台|下发|制定|颁布|公布|发布|施行|实施|修订|修正|通过)的[《“])/;
export const datesCitation = (p: DatedText, end: number) => CITED.test(p.text.slice(end, end + 20));

/** Start of the sentence that holds `at`. */
export function sentenceStart(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && !'。！？；\n'.includes(text[i]!)) i--;
  return i + 1;
}
