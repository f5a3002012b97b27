/**
 * Stated years other than the report's (2020年1月23日, 2021年3月, 2016年，分局成立…): the paragraph
 * tells what happened in another year. Not flagged: the report's own year; later years (a plan:
 * 四、2026年…工作思路, 到2027年); year ranges that include the report's year (2021—2025年); and the
 * legitimate mentions of dated-context.ts — titles, trends (2020年以来), comparisons (较2024年),
 * cited documents (2021年印发的《…》).
 */
import {
  comparedWith,
  continuesAfter,
  type DatedCheck,
  type DatedSpan,
  datesCitation,
  inTitle,
  YEAR_DIGITS,
  yearValue,
} from './dated-context.ts';

const RANGE = `(${YEAR_DIGITS})年?[—–\\-－~～至到]+(${YEAR_DIGITS})年`;
const DATE = `(${YEAR_DIGITS})年(?:度)?(?:(\\d{1,2})月(?:份)?(?:(\\d{1,2})[日号])?)?`;
/** Not after a digit or a decimal point: 12021年 and 0.2021年 are not years. */
const STATED = new RegExp(`(?<![\\d.])(?:${RANGE}|${DATE})`, 'g');

export const checkStatedYears: DatedCheck = (p, o) => {
  const out: DatedSpan[] = [];
  for (const m of p.text.matchAll(STATED)) {
    const start = m.index;
    let end = start + m[0].length;
    let from: number;
    let to: number;
    if (m[1]) {
      from = yearValue(m[1]);
      to = yearValue(m[2]!);
    } else {
      from = to = yearValue(m[3]!);
      // 2020年15月 is not a month: keep the year alone.
      if (m[4] && (Number(m[4]) < 1 || Number(m[4]) > 12)) end = start + m[0].indexOf('年') + 1;
    }
    if (from > to) [from, to] = [to, from];
    if (o.reportYear >= from && o.reportYear <= to) continue;
    if (from > o.reportYear) continue;
    if (
      inTitle(p, start, end) ||
      continuesAfter(p, end) ||
      comparedWith(p, start, end) ||
      datesCitation(p, end)
    )
      continue;
    out.push({ kind: 'year', start, end, text: p.text.slice(start, end), from, to });
  }
  return out;
};
