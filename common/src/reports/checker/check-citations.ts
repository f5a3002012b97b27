/**
 * Citations that contradict each other: one document under two numbers (渝北公〔2021〕213号 and
 * 231号), one regulation with two year ranges (纲要（2021—2026年） and （2021—2025年）). A
 * （试行） that comes and goes, or titles one word apart, are only worth a look (info).
 */
import {
  type DocNumber,
  extractDocNumbers,
  extractTitles,
  groupTitles,
  sameDocument,
  type TitleCitation,
} from './citations.ts';
import { makeFinding } from './finding.ts';
import type { NormalizedText } from './normalize.ts';
import type { CheckFinding } from './types.ts';

const span = (c: { start: number; end: number }) => ({ start: c.start, end: c.end });

/** The first citation of each distinct value, in order of appearance. */
function firstOfEach<T>(items: T[], key: (t: T) => string | undefined): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const it of items) {
    const k = key(it);
    if (k === undefined || seen.has(k)) continue;
    seen.add(k);
    out.push(it);
  }
  return out;
}

const shortest = (g: TitleCitation[]) => g.reduce((a, b) => (b.core.length < a.core.length ? b : a)).core;

function regulationFindings(n: NormalizedText, groups: TitleCitation[][]): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const g of groups) {
    const name = shortest(g);
    const editions = firstOfEach(g, (t) => t.edition);
    if (editions.length >= 2) {
      const list = editions.map((t) => `（${t.edition}）`).join('与');
      out.push(
        makeFinding(
          n,
          'regulation_citation_conflict',
          'error',
          `《${name}》在报告中以不同年份引用：${list}`,
          `《${name}》 is cited with different years: ${editions.map((t) => t.edition).join(' vs ')}`,
          editions.map(span),
        ),
      );
    }
    const withTrial = g.filter((t) => t.trial);
    const without = g.filter((t) => !t.trial);
    if (withTrial.length && without.length) {
      const marker = withTrial[0]!.trial!;
      out.push(
        makeFinding(
          n,
          'regulation_citation_conflict',
          'info',
          `《${name}》有的引用带“（${marker}）”，有的不带`,
          `《${name}》 is cited both with and without "（${marker}）"`,
          [span(without[0]!), span(withTrial[0]!)],
        ),
      );
    }
  }
  // Titles one or two characters apart (执法规范化建设考核实施细则 / 执法规范化建设实施细则).
  const names = groups.map((g) => ({ g, core: shortest(g) }));
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++) {
      const a = names[i]!;
      const b = names[j]!;
      if (!nearlySame(a.core, b.core)) continue;
      out.push(
        makeFinding(
          n,
          'regulation_citation_conflict',
          'info',
          `《${a.core}》与《${b.core}》名称仅差几个字，是否为同一文件？`,
          `《${a.core}》 and 《${b.core}》 differ by a word or two: the same document?`,
          [span(a.g[0]!), span(b.g[0]!)],
        ),
      );
    }
  return out;
}

const ISSUER_PREFIX =
  /^(?:中华人民共和国|[\u4e00-\u9fff]{0,6}?(?:省|市|区|县|公安局|司法局|人民政府办公室|人民政府|办公室|分局))/;

/** 重庆市公安局渝北区分局执法规范化建设考核实施细则 → 执法规范化建设考核实施细则, for likeness only. */
function withoutIssuer(core: string): string {
  let s = core;
  for (;;) {
    const prefix = ISSUER_PREFIX.exec(s)?.[0] ?? '';
    if (!prefix || prefix.includes('关于') || s.length - prefix.length < 6) return s;
    s = s.slice(prefix.length);
  }
}

/** One core is the other with at most two characters inserted in one place, same ending. */
function nearlySame(a0: string, b0: string): boolean {
  const a = withoutIssuer(a0);
  const b = withoutIssuer(b0);
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const d = long.length - short.length;
  if (short.length < 6 || d < 1 || d > 2) return false;
  if (short.slice(-3) !== long.slice(-3)) return false;
  if (sameDocument(short, long)) return false;
  for (let k = 0; k <= short.length; k++)
    if (long.startsWith(short.slice(0, k)) && long.endsWith(short.slice(k))) return true;
  return false;
}

function docNumberFindings(n: NormalizedText, nums: DocNumber[], groups: TitleCitation[][]): CheckFinding[] {
  const out: CheckFinding[] = [];
  const groupOf = (t: TitleCitation | undefined) => (t ? groups.findIndex((g) => g.includes(t)) : -1);
  const byGroup = new Map<number, DocNumber[]>();
  for (const d of nums) {
    const gi = groupOf(d.title);
    if (gi >= 0) byGroup.set(gi, [...(byGroup.get(gi) ?? []), d]);
  }
  for (const [gi, list] of byGroup) {
    const distinct = firstOfEach(list, (d) => d.label);
    if (distinct.length < 2) continue;
    const name = shortest(groups[gi]!);
    const labels = distinct.map((d) => d.label);
    const [x, y] = distinct.map((d) => String(d.number));
    const swapped = distinct.length === 2 && x !== y && [...x!].sort().join('') === [...y!].sort().join('');
    out.push(
      makeFinding(
        n,
        'document_number_conflict',
        'error',
        `《${name}》的文号前后不一致：${labels.join('与')}${swapped ? '（疑似数字颠倒）' : ''}`,
        `《${name}》 is cited under different document numbers: ${labels.join(' vs ')}${swapped ? ' (digits transposed?)' : ''}`,
        distinct.map((d) => ({ start: d.title!.start, end: d.end + (n.text[d.end] === '）' ? 1 : 0) })),
      ),
    );
  }
  // One number given to two different documents.
  const byLabel = new Map<string, DocNumber[]>();
  for (const d of nums) if (d.title) byLabel.set(d.label, [...(byLabel.get(d.label) ?? []), d]);
  for (const [label, list] of byLabel) {
    const docs = firstOfEach(list, (d) => String(groupOf(d.title)));
    if (docs.length < 2) continue;
    out.push(
      makeFinding(
        n,
        'document_number_conflict',
        'warning',
        `同一文号${label}对应不同文件：${docs.map((d) => `《${d.title!.core}》`).join('与')}`,
        `Document number ${label} is given to different documents: ${docs.map((d) => `《${d.title!.core}》`).join(' and ')}`,
        docs.map((d) => ({ start: d.title!.start, end: d.end })),
      ),
    );
  }
  return out;
}

export function checkCitations(n: NormalizedText): CheckFinding[] {
  const titles = extractTitles(n.text);
  const groups = groupTitles(titles);
  const nums = extractDocNumbers(n.text, titles);
  return [...docNumberFindings(n, nums, groups), ...regulationFindings(n, groups)];
}
