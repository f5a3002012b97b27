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
