import type { MeResponse } from '@fazhi/common';
import { eq, sql } from 'drizzle-orm';
import { audit } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import { officers, sessions, units } from '../../db/schema/index.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { type ActorRecord, loadActor } from './actor.ts';
import { verifyPassword } from './passwords.ts';
import { openSession, type Session, type SessionStage } from './sessions.ts';
import { getSecuritySettings } from './settings.service.ts';
import { claimTotpStep, totpStep, useRecoveryCode } from './totp.ts';

export interface SignInResult {
  stage: SessionStage;
  token: string;
  csrfToken: string;
  me: MeResponse | null;
}

export interface ClientInfo {
  clientIp: string | null;
  userAgent: string | null;
}

type Officer = typeof officers.$inferSelect;

/**
 * Password step of sign-in. Every attempt is audited; failures count towards the lockout, and
 * the lock itself is audited. Failures are committed before the error is thrown.
 */
export async function login(
  ctx: Ctx,
  username: string,
  password: string,
  client: ClientInfo,
): Promise<SignInResult> {
  const [found] = await ctx.db
    .select({ officer: officers, unitName: units.name })
    .from(officers)
    .innerJoin(units, eq(units.id, officers.unitId))
    .where(eq(officers.username, username.trim()));
  const officer = found?.officer;
  // Each branch sets its own policy; an unknown username is judged by the default branch's.
  const policy = await getSecuritySettings(ctx.db, officer?.orgId ?? ctx.orgId);
  const now = new Date();
  const subject = officer
    ? { id: officer.id, name: officer.name, unitId: officer.unitId, unitName: found.unitName }
    : undefined;

  /** A refusal that does not count towards the lockout, audited and committed before it is thrown. */
  const refuse = async (reason: string, code: 'ACCOUNT_LOCKED' | 'ACCOUNT_DISABLED') => {
    const summary = { username, reason };
    await ctx.db.transaction((tx) =>
      audit(tx, ctx, {
        action: 'auth.login',
        outcome: 'failure',
        subject,
        targetType: 'officer',
        targetId: officer?.id,
        summary,
      }),
    );
    return new AppError(code);
  };

  if (officer?.lockedUntil && officer.lockedUntil > now) throw await refuse('locked', 'ACCOUNT_LOCKED');
  const passwordOk = await verifyPassword(officer?.passwordHash ?? null, password);
  if (!officer || !passwordOk) {
    const locked = await recordFailure(
      ctx,
      officer,
      { username, reason: officer ? 'password' : 'unknown user' },
      policy,
    );
    throw new AppError(locked ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS');
  }
  if (!officer.active) throw await refuse('disabled', 'ACCOUNT_DISABLED');
  const record = (await loadActor(ctx.db, officer.id))!;
  const stage: SessionStage = officer.totpEnabled ? 'totp' : record.requiresTotp ? 'enrol' : 'full';
  return ctx.db.transaction(async (tx) => {
    await tx.update(officers).set({ failedLogins: 0, lockedUntil: null }).where(eq(officers.id, officer.id));
    const { token, csrfToken } = await openSession(tx, {
      orgId: officer.orgId,
      officerId: officer.id,
      stage,
      ...client,
    });
    await audit(
      tx,
      { ...ctx, actor: stage === 'full' ? record.actor : null },
      {
        action: 'auth.login',
        subject,
        targetType: 'officer',
        targetId: officer.id,
        summary: { username, secondFactor: stage === 'full' ? null : stage },
      },
    );
    return { stage, token, csrfToken, me: stage === 'full' ? await toMe(tx, record) : null };
  });
}

/** Counts a failed attempt; locks the account at the threshold. Returns whether it is now locked. */
export async function recordFailure(
  ctx: Ctx,
  officer: Officer | undefined,
  summary: Record<string, unknown>,
  policy: { lockoutThreshold: number; lockoutMinutes: number },
): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const subject = officer ? { id: officer.id, name: officer.name, unitId: officer.unitId } : undefined;
    await audit(tx, ctx, {
      action: summary.step === 'totp' ? 'auth.totp' : 'auth.login',
      outcome: 'failure',
      subject,
      targetType: officer ? 'officer' : undefined,
      targetId: officer?.id,
      summary,
    });
    if (!officer) return false;
    const [row] = await tx
      .update(officers)
      .set({ failedLogins: sql`${officers.failedLogins} + 1` })
      .where(eq(officers.id, officer.id))
      .returning({ failed: officers.failedLogins });
    if ((row?.failed ?? 0) < policy.lockoutThreshold) return false;
    const until = new Date(Date.now() + policy.lockoutMinutes * 60_000);
    await tx.update(officers).set({ failedLogins: 0, lockedUntil: until }).where(eq(officers.id, officer.id));
    await tx.delete(sessions).where(eq(sessions.officerId, officer.id));
    await audit(tx, ctx, {
      action: 'auth.lock',
      subject,
      targetType: 'officer',
      targetId: officer.id,
      summary: { until: until.toISOString(), failures: row?.failed },
    });
    return true;
  });
}

/** A new session replaces the half-signed-in one when the second factor completes. */
export interface SecondFactorResult {
  me: MeResponse;
  token: string;
  csrfToken: string;
}

/** Thrown inside the sign-in transaction so that nothing of it lands when a code is reused. */
class TotpReplayed extends Error {}

/**
 * Second-factor step: a TOTP code or a one-time recovery code. A TOTP code is good once: its
 * time step is claimed in the same transaction that completes the sign-in. The pre-2FA session
 * ends and a new one is issued (its token was sent before the second factor was proven, so it
 * must not become a full session: session fixation).
 */
export async function completeTotp(
  ctx: Ctx,
  session: Session,
  code: string,
  client: ClientInfo,
): Promise<SecondFactorResult> {
  const policy = await getSecuritySettings(ctx.db, session.orgId);
  const record = await loadActor(ctx.db, session.officerId);
  if (!record) throw new AppError('UNAUTHENTICATED');
  const { officer } = record;
  if (officer.lockedUntil && officer.lockedUntil > new Date()) throw new AppError('ACCOUNT_LOCKED');
  let remainingCodes: string[] | null = null;
  const step = officer.totpSecret === null ? null : totpStep(officer.totpSecret, code);
  if (step === null) remainingCodes = useRecoveryCode(officer.recoveryCodes, code);
  if (step === null && !remainingCodes) {
    const locked = await recordFailure(ctx, officer, { step: 'totp', username: officer.username }, policy);
    throw new AppError(locked ? 'ACCOUNT_LOCKED' : 'INVALID_TOTP');
  }
  try {
    return await ctx.db.transaction(async (tx) => {
      if (step !== null && !(await claimTotpStep(tx, officer.id, step))) throw new TotpReplayed();
      await tx
        .update(officers)
        .set({ failedLogins: 0, ...(remainingCodes ? { recoveryCodes: remainingCodes } : {}) })
        .where(eq(officers.id, officer.id));
      // Deleting the half-signed-in session is the lock of the step: of two requests on the same
      // session only the one that deletes it goes on.
      const gone = await tx
        .delete(sessions)
        .where(eq(sessions.id, session.id))
        .returning({ id: sessions.id });
      if (gone.length === 0) throw new AppError('UNAUTHENTICATED');
      const { token, csrfToken } = await openSession(tx, {
        orgId: session.orgId,
        officerId: officer.id,
        stage: 'full',
        // A recovery code stands in for a lost device at sign-in, not for the step-up before a
        // full ID number: that one asks for a code of the authenticator.
        secondFactorAt: remainingCodes ? null : new Date(),
        ...client,
      });
      await audit(
        tx,
        { ...ctx, actor: record.actor },
        {
          action: 'auth.totp',
          targetType: 'officer',
          targetId: officer.id,
          summary: {
            method: remainingCodes ? 'recovery code' : 'totp',
            recoveryCodesLeft: remainingCodes?.length,
          },
        },
      );
      return { me: await toMe(tx, record), token, csrfToken };
    });
  } catch (e) {
    if (!(e instanceof TotpReplayed)) throw e;
    const locked = await recordFailure(
      ctx,
      officer,
      { step: 'totp', username: officer.username, reason: 'code reused' },
      policy,
    );
    throw new AppError(locked ? 'ACCOUNT_LOCKED' : 'TOTP_REUSED');
  }
}

export async function toMe(db: Queryable, record: ActorRecord): Promise<MeResponse> {
  const { actor, officer } = record;
  const policy = await getSecuritySettings(db, actor.orgId);
  const expiresAt =
    policy.passwordMaxAgeDays > 0
      ? new Date(officer.passwordChangedAt.getTime() + policy.passwordMaxAgeDays * 86_400_000)
      : null;
  return {
    id: actor.officerId,
    username: actor.username,
    name: actor.name,
    badgeNo: officer.badgeNo,
    unit: { id: actor.unitId, name: actor.unitName },
    roles: actor.roles,
    permissions: [...actor.permissions],
    scope: actor.scope,
    totpEnabled: officer.totpEnabled,
    totpRequired: record.requiresTotp,
    passwordExpiresAt: expiresAt?.toISOString() ?? null,
    passwordExpired: expiresAt !== null && expiresAt < new Date(),
    mustChangePassword: officer.mustChangePassword,
  };
}
