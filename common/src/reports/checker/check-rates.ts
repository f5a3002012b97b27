/**
 * Rates against the counts stated with them (比率与计数). A printed rate stands for an interval of
 * half its last digit each way (42% = [41.5%, 42.5%]); the stated numerator over the stated base
 * must land in it, and a base alone must admit some whole numerator (63.6% of 25 cannot be).
 */
import { fmt, makeFinding, pct } from './finding.ts';
import type { NormalizedText } from './normalize.ts';
import type { Segments } from './segments.ts';
import { splitVerbs } from './subject.ts';
import type { CheckFinding, Figure } from './types.ts';

/** How far before a rate its base may stand (one paragraph at most). */
const BASE_WINDOW = 160;
const BASE_WORDS = ['共', '共计', '合计', '总计', '总共', '共有', '实有', '总数'];
const BASE_CUE = /(实有|共有|共计|合计|总计|总共|总数|参考|应考|报名|受理|共)$/;

function interval(rate: Figure): { lo: number; hi: number } {
  const half = 0.5 * 10 ** -rate.decimals;
  return { lo: rate.value - half - 1e-9, hi: rate.value + half + 1e-9 };
}

/** The whole bases b for which k/b can print as the rate, for the message ("would need 1773"). */
function basesFor(k: number, rate: Figure): number[] {
  const { lo, hi } = interval(rate);
  if (lo <= 0) return [];
  const from = Math.ceil((k * 100) / hi);
  const to = Math.floor((k * 100) / lo);
  const out: number[] = [];
  for (let b = Math.max(from, k); b <= to && out.length < 100; b++) out.push(b);
  return out;
}

function attainable(base: number, rate: Figure): boolean {
  const { lo, hi } = interval(rate);
  const k = Math.round((rate.value * base) / 100);
  return [k - 1, k, k + 1].some(
    (x) => x >= 0 && x <= base && (x * 100) / base >= lo && (x * 100) / base <= hi,
  );
}

function stemMatches(stem: string, subject: string): boolean {
  if (subject.includes(stem)) return true;
  const { verbs } = splitVerbs(stem);
  return verbs.some((v) => subject.includes(v));
}

function isBase(text: string, f: Figure, totals: Set<Figure>): boolean {
  if (totals.has(f)) return true;
  const prefix = text.slice(f.clauseStart, f.start);
  return BASE_CUE.test(prefix) || BASE_WORDS.some((w) => f.qualifiers.includes(w) && prefix.endsWith(w));
}

/**
 * The base and numerator of a rate. The base is the nearest count marked as a whole (实有, 共,
 * a 其中 total); failing that, the earlier of two counts of the rate's own action in its sentence
 * (调解矛盾纠纷8652件，调解成功8531件，调解成功率98.6%). The numerator is the nearest count of
 * that action after the base, in the rate's sentence.
 */
function basePair(
  text: string,
  rate: Figure,
  window: Figure[],
  totals: Set<Figure>,
): { base: Figure; numerator?: Figure } | undefined {
  const stem = rate.rateStem!;
  const numeratorAfter = (base: Figure) =>
    [...window]
      .reverse()
      .find(
        (f) =>
          f !== base &&
          f.start > base.end &&
          f.sentence === rate.sentence &&
          f.unitClass === base.unitClass &&
          stemMatches(stem, f.subject),
      );
  const marked = [...window].reverse().find((f) => !f.approx && isBase(text, f, totals));
  if (marked) return { base: marked, numerator: numeratorAfter(marked) };
  const own = window.filter((f) => f.sentence === rate.sentence && !f.approx && stemMatches(stem, f.subject));
  const numerator = own[own.length - 1];
  const base = numerator && own.find((f) => f !== numerator && f.unitClass === numerator.unitClass);
  if (!base || !numerator || base.value < numerator.value) return undefined;
  return { base, numerator };
}

export function checkRates(n: NormalizedText, seg: Segments, figs: Figure[]): CheckFinding[] {
  const text = n.text;
  const findings: CheckFinding[] = [];
  // Totals of a 其中 list are bases for a rate in the same sentence (出庭25件，其中…，出庭率63.6%).
  const totals = new Set<Figure>();
  for (const m of text.matchAll(/其中/g)) {
    const t = [...figs].reverse().find((f) => f.end <= m.index && f.sentence === seg.sentenceOf[m.index]);
    if (t) totals.add(t);
  }
  for (const rate of figs) {
    if (rate.unitClass !== 'percent' || !rate.rateStem || rate.parameter || rate.value > 100) continue;
    const window = figs.filter(
      (f) =>
        f.end <= rate.start &&
        f.start >= rate.start - BASE_WINDOW &&
        f.paragraph === rate.paragraph &&
        f.unitClass !== 'percent' &&
        !f.parameter,
    );
    const pair = basePair(text, rate, window, totals);
    if (!pair) continue;
    const { base, numerator } = pair;
    const { lo, hi } = interval(rate);
    const rateText = `${rate.value.toFixed(rate.decimals)}%`;
    if (numerator) {
      if (numerator.approx) continue;
      const actual = (numerator.value * 100) / base.value;
      if (actual >= lo && actual <= hi) continue;
      const fits = basesFor(numerator.value, rate);
      const need = fits.length
        ? fits.length <= 3
          ? fits.join('、')
          : `${fits[0]}—${fits[fits.length - 1]}`
        : '';
      findings.push(
        makeFinding(
          n,
          'rate_mismatch',
          'error',
          `${fmt(numerator.value)}/${fmt(base.value)}=${pct(actual / 100)}，与所述${rateText}不符` +
            (need ? `；要得到${rateText}，基数应为${need}` : ''),
          `${fmt(numerator.value)}/${fmt(base.value)} = ${pct(actual / 100)}, not the stated ${rateText}` +
            (need ? `; ${rateText} would need a base of ${need}` : ''),
          [{ start: Math.min(base.clauseStart, numerator.clauseStart), end: rate.end }],
          { arithmetic: `${fmt(numerator.value)}/${fmt(base.value)}=${pct(actual / 100)} ≠ ${rateText}` },
        ),
      );
    } else if (
      // A base alone speaks for the rate only when it counts the same thing, in the same sentence
      // (出庭参与…25件 … 出庭应诉率63.6%), not a satisfaction rate beside a case count.
      base.sentence === rate.sentence &&
      stemMatches(rate.rateStem, base.subject) &&
      !attainable(base.value, rate)
    ) {
      const b = base.value;
      const k = Math.floor((rate.value * b) / 100);
      const near = `${k}/${b}=${pct(k / b)}，${k + 1}/${b}=${pct((k + 1) / b)}`;
      const nearEn = `${k}/${b} = ${pct(k / b)}, ${k + 1}/${b} = ${pct((k + 1) / b)}`;
      findings.push(
        makeFinding(
          n,
          'rate_impossible_for_base',
          'error',
          `以${b}为基数，任何整数都得不到${rateText}（${near}）`,
          `No whole number out of ${b} gives ${rateText} (${nearEn})`,
          [{ start: base.clauseStart, end: rate.end }],
          { arithmetic: `k/${b} ∉ [${fmt(lo)}%, ${fmt(hi)}%] for integer k` },
        ),
      );
    }
  }
  return findings;
}
