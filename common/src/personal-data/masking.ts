/**
 * The masking policy for personal data on every public surface (exports, notices, screens of
 * users without the right to see it). Every masker accepts null/undefined and returns ''.
 */
import { normalizeIdNumber } from './id-number.ts';
import { normalizePhone } from './phone.ts';

type Maybe = string | null | undefined;

const LATIN_LETTER = /\p{Script=Latin}/u;
const HAN = /\p{Script=Han}/u;

function maskWord(word: string): string {
  const [first, ...rest] = [...word];
  if (first === undefined) return '';
  // Punctuation inside a Latin name (O'Brien, Jean-Luc) reveals nothing, so only letters go.
  return first + rest.map((c) => (LATIN_LETTER.test(c) ? '*' : c)).join('');
}

/** 张三丰 → 张**; John Smith → J*** S****. A one-character name is masked entirely. */
export function maskName(s: Maybe): string {
  const name = s?.trim() ?? '';
  if (name === '') return '';
  if (LATIN_LETTER.test(name) && !HAN.test(name)) {
    return name
      .split(/(\s+)/)
      .map((part) => (/^\s+$/.test(part) ? part : maskWord(part)))
      .join('');
  }
  const chars = [...name];
  if (chars.length === 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** Keeps the region code (first 6) and the last 4: 110105********1234. */
export function maskIdNumber(s: Maybe): string {
  const id = normalizeIdNumber(s ?? '');
  if (id.length <= 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

/**
 * Keeps the first 3 and last 4 digits (138****5678, 010-****5678); separators stay, so a
 * masked landline still reads as one.
 */
export function maskPhone(s: Maybe): string {
  const phone = normalizePhone(s ?? '');
  const total = phone.replace(/\D/g, '').length;
  const keepAll = total >= 8;
  let seen = 0;
  return phone.replace(/\d/g, (d) => {
    const i = seen++;
    return keepAll && (i < 3 || i >= total - 4) ? d : '*';
  });
}

// Administrative levels down to the county; a 区 in 自治区 is a province, not a district.
const ADMIN = /自治区|[区县市]/g;
const STREET = /街道|大道|[镇乡路街巷]/g;
const MAX_NAME_GAP = 3;

function firstMatch(re: RegExp, text: string, from: number): { index: number; end: number } | null {
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? { index: m.index, end: m.index + m[0].length } : null;
}

/**
 * "Stops at the street": keeps the address up to and including its first street-level token
 * (街道, 镇, 乡, 路, 街, 大道, 巷) after the district or county, and masks the rest:
 * 重庆市渝北区龙溪街道松石北路128号3单元 → 重庆市渝北区龙溪街道***. Without a street token,
 * keeps up to the district or county.
 */
export function maskAddress(s: Maybe): string {
  const address = s?.trim() ?? '';
  if (address === '') return '';
  // Walk down the administrative prefix: cities (市) may nest (地级市 → 县级市), but a 区 or
  // 县 is the last level before the street, so a later 小区 is not mistaken for a district.
  let districtEnd = 0;
  for (;;) {
    const admin = firstMatch(ADMIN, address, districtEnd);
    if (!admin) break;
    const street = firstMatch(STREET, address, districtEnd);
    // A street character just before the admin token is part of its name (镇江市, 乡城县,
    // 路桥区); one further back means the admin token lies beyond the street (…路1号城市花园).
    if (street && street.index < admin.index && admin.index - street.index > MAX_NAME_GAP) break;
    districtEnd = admin.end;
    const token = address.slice(admin.index, admin.end);
    if (token === '区' || token === '县') break;
  }
  const street = firstMatch(STREET, address, districtEnd);
  const keep = street ? street.end : districtEnd;
  return `${address.slice(0, keep)}***`;
}
