import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dialog, expectMessage, label, pickOption } from './support/antd.ts';
import { screenshotDir } from './support/harness.ts';
import { browserSuite } from './support/suite.ts';

/**
 * A case of two offences proposed in the web app as the law wants it decided: each offence with
 * its own tier and penalties (分别决定), the combined penalty shown (合并执行), the 裁量 helper
 * naming the article applied to each, and the reviewers seeing each offence's penalties.
 */

const suite = browserSuite('proposal-particulars');
const stamp = Date.now().toString(36).toUpperCase();
const PARTY = '赵小明';

describe('proposing several offences', () => {
  it('takes each offence its penalties and shows the combined one', async () => {
    const officer = await suite.user('officer');
    const { page } = officer;
    const api = await suite.api(officer.context);
    // The case's particulars through the API (the enforcement-loop test enters them by hand).
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const created = await api.post<{ id: number; caseNo: string }>('/api/cases', {
      caseType: 'admin',
      title: `E2E-${stamp} ${PARTY}殴打他人、扰乱单位秩序案`,
      receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    await api.post(`/api/cases/${created.id}/actions/accept`, { acceptedOn: today });
    await api.post(`/api/cases/${created.id}/parties`, { kind: 'person', role: 'offender', name: PARTY });
    await api.put(`/api/cases/${created.id}/offences`, { codes: ['ZA-43-1', 'ZA-23'] });

    await page.goto(`${suite.server.baseUrl}/cases/${created.id}`);
    await page.locator('[data-action=submit]').click();
    const submit = dialog(page, `提交审核 · ${created.caseNo}`);
    await submit.waitFor();
    await pickOption(submit, 'proposal_kind', '', '行政拘留');
    // Two offences: a card each, and no single amount to fill.
    const hitting = submit.getByTestId('split-ZA-43-1');
    const disorder = submit.getByTestId('split-ZA-23');
    await hitting.waitFor();
    await disorder.waitFor();
    expect(await submit.locator('#proposal_detentionDays').count()).toBe(0);
    await hitting.locator('#split_ZA-43-1_days').fill('5');
    await hitting.locator('#split_ZA-43-1_fine').fill('500');
    await disorder.getByText('警告').click();
    await expect
      .poll(() => submit.getByTestId('combined').textContent())
      .toMatch(/行政拘留\s*5\s*日.*罚款\s*500\s*元/);
    // The helper names the article of the law in force for each offence (the 2025 law's).
    const helper = submit.getByTestId('discretion');
    await helper.filter({ hasText: '殴打他人：适用《治安管理处罚法》第五十一条第一款' }).waitFor();
    await helper.filter({ hasText: '扰乱单位秩序' }).waitFor();
    await pickOption(submit, 'proposal_partyId', '', new RegExp(PARTY));
    await submit
      .locator('#proposal_facts')
      .fill(`${PARTY}在派出所接待大厅吵闹，并用拳头殴打他人面部，致其软组织挫伤，有视频和证人证言证实。`);
    await page.screenshot({ path: path.join(screenshotDir, 'proposal-particulars-form.png') });
    await submit.getByRole('button', { name: label('提交审核') }).click();
    await expectMessage(page, '已提交审核');

    // What every gate reviews (审核记录): each offence with its own penalties.
    await page.getByRole('tab', { name: /^审核记录/ }).click();
    const proposal = page
      .getByRole('tabpanel')
      .locator('.ant-descriptions')
      .filter({ hasText: '拟处理决定' })
      .first();
    await proposal.filter({ hasText: /殴打他人.*行政拘留\s*5\s*日、罚款\s*500\s*元/ }).waitFor();
    await proposal.filter({ hasText: /扰乱单位秩序.*警告/ }).waitFor();
    expect(officer.errors).toEqual([]);
  });
});
