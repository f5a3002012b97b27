/**
 * The same quantity stated twice with different values (同一数据前后不一致). Two figures are the
 * same quantity only when their unit class and period agree and their subjects name the same
 * thing (see `sameSubject`); figures of one sentence, parameters (每日40起, 10万元以上), rates and
 * durations are never compared. An approximate figure (500余件) conflicts only with an exact one
 * outside its range.
 */
import { fmt, makeFinding } from './finding.ts';
import type { NormalizedText } from './normalize.ts';
import { sameSubject } from './subject.ts';
import type { CheckFinding, Figure, Period } from './types.ts';
import { DURATION_CLASSES } from './units.ts';

export function samePeriod(a: Period, b: Period): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'year' && b.kind === 'year') return a.year === b.year;
  if (a.kind === 'since' && b.kind === 'since') return a.year === b.year;
  if (a.kind === 'recent' && b.kind === 'recent') return a.years === b.years;
  return true;
}

export function periodLabel(p: Period): { zh: string; en: string } {
  switch (p.kind) {
    case 'year':
      return { zh: `${p.year}年`, en: `in ${p.year}` };
    case 'since':
      return { zh: `${p.year}年以来`, en: `since ${p.year}` };
    case 'recent':
      return { zh: `近${p.years}年`, en: `over the last ${p.years} years` };
    case 'stock':
      return { zh: '截至目前', en: 'to date' };
    case 'unknown':
      return { zh: '', en: '' };
  }
}

function comparable(f: Figure): boolean {
  return (
    !f.parameter &&
    f.unitClass !== 'percent' &&
    f.unitClass !== 'percentage_points' &&
    !DURATION_CLASSES.has(f.unitClass) &&
    f.subject.length >= 3
  );
}

/** Whether two statements of one quantity contradict each other. */
export function conflicting(a: Figure, b: Figure): boolean {
  if (a.approx && b.approx) return false;
  if (!a.approx && !b.approx) return a.value !== b.value;
  const [exact, approx] = a.approx ? [b, a] : [a, b];
  return exact.value < approx.low || exact.value > approx.high;
}

const shown = (f: Figure) => `${fmt(f.value)}${f.approx ? '余' : ''}${f.unit}`;

function repeatFinding(n: NormalizedText, a: Figure, b: Figure): CheckFinding | undefined {
  if (a.sentence === b.sentence || !samePeriod(a.period, b.period)) return undefined;
  if (!sameSubject(a.subject, b.subject) || !conflicting(a, b)) return undefined;
  const when = periodLabel(a.period);
  return makeFinding(
    n,
    'same_quantity_different_values',
    'error',
    `同一数据“${a.subject}”${when.zh ? `（${when.zh}）` : ''}前后不一致：${shown(a)}与${shown(b)}`,
    `The same quantity "${a.subject}"${when.en ? ` (${when.en})` : ''} is stated as ${shown(a)} and as ${shown(b)}`,
    [
      { start: a.clauseStart, end: a.end },
      { start: b.clauseStart, end: b.end },
    ],
    { arithmetic: `${fmt(a.value)} ≠ ${fmt(b.value)}` },
  );
}

export function checkRepeats(n: NormalizedText, figs: Figure[]): CheckFinding[] {
  const findings: CheckFinding[] = [];
  // Only figures of one unit class and period can be one quantity: compare within those buckets.
  const buckets = new Map<string, Figure[]>();
  for (const f of figs.filter(comparable)) {
    const key = `${f.unitClass}|${JSON.stringify(f.period)}`;
    const list = buckets.get(key);
    if (list) list.push(f);
    else buckets.set(key, [f]);
  }
  for (const list of buckets.values())
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const finding = repeatFinding(n, list[i]!, list[j]!);
        if (finding) findings.push(finding);
      }
  return findings;
}
