import * as common from '@fazhi/common';

/**
 * Finds program codes in the text a person reads: what a page shows must be a label in the
 * user's language, never the identifier the code uses (`camera_not_recorded`, `officer.update`,
 * `officer #4`, `advanced`).
 */

/** Every value of the code lists that common/ exports (statuses, roles, rules, kinds, levels …). */
function commonCodes(): Set<string> {
  const codes = new Set<string>();
  for (const v of Object.values(common)) {
    const list: unknown = Array.isArray(v)
      ? v
      : v && typeof v === 'object' && 'options' in v
        ? (v as { options: unknown }).options
        : null;
    if (!Array.isArray(list) || !list.every((x) => typeof x === 'string')) continue;
    // Codes are ASCII identifiers; a list of Chinese words (the campaign tags) is its own label.
    for (const x of list as string[]) if (/^[a-z][A-Za-z_]*$/.test(x)) codes.add(x);
  }
  for (const r of common.BUILT_IN_ROLES) codes.add(r.code);
  return codes;
}

const KNOWN = commonCodes();

/** What a raw code looks like, each with the reason it is one. */
const PATTERNS: { name: string; re: RegExp }[] = [
  { name: 'snake_case identifier', re: /\b[a-z]+(?:_[a-z]+)+\b/g },
  { name: 'dotted event name', re: /\b[a-z]+\.[a-z][A-Za-z]+\b/g },
  { name: 'type #id', re: /\b[a-z_]+ #\d+/g },
];

/**
 * Legitimate text that looks like a code, removed before the search, each with its reason. Keep
 * it short: a new entry needs a reason a reader would accept.
 */
const NOT_CODES: { re: RegExp; reason: string }[] = [
  { re: /\bhttps?:\/\/\S+/g, reason: 'a web address is written as it is typed' },
  {
    re: /(?<!\w)\/(?:api|public)\/\S+/g,
    reason: 'a path of the API or the public portal, shown to be copied',
  },
  { re: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, reason: 'an e-mail address' },
  { re: /[\w\u4e00-\u9fa5（）()〔〕-]+\.(?:xlsx|docx|csv|md|pdf|png|json)\b/g, reason: 'a file name' },
  {
    re: /\{\{[\w.]+\}\}/g,
    reason: 'a figure placeholder ({{metric.id}}) in the report text the author edits',
  },
];

export interface RawCode {
  token: string;
  kind: string;
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The codes in a page's text. `allowed` are words this page may show as they are (the demo
 * accounts' usernames in the username column of an officer list), removed first as whole words.
 */
export function findRawCodes(text: string, allowed: readonly string[] = []): RawCode[] {
  let rest = text;
  for (const n of NOT_CODES) rest = rest.replace(n.re, ' ');
  if (allowed.length) {
    const words = [...allowed].sort((a, b) => b.length - a.length).map(literal);
    rest = rest.replace(new RegExp(`(?<![\\w.])(?:${words.join('|')})(?![\\w.])`, 'g'), ' ');
  }
  const found = new Map<string, string>();
  for (const p of PATTERNS) for (const m of rest.matchAll(p.re)) found.set(m[0], p.name);
  // A list's code shows alone (a cell, a tag, after Chinese text); next to other English words it
  // is a word of English prose (the rubric's "Case file" beside 卷宗), not a code.
  for (const m of rest.matchAll(/(?<![A-Za-z][ -]?)\b[a-z][A-Za-z]*\b(?![ -]?[A-Za-z])/g))
    if (KNOWN.has(m[0]) && !found.has(m[0])) found.set(m[0], 'code of a list in common/');
  return [...found].map(([token, kind]) => ({ token, kind }));
}
