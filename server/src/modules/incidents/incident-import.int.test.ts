import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/index.ts';
import { AppError } from '../../http/errors.ts';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';
import { importIncidentRecords } from './import/load-rows.ts';

let t: TestApp;
let command: TestClient;
let legal: TestClient;
let officer: TestClient;

const HEADER = [
  '接警单编号',
  '报警时间',
  '报警人',
  '联系电话',
  '警情类别',
  '事发地点',
  '报警内容',
  '处警单位',
  '处理结果',
  '专项标签',
];
const MAPPING = {
  sourceId: '接警单编号',
  receivedAt: '报警时间',
  callerName: '报警人',
  callerPhone: '联系电话',
  category: '警情类别',
  place: '事发地点',
  narrative: '报警内容',
  unit: '处警单位',
  disposal: '处理结果',
  tags: '专项标签',
};
const row = (id: string, over: Partial<Record<(typeof HEADER)[number], string>> = {}) => {
  const base: Record<string, string> = {
    接警单编号: id,
    报警时间: '2021-06-01 10:15:00',
    报警人: '李四',
    联系电话: '13900001111',
    警情类别: '诈骗',
    事发地点: '渝州区龙溪街道红锦大道',
    报警内容: `报警人称接到冒充客服电话被骗，编号${id}`,
    处警单位: 'PS-01',
    处理结果: '现场处置',
    专项标签: '反诈',
  };
  return HEADER.map((h) => over[h] ?? base[h]!);
};
const csv = (lines: string[][]) =>
  `\uFEFF${[HEADER, ...lines].map((l) => l.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n')}\r\n`;

const count = async () =>
  Number((await rows<{ n: string }>(t.database.db, sql`select count(*) as n from incidents`))[0]!.n);

function form(content: string | Uint8Array, name: string, mapping?: object) {
  const f = new FormData();
  f.append('file', new Blob([content] as ConstructorParameters<typeof Blob>[0]), name);
  if (mapping) f.append('mapping', JSON.stringify(mapping));
  return f;
}

/** Polls the job until it ends, recording the states seen on the way. */
async function finish(client: TestClient, jobId: string) {
  const seen: string[] = [];
  for (let i = 0; i < 500; i++) {
    const res = await client.get(`/api/incidents/imports/${jobId}`);
    expect(res.status).toBe(200);
    const job = await read(res);
    if (seen.at(-1) !== job.status) seen.push(job.status);
    if (job.status === 'done' || job.status === 'failed') return { job, seen };
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('import did not finish');
}

async function importFile(client: TestClient, content: string | Uint8Array, name: string, mapping = MAPPING) {
  const res = await client.post('/api/incidents/imports', form(content, name, mapping));
  expect(res.status).toBe(200);
  return finish(client, (await read(res)).jobId);
}

beforeAll(async () => {
  t = await testApp();
  command = await t.signIn('command');
  legal = await t.signIn('legal');
  officer = await t.signIn('officer');
});
afterAll(() => t.close());

describe('importing a 110 export', () => {
  it('answers the columns of an upload with sample rows and a proposed mapping', async () => {
    const res = await command.post('/api/incidents/imports/columns', form(csv([row('C-1')]), 'export.csv'));
    expect(res.status).toBe(200);
    const body = await read(res);
    expect(body.columns).toEqual(HEADER);
    expect(body.sample[0][0]).toBe('C-1');
    expect(body.suggested).toMatchObject(MAPPING);
  });

  it('imports a good CSV with numbers assigned, progress reaching done, and an audit record', async () => {
    const before = await count();
    const lines = [
      row('A-1'),
      row('A-2', { 报警内容: '多行\n内容，含"引号"' }),
      row('A-3', { 处理结果: '' }),
    ];
    const { job, seen } = await importFile(command, csv(lines), '110导出.csv');
    expect(job).toMatchObject({ status: 'done', processed: 3, total: 3, imported: 3 });
    expect(seen.at(-1)).toBe('done');
    expect(job.firstNo).toMatch(/^J2021\d{6}$/);
    expect(await count()).toBe(before + 3);
    const list = await read(await command.get(`/api/incidents?q=${encodeURIComponent('多行')}`));
    expect(list.items[0]).toMatchObject({
      sourceId: 'A-2',
      narrative: '多行\n内容，含"引号"',
      categoryCode: 'XS-ZP',
      disposal: 'handled_on_scene',
      tags: ['反诈'],
      callerPhone: '139****1111',
      receivedAt: '2021-06-01T02:15:00.000Z',
    });
    const audits = await rows<{ outcome: string; summary: { imported: number; fileName: string } }>(
      t.database.db,
      sql`select outcome, summary from audit_log where action = 'incident.import' order by id`,
    );
    expect(audits.at(-1)).toMatchObject({
      outcome: 'success',
      summary: { imported: 3, fileName: '110导出.csv' },
    });
  });

  it('imports a good .xlsx, dates typed as dates included', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('警情');
    ws.addRow(HEADER);
    ws.addRow(row('X-1'));
    const r = row('X-2');
    ws.addRow([r[0], new Date(Date.UTC(2021, 6, 2, 9, 5, 0)), ...r.slice(2)]);
    const data = new Uint8Array(await wb.xlsx.writeBuffer());
    const { job } = await importFile(command, data, 'export.xlsx');
    expect(job).toMatchObject({ status: 'done', imported: 2 });
    const x2 = await read(await command.get('/api/incidents?q=X-2'));
    expect(x2.items[0].receivedAt).toBe('2021-07-02T01:05:00.000Z'); // 09:05 China time
  });

  it('reports progress while a larger file is validated and loaded', async () => {
    const lines = Array.from({ length: 12_000 }, (_, i) => row(`L-${i}`));
    const res = await command.post('/api/incidents/imports', form(csv(lines), 'large.csv', MAPPING));
    const { jobId } = await read(res);
    const { job, seen } = await finish(command, jobId);
    expect(job).toMatchObject({ status: 'done', processed: 12_000, total: 12_000, imported: 12_000 });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe('done');
  });

  it('refuses a file with one bad row by row number, importing nothing', async () => {
    const before = await count();
    const lines = [row('B-1'), row('B-2', { 联系电话: '12345', 警情类别: '不存在的类别' }), row('B-3')];
    const { job } = await importFile(command, csv(lines), 'bad.csv');
    expect(job).toMatchObject({ status: 'failed', code: 'IMPORT_INVALID', errorCount: 2 });
    expect(job.errors).toEqual([
      { row: 3, column: '联系电话', message: '电话号码格式不正确' },
      { row: 3, column: '警情类别', message: '警情类别不存在或已停用' },
    ]);
    expect(await count()).toBe(before);
  });

  it('reports the refusal as IMPORT_INVALID (422) from the service too', async () => {
    const err = await importIncidentRecords(t.database.db, t.orgId, [
      { row: 2, values: { sourceId: 'Z-1', receivedAt: 'yesterday' } },
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(422);
    expect((err as AppError).rows.map((r) => `${r.row}:${r.column}:${r.key}`)).toEqual([
      '2:category:required',
      '2:place:required',
      '2:narrative:required',
      '2:unit:required',
      '2:receivedAt:datetime',
    ]);
  });

  it('refuses duplicates: a source id already recorded, or twice in the file', async () => {
    const before = await count();
    const again = await importFile(command, csv([row('A-1'), row('D-1')]), 'again.csv');
    expect(again.job.errors).toEqual([{ row: 2, column: '接警单编号', message: '该接警单编号已录入' }]);
    const twice = await importFile(command, csv([row('D-2'), row('D-3'), row('D-2')]), 'twice.csv');
    expect(twice.job.errors).toEqual([
      { row: 4, column: '接警单编号', message: '与第 2 行的接警单编号重复' },
    ]);
    expect(await count()).toBe(before);
  });

  it('refuses units outside the importer’s scope', async () => {
    const { job } = await importFile(command, csv([row('U-1', { 处警单位: 'NO-SUCH-UNIT' })]), 'u.csv');
    expect(job.errors).toEqual([{ row: 2, column: '处警单位', message: '单位不存在或不在您的管辖范围内' }]);
  });

  it('checks the mapping at once, naming the field', async () => {
    const { sourceId: _, ...partial } = MAPPING;
    const res = await command.post('/api/incidents/imports', form(csv([row('M-1')]), 'm.csv', partial));
    expect(res.status).toBe(400);
    expect((await read(res)).error.fields).toEqual({ 'mapping.sourceId': '必填' });
    const res2 = await command.post(
      '/api/incidents/imports',
      form(csv([row('M-1')]), 'm.csv', { ...MAPPING, place: '地址' }),
    );
    expect((await read(res2)).error.fields).toEqual({ 'mapping.place': '文件中没有列“地址”' });
  });

  it('lets only importers start imports, and only the starter follow one', async () => {
    const res = await officer.post('/api/incidents/imports', form(csv([row('P-1')]), 'p.csv', MAPPING));
    expect(res.status).toBe(403);
    const started = await read(
      await legal.post('/api/incidents/imports', form(csv([row('P-2')]), 'p.csv', MAPPING)),
    );
    expect((await command.get(`/api/incidents/imports/${started.jobId}`)).status).toBe(404);
    expect((await finish(legal, started.jobId)).job.status).toBe('done');
  });

  it('offers an .xlsx template whose headers map without asking', async () => {
    const res = await command.get('/api/incidents/import-template');
    expect(res.status).toBe(200);
    const data = new Uint8Array(await res.arrayBuffer());
    const cols = await read(
      await command.post('/api/incidents/imports/columns', form(data, 'template.xlsx')),
    );
    expect(Object.keys(cols.suggested)).toHaveLength(15);
    const { job } = await importFile(command, data, 'template.xlsx', cols.suggested);
    expect(job).toMatchObject({ status: 'done', imported: 1 });
  });
});
