import { chromium } from 'playwright-core';
import { signIn } from './support/harness.ts';
const base = 'http://127.0.0.1:23457';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [name, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN', isMobile: name === 'phone', deviceScaleFactor: name === 'phone' ? 2 : 1 });
  const page = await ctx.newPage();
  await signIn(page, base, 'officer');
  const r = await page.request.get(`${base}/api/cases?status=approved&pageSize=50`);
  const j = await r.json();
  const c = j.items.find((x: { caseType: string }) => x.caseType === 'admin');
  console.log(name, j.total, c?.id, c?.caseNo);
  await page.goto(`${base}/cases/${c.id}`);
  await page.locator('[data-action=inform]').click();
  await page.getByRole('dialog').getByText('陈述申辩').first().waitFor();
  await page.getByRole('dialog').getByLabel('提出陈述申辩').check();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/shots/inform-${name}.png`, fullPage: false });
  await ctx.close();
}
await browser.close();
