/**
 * 三员分立 in the browser: the system administrator's password reset shows a one-time password
 * that only lets the officer choose their own; a full ID number asks for the verification code
 * again when the session has not proven it lately.
 */
import { describe, expect, it } from 'vitest';
import { dialog, watchErrors } from './support/antd.ts';
import { DEMO_PASSWORD, stepUpCode } from './support/harness.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite('account-policy');

describe('password reset', () => {
  it('shows the administrator a one-time password that only opens the password change', async () => {
    const admin = await suite.user('admin');
    await admin.page.goto(`${suite.server.baseUrl}/officers?q=officer2`);
    const row = admin.page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '刘洋' });
    await row.getByRole('button', { name: /更多/ }).click();
    await admin.page.getByRole('menuitem', { name: '重置密码' }).click();
    const reset = dialog(admin.page, /重置密码：刘洋/);
    await reset.getByText('系统将随机生成一次性密码').waitFor();
    // The reset is one request; a server refusal fails here by its status, not by a timeout.
    const answered = admin.page.waitForResponse(
      (r) => r.url().endsWith('/reset-password') && r.request().method() === 'POST',
    );
    await reset.getByRole('button', { name: '重置密码' }).click();
    expect((await answered).status()).toBe(200);
    const shown = reset.getByTestId('one-time-password').locator('code');
    await shown.waitFor();
    const oneTime = (await shown.textContent())?.trim() ?? '';
    expect(oneTime).toMatch(/^\S{12,}$/);
    await reset.getByRole('button', { name: '我已记下' }).click();
    expect(admin.errors).toEqual([]);

    // The officer signs in with it (and the second factor) and must choose a password first.
    const context = await suite.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    watchErrors(page, 'officer2', errors);
    try {
      await page.goto(`${suite.server.baseUrl}/login`);
      await page.locator('#username').fill('officer2');
      await page.locator('#password').fill(oneTime);
      await page.locator('button[type=submit]').click();
      await page.locator('#code').fill(await stepUpCode(suite.server.baseUrl, 'officer2'));
      await page.locator('button[type=submit]').click();
      await page.waitForURL(/\/change-password/);
      await page.getByText('您的密码已由管理员重置').waitFor();
      // Any other page leads back here.
      await page.goto(`${suite.server.baseUrl}/cases`);
      await page.waitForURL(/\/change-password/);
      await page.getByLabel('当前密码').fill(oneTime);
      await page.getByLabel('新密码', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByLabel('确认新密码').fill(DEMO_PASSWORD);
      await page.locator('button[type=submit]').click();
      await page.waitForURL(/\/tasks/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('a full ID number', () => {
  it('asks for the verification code again when the session has not proven it lately', async () => {
    // A session signed in with a recovery code has not proven the authenticator: the step-up is due.
    const officer = await suite.user('officer');
    const api = await suite.api(officer.context);
    const { recoveryCodes } = await api.post<{ recoveryCodes: string[] }>('/api/account/recovery-codes', {});
    const { items } = await api.get<{ items: { id: number }[] }>('/api/cases?pageSize=50');
    let caseId = 0;
    for (const c of items) {
      const full = await api.get<{ parties: { idNumber: string | null }[] }>(`/api/cases/${c.id}`);
      if (full.parties.some((p) => p.idNumber)) {
        caseId = c.id;
        break;
      }
    }
    expect(caseId).toBeGreaterThan(0);

    const context = await suite.browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    watchErrors(page, 'officer (recovery code)', errors);
    try {
      await page.goto(`${suite.server.baseUrl}/login`);
      await page.locator('#username').fill('officer');
      await page.locator('#password').fill(DEMO_PASSWORD);
      await page.locator('button[type=submit]').click();
      await page.locator('#code').waitFor();
      await page.getByText('使用恢复码').click();
      await page.locator('#code').fill(recoveryCodes[0]!);
      await page.locator('button[type=submit]').click();
      await page.locator('.fz-header').waitFor();

      await page.goto(`${suite.server.baseUrl}/cases/${caseId}?tab=parties`);
      const masked = page.locator('.ant-table-tbody').getByText(/\*{8}/).first();
      await masked.waitFor();
      await page.getByRole('button', { name: '显示完整信息' }).click();
      const stepUp = dialog(page, '动态验证码');
      await stepUp.getByText('完整身份证号码属于个人信息').waitFor();
      await stepUp.locator('#step-up-code').fill(await stepUpCode(suite.server.baseUrl, 'officer'));
      await stepUp.getByRole('button', { name: /验\s*证/ }).click();
      await page.getByText('正在显示完整个人信息').first().waitFor();
      const text = (await page.locator('.ant-table-tbody').first().textContent()) ?? '';
      expect(text).toMatch(/\d{17}[\dX]/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
