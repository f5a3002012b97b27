import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dialog, expectMessage, label, pickTreeNode, type UserSession, watchErrors } from './support/antd.ts';
import { screenshotDir, signIn } from './support/harness.ts';
import { browserSuite } from './support/suite.ts';

/**
 * The pages people use on the move, on a phone of 390 × 844: an officer's 待办, the menu, a case
 * with all its tabs, recording an incident and opening its case; the public's portal and one
 * of its decisions. What a user would notice: the page never scrolls sideways, the buttons they
 * need are on the screen and can be pressed, the menu stays out of the way until asked for.
 */

const suite = browserSuite('phone');
const PHONE = { width: 390, height: 844 };
const stamp = Date.now().toString(36).toUpperCase();

/** A phone's browser (touch, its own cookies), signed in when a user is named. */
async function onPhone(username?: string): Promise<UserSession> {
  const context = await suite.browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  watchErrors(page, username ?? 'visitor', errors);
  const session = suite.track({ context, page, errors, close: () => context.close() });
  if (username) await signIn(page, suite.server.baseUrl, username);
  return session;
}

/**
 * Nothing sticks out sideways. A mobile browser widens its layout to fit content that is too
 * wide (so scrollWidth and innerWidth grow together): both are held to the phone's own width.
 */
async function fitsTheScreen(page: Page, where: string) {
  // (a string: this package is typed for Node, without the DOM)
  const { scrollWidth, innerWidth } = await page.evaluate<{ scrollWidth: number; innerWidth: number }>(
    '({ scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth })',
  );
  expect(innerWidth, `${where}: layout width`).toBe(PHONE.width);
  expect(scrollWidth, `${where}: page width`).toBeLessThanOrEqual(PHONE.width);
}

/** Wholly on the screen once scrolled to, and pressable (not covered, not disabled). */
async function inReach(target: Locator, what: string) {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  expect(box, `${what}: shown`).not.toBeNull();
  const { x, y, width, height } = box!;
  expect(x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(x + width, `${what}: right edge`).toBeLessThanOrEqual(PHONE.width);
  expect(y, `${what}: top edge`).toBeGreaterThanOrEqual(0);
  expect(y + height, `${what}: bottom edge`).toBeLessThanOrEqual(PHONE.height);
  await target.click({ trial: true });
}

/** A drawer or modal (its dialog panel) within the screen's width, once it has slid in. */
async function fitsWithin(target: Locator, what: string) {
  const edges = async () => {
    const box = await target.boundingBox();
    return box && { left: Math.round(box.x), right: Math.round(box.x + box.width) };
  };
  await expect
    .poll(edges, { message: `${what}: within the screen (0–${PHONE.width})` })
    .toSatisfy((e) => !!e && e.left >= 0 && e.right <= PHONE.width);
}

/** Opens a case tab as a user would: from the tab bar, or from its overflow menu (…). */
async function openTab(page: Page, name: string) {
  const tab = page.getByRole('tab', { name: new RegExp(`^${name}`) });
  const [box, bar] = [
    await tab.boundingBox(),
    await page.locator('.ant-tabs-nav-wrap').first().boundingBox(),
  ];
  if (box && bar && box.x >= bar.x - 1 && box.x + box.width <= bar.x + bar.width + 1) await tab.click();
  else {
    await page.locator('.ant-tabs-nav-more').click();
    await page
      .locator('.ant-tabs-dropdown:not(.ant-tabs-dropdown-hidden) .ant-tabs-dropdown-menu-item')
      .filter({ hasText: name })
      .click();
  }
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
}

const CASE_TABS = [
  '基本情况',
  '当事人',
  '违法行为',
  '证据',
  '审核记录',
  '集体讨论',
  '决定与文书',
  '程序与期限',
];

async function everyTabFits(page: Page, caseLabel: string) {
  for (const name of CASE_TABS) {
    await openTab(page, name);
    await fitsTheScreen(page, `${caseLabel} · ${name}`);
  }
}

const toTop = (page: Page) => page.evaluate('window.scrollTo(0, 0)');
/** A picture for the README, taken with the pointer out of the way (no hover effects). */
async function shot(page: Page, name: string) {
  await page.mouse.move(0, PHONE.height - 1);
  await page.screenshot({ path: path.join(screenshotDir, `phone-${name}.png`) });
}

describe('on a phone (390 × 844)', () => {
  it('an officer works through 待办, the menu, a case and a new incident', { timeout: 300_000 }, async () => {
    const { page, errors } = await onPhone('officer');
    await page.waitForURL(/\/tasks$/);
    const menuEntry = page.getByRole('menuitem', { name: '警情管理' });

    // ---- 待办: cards, not a table cut off at the right; the side menu is out of the way ----
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    const openCase = page.getByRole('link', { name: /办理/ }).and(page.locator('[href^="/cases/"]')).first();
    await openCase.waitFor({ timeout: 60_000 });
    expect(await menuEntry.isVisible(), 'the menu is hidden until opened').toBe(false);
    await fitsTheScreen(page, '待办');
    await inReach(page.getByTestId('current-unit'), 'the unit in the header');
    await inReach(page.getByRole('button', { name: '打开菜单' }), 'the menu button');
    await inReach(page.getByRole('link', { name: /办理/ }).first(), 'a task’s 办理');
    await toTop(page);
    await shot(page, 'tasks');

    // ---- a case from 待办, every tab ----------------------------------------------------------
    await openCase.click();
    await page.waitForURL(/\/cases\/\d+/);
    await page.getByRole('tab', { name: /^基本情况/ }).waitFor();
    await fitsTheScreen(page, 'case');
    await shot(page, 'case');
    await everyTabFits(page, 'the case from 待办');

    // a decided case of the unit: its review rounds, decisions and documents on a phone
    const decided = await page.evaluate(async () => {
      const r = await fetch('/api/cases?status=decided&pageSize=1');
      return ((await r.json()) as { items: { id: number }[] }).items[0]?.id;
    });
    expect(decided, 'the demo unit has a decided case').toBeTruthy();
    await page.goto(`${suite.server.baseUrl}/cases/${decided}?tab=reviews`);
    await page.getByText(/第 1 轮审核/).waitFor();
    await everyTabFits(page, 'a decided case');
    await openTab(page, '决定与文书');
    await inReach(page.getByRole('button', { name: label('下载文书') }).first(), 'the decision’s 下载文书');

    // ---- the menu: a drawer from the header, closed again by going somewhere ------------------
    await page.getByRole('button', { name: '打开菜单' }).click();
    await menuEntry.waitFor();
    await fitsWithin(page.locator('.fz-menu-drawer [role=dialog]'), 'the menu drawer');
    await menuEntry.click();
    await page.waitForURL(/\/incidents$/);
    await menuEntry.waitFor({ state: 'hidden' });

    // ---- 登记警情 on a phone: one field a row, 保存 in reach -------------------------------------
    await page
      .getByText(/^J\d{10}$/)
      .first()
      .waitFor({ timeout: 60_000 });
    await fitsTheScreen(page, '警情管理');
    const create = page.getByRole('button', { name: label('登记警情') });
    await inReach(create, '登记警情');
    await create.click();
    const form = dialog(page, '登记警情');
    await form.waitFor();
    await fitsWithin(form, 'the incident form');
    const name = form.locator('#callerName');
    const phone = form.locator('#callerPhone');
    await name.fill('王小明');
    await phone.fill('13800001111');
    const [nameBox, phoneBox] = [await name.boundingBox(), await phone.boundingBox()];
    expect(phoneBox!.y, 'the phone field is under the name, not beside it').toBeGreaterThan(
      nameBox!.y + nameBox!.height,
    );
    await pickTreeNode(form, 'categoryCode', '殴打', '殴打他人');
    await form.locator('#place').fill('渝州区城关街道星光大道地铁站');
    const narrative = `PHONE-${stamp} 报警人称在地铁站出口被人推搡，请求出警。`;
    await form.locator('#narrative').fill(narrative);
    const save = form.getByRole('button', { name: label('保存') });
    await inReach(save, '保存');
    await shot(page, 'incident-form');
    await save.click();
    await expectMessage(page, /已登记警情/);

    // its detail, and the case opened from it
    const detail = dialog(page, '警情详情');
    await detail.getByText(narrative).waitFor();
    await fitsWithin(detail, 'the incident detail');
    await fitsTheScreen(page, 'the incident detail');
    const toCase = detail.getByRole('button', { name: label('受案 / 立案') });
    await inReach(toCase, '受案 / 立案');
    await toCase.click();
    const open = dialog(page, /^由警情 .* 受案或立案$/);
    await open.waitFor();
    await fitsWithin(open, 'the open-case dialog');
    await open.getByLabel('行政案件（受案）').check();
    await open.locator('#title').fill(`王某被推搡案 PHONE-${stamp}`);
    await open.getByRole('button', { name: label('建立案件') }).click();
    await page.waitForURL(/\/cases\/\d+$/);
    await page
      .locator('.fz-page-head h4')
      .filter({ hasText: `PHONE-${stamp}` })
      .waitFor();
    await fitsTheScreen(page, 'the new case');
    await inReach(page.locator('[data-action=accept]'), 'the new case’s 受案');
    await everyTabFits(page, 'the new case');
    expect(errors).toEqual([]);
  });

  it('the public finds a decision on the portal and reads it', { timeout: 120_000 }, async () => {
    const { page, errors } = await onPhone();
    await page.goto(`${suite.server.baseUrl}/public/publicity`);
    const view = page.getByRole('button', { name: label('查看') });
    await view.first().waitFor();
    await fitsTheScreen(page, 'the portal');
    await inReach(page.getByRole('button', { name: label('搜索') }), '搜索');
    await inReach(page.getByRole('link', { name: '工作人员登录' }), '工作人员登录');
    await inReach(view.first(), '查看');
    await toTop(page);
    await shot(page, 'public');

    await view.first().click();
    const decision = dialog(page, '公示详情');
    await decision.getByText('执法结论').waitFor();
    await fitsWithin(decision, 'the decision');
    await fitsTheScreen(page, 'the decision');
    await shot(page, 'public-decision');
    const close = decision.locator('.ant-modal-footer').getByRole('button', { name: label('关闭') });
    await inReach(close, '关闭');
    await close.click();
    await decision.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
  });
});
