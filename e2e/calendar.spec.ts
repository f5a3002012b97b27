/**
 * The holiday calendar on any date: a year whose State Council notice is not out yet shows as
 * provisional (暂定) with the statutory holidays its deadlines count on, the deadline calculator
 * marks such a date 暂定, and loading the notice closes the form and shows the year just loaded.
 */
import { describe, expect, it } from 'vitest';
import { dialog, fillRange } from './support/antd.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite('calendar');

describe('the system administrator', () => {
  it('sees the next year as provisional, loads its notice, and is shown the loaded year', async () => {
    const { page, errors } = await suite.user('admin');
    await page.goto(`${suite.server.baseUrl}/calendar`);
    // The shipped notices end before next year, whatever today is.
    const nextYear = Number(new Date().toISOString().slice(0, 4)) + 1;
    const provisionalRow = page.locator('.ant-table-row', { hasText: `${nextYear}` }).first();
    await provisionalRow.getByText('暂定').first().waitFor();
    await provisionalRow.click();
    await page.getByTestId('provisional-year').waitFor();
    expect(await page.getByTestId('provisional-year').textContent()).toContain(`${nextYear}`);

    // The calculator answers a date in that year, marked provisional.
    const calc = page.locator('.ant-card', { hasText: '期限计算器' });
    await calc.locator('#from').click();
    await calc.locator('#from').fill(`${nextYear}-03-02`);
    await calc.locator('#from').press('Enter');
    await calc.getByRole('button', { name: /计\s*算/ }).click();
    const result = page.getByTestId('deadline-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('暂定');

    // Load that year's notice from its row.
    await provisionalRow.getByRole('button', { name: /载\s*入/ }).click();
    const drawer = dialog(page, '载入年度节假日安排');
    await drawer.waitFor();
    expect(await drawer.locator('#year').inputValue()).toBe(`${nextYear}`);
    await drawer.locator('#source').fill('国办发明电（测试）');
    await drawer.locator('#entries_0_name').fill('元旦');
    await fillRange(drawer, `${nextYear}-01-01`, `${nextYear}-01-03`);
    await drawer.getByRole('button', { name: /载\s*入/ }).click();

    await page.getByText(`已载入 ${nextYear} 年节假日安排`).waitFor();
    await drawer.waitFor({ state: 'hidden' });
    expect(await page.getByText(`日期须在`).count()).toBe(0);
    await page.getByText(`${nextYear} 年节假日安排`).first().waitFor();
    expect(await page.getByTestId('provisional-year').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
