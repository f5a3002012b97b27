import { and, count, eq, isNotNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, offenceVersions } from '../../db/schema/index.ts';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';

let t: TestApp;
let legal: TestClient;
let officer: TestClient;

beforeAll(async () => {
  t = await testApp();
  [legal, officer] = await Promise.all([t.signIn('legal'), t.signIn('officer')]);
}, 120_000);
afterAll(() => t.close());

async function exported(): Promise<ExcelJS.Workbook> {
  const res = await legal.get('/api/law/offences/export');
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb;
}
async function upload(who: TestClient, wb: ExcelJS.Workbook) {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(await wb.xlsx.writeBuffer())], 'offences.xlsx'));
  const res = await who.request('POST', '/api/law/offences/import', form);
  return { status: res.status, body: await read(res) };
}
/** The row of a penalty bound: offence, version, tier name, type name and 必处/可并处. */
function rowOf(sheet: ExcelJS.Worksheet, cells: string[]): ExcelJS.Row {
  const header = (sheet.getRow(1).values as string[]).slice(1);
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const texts = header.map((_, i) => String(row.getCell(i + 1).value ?? ''));
    if (cells.every((c) => texts.includes(c))) return row;
  }
  throw new Error(`no row with ${cells.join(', ')}`);
}

describe('maintaining the law register by Excel', () => {
  it('exports one row per penalty bound, and importing the export unchanged changes nothing', async () => {
    const wb = await exported();
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(
      expect.arrayContaining([
        '违法行为',
        '法律版本',
        '条款',
        '情节',
        '方案',
        '处罚种类',
        '必处/可并处',
        '下限',
        '上限',
      ]),
    );
    const hit = rowOf(sheet, ['殴打他人', '治安管理处罚法@2026-01-01', '一般情节', '罚款', '必处']);
    expect(hit.values).toEqual(expect.arrayContaining([500, 1000]));
    const again = await upload(legal, wb);
    expect(again).toMatchObject({ status: 200, body: { imported: 0 } });
  });

  it('a changed range becomes a new version of the row, the old one kept and the change audited', async () => {
    const wb = await exported();
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const row = rowOf(sheet, ['殴打他人', '治安管理处罚法@2026-01-01', '一般情节', '罚款', '必处']);
    row.getCell(header.indexOf('上限') + 1).value = 1500;
    const r = await upload(legal, wb);
    expect(r).toMatchObject({ status: 200, body: { imported: 1 } });
    const register = await read(await officer.get('/api/law/register'));
    const hitting = register.offences.find(
      (o: { name: string; version: string }) =>
        o.name === '殴打他人' && o.version === '治安管理处罚法@2026-01-01',
    );
    expect(
      hitting.tiers.find((x: { tier: string }) => x.tier === 'ordinary').schemes[0].required,
    ).toContainEqual({
      type: 'fine',
      min: 500,
      max: 1500,
    });
    const [kept] = await t.database.db
      .select({ n: count() })
      .from(offenceVersions)
      .where(and(eq(offenceVersions.name, '殴打他人'), isNotNull(offenceVersions.supersededAt)));
    expect(kept!.n).toBe(1);
    const [audited] = await t.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, 'law.offence.revise'));
    expect(audited!.n).toBe(1);
    // The check follows the register at once.
    const check = await read(
      await officer.post('/api/law/penalty-check', {
        actDate: '2026-03-01',
        decisionDate: '2026-03-02',
        offences: [
          {
            name: '殴打他人',
            penalties: [
              { type: 'detention', days: 5 },
              { type: 'fine', amount: 1400 },
            ],
          },
        ],
        party: { kind: 'person' },
      }),
    );
    expect(check.lawful).toBe(true);
  });

  it('refuses a file naming an unknown law version, by row, and changes nothing; an officer may not import', async () => {
    const wb = await exported();
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    sheet.getRow(3).getCell(header.indexOf('法律版本') + 1).value = '治安管理处罚法@2030-01-01';
    const r = await upload(legal, wb);
    expect(r.status).toBe(422);
    expect(r.body.error.rows[0]).toMatchObject({ column: '法律版本' });
    expect(r.body.error.rows[0].message).toContain('治安管理处罚法@2030-01-01');
    expect((await upload(officer, wb)).status).toBe(403);
  });
});
