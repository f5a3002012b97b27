import { eq } from 'drizzle-orm';
import { audit } from '../../audit/record.ts';
import { officers, sessions } from '../../db/schema/index.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import type { ActorRecord } from './actor.ts';
import { recordFailure } from './auth.service.ts';
import type { Session } from './sessions.ts';
import { getSecuritySettings } from './settings.service.ts';
import { claimTotpStep, totpStep } from './totp.ts';

/**
 * Step-up before personal data is shown whole (a full ID number): the session must have proven
 * the second factor within the branch's `stepUpMinutes` (15 by default), so a session left open
 * on an unattended screen, or taken over by a password alone, cannot read ID numbers.
 */
export async function assertFreshSecondFactor(ctx: Ctx): Promise<void> {
  const { stepUpMinutes } = await getSecuritySettings(ctx.db, ctx.orgId);
  const at = ctx.secondFactorAt;
  if (!at || Date.now() - at.getTime() > stepUpMinutes * 60_000) throw new AppError('STEP_UP_REQUIRED');
}

/**
 * Proves the second factor again for the current session with a code of the authenticator (a
 * recovery code is for signing in without the device, not for this). The code's time step is
 * claimed like at sign-in, and a wrong code counts towards the lockout.
 */
export async function stepUp(
  ctx: Ctx,
  record: ActorRecord,
  session: Session,
  code: string,
): Promise<{ secondFactorAt: string }> {
  const { officer } = record;
  const policy = await getSecuritySettings(ctx.db, session.orgId);
  const step = officer.totpEnabled && officer.totpSecret ? totpStep(officer.totpSecret, code) : null;
  const fail = async (reason: string, code: 'INVALID_TOTP' | 'TOTP_REUSED') => {
    const summary = { step: 'totp', username: officer.username, reason };
    const locked = await recordFailure(ctx, officer, summary, policy);
    return locked ? new AppError('ACCOUNT_LOCKED') : new AppError(code, { code: 'invalid' });
  };
  if (step === null) throw await fail('step-up', 'INVALID_TOTP');
  const at = await ctx.db.transaction(async (tx) => {
    if (!(await claimTotpStep(tx, officer.id, step))) return null;
    const now = new Date();
    await tx.update(sessions).set({ secondFactorAt: now }).where(eq(sessions.id, session.id));
    await tx.update(officers).set({ failedLogins: 0 }).where(eq(officers.id, officer.id));
    await audit(tx, ctx, { action: 'auth.stepUp', targetType: 'officer', targetId: officer.id });
    return now;
  });
  if (!at) throw await fail('step-up, code reused', 'TOTP_REUSED');
  return { secondFactorAt: at.toISOString() };
}
