/**
 * The legal detachment maintains the law register (法律法规库) in the browser: it revises 殴打他人
 * in the 2025 law (治安管理处罚法@2026-01-01) in the form — a lower bound above the upper one is
 * refused with the bound named — and sees the new range in the table; it adds a law version,
 * which the page then shows, still empty, with what the check does until offences are entered.
 */
import { describe, expect, it } from 'vitest';
import { dialog, expectMessage, fillDate, label } from './support/antd.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite('law-register');

describe('the legal detachment', () => {
  it('revises 殴打他人 in the 2025 law: a bad bound is named, the new range shows in the table', async () => {
    const { page, errors } = await suite.user('legal');
    await page.goto(`${suite.server.baseUrl}/law/register`);
    // the page opens on the version in force, the 2025 revision
    await page.getByText('中华人民共和国治安管理处罚法（2025年修订）（2026-01-01').first().waitFor();
    const row = page.locator('.ant-table-row', { hasText: '殴打他人' });
    await row.getByRole('button', { name: label('修订') }).click();
    const drawer = dialog(page, '修订 · 殴打他人');
    await drawer.waitFor();
    // the name and the version are those of the row revised
    expect(await drawer.locator('#name').isDisabled()).toBe(true);
    // 一般情节 is the second tier: 拘留 5–10 日 and 罚款 500–1000 元, both mandatory
    const fineMin = drawer.locator('#tiers_1_schemes_0_required_1_min');
    const fineMax = drawer.locator('#tiers_1_schemes_0_required_1_max');
    expect(await fineMax.inputValue()).toBe('1000');
    await fineMin.fill('2000');
    await fineMax.fill('1500');
    await drawer.getByRole('button', { name: label('保存') }).click();
    const error = drawer.locator('.ant-form-item-explain-error', {
      hasText: '下限（2000）不能大于上限（1500）',
    });
    await error.waitFor();
    expect(await error.textContent()).toContain('一般情节·方案1·必处·罚款');

    await fineMin.fill('500');
    await drawer.getByRole('button', { name: label('保存') }).click();
    await expectMessage(page, '已保存“殴打他人”');
    await drawer.waitFor({ state: 'hidden' });
    await row.getByText('并处罚款500元以上1500元以下').waitFor();
    expect(errors).toEqual([]);
  });

  it('adds a law version, shown empty with what the check does until its offences are entered', async () => {
    const { page, errors } = await suite.user('legal');
    await page.goto(`${suite.server.baseUrl}/law/register`);
    await page.getByRole('button', { name: label('新增法律版本') }).click();
    const modal = dialog(page, '新增法律版本');
    await modal.waitFor();
    expect(await modal.locator('#law').inputValue()).toBe('治安管理处罚法');
    await modal.locator('#title').fill('中华人民共和国治安管理处罚法（测试修订）');
    for (const [field, date] of [
      ['adoptedOn', '2026-06-30'],
      ['effectiveFrom', '2027-01-01'],
    ] as const)
      await fillDate(modal, field, date);
    await modal.locator('#source').fill('测试文本');
    await modal.getByRole('button', { name: label('保存') }).click();
    await expectMessage(page, '已新增法律版本 治安管理处罚法@2027-01-01');
    await page.getByText('中华人民共和国治安管理处罚法（测试修订）（2027-01-01').first().waitFor();
    await page.getByText('该法律版本尚未录入违法行为').waitFor();
    expect(errors).toEqual([]);
  });
});
