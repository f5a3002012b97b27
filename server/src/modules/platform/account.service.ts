import { eq } from 'drizzle-orm';
import { audit } from '../../audit/record.ts';
import { officers, sessions } from '../../db/schema/index.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import type { ActorRecord } from './actor.ts';
import type { ClientInfo } from './auth.service.ts';
import { checkNewPassword } from './officers.service.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { openSession, type Session } from './sessions.ts';
import { enrolmentPayload, newRecoveryCodes, newTotpSecret, totpStep } from './totp.ts';

/** The acting officer for account changes: a full session, or one that is enrolling 2FA. */
const selfCtx = (ctx: Ctx, record: ActorRecord): Ctx => ({
  ...ctx,
  orgId: record.actor.orgId,
  actor: record.actor,
});

export async function changePassword(
  ctx: Ctx,
  record: ActorRecord,
  session: Session,
  current: string,
  next: string,
) {
  if (!(await verifyPassword(record.officer.passwordHash, current))) {
    throw new AppError('VALIDATION', { currentPassword: 'password.wrong' });
  }
  if (current === next) throw new AppError('WEAK_PASSWORD', { newPassword: 'password.reuse' });
  await checkNewPassword(ctx.db, record.actor.orgId, 'newPassword', next);
  const passwordHash = await hashPassword(next);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(officers)
      .set({ passwordHash, passwordChangedAt: new Date(), mustChangePassword: false })
      .where(eq(officers.id, record.officer.id));
    // Other sessions may belong to whoever knew the old password: end them, keep this one.
    const others = await tx
      .select({ id: sessions.id })
      .from(sessions)
      .where(eq(sessions.officerId, record.officer.id));
    for (const s of others) if (s.id !== session.id) await tx.delete(sessions).where(eq(sessions.id, s.id));
    await audit(tx, selfCtx(ctx, record), {
      action: 'account.password',
      targetType: 'officer',
      targetId: record.officer.id,
      summary: record.officer.mustChangePassword ? { oneTimePasswordReplaced: true } : undefined,
    });
  });
}

export async function setupTotp(ctx: Ctx, record: ActorRecord) {
  const secret = newTotpSecret();
  await ctx.db.transaction(async (tx) => {
    await tx.update(officers).set({ totpPendingSecret: secret }).where(eq(officers.id, record.officer.id));
    await audit(tx, selfCtx(ctx, record), {
      action: 'account.totp.setup',
      targetType: 'officer',
      targetId: record.officer.id,
    });
  });
  return enrolmentPayload(record.officer.username, secret);
}

/**
 * Confirms enrolment with a first code. Its time step counts as used, so the same code cannot
 * sign in afterwards. An enrolling session has just proven its second factor: it ends and a new
 * full session is returned in its place (as at the TOTP step of sign-in).
 */
export async function enableTotp(
  ctx: Ctx,
  record: ActorRecord,
  session: Session,
  code: string,
  client: ClientInfo,
): Promise<{ codes: string[]; renewed: { token: string; csrfToken: string } | null }> {
  const [o] = await ctx.db.select().from(officers).where(eq(officers.id, record.officer.id));
  const step = o?.totpPendingSecret ? totpStep(o.totpPendingSecret, code) : null;
  if (!o || step === null) throw new AppError('INVALID_TOTP', { code: 'invalid' });
  const { codes, hashes } = newRecoveryCodes();
  const renewed = await ctx.db.transaction(async (tx) => {
    await tx
      .update(officers)
      .set({
        totpSecret: o.totpPendingSecret,
        totpPendingSecret: null,
        totpEnabled: true,
        totpLastStep: step,
        recoveryCodes: hashes,
      })
      .where(eq(officers.id, o.id));
    let next: { token: string; csrfToken: string } | null = null;
    if (session.stage === 'enrol') {
      await tx.delete(sessions).where(eq(sessions.id, session.id));
      next = await openSession(tx, {
        orgId: session.orgId,
        officerId: o.id,
        stage: 'full',
        secondFactorAt: new Date(),
        ...client,
      });
    } else {
      await tx.update(sessions).set({ secondFactorAt: new Date() }).where(eq(sessions.id, session.id));
    }
    await audit(tx, selfCtx(ctx, record), {
      action: 'account.totp.enable',
      targetType: 'officer',
      targetId: o.id,
    });
    return next;
  });
  return { codes, renewed };
}

export async function disableTotp(ctx: Ctx, record: ActorRecord, password: string) {
  if (record.requiresTotp) throw new AppError('FORBIDDEN');
  if (!(await verifyPassword(record.officer.passwordHash, password))) {
    throw new AppError('VALIDATION', { password: 'password.wrong' });
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(officers)
      .set({ totpSecret: null, totpEnabled: false, recoveryCodes: [] })
      .where(eq(officers.id, record.officer.id));
    await audit(tx, selfCtx(ctx, record), {
      action: 'account.totp.disable',
      targetType: 'officer',
      targetId: record.officer.id,
    });
  });
}

export async function regenerateRecoveryCodes(ctx: Ctx, record: ActorRecord) {
  if (!record.officer.totpEnabled) throw new AppError('FORBIDDEN');
  const { codes, hashes } = newRecoveryCodes();
  await ctx.db.transaction(async (tx) => {
    await tx.update(officers).set({ recoveryCodes: hashes }).where(eq(officers.id, record.officer.id));
    await audit(tx, selfCtx(ctx, record), {
      action: 'account.recoveryCodes',
      targetType: 'officer',
      targetId: record.officer.id,
    });
  });
  return codes;
}
