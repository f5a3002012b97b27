import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { metricById } from '@fazhi/common';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { label, signedInUser, type UserSession } from './support/antd.ts';
import { launchBrowser, type RunningServer, screenshotDir, startServer } from './support/harness.ts';

/**
 * The annual report in the web app: the legal detachment opens the 2021 法治政府建设年度报告,
 * clicks a computed figure and finds its definition and exactly the records it counts, then
 * exports the .docx and finds the same figure printed in it.
 */

let server: RunningServer;
let browser: Browser;
let legal: UserSession | undefined;

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail' || !legal) return;
  await legal.page
    .screenshot({ path: path.join(screenshotDir, 'annual-report-failed.png'), fullPage: true })
    .catch(() => undefined);
});
afterAll(async () => {
  await legal?.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

/** Computed figures of the 2021 report whose records the drawer lists: a case count and a supervision one. */
const FIGURES = ['cases.admin_penalty_persons', 'supervision.irregular_acceptance_found'];

/**
 * Opens a figure's drawer from the preview and checks it against the catalogue and its records:
 * the definition is the catalogue's, and the records listed number exactly the printed figure.
 */
async function drillDown(page: Page, metricId: string): Promise<{ value: number; display: string }> {
  const figure = page.locator(`[data-figure="${metricId}"]`).first();
  await figure.waitFor();
  expect(await figure.getAttribute('data-status')).toBe('computed');
  const value = Number(await figure.getAttribute('data-value'));
  const display = (await figure.textContent())?.trim() ?? '';
  expect(value).toBeGreaterThan(0);

  await figure.click();
  const def = metricById(metricId);
  expect(def).toBeDefined();
  const drawer = page.getByRole('dialog').filter({ has: page.locator(`[data-metric="${metricId}"]`) });
  await drawer.waitFor();
  await expect.poll(() => drawer.getByTestId('metric-definition').textContent()).toBe(def!.definition);
  expect(await drawer.getByTestId('metric-value').textContent()).toContain(String(value));
  // the records behind the number: their count is the number, shown in the pager too
  const records = drawer.getByTestId('metric-records');
  await expect
    .poll(() => records.getAttribute('data-records-total'), { timeout: 30_000 })
    .toBe(String(value));
  await records.locator('.ant-table-row').first().waitFor();
  const rows = await records.locator('.ant-table-row').count();
  expect(rows).toBe(Math.min(10, value));
  await records
    .locator('.ant-pagination-total-text')
    .filter({ hasText: `共 ${value} 条` })
    .waitFor();
  await drawer.locator('.ant-drawer-close').click();
  await drawer.waitFor({ state: 'hidden' });
  return { value, display };
}

describe('the annual report', () => {
  it('shows where a figure of the 2021 report comes from and prints it in the .docx', async () => {
    legal = await signedInUser(browser, server.baseUrl, 'legal');
    const page = legal.page;
    await page.getByRole('menuitem', { name: '年度报告' }).click();
    await page.waitForURL(/\/reports\/annual\/\d{4}$/);
    await page.goto(`${server.baseUrl}/reports/annual/2021`);
    const preview = page.getByTestId('report-preview');
    await preview.waitFor({ timeout: 60_000 });
    await expect.poll(() => preview.textContent()).toContain('2021');

    const shown: { value: number; display: string }[] = [];
    for (const id of FIGURES) shown.push(await drillDown(page, id));

    // ---- the .docx prints the same figures -------------------------------------------------
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: label('导出 Word') }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const zip = await JSZip.loadAsync(readFileSync(await download.path()));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    // runs may split a sentence: compare the text without the markup
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('法治政府建设');
    for (const f of shown) expect(text).toContain(f.display);
    expect(legal.errors).toEqual([]);
  }, 300_000);
});
