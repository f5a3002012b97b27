/**
 * Normalisation of a report's text (全角/半角, 跨页断行, Markdown) that keeps, for every character
 * of the normalised text, where it came from in the input: checks run on clean text, but every
 * excerpt they quote is cut from the input, so a reader can find it with Ctrl-F.
 */

export interface NormalizedText {
  raw: string;
  /** Clean text: half-width digits, full-width CJK punctuation, no spaces around CJK, `\n` between paragraphs. */
  text: string;
  /** For each character of `text`, its start and (exclusive) end offset in `raw`. */
  origin: number[];
  originEnd: number[];
  /** Offsets in `raw` where each line starts (for 1-based line numbers). */
  lineStarts: number[];
}

// ASCII punctuation written in Chinese prose stands for its full-width form; the checks then
// split clauses on one alphabet. Digit-bound uses (1,234 / 21:30 / 3.5) are kept below.
const TO_FULL: Record<string, string> = {
  ',': '，',
  '(': '（',
  ')': '）',
  ';': '；',
  ':': '：',
  '!': '！',
  '?': '？',
};

const HEADING =
  /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、]|[一二三四五六七八九十]+是)/;
const TERMINAL = /[。！？；：]["”’）]?$/;
const CJK_PUNCT = /[，、。；：！？]/;

function mapChar(c: string, prev: string, next: string): string {
  const code = c.codePointAt(0)!;
  // Full-width forms block: digits, letters, ％ and ． become ASCII (NFKC), punctuation stays Chinese.
  if (code >= 0xff01 && code <= 0xff5e) {
    const half = String.fromCodePoint(code - 0xfee0);
    if (/[0-9A-Za-z%.+\-=/#&*@~<>[\]]/.test(half)) return half;
    return TO_FULL[half] ?? half;
  }
  if (c === '\u3000' || c === '\u00a0') return ' ';
  const full = TO_FULL[c];
  if (full) {
    const digitBound = /\d/.test(prev) && /\d/.test(next);
    if ((c === ',' || c === ':') && digitBound) return c;
    return full;
  }
  return c;
}

interface Piece {
  ch: string;
  start: number;
  end: number;
}

/** One input line as normalised characters, Markdown emphasis removed, spaces kept for now. */
function lineChars(raw: string, from: number, to: number): Piece[] {
  const out: Piece[] = [];
  let i = from;
  while (i < to) {
    if (raw.startsWith('**', i) || raw.startsWith('__', i)) {
      i += 2;
      continue;
    }
    const cp = raw.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const c = raw.slice(i, i + len);
    const mapped = mapChar(c, raw[i - 1] ?? '', raw[i + len] ?? '');
    for (const m of mapped) out.push({ ch: m, start: i, end: i + len });
    i += len;
  }
  return dropSpaces(out);
}

/** Spaces matter only between two ASCII words ("6 in 1"); around CJK they are typesetting. */
function dropSpaces(chars: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (let k = 0; k < chars.length; k++) {
    const p = chars[k]!;
    if (!/\s/.test(p.ch)) {
      out.push(p);
      continue;
    }
    const before = out[out.length - 1]?.ch ?? '';
    let j = k + 1;
    while (j < chars.length && /\s/.test(chars[j]!.ch)) j++;
    const after = chars[j]?.ch ?? '';
    const asciiWords = /[A-Za-z]/.test(before) || /[A-Za-z]/.test(after);
    const twoNumbers = /\d/.test(before) && /\d/.test(after);
    if ((asciiWords && /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after)) || twoNumbers) {
      out.push({ ch: ' ', start: p.start, end: p.end });
    }
    k = j - 1;
  }
  return out;
}

const textOf = (pieces: Piece[]) => pieces.map((p) => p.ch).join('');

/**
 * A line break inside a paragraph (page breaks of PDF/Word exports cut words: 行⏎⏎政检查) is
 * joined without a space; a break after a sentence end, before or after a heading, or after a
 * short unpunctuated line (title, addressee, signature) is a paragraph break.
 */
const count = (s: string, c: string) => s.split(c).length - 1;

function isSoftBreak(prev: string, next: string): boolean {
  // A title or quotation left open goes on in the next line, whatever else holds.
  if (count(prev, '《') > count(prev, '》') || count(prev, '“') > count(prev, '”')) return true;
  if (TERMINAL.test(prev)) return false;
  if (HEADING.test(next)) return false;
  if (HEADING.test(prev) && !prev.includes('。')) return false;
  if (prev.length <= 40 && !CJK_PUNCT.test(prev)) return false;
  return true;
}

export function normalizeText(raw: string): NormalizedText {
  // A UTF-8 BOM is skipped, not quoted; offsets still count it so they index the input.
  const source = raw;
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);

  const lines: { pieces: Piece[]; text: string; breakAt: number }[] = [];
  for (let l = 0; l < lineStarts.length; l++) {
    const from = lineStarts[l]!;
    let to = l + 1 < lineStarts.length ? lineStarts[l + 1]! - 1 : source.length;
    if (source[to - 1] === '\r') to--;
    let start = from;
    if (l === 0 && source.charCodeAt(0) === 0xfeff) start = 1;
    const pieces = lineChars(source, start, to);
    if (pieces.length === 0) continue;
    lines.push({ pieces, text: textOf(pieces), breakAt: to });
  }

  const chars: Piece[] = [];
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    if (l > 0) {
      const prev = lines[l - 1]!;
      if (!isSoftBreak(prev.text, line.text))
        chars.push({ ch: '\n', start: prev.breakAt, end: prev.breakAt + 1 });
    }
    chars.push(...line.pieces);
  }
  return {
    raw: source,
    text: textOf(chars),
    origin: chars.map((p) => p.start),
    originEnd: chars.map((p) => p.end),
    lineStarts,
  };
}

/** The input text behind normalised offsets [start, end). */
export function rawSlice(n: NormalizedText, start: number, end: number): string {
  if (end <= start) return '';
  return n.raw.slice(n.origin[start]!, n.originEnd[end - 1]!);
}

export function rawRange(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  return { start: n.origin[start]!, end: n.originEnd[Math.max(start, end - 1)]! };
}

/** 1-based line of a raw offset. */
export function lineOf(n: NormalizedText, rawOffset: number): number {
  let lo = 0;
  let hi = n.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (n.lineStarts[mid]! <= rawOffset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
