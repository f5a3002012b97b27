import { addDays, chinaToday, METRICS } from '@fazhi/common';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema/index.ts';
import { read, type TestApp, type TestClient } from '../../../test-support/test-app.ts';
import { submissionsTestApp } from './test-setup.ts';

/**
 * 数据填报 beyond the web form: filling it in Excel (template download, all-or-nothing import with
 * row errors) and removing an attachment while the department may still change the form.
 */

let t: TestApp;
let legal: TestClient;
let command: TestClient;
let unithead: TestClient;
let unitlegal: TestClient;
let inspector: TestClient;
const today = chinaToday();
/** The metrics 指挥中心 owes, from the catalogue, in form order. */
const zhMetrics = METRICS.filter(
  (m) => m.source.kind === 'submitted' && m.source.ownerUnitCode === 'OFFICE-ZH',
);
const percent = zhMetrics.find((m) => m.unit === '%')!;
const plain = zhMetrics.filter((m) => m.unit !== '%');
const foreign = METRICS.find((m) => m.source.kind === 'submitted' && m.source.ownerUnitCode === 'DET-WA')!;
let formId = 0;

async function form(c: TestClient = command) {
  return read(await c.get(`/api/reports/submissions/${formId}`));
}

async function template(c: TestClient = command) {
  const res = await c.get(`/api/reports/submissions/${formId}/template`);
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return { wb, sheet: wb.worksheets[0]!, res };
}

/** The row of a metric in the template (column A holds the metric id). */
function rowOf(sheet: ExcelJS.Worksheet, metricId: string): ExcelJS.Row {
  for (let r = 1; r <= sheet.rowCount; r++)
    if (sheet.getRow(r).getCell(1).value === metricId) return sheet.getRow(r);
  throw new Error(`no row for ${metricId}`);
}

async function upload(wb: ExcelJS.Workbook, version: number, c: TestClient = command) {
  const fd = new FormData();
  const data = new Uint8Array(await wb.xlsx.writeBuffer());
  fd.append('file', new File([data], '填报.xlsx'));
  fd.append('version', String(version));
  return c.post(`/api/reports/submissions/${formId}/import`, fd);
}

const del = (c: TestClient, fileId: number, version: number) =>
  c.request('DELETE', `/api/reports/submissions/${formId}/files/${fileId}?version=${version}`);

async function attach(name: string, text: string) {
  const fd = new FormData();
  fd.append('files', new File([new TextEncoder().encode(text)], name, { type: 'text/plain' }));
  const res = await command.post(`/api/reports/submissions/${formId}/files`, fd);
  expect(res.status).toBe(200);
  return read(res);
}

beforeAll(async () => {
  t = await submissionsTestApp();
  legal = await t.signIn('legal');
  command = await t.signIn('command');
  unithead = await t.signIn('unithead');
  unitlegal = await t.signIn('unitlegal');
  inspector = await t.signIn('inspector');
  const round = await read(
    await legal.post('/api/reports/collections', {
      title: '2026年度法治政府建设数据填报',
      period: '2026',
      dueOn: addDays(today, 10),
    }),
  );
  formId = round.forms.find((f: { unitCode: string }) => f.unitCode === 'OFFICE-ZH').submissionId;
}, 120_000);
afterAll(() => t?.close());

describe('数据填报 in Excel', () => {
  it('downloads the form as a template with instructions, the metrics and the saved values', async () => {
    expect(percent).toBeDefined();
    const f = await form();
    const first = plain[0]!;
    const saved = await command.put(`/api/reports/submissions/${formId}`, {
      version: f.version,
      values: { [first.id]: { value: 7, note: '来自警情系统' } },
    });
    expect(saved.status).toBe(200);
    const { sheet, res } = await template();
    expect(decodeURIComponent(res.headers.get('Content-Disposition') ?? '')).toContain('指挥中心-2026');
    expect(String(sheet.getCell('A1').value)).toContain('填报说明');
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '指标编号',
      '指标名称',
      '计量单位',
      '统计口径',
      '数值',
      '说明',
    ]);
    const ids = [];
    for (let r = 3; r <= sheet.rowCount; r++) ids.push(sheet.getRow(r).getCell(1).value);
    expect(ids).toEqual(zhMetrics.map((m) => m.id));
    const row = rowOf(sheet, first.id);
    expect(row.getCell(2).value).toBe(first.nameZh);
    expect(row.getCell(4).value).toBe(first.definition);
    expect(row.getCell(5).value).toBe(7);
    expect(row.getCell(6).value).toBe('来自警情系统');
    expect(rowOf(sheet, plain[1]!.id).getCell(5).value).toBeNull();
    // In English the headers and names are English.
    command.language = 'en-US';
    const en = await template();
    command.language = 'zh-CN';
    expect(en.sheet.getRow(2).getCell(1).value).toBe('Metric ID');
    expect(rowOf(en.sheet, first.id).getCell(2).value).toBe(first.nameEn);
  });

  it('refuses a workbook with bad rows, naming row and metric, and changes nothing', async () => {
    const before = await form();
    const { wb, sheet } = await template();
    // Fill every row well, then spoil some.
    zhMetrics.forEach((m, i) => {
      rowOf(sheet, m.id).getCell(5).value = m.unit === '%' ? 90 : i + 1;
    });
    const bad = {
      text: rowOf(sheet, plain[1]!.id),
      negative: rowOf(sheet, plain[2]!.id),
      percent: rowOf(sheet, percent.id),
    };
    bad.text.getCell(5).value = '十二';
    bad.negative.getCell(5).value = -3;
    bad.percent.getCell(5).value = 120;
    const unknown = sheet.addRow(['no.such.metric', '', '', '', 5, '']);
    const other = sheet.addRow([foreign.id, foreign.nameZh, foreign.unit, '', 5, '']);
    const res = await upload(wb, before.version);
    expect(res.status).toBe(422);
    const { error } = await read(res);
    expect(error.fields.file).toContain('5 处错误');
    const byRow = Object.fromEntries(
      error.rows.map((r: { row: number; message: string }) => [r.row, r.message]),
    );
    expect(
      Object.keys(byRow)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(
      [bad.text.number, bad.negative.number, bad.percent.number, unknown.number, other.number].sort(
        (a, b) => a - b,
      ),
    );
    expect(byRow[bad.text.number]).toContain(plain[1]!.nameZh);
    expect(byRow[bad.text.number]).toContain('十二');
    expect(byRow[bad.text.number]).toContain('不是数字');
    expect(byRow[bad.negative.number]).toContain(plain[2]!.nameZh);
    expect(byRow[bad.negative.number]).toContain('负数');
    expect(byRow[bad.percent.number]).toContain(percent.nameZh);
    expect(byRow[bad.percent.number]).toContain('0 到 100');
    expect(byRow[unknown.number]).toContain('no.such.metric');
    expect(byRow[unknown.number]).toContain('不在指标目录');
    expect(byRow[other.number]).toContain(foreign.nameZh);
    expect(byRow[other.number]).toContain('不属于本填报表');
    const after = await form();
    expect(after.version).toBe(before.version);
    expect(after.rows).toEqual(before.rows);

    // The same refusal in English names the metric by its English name.
    command.language = 'en-US';
    const enRes = await upload(wb, before.version);
    command.language = 'zh-CN';
    expect(enRes.status).toBe(422);
    const en = (await read(enRes)).error.rows.find((r: { row: number }) => r.row === bad.negative.number);
    expect(en.message).toContain(plain[2]!.nameEn);
    expect(en.message).toContain('negative');
    expect(en.column).toBe('Value');

    // Not a workbook at all.
    const fd = new FormData();
    fd.append('file', new File([new TextEncoder().encode('a,b')], 'x.csv'));
    fd.append('version', String(before.version));
    const notXlsx = await command.post(`/api/reports/submissions/${formId}/import`, fd);
    expect(notXlsx.status).toBe(400);
    expect((await read(notXlsx)).error.fields.file).toContain('.xlsx');
    expect((await form()).version).toBe(before.version);
  });

  it('imports a good workbook as one versioned, audited save the head can sign', async () => {
    const before = await form();
    const { wb, sheet } = await template();
    zhMetrics.forEach((m, i) => {
      const row = rowOf(sheet, m.id);
      row.getCell(5).value = m.unit === '%' ? 87.5 : 100 + i;
      row.getCell(6).value = `Excel 说明${i}`;
    });
    // A value typed as text with a thousands separator is a number too.
    rowOf(sheet, plain[0]!.id).getCell(5).value = '1,234';
    // Others cannot import into 指挥中心's form; a stale version is refused.
    expect((await upload(wb, before.version, unitlegal)).status).toBe(404);
    expect((await upload(wb, before.version, inspector)).status).toBe(404);
    expect((await upload(wb, before.version, legal)).status).toBe(403);
    expect((await upload(wb, before.version - 1)).status).toBe(409);
    expect((await form()).version).toBe(before.version);

    const res = await upload(wb, before.version);
    expect(res.status).toBe(200);
    const f = await read(res);
    expect(f.imported).toBe(zhMetrics.length);
    expect(f.version).toBe(before.version + 1);
    expect(f.status).toBe('draft');
    const value = (id: string) => f.rows.find((r: { metricId: string }) => r.metricId === id);
    expect(value(plain[0]!.id)).toMatchObject({ value: 1234, note: 'Excel 说明0' });
    expect(value(percent.id).value).toBe(87.5);
    expect(value(plain[1]!.id).value).toBe(100 + zhMetrics.indexOf(plain[1]!));
    expect(f.filledCount).toBe(zhMetrics.length);
    const audits = await t.database.db
      .select({ action: auditLog.action, summary: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'submission'), eq(auditLog.targetId, String(formId))));
    const imported = audits.filter((a) => a.action === 'report.submission.import');
    expect(imported).toHaveLength(1);
    expect(imported[0]!.summary).toMatchObject({ version: before.version + 1, file: '填报.xlsx' });
    // The imported form is complete: the head signs it.
    const signed = await unithead.post(`/api/reports/submissions/${formId}/sign`, { version: f.version });
    expect(signed.status).toBe(200);
    // A signed form takes no import.
    expect((await upload(wb, f.version + 1)).status).toBe(409);
  });
});

describe('removing an attachment', () => {
  it('works only on the department’s own editable form with the current version', async () => {
    // Reopen the form signed above.
    let f = await form();
    f = await read(
      await legal.post(`/api/reports/submissions/${formId}/return`, {
        version: f.version,
        reason: '补充附件',
      }),
    );
    expect(f.status).toBe('returned');
    f = await attach('旧表.txt', '旧表');
    f = await attach('新表.txt', '新表');
    const old = f.files.find((x: { fileName: string }) => x.fileName === '旧表.txt');
    expect((await del(command, old.id, f.version - 1)).status).toBe(409);
    expect((await del(unitlegal, old.id, f.version)).status).toBe(404);
    expect((await del(inspector, old.id, f.version)).status).toBe(404);
    expect((await del(legal, old.id, f.version)).status).toBe(403);
    expect((await form()).files).toHaveLength(2);

    const res = await del(command, old.id, f.version);
    expect(res.status).toBe(200);
    const after = await read(res);
    expect(after.files.map((x: { fileName: string }) => x.fileName)).toEqual(['新表.txt']);
    expect((await command.get(`/api/reports/submissions/${formId}/files/${old.id}`)).status).toBe(404);
    expect((await del(command, old.id, after.version)).status).toBe(404);
    const [audit] = await t.database.db
      .select({ summary: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'report.submission.detach'), eq(auditLog.targetId, String(formId))));
    expect(audit!.summary).toMatchObject({ fileId: old.id, fileName: '旧表.txt', sha256: old.sha256 });
  });

  it('keeps the attachments of a signed form', async () => {
    let f = await form();
    f = await read(
      await command.put(`/api/reports/submissions/${formId}`, { version: f.version, values: {} }),
    );
    f = await read(await unithead.post(`/api/reports/submissions/${formId}/sign`, { version: f.version }));
    expect(f.status).toBe('signed');
    expect(f.files).toHaveLength(1);
    const res = await del(command, f.files[0].id, f.version);
    expect(res.status).toBe(409);
    expect((await form()).files).toHaveLength(1);
    const dl = await command.get(`/api/reports/submissions/${formId}/files/${f.files[0].id}`);
    expect(await dl.text()).toBe('新表');
  });
});
