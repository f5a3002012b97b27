import { describe, expect, it } from 'vitest';
import { dialog, label } from './support/antd.ts';
import { browserSuite } from './support/suite.ts';

/**
 * The 三级五关 review dialog asks for every point of the checklist: nothing is pre-answered, so a
 * reviewer cannot approve without going through them, and 同意 with points left out names them.
 * On a demo case waiting at the station legal officer's gate.
 */

const suite = browserSuite('review-checklist');

describe('the review checklist', () => {
  it('opens with no point answered and names the unanswered ones on 同意', async () => {
    const { page, errors } = await suite.user('unitlegal');
    await page.getByRole('menuitem', { name: '待我审核' }).click();
    await page.waitForURL(/\/cases\/review/);
    await page.getByText(/件案件等待您审核/).waitFor();
    await page.locator('a[href*="?tab=reviews"]').first().click();
    await page.waitForURL(/\/cases\/\d+\?tab=reviews/);
    await page.locator('[data-action=approve]').click();
    const review = dialog(page, /· 同意 ·/);
    await review.waitFor();

    expect(await review.locator('[data-point]').count()).toBe(8);
    expect(await review.locator('.ant-radio-button-wrapper-checked').count()).toBe(0);
    expect(await review.getByTestId('checklist-unanswered').count()).toBe(0);

    await review.locator('[data-point=facts]').getByText('存在问题', { exact: true }).click();
    await review.getByRole('button', { name: label('同意') }).click();
    await review
      .getByTestId('checklist-unanswered')
      .filter({
        hasText: '审核要点须逐项作答，尚未作答：执法主体、管辖、证据、程序、法律手续、处理适当、时效',
      })
      .waitFor();
    await review.getByText('请对“执法主体”作答：符合或存在问题').waitFor();
    // a problem must say what it is
    await review.getByText('“事实认定”存在问题，请写明问题').waitFor();
    // the dialog stays open: nothing was sent
    await page.getByRole('button', { name: label('取消') }).click();
    await review.waitFor({ state: 'hidden' });
    await page.locator('[data-action=approve]').waitFor();
    expect(errors).toEqual([]);
  });
});
