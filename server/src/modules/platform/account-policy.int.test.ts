/**
 * 三员分立 (issue 12, item 2): no administrator ends up holding a business account. A reset gives
 * a one-time password that only opens the password change; every role that reads case data has
 * a second factor, which only the security administrator resets; a full ID number asks for the
 * second factor again when the session's last one is older than the policy's step-up time.
 */
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, officers, sessions } from '../../db/schema/index.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../seed/demo.ts';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';
import { createCase, ID_1 } from '../cases/case-fixtures.ts';

let t: TestApp;
let admin: TestClient;
let security: TestClient;
beforeAll(async () => {
  t = await testApp();
  admin = await t.signIn('admin');
  security = await t.signIn('security');
}, 60_000);
afterAll(() => t.close());

const officerId = async (username: string) =>
  (await t.database.db.select().from(officers).where(eq(officers.username, username)))[0]!.id;

const lastAudit = async (action: string) =>
  (
    await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, action))
      .orderBy(desc(auditLog.id))
      .limit(1)
  )[0];

describe('password reset by the system administrator', () => {
  it('draws a one-time password the administrator did not choose, shown once and audited without it', async () => {
    const id = await officerId('unitlegal');
    // A password in the body is not taken: the server draws one.
    const res = await admin.post(`/api/officers/${id}/reset-password`, { password: 'Chosen#Pass2026' });
    expect(res.status).toBe(200);
    const { officer, oneTimePassword } = await read(res);
    expect(officer).toMatchObject({ id, username: 'unitlegal' });
    expect(oneTimePassword).toMatch(/^\S{12,}$/);
    expect(oneTimePassword).toMatch(/[A-Z]/);
    expect(oneTimePassword).toMatch(/[a-z]/);
    expect(oneTimePassword).toMatch(/\d/);
    const again = await read(await admin.post(`/api/officers/${id}/reset-password`));
    expect(again.oneTimePassword).not.toBe(oneTimePassword);
    const audit = await lastAudit('officer.resetPassword');
    expect(audit).toMatchObject({ targetId: String(id), actorName: '系统管理员' });
    expect(JSON.stringify(audit)).not.toContain(again.oneTimePassword);
    for (const password of ['Chosen#Pass2026', DEMO_PASSWORD, oneTimePassword]) {
      const c = t.client();
      expect((await c.post('/api/auth/login', { username: 'unitlegal', password })).status).toBe(401);
    }
    // Put the account back for the tests that follow.
    await signInAndChange('unitlegal', again.oneTimePassword, DEMO_PASSWORD);
  });

  it('lets the one-time password open nothing but the password change, then clears the flag', async () => {
    const id = await officerId('legal');
    const { oneTimePassword } = await read(await admin.post(`/api/officers/${id}/reset-password`));
    // The administrator holding the one-time password still meets the officer's second factor.
    const intruder = t.client();
    expect(
      await read(await intruder.post('/api/auth/login', { username: 'legal', password: oneTimePassword })),
    ).toEqual({ secondFactor: 'totp' });
    expect((await read(await intruder.get('/api/cases'))).error.code).toBe('SECOND_FACTOR_REQUIRED');

    const c = await t.signIn('legal', oneTimePassword);
    expect((await read(await c.get('/api/auth/me'))).user).toMatchObject({ mustChangePassword: true });
    for (const [method, path, body] of [
      ['GET', '/api/cases'],
      ['GET', '/api/tasks'],
      ['GET', '/api/units'],
      ['POST', '/api/account/recovery-codes', {}],
    ] as const) {
      const res = await c.request(method, path, body);
      expect(res.status, path).toBe(403);
      expect((await read(res)).error).toMatchObject({
        code: 'PASSWORD_CHANGE_REQUIRED',
        message: '您的密码已由管理员重置为一次性密码，请先修改密码后再使用系统',
      });
    }
    c.language = 'en-US';
    expect((await read(await c.get('/api/cases'))).error.message).toBe(
      'Your password was reset to a one-time password: change it before doing anything else',
    );
    const changed = await c.post('/api/account/password', {
      currentPassword: oneTimePassword,
      newPassword: 'Legal#Mine2026',
    });
    expect(changed.status).toBe(200);
    expect((await read(await c.get('/api/auth/me'))).user).toMatchObject({
      mustChangePassword: false,
      passwordExpired: false,
    });
    expect((await c.get('/api/cases')).status).toBe(200);
    // back to the demo password for the tests that follow
    await c.post('/api/account/password', { currentPassword: 'Legal#Mine2026', newPassword: DEMO_PASSWORD });
  });

  it('is the system administrator’s: the security administrator cannot reset a password', async () => {
    const id = await officerId('officer');
    expect((await security.post(`/api/officers/${id}/reset-password`)).status).toBe(403);
  });
});

async function signInAndChange(username: string, current: string, next: string) {
  const c = await t.signIn(username, current);
  const res = await c.post('/api/account/password', { currentPassword: current, newPassword: next });
  expect(res.status).toBe(200);
}

describe('second factor for every role that reads case data', () => {
  it('requires TOTP of every built-in role with case or incident data, and enrols the demo accounts', async () => {
    const { items } = await read(await security.get('/api/roles'));
    for (const role of items as { code: string; permissions: string[]; requiresTotp: boolean }[]) {
      const readsCases = role.permissions.some((p) => p === 'case.read' || p === 'incident.read');
      if (readsCases) expect(role.requiresTotp, role.code).toBe(true);
    }
    for (const username of ['officer', 'unitlegal', 'unithead', 'legal', 'head', 'command', 'inspector']) {
      const c = t.client();
      const body = await read(await c.post('/api/auth/login', { username, password: DEMO_PASSWORD }));
      expect(body, username).toEqual({ secondFactor: 'totp' });
    }
  });

  it('keeps a role that reads case data on a second factor when its flag is turned off', async () => {
    const off = await security.patch('/api/roles/legal', { requiresTotp: false });
    expect(off.status).toBe(400);
    expect((await read(off)).error.fields.requiresTotp).toContain('双因素');
  });

  it('makes an edited role that gains case data require a second factor, enrolment first', async () => {
    const res = await security.patch('/api/roles/mediator', { permissions: ['unit.read', 'case.read'] });
    expect(res.status).toBe(200);
    expect(await read(res)).toMatchObject({ code: 'mediator', requiresTotp: true });
    try {
      const c = t.client();
      const body = await read(
        await c.post('/api/auth/login', { username: 'mediator', password: DEMO_PASSWORD }),
      );
      expect(body).toEqual({ secondFactor: 'enrol' });
      expect((await read(await c.get('/api/cases'))).error.code).toBe('SECOND_FACTOR_REQUIRED');
    } finally {
      await security.patch('/api/roles/mediator', { permissions: ['unit.read'], requiresTotp: false });
    }
  });
});

describe('second-factor reset', () => {
  it('is the security administrator’s alone', async () => {
    const id = await officerId('officer2');
    const refused = await admin.post(`/api/officers/${id}/reset-totp`);
    expect(refused.status).toBe(403);
    expect((await read(refused)).error.code).toBe('FORBIDDEN');
    // …and the security administrator cannot hand that power to the system administrator.
    const { items } = await read(await security.get('/api/roles'));
    const sysadmin = items.find((r: { code: string }) => r.code === 'sysadmin');
    for (const p of ['security.manage', 'officer.unlock', 'role.manage', 'officer.assignRoles']) {
      const grant = await security.patch('/api/roles/sysadmin', {
        permissions: [...sysadmin.permissions, p],
      });
      expect(grant.status, p).toBe(400);
      expect((await read(grant)).error.code).toBe('SEPARATION_OF_DUTIES');
    }
    // …nor take the password reset into a role of its own, or give one person both.
    const secadmin = items.find((r: { code: string }) => r.code === 'secadmin');
    const both = await security.patch('/api/roles/secadmin', {
      permissions: [...secadmin.permissions, 'officer.manage'],
    });
    expect(both.status).toBe(400);
    expect((await read(both)).error.fields.permissions).toContain('重置双因素认证');
    const command = items.find((r: { code: string }) => r.code === 'command');
    expect(
      (
        await security.patch('/api/roles/command', {
          permissions: [...command.permissions, 'security.manage'],
        })
      ).status,
    ).toBe(200);
    try {
      const held = await security.put(`/api/officers/${await officerId('inspector')}/roles`, {
        roles: ['command', 'sysadmin'],
      });
      expect(held.status).toBe(400);
      expect((await read(held)).error.fields.roles).toContain('重置双因素认证');
    } finally {
      await security.patch('/api/roles/command', { permissions: command.permissions });
    }
    const reset = await security.post(`/api/officers/${id}/reset-totp`);
    expect(reset.status).toBe(200);
    expect(await read(reset)).toMatchObject({ totpEnabled: false });
    expect(await lastAudit('officer.resetTotp')).toMatchObject({
      targetId: String(id),
      actorName: '安全管理员',
    });
    // the officer enrols anew at the next sign-in
    const c = t.client();
    expect(
      await read(await c.post('/api/auth/login', { username: 'officer2', password: DEMO_PASSWORD })),
    ).toEqual({ secondFactor: 'enrol' });
    await t.database.db
      .update(officers)
      .set({ totpEnabled: true, totpSecret: DEMO_TOTP_SECRET })
      .where(eq(officers.id, id));
  });
});

describe('step-up before a full ID number', () => {
  it('asks for the code again when the last one is older than the policy says, then shows the number', async () => {
    const officer = await t.signIn('officer');
    const c = await createCase(officer, {});
    await officer.post(`/api/cases/${c.id}/parties`, {
      kind: 'person',
      role: 'offender',
      name: '张三',
      idNumber: ID_1,
    });
    // Just signed in with a code: the number shows.
    const fresh = await read(await officer.get(`/api/cases/${c.id}?reveal=1`));
    expect(fresh.parties[0]).toMatchObject({ idNumber: ID_1, masked: false });

    const policy = await read(await security.get('/api/settings/security'));
    expect(policy.stepUpMinutes).toBe(15);
    const mine = eq(sessions.officerId, await officerId('officer'));
    await t.database.db
      .update(sessions)
      .set({ secondFactorAt: new Date(Date.now() - 16 * 60_000) })
      .where(mine);
    const stale = await officer.get(`/api/cases/${c.id}?reveal=1`);
    expect(stale.status).toBe(403);
    expect((await read(stale)).error).toMatchObject({
      code: 'STEP_UP_REQUIRED',
      message: '查看完整身份证号码前，请再次输入动态验证码',
    });
    officer.language = 'en-US';
    expect((await read(await officer.get(`/api/cases/${c.id}?reveal=1`))).error.message).toBe(
      'Enter a verification code again to see the full ID number',
    );
    officer.language = 'zh-CN';
    // The masked case still reads.
    const masked = await read(await officer.get(`/api/cases/${c.id}`));
    expect(masked.parties[0]).toMatchObject({ masked: true });

    const wrong = await officer.post('/api/auth/step-up', { code: '000000' });
    expect(wrong.status).toBe(401);
    expect((await read(wrong)).error.code).toBe('INVALID_TOTP');
    const bad = await officer.post('/api/auth/step-up', {});
    expect(bad.status).toBe(400);
    expect((await read(bad)).error.fields.code).toBeTruthy();

    const code = await t.totpCode('officer');
    const ok = await officer.post('/api/auth/step-up', { code });
    expect(ok.status).toBe(200);
    expect(await lastAudit('auth.stepUp')).toMatchObject({ actorName: '李建军', outcome: 'success' });
    // a code is good once, here too
    expect((await read(await officer.post('/api/auth/step-up', { code }))).error.code).toBe('TOTP_REUSED');
    const shown = await read(await officer.get(`/api/cases/${c.id}?reveal=1`));
    expect(shown.parties[0]).toMatchObject({ idNumber: ID_1, masked: false });
  });

  it('follows a changed step-up time and refuses a bad one naming the field', async () => {
    const policy = await read(await security.get('/api/settings/security'));
    const bad = await security.put('/api/settings/security', { ...policy, stepUpMinutes: 0 });
    expect(bad.status).toBe(400);
    expect((await read(bad)).error.fields.stepUpMinutes).toBeTruthy();
    expect((await security.put('/api/settings/security', { ...policy, stepUpMinutes: 60 })).status).toBe(200);
    const officer = await t.signIn('officer');
    const c = await createCase(officer, {});
    await t.database.db
      .update(sessions)
      .set({ secondFactorAt: new Date(Date.now() - 30 * 60_000) })
      .where(eq(sessions.officerId, await officerId('officer')));
    expect((await officer.get(`/api/cases/${c.id}?reveal=1`)).status).toBe(200);
    expect((await security.put('/api/settings/security', policy)).status).toBe(200);
  });
});
