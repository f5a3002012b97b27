/**
 * Person names as written on an identity document: Chinese names (with the middle dot that
 * separates the parts of transliterated names, 买买提·艾力) or Latin-script names.
 */

const MIN_LENGTH = 2;
const MAX_LENGTH = 30;
const CHINESE = /^\p{Script=Han}+(?:·\p{Script=Han}+)*$/u;
const LATIN = /^\p{Script=Latin}(?:[\p{Script=Latin} .'-]*[\p{Script=Latin}.])?$/u;
// Input methods and fonts produce several look-alikes of the middle dot (U+00B7).
const DOT_LOOKALIKES = /[•・‧∙⋅･]/g;

/** Trims and replaces middle-dot look-alikes with U+00B7, the dot identity documents use. */
export function normalizePersonName(s: string): string {
  return s.trim().replace(DOT_LOOKALIKES, '·');
}

export function validatePersonName(s: string): boolean {
  const name = normalizePersonName(s);
  // Count code points, not UTF-16 units: rare name characters lie outside the BMP.
  const length = [...name].length;
  if (length < MIN_LENGTH || length > MAX_LENGTH) return false;
  return CHINESE.test(name) || (LATIN.test(name) && !/\s{2}/.test(name));
}
