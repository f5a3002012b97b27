import { and, count, eq, isNotNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, lawVersions, offenceVersions } from '../../db/schema/index.ts';
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

const V2025 = '治安管理处罚法@2026-01-01';
const V2027 = '治安管理处罚法@2027-01-01';
type Offence = {
  name: string;
  version: string;
  tiers: { tier: string; schemes: { required: object[] }[] }[];
};

async function offence(name: string, version: string): Promise<Offence> {
  const register = await read(await officer.get('/api/law/register'));
  return register.offences.find((o: Offence) => o.name === name && o.version === version);
}
/** 殴打他人 (2025) with the 一般 tier's mandatory fine set to min–max. */
async function hittingWithFine(min: number, max: number) {
  const o = await offence('殴打他人', V2025);
  const ordinary = o.tiers.find((x) => x.tier === 'ordinary')!;
  ordinary.schemes[0]!.required = [
    { type: 'detention', min: 5, max: 10 },
    { type: 'fine', min, max },
  ];
  return o;
}
const rowsOf = async (name: string) =>
  (await t.database.db.select({ n: count() }).from(offenceVersions).where(eq(offenceVersions.name, name)))[0]!
    .n;
const auditCount = async (action: string) =>
  (await t.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, action)))[0]!.n;
const hitting = (actDate: string, fine: number, party: object = { kind: 'person' }) =>
  officer.post('/api/law/penalty-check', {
    actDate,
    decisionDate: actDate,
    offences: [
      {
        name: '殴打他人',
        penalties: [
          { type: 'detention', days: 5 },
          { type: 'fine', amount: fine },
        ],
      },
    ],
    party,
  });

describe('revising an offence in the web form', () => {
  it('a revision keeps the old row superseded, is audited, and the check applies the new range', async () => {
    const [rowsBefore, auditedBefore] = [await rowsOf('殴打他人'), await auditCount('law.offence.revise')];
    const res = await legal.post('/api/law/offences', await hittingWithFine(500, 2000));
    expect(res.status).toBe(200);
    expect(await rowsOf('殴打他人')).toBe(rowsBefore + 1);
    const [current] = await t.database.db
      .select({ n: count() })
      .from(offenceVersions)
      .where(
        and(
          eq(offenceVersions.name, '殴打他人'),
          eq(offenceVersions.version, V2025),
          isNotNull(offenceVersions.supersededAt),
        ),
      );
    expect(current!.n).toBeGreaterThanOrEqual(1);
    expect(await auditCount('law.offence.revise')).toBe(auditedBefore + 1);
    expect((await read(await hitting('2026-03-01', 1800))).lawful).toBe(true);
    const over = await read(await hitting('2026-03-01', 2100));
    expect(over.violations.map((v: { rule: string }) => v.rule)).toEqual(['penalty_out_of_range']);
  });

  it('a lower bound above the upper one is refused (400) naming the bound, in the caller’s language; nothing changes', async () => {
    const rowsBefore = await rowsOf('殴打他人');
    const bad = await hittingWithFine(2500, 2000);
    const res = await legal.post('/api/law/offences', bad);
    expect(res.status).toBe(400);
    const body = await read(res);
    expect(body.error.fields['tiers.1.schemes.0.required.1.min']).toBe(
      '一般情节·方案1·必处·罚款：下限（2500）不能大于上限（2000）',
    );
    legal.language = 'en-US';
    const en = await read(await legal.post('/api/law/offences', bad));
    legal.language = 'zh-CN';
    expect(en.error.fields['tiers.1.schemes.0.required.1.min']).toBe(
      'ordinary, alternative 1, mandatory fine: the minimum (2500) cannot be above the maximum (2000)',
    );
    // detention beyond 20 days and a scheme with no mandatory penalty are named too
    const tooLong = await hittingWithFine(500, 1000);
    tooLong.tiers[1]!.schemes[0]!.required[0] = { type: 'detention', min: 5, max: 30 };
    expect((await read(await legal.post('/api/law/offences', tooLong))).error.fields).toEqual({
      'tiers.1.schemes.0.required.0.max': '一般情节·方案1·必处·行政拘留：行政拘留不能超过 20 日',
    });
    const none = await hittingWithFine(500, 1000);
    none.tiers[1]!.schemes[0]!.required = [];
    const noneRes = await legal.post('/api/law/offences', none);
    expect(noneRes.status).toBe(400);
    expect((await read(noneRes)).error.fields['tiers.1.schemes.0.required']).toBe(
      '每个方案至少需要一项“必处”处罚',
    );
    expect(await rowsOf('殴打他人')).toBe(rowsBefore);
  });

  it('an officer without 维护法律法规库 may neither revise an offence nor add a version (403)', async () => {
    expect((await officer.post('/api/law/offences', await hittingWithFine(500, 1000))).status).toBe(403);
    expect(
      (
        await officer.post('/api/law/versions', {
          law: '治安管理处罚法',
          title: '无权新增',
          adoptedOn: '2026-06-01',
          effectiveFrom: '2027-01-01',
          source: '—',
        })
      ).status,
    ).toBe(403);
  });
});

describe('adding a law version in the web app', () => {
  const body = {
    law: '治安管理处罚法',
    title: '中华人民共和国治安管理处罚法（测试修订）',
    adoptedOn: '2026-06-30',
    effectiveFrom: '2027-01-01',
    source: '测试文本',
    unconfirmed: true,
  };

  it('ends the version in force on its date (old row kept), copies its general rules, and is audited', async () => {
    const res = await legal.post('/api/law/versions', body);
    expect(res.status).toBe(200);
    expect(await read(res)).toMatchObject({ id: V2027, effectiveUntil: null, unconfirmed: true });
    const register = await read(await officer.get('/api/law/register'));
    const byId = (id: string) => register.laws.find((l: { id: string }) => l.id === id);
    expect(byId(V2025).effectiveUntil).toBe('2027-01-01');
    expect(byId(V2027).general).toEqual(byId(V2025).general);
    expect(register.offences.filter((o: Offence) => o.version === V2027)).toEqual([]);
    const rows = await t.database.db
      .select({ until: lawVersions.effectiveUntil, superseded: lawVersions.supersededAt })
      .from(lawVersions)
      .where(eq(lawVersions.id, V2025));
    expect(rows.map((r) => [r.until, r.superseded != null])).toEqual(
      expect.arrayContaining([
        ['2027-01-01', false],
        [null, true],
      ]),
    );
    expect(rows).toHaveLength(2);
    expect(await auditCount('law.version.add')).toBe(1);
  });

  it('an offence not yet entered in the new version is judged by the 2025 text, marked unconfirmed; once entered, by its own', async () => {
    const r = await read(await hitting('2027-02-01', 1800));
    expect(r.lawful).toBe(true);
    expect(r.applied[0]).toMatchObject({ version: V2025, unconfirmed: true });
    expect(r.notices.map((n: { rule: string }) => n.rule)).toContain('offence_not_entered');
    // the general rules copied with the version still apply (a 15-year-old: detention not executed, hearing)
    const minor = await read(await hitting('2027-02-01', 1800, { kind: 'person', birthDate: '2012-01-01' }));
    expect(minor.notices.map((n: { rule: string }) => n.rule)).toEqual(
      expect.arrayContaining(['detention_not_executed', 'hearing_right', 'offence_not_entered']),
    );
    const entered = { ...(await hittingWithFine(500, 1200)), version: V2027, article: '第五十一条第一款' };
    expect((await legal.post('/api/law/offences', entered)).status).toBe(200);
    const after = await read(await hitting('2027-02-01', 1800));
    // (still marked unconfirmed: the version itself was added as 未经核实)
    expect(after.applied[0]).toMatchObject({
      version: V2027,
      article: '第五十一条第一款',
      unconfirmed: true,
    });
    expect(after.lawful).toBe(false);
    expect(after.notices.map((n: { rule: string }) => n.rule)).not.toContain('offence_not_entered');
  });

  it('refuses, naming the field, a date not after the latest version, a duplicate, a missing title or source; nothing changes', async () => {
    const rowsBefore = (await t.database.db.select({ n: count() }).from(lawVersions))[0]!.n;
    const refused = async (patch: object) => {
      const res = await legal.post('/api/law/versions', { ...body, ...patch });
      expect(res.status).toBe(400);
      return (await read(res)).error.fields;
    };
    expect(await refused({})).toEqual({ effectiveFrom: `法律法规库中已有版本“${V2027}”` });
    expect(await refused({ effectiveFrom: '2026-12-31' })).toEqual({
      effectiveFrom: `施行日期须晚于现行最新版本“${V2027}”的施行日期（2027-01-01）`,
    });
    expect(await refused({ title: ' ', source: '' })).toEqual({ title: '必填', source: '必填' });
    expect(await refused({ effectiveFrom: '2028-01-01', adoptedOn: '2028-02-01' })).toEqual({
      adoptedOn: '通过日期不能晚于施行日期',
    });
    legal.language = 'en-US';
    const en = await read(await legal.post('/api/law/versions', { ...body, effectiveFrom: '2026-12-31' }));
    legal.language = 'zh-CN';
    expect(en.error.fields.effectiveFrom).toBe(
      `The version must come into force after the latest version "${V2027}" (2027-01-01)`,
    );
    expect((await t.database.db.select({ n: count() }).from(lawVersions))[0]!.n).toBe(rowsBefore);
    expect(await auditCount('law.version.add')).toBe(1);
  });
});
