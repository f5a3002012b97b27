/**
 * Comparing two texts of a report: blocks matched by their id (an edited block keeps it), each
 * block's paragraphs aligned by their longest common subsequence. A paragraph removed right where
 * another was added reads as one edited paragraph, with the common start and end measured so the
 * page can mark only what changed. Pure: the compare route and its tests call it.
 */
import type { AnnualReportCompareResponse, DiffBlock, DiffParagraph, ReportBlock } from '@fazhi/common';

export interface ComparedText {
  title: string;
  blocks: readonly ReportBlock[];
  signature: string;
}

/** A block's paragraphs as the document prints them (blank lines are not paragraphs). */
export const paragraphsOf = (text: string) => text.split('\n').filter((p) => p.trim() !== '');

/** The common start and end of two strings, not overlapping in the shorter one. */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < max && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return { prefix, suffix };
}

/** Paragraph-level diff of two lists: LCS, then removed/added runs paired as edits. */
export function diffParagraphs(oldParas: readonly string[], newParas: readonly string[]): DiffParagraph[] {
  const n = oldParas.length;
  const m = newParas.length;
  // lcs[i][j]: the LCS length of oldParas[i..] and newParas[j..]
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] =
        oldParas[i] === newParas[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: DiffParagraph[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    const pairs = Math.min(removed.length, added.length);
    for (let k = 0; k < pairs; k++) {
      const o = removed[k]!;
      const w = added[k]!;
      out.push({ kind: 'changed', old: o, new: w, ...commonEnds(o, w) });
    }
    for (const text of removed.slice(pairs)) out.push({ kind: 'removed', text });
    for (const text of added.slice(pairs)) out.push({ kind: 'added', text });
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && oldParas[i] === newParas[j]) {
      flush();
      out.push({ kind: 'same', text: oldParas[i]! });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      added.push(newParas[j]!);
      j++;
    } else {
      removed.push(oldParas[i]!);
      i++;
    }
  }
  flush();
  return out;
}

function blockDiff(oldBlock: ReportBlock | undefined, newBlock: ReportBlock | undefined): DiffBlock {
  const b = (newBlock ?? oldBlock)!;
  const base = {
    id: b.id,
    level: b.level,
    oldHeading: oldBlock?.heading ?? null,
    newHeading: newBlock?.heading ?? null,
    oldText: oldBlock?.text ?? null,
    newText: newBlock?.text ?? null,
  };
  if (!oldBlock)
    return {
      ...base,
      status: 'added',
      paragraphs: paragraphsOf(b.text).map((text) => ({ kind: 'added', text })),
    };
  if (!newBlock)
    return {
      ...base,
      status: 'removed',
      paragraphs: paragraphsOf(b.text).map((text) => ({ kind: 'removed', text })),
    };
  const paragraphs = diffParagraphs(paragraphsOf(oldBlock.text), paragraphsOf(newBlock.text));
  const same =
    oldBlock.heading === newBlock.heading &&
    oldBlock.level === newBlock.level &&
    paragraphs.every((p) => p.kind === 'same');
  return same ? { ...base, status: 'unchanged', paragraphs: [] } : { ...base, status: 'changed', paragraphs };
}

/**
 * `older` against `newer`, in the newer order; a block only in the older text is placed after
 * the block that preceded it there.
 */
export function diffReports(
  older: ComparedText,
  newer: ComparedText,
): Pick<AnnualReportCompareResponse, 'title' | 'signature' | 'blocks' | 'counts'> {
  const oldIndex = new Map(older.blocks.map((b, i) => [b.id, i]));
  const newIds = new Set(newer.blocks.map((b) => b.id));
  const blocks: DiffBlock[] = [];
  let next = 0; // the first old block not yet placed
  const placeRemovedBefore = (end: number) => {
    for (; next < end; next++) {
      const o = older.blocks[next]!;
      if (!newIds.has(o.id)) blocks.push(blockDiff(o, undefined));
    }
  };
  for (const nb of newer.blocks) {
    const at = oldIndex.get(nb.id);
    if (at !== undefined && at >= next) {
      placeRemovedBefore(at);
      next = at + 1;
    }
    blocks.push(blockDiff(at === undefined ? undefined : older.blocks[at], nb));
  }
  placeRemovedBefore(older.blocks.length);
  const count = (s: DiffBlock['status']) => blocks.filter((b) => b.status === s).length;
  const field = (o: string, n: string) => (o === n ? null : { old: o, new: n });
  return {
    title: field(older.title, newer.title),
    signature: field(older.signature, newer.signature),
    blocks,
    counts: { changed: count('changed'), added: count('added'), removed: count('removed') },
  };
}
