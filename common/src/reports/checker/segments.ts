/**
 * Paragraphs, sentences and clauses of the normalised text, and which characters sit inside
 * quotation marks or a title (“…”, 《…》): a number there names something (“6·21”, “365律警在线”),
 * it does not count anything.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Segments {
  paragraphs: Span[];
  sentences: Span[];
  /** For each character, the index of its paragraph and sentence. */
  paragraphOf: Int32Array;
  sentenceOf: Int32Array;
  /** For each character, whether it is inside “…”, 《…》 or 「…」. */
  quoted: Uint8Array;
}

const SENTENCE_END = new Set(['。', '！', '？', '；', '\n']);
export const CLAUSE_DELIMS = new Set(['，', '、', '。', '；', '：', '！', '？', '（', '）', '\n']);

export function segment(text: string): Segments {
  const paragraphs: Span[] = [];
  const sentences: Span[] = [];
  const paragraphOf = new Int32Array(text.length);
  const sentenceOf = new Int32Array(text.length);
  const quoted = new Uint8Array(text.length);

  let pStart = 0;
  let sStart = 0;
  let depth = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    const atEnd = i === text.length;
    if (!atEnd) {
      if (c === '“' || c === '《' || c === '「') depth++;
      quoted[i] = depth > 0 ? 1 : 0;
      if ((c === '”' || c === '》' || c === '」') && depth > 0) depth--;
    }
    if (atEnd || SENTENCE_END.has(c!)) {
      const end = atEnd || c === '\n' ? i : i + 1;
      if (end > sStart) sentences.push({ start: sStart, end });
      sStart = i + 1;
    }
    if (atEnd || c === '\n') {
      if (i > pStart) paragraphs.push({ start: pStart, end: i });
      pStart = i + 1;
      // An unbalanced quote must not swallow the rest of the report.
      depth = 0;
    }
  }
  let p = 0;
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    while (p < paragraphs.length - 1 && paragraphs[p]!.end <= i) p++;
    while (s < sentences.length - 1 && sentences[s]!.end <= i) s++;
    paragraphOf[i] = p;
    sentenceOf[i] = s;
  }
  return { paragraphs, sentences, paragraphOf, sentenceOf, quoted };
}

/** Start of the clause that holds offset `at` (after the nearest delimiter before it). */
export function clauseStart(text: string, at: number, floor = 0): number {
  let i = at - 1;
  while (i >= floor && !CLAUSE_DELIMS.has(text[i]!)) i--;
  return i + 1;
}

/** End of the clause that holds offset `at`. */
export function clauseEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && !CLAUSE_DELIMS.has(text[i]!)) i++;
  return i;
}
