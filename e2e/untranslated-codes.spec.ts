import { METRICS } from '@fazhi/common';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitUntil } from './support/antd.ts';
import { findRawCodes } from './support/raw-codes.ts';
import { browserSuite } from './support/suite.ts';

/**
 * No page shows a program code where people read: each demo role opens every entry of its menu,
 * and some detail pages (a case with all its tabs, a supervision finding, the records of a
 * figure, the audit log, the calendar, the officers), in zh-CN; every text on screen is searched
 * for snake_case identifiers, dotted event names, `type #id` and the codes of common/'s lists.
 */

const suite = browserSuite('untranslated-codes');

/** The demo accounts, in the order they look: a page several roles see is checked once. */
const ROLES = ['legal', 'admin', 'security', 'auditor', 'officer', 'command', 'inspector'];

/** The demo accounts' usernames, shown as such in the username column of an officer list. */
const USERNAMES = [...ROLES, 'head', 'unitlegal', 'unithead', 'officer2', 'mediator'];

/**
 * Words a page may show as they are, with the reason: usernames, where they identify a person (an
 * officer list's username column, the audit log's 人员 张三 (u500004)), and the figure numbers
 * (指标编号) of the metric catalogue, the handle an author types as {{metric.id}} in the report.
 */
const ALLOWED: { page: RegExp; words: readonly string[] }[] = [
  { page: /^\/(officers|audit)/, words: USERNAMES },
  { page: /^\/reports\/metrics/, words: METRICS.map((m) => m.id) },
];
const allowedOn = (path: string) => ALLOWED.filter((a) => a.page.test(path)).flatMap((a) => a.words);

/** Waits for the page to have rendered its data: no spinner, no skeleton, the network quiet. */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await waitUntil(page, "!document.querySelector('.ant-spin-spinning, .ant-skeleton')", 20_000);
}

const problems: string[] = [];

/** Searches what the page shows now; each code found is listed with the page it is on. */
async function check(page: Page, where: string) {
  await settled(page);
  // biome-ignore lint/performance/useDomNodeTextContent: what is on screen, not hidden nodes
  const text = await page.locator('body').innerText();
  const path = new URL(page.url()).pathname;
  for (const c of findRawCodes(text, allowedOn(path))) problems.push(`${where}: "${c.token}" (${c.kind})`);
}

/**
 * Opens a menu entry by clicking it, and waits for the page it leads to: the page on screen is
 * marked first, so the wait ends when another page has replaced it (not on the old one's text).
 */
async function openMenuEntry(page: Page, href: string) {
  if (new URL(page.url()).pathname === href) return;
  await page.evaluate("document.querySelector('.fz-page')?.setAttribute('data-left', '')");
  await page.locator(`.ant-menu-root a[href="${href}"]`).first().click();
  // a section's entry may lead to its newest item (年度报告 → /reports/annual/2025)
  await page.waitForURL((url) => url.pathname.startsWith(href));
  await page.locator('.fz-page:not([data-left])').first().waitFor({ timeout: 20_000 });
}

describe('no page shows a raw code', () => {
  it('every menu entry of every demo role reads in labels', async () => {
    const seen = new Set<string>();
    // Every page also works under the Content-Security-Policy: nothing refused, nothing thrown.
    const errors: string[] = [];
    for (const role of ROLES) {
      const session = await suite.user(role);
      const { page } = session;
      await check(page, `${role} ${new URL(page.url()).pathname}`);
      const hrefs = await page
        .locator('.ant-menu-root a[href]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      for (const href of hrefs) {
        // 待办 is each role's own; other pages show the same codes whoever opens them
        if (seen.has(href) && href !== '/tasks') continue;
        seen.add(href);
        await openMenuEntry(page, href);
        await check(page, `${role} ${href}`);
      }
      errors.push(...session.errors);
      await page.context().close();
    }
    expect(seen.size).toBeGreaterThan(30);
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);

  it('detail pages read in labels: a case, a finding, the records of a figure, the audit log', async () => {
    problems.length = 0;
    const { page } = await suite.user('legal');
    const base = suite.server.baseUrl;

    // a decided case, every tab
    await page.goto(`${base}/cases?status=decided`);
    await settled(page);
    await page.locator('.ant-table-tbody tr.ant-table-row a[href^="/cases/"]').first().click();
    await page.waitForURL(/\/cases\/\d+/);
    await page.locator('.ant-tabs-tab').first().waitFor();
    for (const tab of await page.locator('.ant-tabs-tab').all()) {
      await tab.click();
      await check(page, `case ${new URL(page.url()).pathname} ${await tab.textContent()}`);
    }

    // a body-camera finding (rule camera_not_recorded)
    await page.goto(`${base}/supervision/findings?rule=camera_not_recorded`);
    await settled(page);
    await page.locator('.ant-table-tbody tr.ant-table-row a[href^="/supervision/findings/"]').first().click();
    await page.waitForURL(/\/supervision\/findings\/\d+/);
    await check(page, `finding ${new URL(page.url()).pathname}`);

    // the officers behind 通过高级执法资格考试, with their 执法资格
    await page.goto(`${base}/reports/metrics?q=qualification.advanced_passed`);
    await settled(page);
    await page.locator('[data-metric-link="qualification.advanced_passed"]').click();
    const records = page.getByTestId('metric-records');
    await records.locator('.ant-table-row').first().waitFor();
    expect(await records.textContent()).toContain('高级');
    await check(page, 'records of qualification.advanced_passed');

    // the audit log after the sign-ins above: actions and objects by name
    const auditor = await suite.user('auditor');
    await auditor.page.goto(`${base}/audit`);
    await auditor.page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await check(auditor.page, 'audit log');
    expect(await auditor.page.locator('.ant-table-tbody').textContent()).toMatch(/人员 .+ \(\w+\)/);

    expect(problems).toEqual([]);
  }, 180_000);
});
