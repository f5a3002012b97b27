import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { signIn } from './harness.ts';

/**
 * Small helpers for driving the antd 6 pages by what a user sees: dialogs by their title,
 * selects by typing and clicking the option, the success message that every action shows.
 */

export interface UserSession {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the page, to assert none happened. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * Collects what a user would see go wrong on a page into `errors`: uncaught errors, and anything
 * the Content-Security-Policy refused (a script, style, image or request the page needed).
 */
export function watchErrors(page: Page, who: string, errors: string[]) {
  page.on('pageerror', (e) => errors.push(`${who}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(`${who}: ${m.text()}`);
  });
}

/**
 * Waits until an expression is true in the page. Playwright's waitForFunction compiles a string
 * with eval inside the page, which the Content-Security-Policy forbids; evaluate does not.
 * (A string: the e2e project has no DOM types.)
 */
export async function waitUntil(page: Page, expression: string, timeout = 30_000) {
  const end = Date.now() + timeout;
  while (!(await page.evaluate<boolean>(expression))) {
    if (Date.now() > end) throw new Error(`waited ${timeout} ms in vain for: ${expression}`);
    await page.waitForTimeout(100);
  }
}

/** A user of their own: a fresh browser context (own cookies), zh-CN, signed in. */
export async function signedInUser(
  browser: Browser,
  baseUrl: string,
  username: string,
): Promise<UserSession> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  watchErrors(page, username, errors);
  await signIn(page, baseUrl, username);
  return { context, page, errors, close: () => context.close() };
}

/** A drawer or modal by its title (antd labels the dialog with it). */
export function dialog(page: Page, title: string | RegExp): Locator {
  return page.getByRole('dialog', { name: title });
}

/** The dropdown that is open now (antd keeps closed ones in the page, hidden). */
function openDropdown(page: Page): Locator {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
}

/** Opens the select around the field with this id, types to search, and clicks the option. */
export async function pickOption(scope: Locator, fieldId: string, search: string, option: string | RegExp) {
  const page = scope.page();
  const input = scope.locator(`[id="${fieldId}"]`);
  await scope
    .locator('.ant-select')
    .filter({ has: page.locator(`[id="${fieldId}"]`) })
    .click();
  if (search) await input.fill(search);
  const dropdown = openDropdown(page);
  await dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
}

/**
 * The same for a tree select (the incident category dictionary), until the field shows the node:
 * on a loaded machine the first click can land while the tree is still filtering.
 */
export async function pickTreeNode(scope: Locator, fieldId: string, search: string, title: string) {
  const page = scope.page();
  const input = scope.locator(`[id="${fieldId}"]`);
  const select = scope.locator('.ant-select').filter({ has: page.locator(`[id="${fieldId}"]`) });
  // (the dropdown lives elsewhere in the page: the text is the field's own value)
  const chosen = select.filter({ hasText: title });
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.click();
    await input.fill(search);
    await openDropdown(page).locator(`.ant-select-tree-node-content-wrapper[title="${title}"]`).click();
    if (
      await chosen.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
  }
  throw new Error(`the tree select ${fieldId} does not show “${title}”`);
}

/**
 * Closes a multiple select's dropdown (it stays open after a pick) by clicking the dialog's
 * title: Escape would close the drawer or modal itself.
 */
export async function closeDropdown(scope: Locator) {
  await scope.locator('.ant-modal-title, .ant-drawer-title').first().click();
  await openDropdown(scope.page())
    .waitFor({ state: 'hidden', timeout: 5_000 })
    .catch(() => undefined);
}

/**
 * Types a date range into an antd RangePicker and leaves it by clicking the dialog's title: blur
 * commits the typed dates, where Enter would also submit the dialog's form (as it is meant to).
 */
export async function fillRange(scope: Locator, from: string, to: string) {
  const inputs = scope.locator('.ant-picker-range input');
  await inputs.nth(0).click();
  await inputs.nth(0).fill(from);
  await inputs.nth(1).click();
  await inputs.nth(1).fill(to);
  await scope.locator('.ant-drawer-title, .ant-modal-title').first().click();
  await expect.poll(() => inputs.nth(0).inputValue()).toBe(from);
  await expect.poll(() => inputs.nth(1).inputValue()).toBe(to);
}

/** Types a date into the antd DatePicker `#fieldId` of a dialog and leaves it (see fillRange). */
export async function fillDate(scope: Locator, fieldId: string, date: string) {
  const input = scope.locator(`#${fieldId}`);
  await input.click();
  await input.fill(date);
  await scope.locator('.ant-drawer-title, .ant-modal-title').first().click();
  await expect.poll(() => input.inputValue()).toBe(date);
}

/**
 * A button's accessible name: antd puts a space between two Chinese characters (保 存) and the
 * icon's name before the text (plus 登记警情).
 */
export function label(text: string): RegExp {
  const chars = [...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^(?:[a-z-]+ )?${chars.join('\\s*')}$`);
}

/**
 * Waits for the success message antd shows after an action (e.g. 已同意). When it does not come,
 * the error names what the page said instead (messages, alerts, field errors), so a failure in
 * CI can be read without its screenshot.
 */
export async function expectMessage(page: Page, text: string | RegExp) {
  try {
    await page.locator('.ant-message-notice').filter({ hasText: text }).first().waitFor();
  } catch (e) {
    const said = await page
      .locator('.ant-message-notice, .ant-alert, .ant-notification-notice, .ant-form-item-has-error')
      .allTextContents()
      .catch(() => []);
    throw new Error(`no message "${text}"; the page showed: ${JSON.stringify(said)}`, { cause: e });
  }
}
