import { createHash, randomBytes } from 'node:crypto';
import { authenticator } from 'otplib';
import QRCode from 'qrcode';

// One step of clock drift either way, as RFC 6238 recommends for human entry.
authenticator.options = { window: 1 };

export const ISSUER = 'Fazhi';

export const newTotpSecret = () => authenticator.generateSecret(20);
export const checkTotp = (secret: string, code: string) => {
  try {
    return authenticator.check(code.replace(/\s/g, ''), secret);
  } catch {
    return false;
  }
};

export async function enrolmentPayload(username: string, secret: string) {
  const otpauthUrl = authenticator.keyuri(username, ISSUER, secret);
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 });
  return { secret, otpauthUrl, qrDataUrl };
}

const hashCode = (code: string) =>
  createHash('sha256').update(code.replace(/[\s-]/g, '').toLowerCase()).digest('hex');

/** Ten one-time recovery codes; only their hashes are stored. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: 10 }, () => {
    const raw = randomBytes(5).toString('hex');
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  return { codes, hashes: codes.map(hashCode) };
}

/** Returns the remaining hashes when the code matches one, or null. */
export function useRecoveryCode(hashes: readonly string[], code: string): string[] | null {
  const h = hashCode(code);
  const i = hashes.indexOf(h);
  return i < 0 ? null : [...hashes.slice(0, i), ...hashes.slice(i + 1)];
}
