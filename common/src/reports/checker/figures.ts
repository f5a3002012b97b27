/**
 * CheckFinding the figures of a report: every number followed by a unit (量词), with what it counts,
 * when, and how it is qualified. Numbers that name rather than count are left out: dates, years,
 * ordinals (第22次), document numbers (〔2021〕213号), ages, house numbers, and anything inside
 * quotation marks or a title (“6·21”, “365律警在线”, 《刑法修正案（十一）》).
 */
import { CHINESE_NUMERAL_CHARS, parseQuantity } from './numbers.ts';
import { clauseStart, type Segments } from './segments.ts';
import { cleanSubject, VERBS } from './subject.ts';
import type { Figure, Period } from './types.ts';
import { UNIT_PATTERN, unitInfo } from './units.ts';

const ARABIC = new RegExp(
  `(?<![\\d.,A-Za-z])(\\d+(?:,\\d{3})*(?:\\.\\d+)?)(万亿|万|亿)?(余|多)?(万|亿)?(${UNIT_PATTERN})`,
  'g',
);
const CHINESE = new RegExp(
  `(?<![${CHINESE_NUMERAL_CHARS}])([${CHINESE_NUMERAL_CHARS}]+)(余|多)?(${UNIT_PATTERN})`,
  'g',
);

/** Period words, nearest before a figure wins; see `periodAt`. */
const PERIOD_CUES =
  /(\d{4})年以来|(\d{4})年(?:度)?(?![\d月])|(今年以来|全年|年内|今年|本年度|一年来)|近([两三四五六七八九十\d])年|(截[至止]目前|目前|至今|迄今|累计|截[至止]\d{1,2}月\d{1,2}日)/g;

const SMALL: Record<string, number> = { 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

interface Cue {
  at: number;
  period: Period;
}

function periodCues(text: string, reportYear: number | undefined): Cue[] {
  const cues: Cue[] = [];
  for (const m of text.matchAll(PERIOD_CUES)) {
    let period: Period;
    if (m[1]) period = { kind: 'since', year: Number(m[1]) };
    else if (m[2]) period = { kind: 'year', year: Number(m[2]) };
    else if (m[3]) period = reportYear ? { kind: 'year', year: reportYear } : { kind: 'unknown' };
    else if (m[4]) period = { kind: 'recent', years: SMALL[m[4]] ?? Number(m[4]) };
    else period = { kind: 'stock' };
    cues.push({ at: m.index, period });
  }
  return cues;
}

/** Qualifiers read just before a figure; `total` words make it a candidate base of a rate or sum. */
const QUALIFIER_WORDS = [
  '其中',
  '共计',
  '合计',
  '总计',
  '总共',
  '共有',
  '共',
  '累计',
  '实有',
  '总数',
  '约',
  '每',
];
const PARAMETER_BEFORE =
  /(每[日天周月年季]?[度]?|大于|小于|不少于|不超过|不低于|超过|以上|满|至少|最多|不得超过|含)$/;
/** Plans and targets (计划开展1500次, 力争达到100%) are not what was done. */
const PLAN = /计划|力争|争取|预计|目标|拟于|努力实现|确保达到/;
const QUALIFIER_BEFORE = /[，、；：（\n]|分局|全局|目前|以来|全年|今年|\d{4}年|均|已|并|还/;

/**
 * A qualifier counts when it stands as a word: opening the clause, right before the number, after
 * a period word, or before an action (共查处, 累计排查) — not inside another word (预约, 公共).
 */
function qualifiersOf(prefix: string): string[] {
  const out: string[] = [];
  for (const w of QUALIFIER_WORDS) {
    let at = prefix.indexOf(w);
    while (at >= 0) {
      const before = prefix.slice(Math.max(0, at - 4), at);
      const after = prefix.slice(at + w.length);
      const standing =
        at === 0 ||
        after === '' ||
        QUALIFIER_BEFORE.test(before.slice(-1)) ||
        /(分局|全局|目前|以来|全年|今年|\d{4}年)$/.test(before) ||
        VERBS.some((v) => after.startsWith(v));
      if (standing) {
        out.push(w);
        break;
      }
      at = prefix.indexOf(w, at + 1);
    }
  }
  return out;
}
const PARAMETER_AFTER = /^(内|以内|以上|以下|（含|之内|为限)/;

export interface ExtractContext {
  text: string;
  seg: Segments;
  reportYear?: number;
}

export function extractFigures({ text, seg, reportYear }: ExtractContext): Figure[] {
  const cues = periodCues(text, reportYear);
  const found: Figure[] = [];
  const take = (m: RegExpMatchArray, numeral: 'arabic' | 'chinese') => {
    const start = m.index!;
    const end = start + m[0].length;
    if (seg.quoted[start]) return;
    const before = text.slice(Math.max(0, start - 4), start);
    const after = text.slice(end, end + 4);
    if (/第$/.test(before)) return;
    if (numeral === 'chinese' && !isChineseCount(m, before, after)) return;
    const q = parseQuantity(m[0]);
    const info = unitInfo(m[m.length - 1]!);
    if (!q || !info) return;
    const approxAround = /(约|近|逾)$/.test(before) || /^(左右)/.test(after);
    const para = seg.paragraphs[seg.paragraphOf[start]!]!;
    const cStart = clauseStart(text, start, para.start);
    const clausePrefix = text.slice(cStart, start);
    const qualifiers = qualifiersOf(clausePrefix);
    if (approxAround && !qualifiers.includes('约')) qualifiers.push('约');
    const parameter =
      PARAMETER_BEFORE.test(clausePrefix) ||
      PARAMETER_AFTER.test(after) ||
      /每/.test(clausePrefix) ||
      PLAN.test(text.slice(seg.sentences[seg.sentenceOf[start]!]!.start, start));
    const approx = q.approx || approxAround;
    found.push({
      value: q.value,
      low: approxAround && !q.approx ? q.value * 0.9 : q.low,
      high: approxAround && !q.approx ? q.value * 1.1 : q.high,
      approx,
      decimals: q.decimals,
      unit: info.canonical,
      unitClass: info.unitClass,
      numeral,
      start,
      end,
      paragraph: seg.paragraphOf[start]!,
      sentence: seg.sentenceOf[start]!,
      clauseStart: cStart,
      subject: '',
      period: periodAt(cues, start, para.start),
      qualifiers,
      rateStem: info.unitClass === 'percent' ? rateStem(clausePrefix) : undefined,
      parameter,
    });
  };
  for (const m of text.matchAll(ARABIC)) take(m, 'arabic');
  for (const m of text.matchAll(CHINESE)) take(m, 'chinese');
  found.sort((a, b) => a.start - b.start);
  for (const [i, f] of found.entries()) f.subject = subjectOf(text, f, found[i - 1]);
  inheritListVerbs(text, found);
  return found;
}

/** Words that make a lone 一 a count (仅一个, 共一名) rather than an article. */
const COUNTS_ONE = /(仅|只|仅有|只有|共|共计|合计|总计|累计)$/;

/**
 * Chinese numerals are mostly words (一起 = together, 一次性, 每一个); keep only clear counts. A
 * lone 一 with its measure word before a noun is the article "a" (建立一个高效的渠道, 安排一名
 * 民警负责), not a count of one — unless the words say it counts (仅一个, 共一名); after its noun
 * it counts (新建调解室一个。).
 */
function isChineseCount(m: RegExpMatchArray, before: string, after: string): boolean {
  const num = m[1]!;
  if (!/[〇零一二两三四五六七八九十]/.test(num)) return false;
  if (/每$/.test(before)) return false;
  if (num === '一' && m[m.length - 1] === '起') return false;
  if (num === '一' && !COUNTS_ONE.test(before) && /^[\u4e00-\u9fff“《「]/.test(after)) return false;
  if (/^[性化式]/.test(after)) return false;
  return true;
}

function periodAt(cues: Cue[], at: number, paragraphStart: number): Period {
  let best: Cue | undefined;
  for (const c of cues) {
    if (c.at >= at) break;
    if (c.at >= paragraphStart) best = c;
  }
  return best?.period ?? { kind: 'unknown' };
}

const RATE_STEM = /([\u4e00-\u9fff“”]{1,12})率(?:为|是|达到了|达到|达|约|提高到|提升至|下降至)?$/;

function rateStem(prefix: string): string | undefined {
  const m = RATE_STEM.exec(prefix);
  return m ? cleanSubject(m[1]!) : undefined;
}

/**
 * The noun phrase before the figure inside its clause, not reaching back past the previous figure;
 * for "68人报名" forms (nothing before), the words after the unit. Nouns joined by 、 before the
 * figure are counted together (考评各类刑事、行政案件119件 counts both kinds, not 行政案件 alone),
 * so the phrase takes in every item of the list that holds no figure of its own.
 */
function subjectOf(text: string, f: Figure, prev: Figure | undefined): string {
  const after = prev && prev.end <= f.start ? prev.end : 0;
  let start = f.clauseStart;
  let window = f.start - 24;
  while (text[start - 1] === '、') {
    const itemStart = clauseStart(text, start - 1);
    if (itemStart < after || itemStart === start - 1) break;
    window = Math.min(window, Math.max(itemStart, start - 1 - 24));
    start = itemStart;
  }
  let from = Math.max(start, after, window);
  // Never start inside a number or a year (…2021年分局出庭… cut as 021年…).
  if (from > start) while (from < f.start && /[\d.年月日]/.test(text[from]!)) from++;
  const before = cleanSubject(text.slice(from, f.start));
  if (before.length >= 2) return before;
  const m = /^[\u4e00-\u9fff“”]{1,10}/.exec(text.slice(f.end));
  return m ? cleanSubject(m[0]) : before;
}

/** Verbs at `at` in `s`, longest first: the length of the run of actions that starts there. */
function verbRunAt(s: string, at: number): number {
  let i = at;
  for (let v = VERBS.find((x) => s.startsWith(x, i)); v; v = VERBS.find((x) => s.startsWith(x, i)))
    i += v.length;
  return i - at;
}

/**
 * The action that opens a list item, with the adverb before it (成功办理, 安全护送, 审核): a run of
 * verbs at most two characters in, followed by its object. A verb that ends the phrase is a noun
 * (行政处罚、行政强制 …) and opens nothing.
 */
function leadingAction(subject: string): string {
  for (let at = 0; at <= 2 && at < subject.length; at++) {
    const run = verbRunAt(subject, at);
    if (run === 0) continue;
    return at + run < subject.length ? subject.slice(0, at + run) : '';
  }
  return '';
}

/**
 * In "成功办理行政复议案件28件、行政诉讼案件19件" the action is written once for the list; the
 * later items take it over, so 行政诉讼案件19件 is read as cases handled, not any lawsuit count.
 */
function inheritListVerbs(text: string, figs: Figure[]): void {
  for (let i = 1; i < figs.length; i++) {
    const f = figs[i]!;
    const prev = figs[i - 1]!;
    // The list may change its measure word (护送爆炸物品148万公斤、雷管110万枚): one action still.
    if (prev.sentence !== f.sentence || text[f.clauseStart - 1] !== '、') continue;
    if (VERBS.some((v) => f.subject.includes(v))) continue;
    // Only the action that opens the list is shared (成功办理…、…), not a verb inside a noun (行政处罚、…).
    const lead = leadingAction(prev.subject);
    if (lead) f.subject = lead + f.subject;
  }
}
