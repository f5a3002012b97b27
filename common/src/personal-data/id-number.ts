/**
 * Citizen identity numbers (公民身份号码, GB 11643-1999): 6-digit region code, 8-digit birth
 * date, 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
 */
import { chinaToday, isValidIsoDate } from '../calendar/iso-date.ts';

export type IdNumberReason =
  | 'idNumber.length'
  | 'idNumber.format'
  | 'idNumber.birthDate'
  | 'idNumber.checkDigit';
export type IdNumberValidation = { ok: true } | { ok: false; reason: IdNumberReason };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const FORMAT = /^[1-9]\d{16}[\dX]$/;
// Nobody born before 1900 is alive, and such a date is almost surely a typing error.
const MIN_BIRTH_YEAR = 1900;

/** Trim and upper-case, since people type the X check character as a lower-case x. */
export function normalizeIdNumber(s: string): string {
  return s.trim().toUpperCase();
}

/** The check character for the first 17 digits of an ID number. */
export function idNumberCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('An ID number check digit needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** The birth date encoded in an ID number as `YYYY-MM-DD`, or null when it is not a real date. */
export function idNumberBirthDate(id: string): string | null {
  const digits = normalizeIdNumber(id).slice(6, 14);
  if (!/^\d{8}$/.test(digits)) return null;
  const date = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  return isValidIsoDate(date) ? date : null;
}

/** 'M' when the sequence number (17th character) is odd, 'F' when even; null when malformed. */
export function idNumberSex(id: string): 'M' | 'F' | null {
  const c = normalizeIdNumber(id)[16];
  if (c === undefined || !/\d/.test(c)) return null;
  return Number(c) % 2 === 1 ? 'M' : 'F';
}

/**
 * Validates an 18-character ID number. The birth date must be a real date from 1900 up to
 * `today` (an ISO date, China's today by default) — passing `today` keeps tests deterministic.
 */
export function validateIdNumber(s: string, today: string = chinaToday()): IdNumberValidation {
  const id = normalizeIdNumber(s);
  if (id.length !== 18) return { ok: false, reason: 'idNumber.length' };
  if (!FORMAT.test(id)) return { ok: false, reason: 'idNumber.format' };
  const birth = idNumberBirthDate(id);
  if (birth === null || Number(birth.slice(0, 4)) < MIN_BIRTH_YEAR || birth > today) {
    return { ok: false, reason: 'idNumber.birthDate' };
  }
  if (idNumberCheckDigit(id.slice(0, 17)) !== id[17]) return { ok: false, reason: 'idNumber.checkDigit' };
  return { ok: true };
}
