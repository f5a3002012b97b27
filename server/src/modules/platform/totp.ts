import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { authenticator } from 'otplib';
import QRCode from 'qrcode';
import type { Queryable } from '../../db/index.ts';
import { officers } from '../../db/schema/index.ts';

// One step of clock drift either way, as RFC 6238 recommends for human entry.
authenticator.options = { window: 1 };

export const ISSUER = 'Fazhi';

export const newTotpSecret = () => authenticator.generateSecret(20);
export const checkTotp = (secret: string, code: string) => totpStep(secret, code) !== null;

const STEP_SECONDS = 30;

/**
 * The time step (unix seconds / 30) the code belongs to, or null when it matches none in the
 * window. The caller claims the step with `claimTotpStep`, so a code works once (RFC 6238 §5.2).
 */
export function totpStep(secret: string, code: string, now = Date.now()): number | null {
  try {
    const delta = authenticator.clone({ epoch: now }).checkDelta(code.replace(/\s/g, ''), secret);
    return delta === null ? null : Math.floor(now / 1000 / STEP_SECONDS) + delta;
  } catch {
    return null;
  }
}

/**
 * Records `step` as the account's last used one unless that one is already as late: one
 * conditional UPDATE, so of two simultaneous sign-ins with the same code exactly one wins.
 * Returns whether this caller won.
 */
export async function claimTotpStep(db: Queryable, officerId: number, step: number): Promise<boolean> {
  const won = await db
    .update(officers)
    .set({ totpLastStep: step })
    .where(
      and(eq(officers.id, officerId), or(isNull(officers.totpLastStep), lt(officers.totpLastStep, step))),
    )
    .returning({ id: officers.id });
  return won.length === 1;
}

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
