/**
 * A new year's report starts from the year before, and the paragraphs that tell another year's
 * events are flagged until the author rewrites them or confirms them (确认仍属实, audited): the
 * report cannot be signed (成文日期) while one is open.
 */
import type { AnnualReportResponse, DatedFlag, PreviewResponse } from '@fazhi/common';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualReports, auditLog } from '../../../db/schema/index.ts';
import { read, type TestApp, type TestClient, testApp } from '../../../test-support/test-app.ts';

let t: TestApp;
let legal: TestClient;
let head: TestClient;
const url = (year: number, tail = '') => `/api/reports/annual/${year}${tail}`;

async function report(year: number): Promise<AnnualReportResponse> {
  const res = await legal.get(url(year));
  expect(res.status).toBe(200);
  return read(res);
}

const save = (r: AnnualReportResponse, patch: Partial<AnnualReportResponse> = {}) =>
  legal.put(url(r.year), {
    version: r.version,
    title: r.title,
    blocks: r.blocks,
    signature: r.signature,
    signedOn: r.signedOn,
    ...patch,
  });

const confirm = (client: TestClient, r: AnnualReportResponse, f: DatedFlag, version = r.version) =>
  client.post(url(r.year, '/confirmations'), { version, blockId: f.blockId, field: f.field, text: f.text });

const spans = (flags: DatedFlag[]) =>
  flags.map((f) => `${f.blockId}:${f.spans.map((s) => s.text).join('、')}`);

beforeAll(async () => {
  t = await testApp();
  legal = await t.signIn('legal');
  head = await t.signIn('head');
}, 180_000);
afterAll(() => t?.close());

describe('the first report: the reference template, flagged where it tells other years', () => {
  it('flags the 2020 COVID command, the 2016 centre, the 2017 amendment and 决战脱贫攻坚 — nothing else', async () => {
    const r = await report(2021);
    expect(r.source).toBeNull();
    expect(r.signedOn).toBeNull();
    expect(spans(r.flags)).toEqual([
      'b004:2020年1月23日、2020年',
      'b016:2016年',
      'b025:2017年6月27日',
      'b027:决战脱贫攻坚',
    ]);
    expect(r.flags.every((f) => f.confirmed === null)).toBe(true);
    const p = (await read(await legal.get(url(2021, '/preview')))) as PreviewResponse;
    expect(spans(p.flags)).toEqual(spans(r.flags));
  });

  it('refuses a signing date while a flag is open, naming 成文日期', async () => {
    const r = await report(2021);
    const res = await save(r, { signedOn: '2022-01-10' });
    expect(res.status).toBe(400);
    const body = (await read(res)) as { error: { fields: Record<string, string> } };
    expect(body.error.fields.signedOn).toContain('4 段描述其他年度的事件');
    expect((await report(2021)).version).toBe(0);
  });

  it('confirms a flagged paragraph as a new version, audited; only report.manage, only the current version', async () => {
    let r = await report(2021);
    r = await read(await save(r));
    expect(r.version).toBe(1);
    // Nothing to confirm before the first save, on a stale version, for the head, or unflagged.
    const f = r.flags[0]!;
    expect((await confirm(head, r, f)).status).toBe(403);
    expect((await confirm(legal, r, f, 0)).status).toBe(409);
    const plain = { ...f, blockId: r.blocks[0]!.id, field: 'text' as const, text: r.blocks[0]!.text };
    const notFlagged = await confirm(legal, r, plain);
    expect(notFlagged.status).toBe(400);
    expect(
      ((await read(notFlagged)) as { error: { fields: Record<string, string> } }).error.fields.text,
    ).toContain('未被标记');

    const res = await confirm(legal, r, f);
    expect(res.status).toBe(200);
    r = await read(res);
    expect(r.version).toBe(2);
    expect(r.flags[0]!.confirmed?.by).toBeTruthy();
    expect(r.flags.slice(1).every((x) => x.confirmed === null)).toBe(true);
    expect((await confirm(legal, r, r.flags[0]!)).status).toBe(400);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'report.annual.confirm'), eq(auditLog.targetType, 'annual_report')));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.summary).toMatchObject({
      year: 2021,
      version: 2,
      blockId: 'b004',
      spans: ['2020年1月23日', '2020年'],
    });
  });

  it('keeps a confirmation through saves of other paragraphs, drops it when its paragraph is edited', async () => {
    let r = await report(2021);
    const edited = r.blocks.map((b) => (b.id === 'b001' ? { ...b, text: `${b.text}（送审稿）` } : b));
    r = await read(await save(r, { blocks: edited }));
    expect(r.flags.find((f) => f.blockId === 'b004')!.confirmed).not.toBeNull();
    // A client cannot confirm by sending a confirmation with its save.
    const forged = r.blocks.map((b) =>
      b.id === 'b016' ? { ...b, confirmed: [{ text: r.flags[1]!.text, by: '某人', at: '2022-01-01' }] } : b,
    );
    r = await read(await save(r, { blocks: forged }));
    expect(r.flags.find((f) => f.blockId === 'b016')!.confirmed).toBeNull();

    const reworded = r.blocks.map((b) =>
      b.id === 'b004' ? { ...b, text: b.text.replace('迄今运行状况良好', '运行至今状况良好') } : b,
    );
    r = await read(await save(r, { blocks: reworded }));
    expect(r.flags.find((f) => f.blockId === 'b004')!.confirmed).toBeNull();
  });

  it('signs once every flag is rewritten or confirmed', async () => {
    let r = await report(2021);
    // Rewritten: the 2016 sentence now states a standing arrangement.
    const rewritten = r.blocks.map((b) =>
      b.id === 'b016'
        ? { ...b, text: b.text.replace('2016年，分局成立案件管理中心', '分局自2016年起设立案件管理中心') }
        : b,
    );
    r = await read(await save(r, { blocks: rewritten }));
    for (const f of r.flags.filter((x) => !x.confirmed)) r = await read(await confirm(legal, r, f));
    expect(r.flags.map((f) => f.blockId)).toEqual(['b004', 'b025', 'b027']);
    const res = await save(r, { signedOn: '2022-01-10' });
    expect(res.status).toBe(200);
    expect(((await read(res)) as AnnualReportResponse).signedOn).toBe('2022-01-10');
    const [signed] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'report.annual.save'))
      .orderBy(auditLog.id)
      .then((rows) => rows.slice(-1));
    expect(signed!.summary).toMatchObject({ year: 2021, signedOn: '2022-01-10' });
  });
});

describe('a new year starts from the year before', () => {
  it("takes 2021's current text with its years rebound, and flags what 2021's events it carries", async () => {
    const r2021 = await report(2021);
    const r = await report(2022);
    expect(r.saved).toBe(false);
    expect(r.signedOn).toBeNull();
    expect(r.source).toMatchObject({ year: 2021, kind: 'report' });
    // 2021's own wording (its edits), not the template's.
    expect(r.blocks.find((b) => b.id === 'b001')!.text).toBe(r2021.blocks.find((b) => b.id === 'b001')!.text);
    expect(r.blocks.some((b) => b.confirmed)).toBe(false);
    const b004 = r.flags.find((f) => f.blockId === 'b004')!;
    expect(b004.carriedFrom).toBe(2021);
    expect(b004.spans.map((s) => s.text)).toEqual(
      expect.arrayContaining(['2020年1月23日', '7月24日', '8月11日21时']),
    );
    expect(b004.confirmed).toBeNull();
    expect(spans(r.flags)).toEqual(
      expect.arrayContaining([
        'b005:建党100周年、“6·21”、“6·24”、大庆安保',
        'b006:2021年3月11日',
        'b020:2021年11月10日',
      ]),
    );
    const p = (await read(await legal.get(url(2022, '/preview')))) as PreviewResponse;
    expect(p.title).toBe('渝州区公安分局2022年法治政府建设年度报告');
    expect(spans(p.flags)).toEqual(spans(r.flags));
  });

  it('rebinds years written as text: the report year, the next, and the base of a comparison', async () => {
    let r = await report(2022);
    const blocks = r.blocks.map((b) =>
      b.id === 'b001'
        ? { ...b, text: '2022年，分局行政处罚人数较2021年上升。2022年5月，分局召开执法规范化推进会。' }
        : b,
    );
    r = await read(await save(r, { blocks }));
    const next = await report(2023);
    expect(next.source).toMatchObject({ year: 2022, kind: 'report' });
    expect(next.blocks.find((b) => b.id === 'b001')!.text).toBe(
      '{{report.year}}年，分局行政处罚人数较{{report.prev_year}}年上升。2022年5月，分局召开执法规范化推进会。',
    );
    expect(spans(next.flags)).toContain('b001:2022年5月');
  });

  it('a signed report that has come to hold open flags can still have them confirmed one by one', async () => {
    // As when the year before is edited after signing: 2022 is dated while its flags are open.
    await t.database.db
      .update(annualReports)
      .set({ signedOn: '2023-01-10' })
      .where(eq(annualReports.year, 2022));
    let r = await report(2022);
    const open = r.flags.filter((f) => !f.confirmed);
    expect(open.length).toBeGreaterThan(1);
    r = await read(await confirm(legal, r, open[0]!));
    expect(r.signedOn).toBe('2023-01-10');
    expect(r.flags.filter((f) => !f.confirmed)).toHaveLength(open.length - 1);
    // Any other save keeps the rule: rewrite or confirm the rest, or take the date off.
    expect((await save(r)).status).toBe(400);
    r = await read(await save(r, { signedOn: null }));
    expect(r.signedOn).toBeNull();
  });

  it('restoring a version brings back the confirmations it had', async () => {
    let r = await report(2022);
    const f = r.flags.find((x) => x.blockId === 'b020')!;
    r = await read(await confirm(legal, r, f));
    const confirmedVersion = r.version;
    const edited = r.blocks.map((b) => (b.id === 'b020' ? { ...b, text: '分局深化执法规范化建设。' } : b));
    r = await read(await save(r, { blocks: edited }));
    expect(r.flags.find((x) => x.blockId === 'b020')).toBeUndefined();
    r = await read(
      await legal.post(url(2022, `/versions/${confirmedVersion}/restore`), { version: r.version }),
    );
    expect(r.flags.find((x) => x.blockId === 'b020')!.confirmed).not.toBeNull();
  });
});
