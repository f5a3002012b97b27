import { randomInt } from 'node:crypto';
import type { SecuritySettings } from '@fazhi/common';
import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to argon2id; these costs follow OWASP's argon2id minimum (19 MiB, t=2).
const COST = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, COST);

/** A hash of nothing, so unknown usernames cost as much time as known ones. */
let decoy: Promise<string> | undefined;

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    decoy ??= hashPassword('decoy-password-never-matches');
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** The password policy of 等保 level 3: minimum length and three of four character classes. */
export function passwordProblem(
  password: string,
  policy: Pick<SecuritySettings, 'passwordMinLength'>,
): { key: string; params?: Record<string, number> } | null {
  if (password.length < policy.passwordMinLength)
    return { key: 'password.length', params: { min: policy.passwordMinLength } };
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return { key: 'password.classes' };
  return null;
}

// Letters and digits people do not confuse when they read a password aloud or copy it by hand.
const ONE_TIME_CLASSES = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#%+=?'];

/**
 * A random password for an administrator's reset: at least 12 characters (more when the policy
 * asks), every character class present, so it passes the policy it is checked against.
 */
export function oneTimePassword(policy: Pick<SecuritySettings, 'passwordMinLength'>): string {
  const length = Math.max(12, policy.passwordMinLength);
  const all = ONE_TIME_CLASSES.join('');
  const chars = ONE_TIME_CLASSES.map((set) => set[randomInt(set.length)]!);
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  // Fisher–Yates, so the guaranteed characters do not sit at the start.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
