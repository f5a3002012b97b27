/**
 * Parts against their total (分项与合计): "任务200次，其中一级27次，二级108次，…155次" must not add up to
 * more than 200. A 其中 list may be partial, so a smaller sum alarms only when the list says it is
 * complete (其他/其余/未…) or the breakdown is a parenthesis right after the total.
 */
import { fmt, makeFinding } from './finding.ts';
import type { NormalizedText } from './normalize.ts';
import type { Segments } from './segments.ts';
import type { CheckFinding, Figure } from './types.ts';
import { DURATION_CLASSES } from './units.ts';

const EPS = 1e-9;
const COMPLETE_LIST = /其他|其它|其余|剩余|另有|未审结|未结|尚未|以及其他/;

function countable(f: Figure): boolean {
  return (
    f.unitClass !== 'percent' && f.unitClass !== 'percentage_points' && !DURATION_CLASSES.has(f.unitClass)
  );
}

interface Breakdown {
  total: Figure;
  parts: Figure[];
  complete: boolean;
  /** How the breakdown is written, for the message. */
  marker: '其中' | '（）' | '共';
}

function breakdowns(text: string, seg: Segments, figs: Figure[]): Breakdown[] {
  const out: Breakdown[] = [];
  for (const m of text.matchAll(/其中/g)) {
    const at = m.index;
    if (seg.quoted[at]) continue;
    const sentence = seg.sentenceOf[at]!;
    const s = seg.sentences[sentence]!;
    let total = [...figs].reverse().find((f) => f.end <= at && f.sentence === sentence);
    // "…违规受立案情况341起。其中，…14起": 其中 opening a sentence refers to the one before.
    if (!total && /^[\s，：]*$/.test(text.slice(s.start, at)))
      total = [...figs]
        .reverse()
        .find((f) => f.end <= at && f.sentence === sentence - 1 && f.paragraph === seg.paragraphOf[at]);
    if (!total || !countable(total) || total.parameter) continue;
    const nextMarker = text.indexOf('其中', at + 2);
    const stop = Math.min(s.end, nextMarker < 0 ? s.end : nextMarker);
    const parts = figs.filter(
      (f) =>
        f.start > at &&
        f.start < stop &&
        f.unitClass === total.unitClass &&
        !(f.qualifiers.includes('共') || f.qualifiers.includes('合计') || f.qualifiers.includes('共计')),
    );
    if (!parts.length) continue;
    // A list whose first items already make the total exactly is complete; figures after it
    // (…，结案90件) are new statements, not more parts.
    let sum = 0;
    const listed = parts.filter((p) => {
      if (sum === total.value && !total.approx) return false;
      sum += p.value;
      return true;
    });
    out.push({ total, parts: listed, complete: COMPLETE_LIST.test(text.slice(at, stop)), marker: '其中' });
  }
  // "76件（寻衅滋事1起，诈骗75起）": a parenthesis right after the total breaks it down whole.
  for (const total of figs) {
    if (!countable(total) || total.parameter || text[total.end] !== '（') continue;
    const close = text.indexOf('）', total.end);
    if (close < 0) continue;
    const parts = figs.filter(
      (f) => f.start > total.end && f.end <= close && f.unitClass === total.unitClass,
    );
    if (parts.length >= 2) out.push({ total, parts, complete: true, marker: '（）' });
  }
  // "A 3件、B 5件，合计 8件": the total after its parts.
  for (const total of figs) {
    const word = ['合计', '共计', '总计'].find((w) => text.slice(total.clauseStart, total.start).includes(w));
    if (!word || !countable(total) || total.parameter) continue;
    const parts = figs.filter(
      (f) => f.sentence === total.sentence && f.end <= total.clauseStart && f.unitClass === total.unitClass,
    );
    if (parts.length >= 2) out.push({ total, parts, complete: true, marker: '共' });
  }
  return out;
}

export function checkParts(n: NormalizedText, seg: Segments, figs: Figure[]): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const b of breakdowns(n.text, seg, figs)) {
    const { total, parts } = b;
    const low = parts.reduce((s, p) => s + p.low, 0);
    const high = parts.reduce((s, p) => s + p.high, 0);
    const exact = parts.every((p) => !p.approx) && !total.approx;
    const sum = `${parts.map((p) => fmt(p.value) + (p.approx ? '余' : '')).join('+')}=${fmt(low)}`;
    const first = Math.min(total.clauseStart, ...parts.map((p) => p.clauseStart));
    const last = Math.max(total.end, ...parts.map((p) => p.end));
    const span = [{ start: first, end: last }];
    const unit = total.unit;
    if (low > total.high + EPS) {
      findings.push(
        makeFinding(
          n,
          'parts_exceed_total',
          'error',
          `分项之和${fmt(low)}${unit}超过合计${fmt(total.value)}${unit}（${sum}）`,
          `The parts add up to ${fmt(low)} ${unit}, more than the stated total of ${fmt(total.value)} ${unit} (${sum})`,
          span,
          { arithmetic: `${sum} > ${fmt(total.value)}` },
        ),
      );
    } else if (b.complete && exact && high < total.low - EPS) {
      findings.push(
        makeFinding(
          n,
          'parts_do_not_sum',
          b.marker === '其中' ? 'error' : 'warning',
          `分项之和${fmt(low)}${unit}与合计${fmt(total.value)}${unit}不符（${sum}，差${fmt(total.value - low)}${unit}）`,
          `The parts add up to ${fmt(low)} ${unit}, not the stated total of ${fmt(total.value)} ${unit} (${sum}, ${fmt(total.value - low)} short)`,
          span,
          { arithmetic: `${sum} ≠ ${fmt(total.value)}` },
        ),
      );
    }
  }
  return findings;
}
