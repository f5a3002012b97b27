/**
 * Dates without a year (7月24日, 截至8月11日21时, 7月13至17日, “6·21”事件) in a paragraph carried
 * over unchanged from an earlier year's report: when it was written they were that year's dates,
 * and printed under the new year they silently claim the new one. A paragraph written or edited
 * for the report's year is not checked here — its dates are taken to be the report's.
 *
 * Not flagged: recurring days (每年6月26日, “12·4”国家宪法日, “1·10”中国人民警察节), and a date that
 * follows a stated year in the same sentence (2025年3月11日至3月15日: the stated year decides).
 */
import { type DatedCheck, type DatedSpan, inTitle, sentenceStart, YEAR_DIGITS } from './dated-context.ts';

/** M月D日 (or 号), a day range (7月13至17日, 3月1日—4月30日) and a time (21时30分). */
const DAY =
  /(?<![\d.])(\d{1,2})月(\d{1,2})(?:[日号](?:[至到—–\-~～](?:\d{1,2}月)?\d{1,2}[日号])?|[至到—–\-~～](?:\d{1,2}月)?\d{1,2}[日号])(?:\d{1,2}[时点](?:\d{1,2}分)?)?/g;
/** “6·21”, 6·21, “2.5” (a decimal point only inside quotes: 2.5 alone is a number). */
const DESIGNATION = /[“"](\d{1,2})[·•.．](\d{1,2})[”"]|(?<![\d.·])(\d{1,2})[·•](\d{1,2})(?![\d·])/g;

const RECURRING_BEFORE = /(?:每年|每逢|逢)$/;
/** Days observed every year, named right after the date. */
const OBSERVANCE =
  /^[”"]?[\u4e00-\u9fff]{0,6}?(?:宪法日|宪法宣传周|禁毒日|安全教育日|警察节|权益日|消防日|减灾日|读书日|宣传日|纪念日|开放日|宣传周|宣传月)/;
const STATED_YEAR = new RegExp(`(?<![\\d.])${YEAR_DIGITS}年`);

const validDay = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= 31;

export const checkCarriedDates: DatedCheck = (p, o) => {
  if (o.carriedFrom === undefined || o.carriedFrom === o.reportYear) return [];
  const year = o.carriedFrom;
  const out: DatedSpan[] = [];
  const consider = (start: number, end: number, month: number, day: number) => {
    if (!validDay(month, day) || inTitle(p, start, end)) return;
    // A month right after a stated year is that year's date: checkStatedYears reads it.
    if (STATED_YEAR.test(p.text.slice(sentenceStart(p.text, start), start))) return;
    if (RECURRING_BEFORE.test(p.text.slice(Math.max(0, start - 3), start))) return;
    if (OBSERVANCE.test(p.text.slice(end, end + 12))) return;
    out.push({ kind: 'carried', start, end, text: p.text.slice(start, end), from: year, to: year });
  };
  for (const m of p.text.matchAll(DAY)) consider(m.index, m.index + m[0].length, Number(m[1]), Number(m[2]));
  for (const m of p.text.matchAll(DESIGNATION)) {
    const [month, day] = m[1] ? [m[1], m[2]!] : [m[3]!, m[4]!];
    consider(m.index, m.index + m[0].length, Number(month), Number(day));
  }
  return out;
};
