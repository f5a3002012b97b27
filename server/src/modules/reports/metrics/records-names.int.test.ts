/**
 * The records behind a figure read in names, never in the codes the tables store: the officers
 * behind 基本级执法资格考试通过 show their 执法资格 as 基本级 / 中级 / 高级 on the page and in its
 * Excel, and as Basic / Intermediate / Advanced in English.
 */
import { QUALIFICATION_LEVELS, QUALIFICATION_NAMES } from '@fazhi/common';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read, type TestApp, testApp } from '../../../test-support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
}, 60_000);
afterAll(() => t.close());

const PATH = '/api/reports/metrics/qualification.basic_passed/records';
const PERIOD = 'period=2026';

/** The cells of one column of the workbook's first sheet, by its header. */
async function column(res: Response, header: string): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const sheet = wb.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).map(String);
  const index = headers.indexOf(header);
  expect(index, `column ${header} in ${headers.join(', ')}`).toBeGreaterThan(0);
  const cells: unknown[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) cells.push(row.getCell(index).value);
  });
  return cells;
}

describe('the records of a figure', () => {
  it('show 执法资格 by its name in the page and in Excel', async () => {
    const legal = await t.signIn('legal');
    const zh = QUALIFICATION_LEVELS.map((l) => QUALIFICATION_NAMES[l].zh);

    const page = await read(await legal.get(`${PATH}?${PERIOD}&pageSize=200`));
    expect(page.total).toBeGreaterThan(0);
    const shown = new Set(page.items.map((r: { qualification: string }) => r.qualification));
    for (const v of shown) expect(zh).toContain(v);

    const xlsx = await legal.get(`${PATH}.xlsx?${PERIOD}`);
    expect(xlsx.status).toBe(200);
    const cells = await column(xlsx, '执法资格');
    expect(cells).toHaveLength(page.total);
    for (const v of cells) expect(zh).toContain(v);
    for (const code of QUALIFICATION_LEVELS) expect(cells).not.toContain(code);
  });

  it('show them in English for an English reader', async () => {
    const legal = await t.signIn('legal');
    legal.language = 'en-US';
    const cells = await column(await legal.get(`${PATH}.xlsx?${PERIOD}`), 'Qualification');
    const en = QUALIFICATION_LEVELS.map((l) => QUALIFICATION_NAMES[l].en);
    expect(cells.length).toBeGreaterThan(0);
    for (const v of cells) expect(en).toContain(v);
  });
});
