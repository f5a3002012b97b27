/**
 * Figures against Fazhi's own records (与系统数据不符). The caller supplies what the records say,
 * metric by metric, with the names a writer would use for it; a figure is compared with a metric
 * when its subject is one of those names (by the same rule as repeated figures), its unit is of
 * the metric's class and its period is the metric's.
 */

import { periodLabel } from './check-repeats.ts';
import { fmt, makeFinding } from './finding.ts';
import type { NormalizedText } from './normalize.ts';
import { cleanSubject, sameSubject, splitVerbs } from './subject.ts';
import type { CheckFinding, Figure, KnownFigure, Period } from './types.ts';
import { unitClassOf } from './units.ts';

/** "2021" → that year; "stock" / "截至目前" → to date; "since:2020" → since 2020; "recent:2" → 近两年. */
export function parsePeriod(p: string): Period {
  const s = p.trim();
  if (/^\d{4}$/.test(s)) return { kind: 'year', year: Number(s) };
  if (/^(stock|截[至止]目前|目前|累计)$/.test(s)) return { kind: 'stock' };
  const since = /^since:(\d{4})$/.exec(s) ?? /^(\d{4})年以来$/.exec(s);
  if (since) return { kind: 'since', year: Number(since[1]) };
  const recent = /^recent:(\d+)$/.exec(s);
  if (recent) return { kind: 'recent', years: Number(recent[1]) };
  return { kind: 'unknown' };
}

function periodMatches(figure: Period, known: Period, reportYear: number | undefined): boolean {
  if (figure.kind === 'unknown')
    // A figure with no period word in a yearly report is a figure of the report's year.
    return known.kind === 'year' && known.year === reportYear;
  if (figure.kind !== known.kind) return false;
  if (figure.kind === 'year' && known.kind === 'year') return figure.year === known.year;
  if (figure.kind === 'since' && known.kind === 'since') return figure.year === known.year;
  if (figure.kind === 'recent' && known.kind === 'recent') return figure.years === known.years;
  return true;
}

/**
 * A metric's name says 人数/件数; the report says 人/件 after the number. The 件 of 案件数 is part
 * of the noun (审核行政案件数 → 审核行政案件, not 审核行政案).
 */
const nameCore = (name: string) =>
  cleanSubject(name.replace(/(人数|(?<!案)件数|起数|次数|总数|数量|数)$/, ''));

/**
 * The names a figure may bind to. A metric whose name is an action on an object (审核行政案件)
 * is not the object alone: an alias that drops the action (行政案件) names any such case —
 * reviewed, accepted, evaluated — so it binds nothing. The action must be stated, or carried
 * over from the list it opens (审核刑事案件33件、行政案件56件).
 */
function bindingNames(names: string[]): string[] {
  const cores = names.map(nameCore).filter((x) => x.length >= 2);
  const own = splitVerbs(nameCore(names[0] ?? ''));
  if (own.verbs.length === 0) return cores;
  return cores.filter((c) => {
    const v = splitVerbs(c);
    return v.verbs.length > 0 || !isSubsequence(c, own.rest);
  });
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const c of long) if (i < short.length && c === short[i]) i++;
  return i === short.length;
}

/** "同比下降 17.54%" states −17.54 %: the direction word before the number carries the sign. */
const FALLS = /(下降|减少|降低|回落|下滑)(?![到至])[^，。；]*$/;

function agrees(f: Figure, value: number, falls: boolean): boolean {
  if (f.unitClass === 'percent') {
    const stated = falls ? -f.value : f.value;
    return Math.abs(stated - value) <= 0.5 * 10 ** -f.decimals + 1e-9;
  }
  if (f.approx) return value >= f.low && value <= f.high;
  return Math.abs(f.value - value) < 1e-6;
}

export function checkRecords(
  n: NormalizedText,
  figs: Figure[],
  known: KnownFigure[],
  reportYear: number | undefined,
): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const k of known) {
    const cls = unitClassOf(k.unit);
    const period = parsePeriod(k.period);
    const names = bindingNames(k.names);
    for (const f of figs) {
      if (f.unitClass !== cls || f.parameter) continue;
      if (!periodMatches(f.period, period, reportYear)) continue;
      const subject = f.unitClass === 'percent' ? (f.rateStem ?? f.subject) : f.subject;
      if (!names.some((name) => name === subject || sameSubject(name, subject))) continue;
      if (agrees(f, k.value, FALLS.test(n.text.slice(f.clauseStart, f.start)))) continue;
      const when = periodLabel(period);
      const stated = `${fmt(f.value)}${f.approx ? '余' : ''}${f.unit}`;
      findings.push(
        makeFinding(
          n,
          'record_mismatch',
          'error',
          `报告所述${subject}${when.zh ? `（${when.zh}）` : ''}为${stated}，系统记录为${fmt(k.value)}${f.unit}（指标${k.metricId}）`,
          `The report states ${stated} for ${k.metricId}${when.en ? ` ${when.en}` : ''}; the records say ${fmt(k.value)} ${f.unit}`,
          [{ start: f.clauseStart, end: f.end }],
          { arithmetic: `${fmt(f.value)} ≠ ${fmt(k.value)}`, metricId: k.metricId },
        ),
      );
    }
  }
  return findings;
}
