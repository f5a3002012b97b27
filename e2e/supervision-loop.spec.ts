import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dialog, expectMessage, fillRange, label } from './support/antd.ts';
import { browserSuite } from './support/suite.ts';

/**
 * The supervision loop in the web app: a scan started by the legal detachment finds an incident
 * that never became a case (有警无案), the station's legal officer answers with evidence, the
 * detachment verifies it corrected and confirms the violation, and the 执法质量通报 issued for
 * that day names it.
 */

const suite = browserSuite('supervision-loop');

const user = (username: string) => suite.user(username);

/** The China-time date of an instant (legal dates are CST dates). */
const cstDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

const stamp = Date.now().toString(36).toUpperCase();
const NARRATIVE = `E2E-${stamp} 报警人称在菜市场门口被人殴打，民警到场后当场处置，未受案。`;
const ANSWER = `E2E-${stamp} 已补办受案手续，对当事人依法调查处理，并对处警民警进行了批评教育。`;
const VERIFY_NOTE = `E2E-${stamp} 经核查，已补办受案，整改到位；确认为违规受立案。`;
const EVIDENCE = { name: `整改材料-${stamp}.txt`, text: `E2E-${stamp} 受案登记表（补办）` };

/** Searches the findings list by the incident number and opens the finding. */
async function openFinding(page: Page, incidentNo: string) {
  await page.getByRole('menuitem', { name: '监督问题' }).click();
  // the list opens on the findings in progress, not on years of history
  await page.waitForURL(/\/supervision\/findings\?status=open(,|%2C)answered$/);
  await page
    .getByTestId('finding-views')
    .locator('.ant-radio-button-wrapper-checked')
    .filter({ hasText: '待处理' })
    .waitFor();
  await page.locator('.fz-filter-bar #q').fill(incidentNo);
  await page
    .locator('.fz-filter-bar')
    .getByRole('button', { name: label('查询') })
    .click();
  await page.waitForURL(/[?&]q=/);
  const link = page
    .locator('a[data-finding]')
    .filter({ hasText: incidentNo })
    .filter({ hasText: '未受案立案' });
  await link.first().click();
  await page.waitForURL(/\/supervision\/findings\/\d+$/);
  await page.getByTestId('finding-message').filter({ hasText: incidentNo }).waitFor();
}

describe('the supervision loop', () => {
  it('carries a scan finding through rectification into the quality bulletin, as two users', async () => {
    // ---- 0. legal: a fresh problem the scan will find --------------------------------------
    // A 殴打他人 incident (a category that needs a case) received 26 hours ago, handled on the
    // scene with the camera on, and no case: past the 24-hour limit of 有警无案.
    const legal = await user('legal');
    const legalApi = await suite.api(legal.context);
    const units = await legalApi.get<{ items: { id: number; code: string }[] }>('/api/units');
    const ps01 = units.items.find((u) => u.code === 'PS-01');
    expect(ps01).toBeDefined();
    const receivedMs = Date.now() - 26 * 3_600_000;
    const incident = await legalApi.post<{ id: number; incidentNo: string }>('/api/incidents', {
      source: 'walk_in',
      receivedAt: new Date(receivedMs).toISOString(),
      categoryCode: 'ZA-DO',
      place: '渝州区龙溪街道松石北路菜市场门口',
      narrative: NARRATIVE,
      unitId: ps01!.id,
      disposal: 'handled_on_scene',
      disposedAt: new Date(receivedMs + 3_600_000).toISOString(),
      cameraRecorded: true,
    });
    const { incidentNo } = incident;
    const occurredOn = cstDate(receivedMs);
    // the daily scan the server starts by itself must not swallow the button's scan (409)
    await expect
      .poll(
        async () =>
          (
            await legalApi.get<{ items: { status: string }[] }>('/api/supervision/scans?pageSize=5')
          ).items.some((s) => s.status === 'running'),
        { timeout: 120_000, interval: 1_000 },
      )
      .toBe(false);

    // ---- 1. legal: the scan raises the finding -----------------------------------------------
    let page = legal.page;
    await page.getByRole('menuitem', { name: '监督规则' }).click();
    await page.waitForURL(/\/supervision\/rules/);
    await page.locator('[data-scan=incremental]').click();
    await page.locator('[data-scan-status=done]').waitFor({ timeout: 120_000 });
    await openFinding(page, incidentNo);
    const findingUrl = page.url();
    const findingId = Number(findingUrl.split('/').pop());
    await page.locator('.ant-tag').filter({ hasText: '待整改' }).first().waitFor();
    // the subject links to the incident; the legal detachment verifies only after an answer
    await page.getByRole('link', { name: incidentNo }).first().waitFor();
    expect(await page.locator('[data-action=verify]').count()).toBe(0);
    expect(legal.errors).toEqual([]);

    // ---- 2. unitlegal (PS-01): the answer with its evidence ---------------------------------
    const unitlegal = await user('unitlegal');
    page = unitlegal.page;
    await openFinding(page, incidentNo);
    expect(page.url()).toBe(findingUrl);
    await page.locator('[data-action=answer]').click();
    const answer = dialog(page, `反馈整改 · #${findingId}`);
    await answer.waitFor();
    await answer.locator('#note').fill(ANSWER);
    await answer.locator('input[type=file]').setInputFiles({
      name: EVIDENCE.name,
      mimeType: 'text/plain',
      buffer: Buffer.from(EVIDENCE.text, 'utf8'),
    });
    await answer.getByText(EVIDENCE.name).waitFor();
    await answer.getByRole('button', { name: label('提交答复') }).click();
    await expectMessage(page, '已提交整改答复');
    await answer.waitFor({ state: 'hidden' });
    // the thread shows the answer and its file, which downloads as uploaded
    const answered = page.locator('[data-event=answered]').filter({ hasText: ANSWER });
    await answered.waitFor();
    const [evidence] = await Promise.all([
      page.waitForEvent('download'),
      answered.getByRole('button', { name: new RegExp(EVIDENCE.name) }).click(),
    ]);
    expect(readFileSync(await evidence.path(), 'utf8')).toBe(EVIDENCE.text);
    // answered by the deadline: on time, whatever the wait for the detachment's verification
    await page.locator('[data-standing]').filter({ hasText: '按期反馈' }).waitFor();
    await page.getByText('待核查 0 天').waitFor();
    expect(await page.getByText(/逾期 \d+ 天/).count()).toBe(0);
    // the unit cannot verify its own answer
    expect(await page.locator('[data-action=verify]').count()).toBe(0);
    expect(unitlegal.errors).toEqual([]);

    // ---- 3. legal: verified corrected, a confirmed violation ---------------------------------
    page = legal.page;
    await page.goto(findingUrl);
    await page.locator('[data-action=verify]').click();
    const verify = dialog(page, `核查整改 · #${findingId}`);
    await verify.waitFor();
    await verify.getByLabel('整改到位，办结').check();
    await verify.getByLabel('认定为违规（执法过错）').check();
    await verify.locator('#note').fill(VERIFY_NOTE);
    await verify.getByRole('button', { name: label('提交核查') }).click();
    await expectMessage(page, '已核查');
    await verify.waitFor({ state: 'hidden' });
    await page.locator('.ant-tag').filter({ hasText: '已整改' }).first().waitFor();
    await page.locator('.ant-tag').filter({ hasText: '认定违规' }).first().waitFor();
    await page.locator('[data-event=corrected]').filter({ hasText: VERIFY_NOTE }).waitFor();
    // a confirmed violation may now open an accountability record
    await page.locator('[data-action=accountability]').waitFor();

    // ---- 4. legal: the 执法质量通报 for that day names the finding ---------------------------
    await page.getByRole('menuitem', { name: '监督文书' }).click();
    await page.waitForURL(/\/supervision\/documents/);
    await page.getByRole('button', { name: label('制发文书') }).click();
    const issue = dialog(page, '制发监督文书');
    await issue.waitFor();
    await issue.locator('.ant-select').filter({ hasText: '执法质量通报' }).waitFor();
    await fillRange(issue, occurredOn, occurredOn);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      issue.getByRole('button', { name: label('制发文书') }).click(),
    ]);
    await expectMessage(page, /^已制发/);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const zip = await JSZip.loadAsync(readFileSync(await download.path()));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    // runs may split a sentence: compare the text without the markup
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('执法质量通报');
    expect(text).toContain(incidentNo);
    expect(text).toContain('确认违规');
    // the issued bulletin is listed, numbered
    await page.locator('.ant-table-row').filter({ hasText: '执法质量通报' }).first().waitFor();
    expect(legal.errors).toEqual([]);
  }, 300_000);
});
