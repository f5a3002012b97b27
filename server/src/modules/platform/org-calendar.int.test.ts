import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await testApp();
  admin = await t.signIn('admin');
});
afterAll(() => t.close());

async function xlsx(rows: (string | number)[][]): Promise<FormData> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('s');
  for (const r of rows) ws.addRow(r);
  const form = new FormData();
  form.append('file', new File([new Uint8Array(await wb.xlsx.writeBuffer())], 'import.xlsx'));
  return form;
}

const OFFICER_HEADER = [
  '警号',
  '姓名',
  '用户名',
  '所属单位代码',
  '角色',
  '执法资格等级',
  '资格取得日期',
  '法律职业资格',
  '法制员',
  '法制员任命日期',
  '联系电话',
  '初始密码',
];

describe('Excel import', () => {
  it('imports units and officers when every row is valid', async () => {
    const units = await xlsx([
      ['单位代码', '单位名称', '上级单位代码', '单位类型', '执法办案部门'],
      ['PS-21', '新区派出所', 'BRANCH', '派出所', '是'],
      ['PS-21-A1', '新区派出所第一警务区', 'PS-21', '警务区', '否'],
    ]);
    expect(await admin.json(admin.post('/api/units/import', units))).toEqual({ imported: 2 });
    const officers = await xlsx([
      OFFICER_HEADER,
      [
        '600001',
        '钱多多',
        'qianduoduo',
        'PS-21',
        '办案民警',
        '中级',
        '2021-05-01',
        '否',
        '否',
        '',
        '13800138000',
        'Init@2026x',
      ],
      [
        '600002',
        '孙小美',
        'sunxiaomei',
        'PS-21-A1',
        '法制员',
        '高级',
        '2019-01-10',
        '是',
        '是',
        '2020-01-01',
        '',
        'Init@2026y',
      ],
    ]);
    expect(await admin.json(admin.post('/api/officers/import', officers))).toEqual({ imported: 2 });
    const list = await admin.json<{ items: { name: string; roles: string[]; qualificationLevel: string }[] }>(
      admin.get('/api/officers?q=孙小美'),
    );
    expect(list.items[0]).toMatchObject({
      roles: ['unit_legal'],
      qualificationLevel: 'advanced',
      legalOfficer: true,
    });
    // An imported officer must change the initial password at first sign-in (after enrolling a
    // second factor: a case officer reads case data).
    const c = await t.signIn('qianduoduo', 'Init@2026x');
    const me = await c.json<{ user: { passwordExpired: boolean; mustChangePassword: boolean } }>(
      c.get('/api/auth/me'),
    );
    expect(me.user).toMatchObject({ passwordExpired: true, mustChangePassword: true });
    expect((await read(await c.get('/api/tasks'))).error.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('imports nothing and reports every bad row by number when one row is invalid', async () => {
    const before = (await admin.json<{ total: number }>(admin.get('/api/officers'))).total;
    const file = await xlsx([
      OFFICER_HEADER,
      [
        '600011',
        '好人',
        'goodrow',
        'PS-01',
        '办案民警',
        '基本级',
        '2021-05-01',
        '否',
        '否',
        '',
        '',
        'Init@2026x',
      ],
      ['60001X', '坏人', 'bad row', 'NOPE', '厨师', '特级', '2021-13-45', '也许', '否', '', '12345', 'weak'],
      ['600001', '重复', 'qianduoduo', 'PS-01', '', '', '', '', '', '', '', 'Init@2026x'],
    ]);
    const res = await admin.post('/api/officers/import', file);
    expect(res.status).toBe(422);
    const { error } = await read(res);
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.message).toBe('导入文件有错误，未导入任何数据');
    const row3 = error.rows
      .filter((r: { row: number }) => r.row === 3)
      .map((r: { column: string }) => r.column);
    expect(row3).toEqual(
      expect.arrayContaining([
        '警号',
        '用户名',
        '角色',
        '执法资格等级',
        '资格取得日期',
        '法律职业资格',
        '联系电话',
      ]),
    );
    expect((await admin.json<{ total: number }>(admin.get('/api/officers'))).total).toBe(before);
  });

  it('reports the missing columns of a wrong file', async () => {
    const res = await admin.post('/api/units/import', await xlsx([['名称'], ['x']]));
    expect(res.status).toBe(400);
    expect((await read(res)).error.fields.file).toContain('单位代码');
  });
});

describe('working-day calendar', () => {
  it('answers due dates on working days and calendar days', async () => {
    const c = t.client();
    const due = (q: string) => c.json(c.get(`/api/calendar/deadline?${q}`));
    expect(await due('from=2021-09-28&workdays=20')).toEqual({ due: '2021-11-01', provisional: false });
    // 3 calendar days from 2021-09-28 end on 10-01, a holiday: rolled to 10-08 — unless custody.
    expect(await due('from=2021-09-28&days=3')).toEqual({ due: '2021-10-08', provisional: false });
    expect(await due('from=2021-09-28&days=3&custody=true')).toEqual({
      due: '2021-10-01',
      provisional: false,
    });
  });

  it('counts a year without a notice on the statutory holidays, marked provisional', async () => {
    const c = t.client();
    const due = (q: string) => c.json(c.get(`/api/calendar/deadline?${q}`));
    // 2027's notice is not loaded: 元旦 2027-01-01 is off, 01-02/03 a weekend, no 调休 assumed.
    expect(await due('from=2026-12-28&workdays=5')).toEqual({ due: '2027-01-05', provisional: true });
    // 除夕 to 初三 (2027-02-05 … 02-08) under the 2025 rules; 02-08 is a Monday.
    expect(await due('from=2027-02-04&workdays=1')).toEqual({ due: '2027-02-09', provisional: true });
    // A count that stays inside loaded years is not provisional, even when it starts near one.
    expect(await due('from=2026-12-01&workdays=5')).toEqual({ due: '2026-12-08', provisional: false });
    // A custody end never depends on the calendar.
    expect(await due('from=2026-12-28&days=5&custody=true')).toEqual({
      due: '2027-01-02',
      provisional: false,
    });
  });

  it('refuses only a date no calendar covers, naming the field without showing its code', async () => {
    const c = t.client();
    const res = await c.get('/api/calendar/deadline?from=1999-03-01&workdays=5');
    expect(res.status).toBe(400);
    const { error } = await read(res);
    expect(error.code).toBe('VALIDATION');
    expect(error.fields.from).toContain('2000');
    expect(error.message).not.toContain('from');
  });

  it('lets the administrator load the next year from a form and from Excel, audited', async () => {
    const years = await admin.json<{ items: { year: number }[] }>(admin.get('/api/calendar/years'));
    expect(years.items.map((y) => y.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    const form = {
      year: 2027,
      source: '国办发明电〔2026〕X号',
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-01-02', kind: 'holiday', name: '元旦' },
        { date: '2027-01-03', kind: 'holiday', name: '元旦' },
      ],
    };
    expect(
      (
        await admin.post('/api/calendar/years', {
          ...form,
          days: [{ date: '2028-01-01', kind: 'holiday', name: '元旦' }],
        })
      ).status,
    ).toBe(400);
    expect((await admin.post('/api/calendar/years', form)).status).toBe(200);
    const c = t.client();
    expect(await c.json(c.get('/api/calendar/deadline?from=2026-12-31&workdays=1'))).toEqual({
      due: '2027-01-04',
      provisional: false,
    });
    const file = await xlsx([
      ['日期', '类型', '名称'],
      ['2027-01-01', '休', '元旦'],
      ['2027-02-06', '班', '春节'],
    ]);
    file.append('year', '2027');
    file.append('source', '国办发明电〔2026〕Y号');
    expect(await admin.json(admin.post('/api/calendar/import', file))).toMatchObject({
      year: 2027,
      imported: 2,
    });
    const days = await admin.json<{ items: unknown[] }>(admin.get('/api/calendar/days?year=2027'));
    expect(days.items).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-06', kind: 'workday', name: '春节' },
    ]);
    const officer = await t.signIn('officer');
    expect((await officer.post('/api/calendar/years', form)).status).toBe(403);
  });
});
