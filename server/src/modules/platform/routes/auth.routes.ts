import {
  LoginRequest,
  LoginResponse,
  MeResponse,
  OkResponse,
  PasswordChangeRequest,
  RecoveryCodesResponse,
  StepUpRequest,
  StepUpResponse,
  TotpDisableRequest,
  TotpEnableRequest,
  TotpRequest,
  TotpSetupResponse,
} from '@fazhi/common';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { audit } from '../../../audit/record.ts';
import type { App, AppDeps } from '../../../http/app.ts';
import type { AppEnv } from '../../../http/env.ts';
import { AppError } from '../../../http/errors.ts';
import { defineRoute } from '../../../http/route.ts';
import {
  changePassword,
  disableTotp,
  enableTotp,
  regenerateRecoveryCodes,
  setupTotp,
} from '../account.service.ts';
import { completeTotp, login, toMe } from '../auth.service.ts';
import { CSRF_COOKIE, closeAllSessions, closeSession, SESSION_COOKIE } from '../sessions.ts';
import { stepUp } from '../step-up.service.ts';

const tags = ['Sign-in and account'];
const json = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});

/**
 * Whether the browser's page is http://localhost (or a loopback address): the one case where a
 * cookie without `Secure` cannot cross a network, so the README's `npm start` demo and the
 * browser tests work in every browser without turning `Secure` off. It is judged by `Origin`,
 * which the browser sets (a page cannot forge it, and a proxy passes it on), never by `Host`:
 * a TLS proxy that forwards to 127.0.0.1 often sends `Host: 127.0.0.1`, and that must not drop
 * `Secure`. A client that forges `Origin` only weakens its own cookie. No `Origin`: `Secure`.
 */
export function fromLoopbackPage(origin: string | undefined): boolean {
  if (!origin) return false;
  try {
    const u = new URL(origin);
    return (
      u.protocol === 'http:' &&
      (u.hostname === 'localhost' || u.hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(u.hostname))
    );
  } catch {
    return false;
  }
}

const clientOf = (c: Context<AppEnv>) => ({
  clientIp: c.get('ctx').clientIp,
  userAgent: c.req.header('user-agent') ?? null,
});

function signedIn(c: Context<AppEnv>) {
  const session = c.get('session');
  const record = c.get('record');
  if (!session || !record) throw new AppError('UNAUTHENTICATED');
  return { session, record };
}

export function registerAuthRoutes(app: App, deps: AppDeps) {
  const cookieOpts = (c: Context<AppEnv>) =>
    ({
      path: '/',
      sameSite: 'Strict',
      secure: deps.config.secureCookies && !fromLoopbackPage(c.req.header('origin')),
    }) as const;
  const setSessionCookies = (c: Context<AppEnv>, token: string, csrf: string) => {
    setCookie(c, SESSION_COOKIE, token, { ...cookieOpts(c), httpOnly: true });
    setCookie(c, CSRF_COOKIE, csrf, { ...cookieOpts(c), httpOnly: false });
  };
  const clearCookies = (c: Context<AppEnv>) => {
    deleteCookie(c, SESSION_COOKIE, cookieOpts(c));
    deleteCookie(c, CSRF_COOKIE, cookieOpts(c));
  };

  app.openapi(
    defineRoute('public', {
      method: 'post',
      path: '/api/auth/login',
      tags,
      summary: 'Sign in with username and password',
      description:
        'Answers `{user}`, or `{secondFactor:"totp"}` when a code is due (complete with POST /api/auth/totp), or ' +
        '`{secondFactor:"enrol"}` when the role requires a second factor the user has not enrolled. 423 when locked.',
      request: { body: json(LoginRequest) },
      response: LoginResponse,
    }),
    async (c) => {
      const { username, password } = c.req.valid('json');
      const old = c.get('sessionToken');
      if (old) await closeSession(c.get('ctx').db, old);
      const result = await login(c.get('ctx'), username, password, clientOf(c));
      setSessionCookies(c, result.token, result.csrfToken);
      return c.json(
        result.me ? { user: result.me } : { secondFactor: result.stage as 'totp' | 'enrol' },
        200,
      );
    },
  );

  app.openapi(
    defineRoute('second-factor', {
      method: 'post',
      path: '/api/auth/totp',
      tags,
      summary: 'Complete sign-in with a TOTP or recovery code',
      request: { body: json(TotpRequest) },
      response: z.object({ user: MeResponse }),
    }),
    async (c) => {
      const { session } = signedIn(c);
      const { me, token, csrfToken } = await completeTotp(
        c.get('ctx'),
        session,
        c.req.valid('json').code,
        clientOf(c),
      );
      setSessionCookies(c, token, csrfToken);
      return c.json({ user: me }, 200);
    },
  );

  app.openapi(
    defineRoute('signed-in', {
      method: 'get',
      path: '/api/auth/me',
      tags,
      summary: 'The signed-in user',
      allowExpiredPassword: true,
      response: z.object({ user: MeResponse }),
    }),
    async (c) => c.json({ user: await toMe(c.get('ctx').db, signedIn(c).record) }, 200),
  );

  // Sign out here, or on every device (every session of this officer ends).
  for (const everywhere of [false, true]) {
    app.openapi(
      defineRoute('enrolment', {
        method: 'post',
        path: everywhere ? '/api/auth/logout-all' : '/api/auth/logout',
        tags,
        summary: everywhere ? 'Sign out on every device' : 'Sign out here',
        allowExpiredPassword: true,
        response: OkResponse,
      }),
      async (c) => {
        const { record } = signedIn(c);
        const ctx = { ...c.get('ctx'), actor: record.actor };
        await ctx.db.transaction(async (tx) => {
          const sessions = everywhere ? await closeAllSessions(tx, record.actor.officerId) : 1;
          if (!everywhere) await closeSession(tx, c.get('sessionToken')!);
          await audit(tx, ctx, {
            action: everywhere ? 'auth.logoutAll' : 'auth.logout',
            targetType: 'officer',
            targetId: record.actor.officerId,
            summary: { sessions },
          });
        });
        clearCookies(c);
        return c.json({ ok: true as const }, 200);
      },
    );
  }

  app.openapi(
    defineRoute('signed-in', {
      method: 'post',
      path: '/api/auth/step-up',
      tags,
      summary: 'Enter a TOTP code again before full ID numbers are shown',
      description:
        'A full ID number (`?reveal=1`) answers 403 STEP_UP_REQUIRED when this session last proved its ' +
        "second factor longer ago than the security policy's `stepUpMinutes` (15 by default); a TOTP code " +
        'here renews it. A wrong code counts towards the lockout.',
      request: { body: json(StepUpRequest) },
      response: StepUpResponse,
    }),
    async (c) => {
      const { record, session } = signedIn(c);
      return c.json(await stepUp(c.get('ctx'), record, session, c.req.valid('json').code), 200);
    },
  );

  app.openapi(
    defineRoute('signed-in', {
      method: 'post',
      path: '/api/account/password',
      tags,
      summary: 'Change my password (ends my other sessions)',
      allowExpiredPassword: true,
      request: { body: json(PasswordChangeRequest) },
      response: OkResponse,
    }),
    async (c) => {
      const { record, session } = signedIn(c);
      const body = c.req.valid('json');
      await changePassword(c.get('ctx'), record, session, body.currentPassword, body.newPassword);
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    defineRoute('enrolment', {
      method: 'post',
      path: '/api/account/totp/setup',
      tags,
      summary: 'Start 2FA enrolment',
      response: TotpSetupResponse,
    }),
    async (c) => c.json(await setupTotp(c.get('ctx'), signedIn(c).record), 200),
  );

  app.openapi(
    defineRoute('enrolment', {
      method: 'post',
      path: '/api/account/totp/enable',
      tags,
      summary: 'Confirm 2FA with a first code; returns the recovery codes once',
      request: { body: json(TotpEnableRequest) },
      response: RecoveryCodesResponse,
    }),
    async (c) => {
      const { record, session } = signedIn(c);
      const { codes, renewed } = await enableTotp(
        c.get('ctx'),
        record,
        session,
        c.req.valid('json').code,
        clientOf(c),
      );
      if (renewed) setSessionCookies(c, renewed.token, renewed.csrfToken);
      return c.json({ recoveryCodes: codes }, 200);
    },
  );

  app.openapi(
    defineRoute('signed-in', {
      method: 'post',
      path: '/api/account/totp/disable',
      tags,
      summary: 'Turn 2FA off (only when no role of mine requires it)',
      request: { body: json(TotpDisableRequest) },
      response: OkResponse,
    }),
    async (c) => {
      await disableTotp(c.get('ctx'), signedIn(c).record, c.req.valid('json').password);
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    defineRoute('signed-in', {
      method: 'post',
      path: '/api/account/recovery-codes',
      tags,
      summary: 'New recovery codes',
      response: RecoveryCodesResponse,
    }),
    async (c) =>
      c.json({ recoveryCodes: await regenerateRecoveryCodes(c.get('ctx'), signedIn(c).record) }, 200),
  );
}
