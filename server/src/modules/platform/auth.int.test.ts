import { eq, sql } from 'drizzle-orm';
import { authenticator } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, officers, sessions } from '../../db/schema/index.ts';
import { read, type TestApp, testApp } from '../../test-support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const lastAudit = async (action: string) =>
  (
    await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, action))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1)
  )[0];

describe('sign-in', () => {
  it('signs in without a second factor and sets httpOnly, SameSite session and readable CSRF cookies', async () => {
    // The stationed mediator reads no case data: the one demo role without a second factor.
    const c = t.client();
    const res = await c.post('/api/auth/login', { username: 'mediator', password: 'Demo@2026' });
    expect(res.status).toBe(200);
    const body = await read(res);
    expect(body.user).toMatchObject({ username: 'mediator', roles: ['mediator'], scope: 'unit' });
    const cookies = res.headers.getSetCookie().join('\n');
    expect(cookies).toMatch(/fazhi_session=[^;]+;.*HttpOnly/);
    expect(cookies).toMatch(/SameSite=Strict/);
    expect(cookies).not.toMatch(/fazhi_csrf=[^;]+;[^\n]*HttpOnly/);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    const a = await lastAudit('auth.login');
    expect(a).toMatchObject({ outcome: 'success', actorName: '郑律师' });
  });

  it('rejects a wrong password with a bilingual message and audits the failure', async () => {
    const c = t.client();
    c.language = 'en-US';
    const res = await c.post('/api/auth/login', { username: 'legal', password: 'nope' });
    expect(res.status).toBe(401);
    expect((await read(res)).error).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: 'Wrong username or password',
    });
    expect(await lastAudit('auth.login')).toMatchObject({ outcome: 'failure' });
    c.language = 'zh-CN';
    expect(
      (await read(await c.post('/api/auth/login', { username: 'ghost', password: 'x' }))).error.message,
    ).toBe('用户名或密码错误');
  });

  it('asks administrators for a TOTP code, accepts a valid one and refuses a wrong one', async () => {
    const c = t.client();
    expect(await c.json(c.post('/api/auth/login', { username: 'auditor', password: 'Demo@2026' }))).toEqual({
      secondFactor: 'totp',
    });
    // Half-signed-in sessions reach nothing else.
    expect((await c.get('/api/audit')).status).toBe(403);
    expect((await c.post('/api/auth/totp', { code: '000000' })).status).toBe(401);
    const ok = await c.post('/api/auth/totp', { code: await t.totpCode('auditor') });
    expect(ok.status).toBe(200);
    expect((await read(ok)).user.roles).toEqual(['auditadmin']);
    expect((await c.get('/api/audit')).status).toBe(200);
  });

  it('accepts a recovery code once', async () => {
    const admin = await t.signIn('auditor');
    const { recoveryCodes } = await admin.json<{ recoveryCodes: string[] }>(
      admin.post('/api/account/recovery-codes'),
    );
    expect(recoveryCodes).toHaveLength(10);
    const c = t.client();
    await c.post('/api/auth/login', { username: 'auditor', password: 'Demo@2026' });
    expect((await c.post('/api/auth/totp', { code: recoveryCodes[0] })).status).toBe(200);
    const again = t.client();
    await again.post('/api/auth/login', { username: 'auditor', password: 'Demo@2026' });
    expect((await again.post('/api/auth/totp', { code: recoveryCodes[0] })).status).toBe(401);
  });

  it('makes a user whose role requires 2FA enrol before anything else', async () => {
    const db = t.database.db;
    // as after the security administrator reset the inspector's lost second factor
    await db
      .update(officers)
      .set({ totpEnabled: false, totpSecret: null, totpLastStep: null })
      .where(eq(officers.username, 'inspector'));
    const c = t.client();
    expect(await c.json(c.post('/api/auth/login', { username: 'inspector', password: 'Demo@2026' }))).toEqual(
      { secondFactor: 'enrol' },
    );
    expect((await c.get('/api/tasks')).status).toBe(403);
    const setup = await c.json<{ secret: string; qrDataUrl: string; otpauthUrl: string }>(
      c.post('/api/account/totp/setup'),
    );
    expect(setup.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(setup.otpauthUrl).toContain('otpauth://totp/');
    expect((await c.post('/api/account/totp/enable', { code: '123456' })).status).toBe(401);
    const enabled = await c.json<{ recoveryCodes: string[] }>(
      c.post('/api/account/totp/enable', { code: authenticator.generate(setup.secret) }),
    );
    expect(enabled.recoveryCodes).toHaveLength(10);
    expect((await c.get('/api/tasks')).status).toBe(200);
  });
});

describe('lockout', () => {
  it('locks after five failures for the configured time, audits the lock, answers 423 and unlocks after', async () => {
    const c = t.client();
    for (let i = 0; i < 4; i++)
      expect((await c.post('/api/auth/login', { username: 'officer2', password: 'wrong' })).status).toBe(401);
    expect((await c.post('/api/auth/login', { username: 'officer2', password: 'wrong' })).status).toBe(423);
    const locked = await c.post('/api/auth/login', { username: 'officer2', password: 'Demo@2026' });
    expect(locked.status).toBe(423);
    expect((await read(locked)).error.code).toBe('ACCOUNT_LOCKED');
    const lock = await lastAudit('auth.lock');
    expect(lock).toMatchObject({ actorName: '刘洋', targetType: 'officer' });
    const [o] = await t.database.db.select().from(officers).where(eq(officers.username, 'officer2'));
    const minutes = (o!.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    // The security administrator sees it among their tasks and unlocks it.
    const sec = await t.signIn('security');
    const tasks = await sec.json<{ items: { id: string }[] }>(sec.get('/api/tasks'));
    expect(tasks.items.map((x) => x.id)).toContain('officers.locked');
    expect((await sec.post(`/api/officers/${o!.id}/unlock`)).status).toBe(200);
    expect((await c.post('/api/auth/login', { username: 'officer2', password: 'Demo@2026' })).status).toBe(
      200,
    );
  });

  it('follows a changed threshold', async () => {
    const sec = await t.signIn('security');
    const settings = await sec.json(sec.get('/api/settings/security'));
    expect(settings).toMatchObject({ lockoutThreshold: 5, lockoutMinutes: 15, idleTimeoutMinutes: 30 });
    expect((await sec.put('/api/settings/security', { ...settings, lockoutThreshold: 2 })).status).toBe(200);
    const c = t.client();
    expect((await c.post('/api/auth/login', { username: 'mediator', password: 'x' })).status).toBe(401);
    expect((await c.post('/api/auth/login', { username: 'mediator', password: 'x' })).status).toBe(423);
    expect((await sec.put('/api/settings/security', settings)).status).toBe(200);
  });
});

describe('sessions', () => {
  it('expires a session idle for longer than the timeout', async () => {
    const c = await t.signIn('head');
    expect((await c.get('/api/tasks')).status).toBe(200);
    await t.database.db.update(sessions).set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) });
    const res = await c.get('/api/tasks');
    expect(res.status).toBe(401);
    expect((await read(res)).error.code).toBe('SESSION_EXPIRED');
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token and changes nothing', async () => {
    const c = await t.signIn('admin');
    const root = (await c.json<{ items: { id: number; code: string }[] }>(c.get('/api/units'))).items.find(
      (u) => u.code === 'BRANCH',
    )!;
    const body = { parentId: root.id, code: 'CSRF-1', name: '测试单位', kind: 'office' };
    expect((await c.request('POST', '/api/units', body, { 'X-CSRF-Token': '' })).status).toBe(403);
    expect((await c.request('POST', '/api/units', body, { 'X-CSRF-Token': 'forged' })).status).toBe(403);
    const units = await c.json<{ items: { code: string }[] }>(c.get('/api/units'));
    expect(units.items.some((u) => u.code === 'CSRF-1')).toBe(false);
    expect((await c.post('/api/units', body)).status).toBe(200);
  });

  it('logs out everywhere', async () => {
    const a = await t.signIn('command');
    const b = await t.signIn('command');
    expect((await a.post('/api/auth/logout-all')).status).toBe(200);
    expect((await a.get('/api/tasks')).status).toBe(401);
    expect((await b.get('/api/tasks')).status).toBe(401);
    expect(await lastAudit('auth.logoutAll')).toMatchObject({ actorName: '孙明' });
  });

  it('forces a change of an expired password and enforces the policy', async () => {
    await t.database.db
      .update(officers)
      .set({ passwordChangedAt: new Date(0) })
      .where(eq(officers.username, 'unithead'));
    const c = await t.signIn('unithead');
    expect((await read(await c.get('/api/auth/me'))).user.passwordExpired).toBe(true);
    expect((await c.get('/api/units')).status).toBe(403);
    const weak = await c.post('/api/account/password', {
      currentPassword: 'Demo@2026',
      newPassword: 'alllowercase',
    });
    expect(weak.status).toBe(400);
    expect((await read(weak)).error.fields.newPassword).toContain('三类');
    const ok = await c.post('/api/account/password', {
      currentPassword: 'Demo@2026',
      newPassword: 'Better#Pass2026',
    });
    expect(ok.status).toBe(200);
    expect((await c.get('/api/units')).status).toBe(200);
  });
});
