import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchErrors } from './support/antd.ts';
import { launchBrowser, type RunningServer, screenshotDir, signIn, startServer } from './support/harness.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the audit administrator', () => {
  it('signs in with the second factor and finds the sign-in in the audit log', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const errors: string[] = [];
    watchErrors(page, 'sign-in', errors);
    await signIn(page, server.baseUrl, 'auditor');
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.waitForURL(/\/audit/);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    // The newest records are this sign-in: password step and TOTP step, by 审计管理员.
    const text = await page.locator('.ant-table-tbody').textContent();
    expect(text).toContain('审计管理员');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: path.join(screenshotDir, 'audit-log.png') });
    // The chain of the demo branch verifies, every record signed by this server's key.
    await page.getByRole('button', { name: /校验审计链/ }).click();
    const verdict = page.locator('.ant-modal-confirm', { hasText: '审计链完整' });
    await verdict.waitFor();
    expect(await verdict.textContent()).toMatch(/已校验 \d+ 条记录/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is refused with a clear message after a wrong code', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(`${server.baseUrl}/login`);
    await page.locator('#username').fill('auditor');
    await page.locator('#password').fill('Demo@2026');
    await page.locator('button[type=submit]').click();
    await page.locator('#code').fill('000000');
    await page.locator('button[type=submit]').click();
    await page.getByText('动态验证码错误').first().waitFor();
    expect(page.url()).toContain('/login');
    await page.close();
  });
});
