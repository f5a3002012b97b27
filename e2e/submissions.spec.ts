import { readFileSync } from 'node:fs';
import { chinaToday, METRICS } from '@fazhi/common';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dialog, expectMessage, label, pickOption, waitUntil } from './support/antd.ts';
import { browserSuite } from './support/suite.ts';

/**
 * 数据填报 in the web app, as four users: the legal detachment opens a round for the year, the
 * 网络安全保卫支队's legal officer fills its form (a value, a note, an attachment — a wrong one
 * removed again), its head signs it off, the detachment returns it with a reason, the department
 * corrects it through the Excel template (a bad value first: refused row by row) and signs again, the detachment accepts it — and the 指标目录 shows the accepted
 * figure as the department's submission for the year.
 */

/** 网络安全保卫支队 (DET-WA) owes a single figure of the report: a short form to fill. */
const METRIC = METRICS.find((m) => m.source.kind === 'submitted' && m.source.ownerUnitCode === 'DET-WA')!;
const UNIT = '网络安全保卫支队';
/** The demo seed's DET-WA staff: its first officer is the 法制员, its second the head. */
const FILLER = 'u500072';
const HEAD = 'u500073';
/** The round is for this year (in China, as the new-round dialog offers it): no demo round has it. */
const YEAR = chinaToday().slice(0, 4);
const stamp = Date.now().toString(36).slice(-5);
const TITLE = `${YEAR}年度法治数据填报 E2E-${stamp}`;
const REASON = '数字与网安平台台账不符，请核对';
const NOTE = '据网安平台台账统计';
const ATTACHMENT = { name: '网安台账.txt', text: '教育训诫台账 E2E' };
const WRONG = { name: '错传文件.txt', text: 'wrong' };

const suite = browserSuite('submissions');

const user = (username: string) => suite.user(username);

/** Confirms the open Popconfirm. */
async function confirmPop(page: Page) {
  await page
    .locator('.ant-popover:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-primary')
    .click();
}

/** The value shown in the form's status tag (draft, signed …). */
const statusTag = (page: Page, text: string) =>
  page.locator('.fz-panel .ant-tag').filter({ hasText: text }).first().waitFor();

/** The figure's row in 指标目录 for the year. */
async function metricRow(page: Page) {
  await page.goto(`${suite.server.baseUrl}/reports/metrics?year=${YEAR}&q=${encodeURIComponent(METRIC.id)}`);
  const row = page
    .locator('.ant-table-row')
    .filter({ has: page.locator(`[data-metric-link="${METRIC.id}"]`) });
  await row.waitFor({ timeout: 60_000 });
  return row;
}

describe('数据填报', () => {
  it('round → fill with attachment → sign → return → correct → sign → accept → figure in 指标目录', async () => {
    expect(METRIC).toBeDefined();
    // ---- 1. legal opens the round; the figure has no value for the year yet ---------------------
    const legal = await user('legal');
    let page = legal.page;
    const before = await metricRow(page);
    await before.getByText('缺失').waitFor();

    await page.goto(`${suite.server.baseUrl}/submissions/rounds`);
    await page.getByRole('button', { name: label('发起填报') }).click();
    const create = dialog(page, '发起数据填报');
    await create.waitFor();
    await create.locator('#title').fill(TITLE);
    await pickOption(create, 'year', '', new RegExp(`^${YEAR}$`));
    await create.getByRole('button', { name: label('发起填报') }).click();
    await expectMessage(page, /已向 \d+ 个部门下发填报表/);
    await page.waitForURL(/\/submissions\/rounds\/\d+$/);
    await page.getByRole('link', { name: UNIT }).click();
    await page.waitForURL(/\/submissions\/\d+$/);
    const formUrl = page.url();
    // The detachment reviews but does not fill a department's form.
    await page.getByText('本表当前不可修改').waitFor();
    expect(legal.errors).toEqual([]);

    // ---- 2. the department's 法制员 fills the form in the browser ------------------------------
    const filler = await user(FILLER);
    page = filler.page;
    await page.goto(`${suite.server.baseUrl}/submissions`);
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(formUrl);
    const value = page.locator(`[id="values_${METRIC.id}_value"]`);
    const note = page.locator(`[id="values_${METRIC.id}_note"]`);
    await value.fill('37');
    await note.fill(NOTE);
    await page.getByRole('button', { name: label('保存') }).click();
    await expectMessage(page, '已保存');
    const upload = async (f: { name: string; text: string }) => {
      await page.locator('input[type=file]').setInputFiles({
        name: f.name,
        mimeType: 'text/plain',
        buffer: Buffer.from(f.text, 'utf8'),
      });
      await page.locator(`[data-file="${f.name}"]`).waitFor();
    };
    await upload(WRONG);
    await upload(ATTACHMENT);
    // the wrong file is removed again, after a confirmation
    await page
      .locator(`[data-file="${WRONG.name}"]`)
      .getByRole('button', { name: label('删除') })
      .click();
    await confirmPop(page);
    await expectMessage(page, '已删除附件');
    await page.locator(`[data-file="${WRONG.name}"]`).waitFor({ state: 'detached' });
    await page.locator(`[data-file="${ATTACHMENT.name}"]`).waitFor();
    // the saved values survive a reload
    await page.reload();
    await expect.poll(() => value.inputValue()).toBe('37');
    expect(await note.inputValue()).toBe(NOTE);
    expect(filler.errors).toEqual([]);

    // ---- 3. the head signs it off -----------------------------------------------------------------
    const head = await user(HEAD);
    page = head.page;
    await page.goto(formUrl);
    await page.getByRole('button', { name: label('负责人签报') }).click();
    await confirmPop(page);
    await expectMessage(page, '已签报');
    await statusTag(page, '已签报');
    expect(head.errors).toEqual([]);

    // ---- 4. legal returns it with a reason --------------------------------------------------------
    page = legal.page;
    await page.goto(formUrl);
    await page.getByRole('button', { name: label('退回') }).click();
    const ret = dialog(page, '退回填报表');
    await ret.waitFor();
    await ret.locator('#reason').fill(REASON);
    await ret.getByRole('button', { name: label('退回') }).click();
    await expectMessage(page, '已退回');
    await statusTag(page, '已退回');

    // ---- 5. the department corrects the value in Excel, the head signs again ----------------------
    page = filler.page;
    await page.reload();
    await page.getByText(`法制支队已退回：${REASON}`).waitFor();
    // … in Excel: the template holds the saved figure; a bad value is refused row by row
    await page.getByRole('button', { name: label('Excel 导入') }).click();
    const excel = dialog(page, '填报表 · Excel 导入');
    await excel.waitFor();
    // the modal's opening animation done, so the click lands on the button, not on its way in
    await waitUntil(page, "document.getAnimations().every((a) => a.playState !== 'running')");
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      excel.getByRole('button', { name: label('下载模板') }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(readFileSync(await download.path())).buffer);
    const sheet = wb.worksheets[0]!;
    const row = sheet.getRow(3);
    expect(row.getCell(1).value).toBe(METRIC.id);
    expect(row.getCell(5).value).toBe(37);
    const send = async (cell: string | number) => {
      row.getCell(5).value = cell;
      await excel.locator('input[type=file]').setInputFiles({
        name: '填报.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from(await wb.xlsx.writeBuffer()),
      });
      await excel.getByRole('button', { name: label('开始导入') }).click();
    };
    await send('四十二');
    const error = excel.locator('.ant-table-row').filter({ hasText: METRIC.nameZh });
    await error.waitFor();
    expect(await error.textContent()).toContain('四十二');
    expect(await error.locator('td').first().textContent()).toBe('3');
    expect(await value.inputValue()).toBe('37');
    await send(42);
    await expectMessage(page, '已导入 1 条记录');
    await expect.poll(() => value.inputValue()).toBe('42');
    expect(await note.inputValue()).toBe(NOTE);
    await statusTag(page, '填报中');
    // the attachment kept through the return
    await page.locator(`[data-file="${ATTACHMENT.name}"]`).waitFor();
    page = head.page;
    await page.reload();
    await page.getByRole('button', { name: label('负责人签报') }).click();
    await confirmPop(page);
    await expectMessage(page, '已签报');

    // ---- 6. legal accepts; the figure is the department's accepted value ---------------------------
    page = legal.page;
    await page.reload();
    await page.getByRole('button', { name: label('采纳') }).click();
    await expectMessage(page, /已采纳/);
    await statusTag(page, '已采纳');
    const after = await metricRow(page);
    await after.getByText('部门填报').waitFor();
    await expect.poll(() => after.locator('td').nth(4).textContent()).toBe('42');
    expect(legal.errors).toEqual([]);
    expect(filler.errors).toEqual([]);
    expect(head.errors).toEqual([]);
  }, 300_000);
});
