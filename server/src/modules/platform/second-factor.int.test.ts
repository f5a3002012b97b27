import { eq } from 'drizzle-orm';
import { authenticator } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officers } from '../../db/schema/index.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../seed/demo.ts';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

/** A client past the password step of an account with TOTP, waiting for its code. */
async function halfSignedIn(username: string): Promise<TestClient> {
  const c = t.client();
  const body = await c.json(c.post('/api/auth/login', { username, password: DEMO_PASSWORD }));
  expect(body).toEqual({ secondFactor: 'totp' });
  return c;
}

/**
 * Runs `body` while `username` (whose role requires a second factor) has none enrolled, as after
 * the security administrator reset it; enrols the demo secret again after.
 */
async function withoutSecondFactor(username: string, body: () => Promise<void>) {
  const db = t.database.db;
  await db
    .update(officers)
    .set({ totpEnabled: false, totpSecret: null, totpLastStep: null })
    .where(eq(officers.username, username));
  try {
    await body();
  } finally {
    await db
      .update(officers)
      .set({ totpEnabled: true, totpSecret: DEMO_TOTP_SECRET, totpLastStep: null })
      .where(eq(officers.username, username));
  }
}

describe('TOTP codes are good once', () => {
  it('refuses a code already used to sign in, with a bilingual message', async () => {
    const code = await t.totpCode('security');
    const first = await halfSignedIn('security');
    expect((await first.post('/api/auth/totp', { code })).status).toBe(200);
    const replay = await halfSignedIn('security');
    replay.language = 'en-US';
    const res = await replay.post('/api/auth/totp', { code });
    expect(res.status).toBe(401);
    expect((await read(res)).error).toMatchObject({
      code: 'TOTP_REUSED',
      message: 'This verification code has already been used; wait for your authenticator to show a new one',
    });
    replay.language = 'zh-CN';
    expect((await read(await replay.post('/api/auth/totp', { code }))).error.message).toContain('已使用过');
    expect((await replay.get('/api/auth/me')).status).toBe(403);
    // A fresh code still works.
    expect((await replay.post('/api/auth/totp', { code: await t.totpCode('security') })).status).toBe(200);
  });

  it('lets one of two simultaneous sign-ins with the same code win', async () => {
    const code = await t.totpCode('admin');
    const a = await halfSignedIn('admin');
    const b = await halfSignedIn('admin');
    const statuses = (
      await Promise.all([a.post('/api/auth/totp', { code }), b.post('/api/auth/totp', { code })])
    ).map((r) => r.status);
    expect(statuses.sort()).toEqual([200, 401]);
  });

  it('counts the enrolment code as used', async () => {
    await withoutSecondFactor('inspector', async () => {
      const c = t.client();
      await c.post('/api/auth/login', { username: 'inspector', password: DEMO_PASSWORD });
      const { secret } = await c.json<{ secret: string }>(c.post('/api/account/totp/setup'));
      const code = authenticator.generate(secret);
      expect((await c.post('/api/account/totp/enable', { code })).status).toBe(200);
      const again = t.client();
      await again.post('/api/auth/login', { username: 'inspector', password: DEMO_PASSWORD });
      expect((await read(await again.post('/api/auth/totp', { code }))).error.code).toBe('TOTP_REUSED');
    });
  });
});

describe('session renewal at the second factor', () => {
  it('issues a new session token and ends the one from before the code', async () => {
    const c = await halfSignedIn('auditor');
    const before = new Map(c.cookies);
    const res = await c.post('/api/auth/totp', { code: await t.totpCode('auditor') });
    expect(res.status).toBe(200);
    expect(c.cookies.get('fazhi_session')).not.toBe(before.get('fazhi_session'));
    expect(c.cookies.get('fazhi_csrf')).not.toBe(before.get('fazhi_csrf'));
    expect((await c.get('/api/audit')).status).toBe(200);
    // Whoever kept the pre-2FA token (a fixated session) holds nothing.
    const stale = t.client();
    stale.cookies = before;
    expect((await stale.get('/api/auth/me')).status).toBe(401);
    expect((await stale.get('/api/audit')).status).toBe(401);
  });

  it('renews the session when enrolment completes', async () => {
    await withoutSecondFactor('command', async () => {
      const c = t.client();
      const login = await c.json(c.post('/api/auth/login', { username: 'command', password: DEMO_PASSWORD }));
      expect(login).toEqual({ secondFactor: 'enrol' });
      const before = new Map(c.cookies);
      const { secret } = await c.json<{ secret: string }>(c.post('/api/account/totp/setup'));
      const enabled = await c.post('/api/account/totp/enable', { code: authenticator.generate(secret) });
      expect(enabled.status).toBe(200);
      expect(c.cookies.get('fazhi_session')).not.toBe(before.get('fazhi_session'));
      expect((await c.get('/api/tasks')).status).toBe(200);
      const stale = t.client();
      stale.cookies = before;
      expect((await stale.get('/api/tasks')).status).toBe(401);
    });
  });
});
