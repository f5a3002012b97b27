import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type AnnualReportResponse,
  chinaToday,
  type PreviewResponse,
  type PreviewSegment,
} from '@fazhi/common';
import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { annualReports, annualReportVersions, auditLog, incidents, units } from '../../../db/schema/index.ts';
import { seedDemoAnnualReports } from '../../../seed/demo-reports/annual.ts';
import { type TestApp, type TestClient, testApp } from '../../../test-support/test-app.ts';
import { reportCommand } from '../cli.ts';

let t: TestApp;
let legal: TestClient;
let head: TestClient;
let officer: TestClient;
let unitId = 0;
let seq = 0;
const YEAR = 2021;
const EPIDEMIC_110 = 'incidents.epidemic_110';

/** A 110 call tagged 涉疫 received in 2021: one more for incidents.epidemic_110. */
async function epidemicCall() {
  const n = ++seq;
  await t.database.db.insert(incidents).values({
    orgId: t.orgId,
    incidentNo: `J-ANNUAL-${n}`,
    source: '110',
    receivedAt: new Date(`${YEAR}-11-0${n}T09:00:00+08:00`),
    categoryCode: 'ZA-QT',
    place: '渝州区某街道',
    narrative: '涉疫情警情',
    unitId,
    tags: ['涉疫'],
  });
}

function figure(p: PreviewResponse, id: string): Extract<PreviewSegment, { metricId: string }> {
  for (const b of p.blocks)
    for (const para of b.paragraphs) for (const s of para) if ('metricId' in s && s.metricId === id) return s;
  throw new Error(`${id} not in the preview`);
}

async function preview(): Promise<PreviewResponse> {
  const res = await legal.get(`/api/reports/annual/${YEAR}/preview`);
  expect(res.status).toBe(200);
  return (await res.json()) as PreviewResponse;
}

const txtUpload = (name: string, text: string) => {
  const form = new FormData();
  form.append('file', new File([text], name, { type: 'text/plain' }));
  return form;
};

beforeAll(async () => {
  t = await testApp();
  unitId = (await t.database.db.select().from(units).where(eq(units.code, 'PS-01')))[0]!.id;
  legal = await t.signIn('legal');
  head = await t.signIn('head');
  officer = await t.signIn('officer');
}, 60_000);
afterAll(() => t?.close());

describe('annual report text', () => {
  it('starts from the default template; the head reads it, only the legal detachment writes', async () => {
    const res = await head.get(`/api/reports/annual/${YEAR}`);
    expect(res.status).toBe(200);
    const r = (await res.json()) as AnnualReportResponse;
    expect(r.version).toBe(0);
    expect(r.title).toBe('渝州区公安分局{{report.year}}年法治政府建设年度报告');
    expect(r.signature).toBe('渝州区公安分局');
    expect(r.blocks.map((b) => b.heading.slice(0, 2)).filter((h) => /^[一二三四]、/.test(h))).toEqual([
      '一、',
      '二、',
      '三、',
      '四、',
    ]);
    expect(r.blocks.some((b) => b.text.includes('{{cases.admin_penalty_persons}}'))).toBe(true);
    const put = await head.put(`/api/reports/annual/${YEAR}`, { ...r, version: 0 });
    expect(put.status).toBe(403);
    expect((await officer.get(`/api/reports/annual/${YEAR}`)).status).toBe(403);
    expect((await officer.get(`/api/reports/annual/${YEAR}/export.docx`)).status).toBe(403);
  });

  it('refuses an unknown metric naming its block, saves versions with audit, 409 on a stale version', async () => {
    const r = (await (await legal.get(`/api/reports/annual/${YEAR}`)).json()) as AnnualReportResponse;
    const bad = r.blocks.map((b, i) =>
      i === 3 ? { ...b, text: `${b.text}另有{{cases.no_such_metric}}。` } : b,
    );
    let res = await legal.put(`/api/reports/annual/${YEAR}`, { ...r, blocks: bad, version: 0 });
    expect(res.status).toBe(400);
    const err = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(err.error.fields['blocks.3.text']).toContain('cases.no_such_metric');
    expect(
      ((await (await legal.get(`/api/reports/annual/${YEAR}`)).json()) as AnnualReportResponse).version,
    ).toBe(0);

    const edited = r.blocks.map((b, i) => (i === 0 ? { ...b, text: `${b.text}（修改稿）` } : b));
    res = await legal.put(`/api/reports/annual/${YEAR}`, { ...r, blocks: edited, version: 0 });
    expect(res.status).toBe(200);
    const saved = (await res.json()) as AnnualReportResponse;
    expect(saved.version).toBe(1);
    expect(saved.blocks[0]!.text.endsWith('（修改稿）')).toBe(true);
    expect(saved.versions).toHaveLength(1);
    res = await legal.put(`/api/reports/annual/${YEAR}`, { ...r, version: 0 });
    expect(res.status).toBe(409);
    const versions = await t.database.db.select().from(annualReportVersions);
    expect(versions).toHaveLength(1);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'report.annual.save'), eq(auditLog.targetType, 'annual_report')));
    expect(audits).toHaveLength(1);
  });
});

describe('figures and exports', () => {
  it('a figure of the preview changes when its records change', async () => {
    const before = figure(await preview(), EPIDEMIC_110);
    expect(before.status).toBe('computed');
    await epidemicCall();
    const after = figure(await preview(), EPIDEMIC_110);
    expect(after.value).toBe((before.value ?? 0) + 1);
    expect(after.display).toBe(`${(before.value ?? 0) + 1}起`);
  });

  it('exports a .docx in the official layout holding the rendered figures', async () => {
    await epidemicCall();
    // The report as signed, so its 成文日期 prints (how a report gets signed: dated.int.test.ts).
    await t.database.db
      .update(annualReports)
      .set({ signedOn: '2022-01-10' })
      .where(eq(annualReports.year, YEAR));
    const p = await preview();
    const shown = figure(p, EPIDEMIC_110).display;
    const res = await legal.get(`/api/reports/annual/${YEAR}/export.docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const xml = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toMatch(/w:line="560" w:lineRule="exact"/);
    expect(styles).toContain('仿宋_GB2312');
    const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
    expect(footers.length).toBeGreaterThan(0);
    const footer = await zip.file(footers[0]!)!.async('string');
    expect(footer).toContain('PAGE');
    expect(footer).toContain('—');
    expect(text).toContain('渝州区公安分局2021年法治政府建设年度报告');
    expect(text).toContain(`接处110涉疫情警情${shown}`);
    expect(text).toContain('二〇二二年一月十日');
    expect(text).toContain('同比');
    expect(text).not.toContain('{{');
  });

  it('exports Markdown with the same figures', async () => {
    const shown = figure(await preview(), EPIDEMIC_110).display;
    const res = await legal.get(`/api/reports/annual/${YEAR}/export.md`);
    expect(res.status).toBe(200);
    const md = await res.text();
    expect(md.startsWith('# 渝州区公安分局2021年法治政府建设年度报告')).toBe(true);
    expect(md).toContain('## 一、2021年推进法治政府建设的主要举措和成效');
    expect(md).toContain('## 四、2022年推进法治政府建设的工作思路目标举措');
    expect(md).toContain(shown);
    expect(md).toContain('| 项目 | 2021年 | 2020年 | 同比 |');
  });

  it('checks the built report and the head may run it', async () => {
    const res = await head.get(`/api/reports/annual/${YEAR}/check`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { findings: { kind: string }[]; total: number };
    expect(body.total).toBe(body.findings.length);
    // The default text cites each document and regulation one way (the reference did not).
    const kinds = body.findings.map((f) => f.kind);
    expect(kinds).not.toContain('document_number_conflict');
    expect(kinds).not.toContain('regulation_citation_conflict');
  });
});

describe('checking an uploaded report', () => {
  const head2021 = '渝州区公安分局2021年法治政府建设年度报告\n';
  it('finds an injected inconsistency and none in a consistent text', async () => {
    const wrong = `${head2021}圆满完成各项警保卫任务200次，其中一级27次，二级108次，大型活动安保155次。\n`;
    let res = await legal.post('/api/reports/check', txtUpload('report.txt', wrong));
    expect(res.status).toBe(200);
    let body = (await res.json()) as { findings: { kind: string; excerpts: string[] }[] };
    expect(body.findings.map((f) => f.kind)).toContain('parts_exceed_total');
    const right = `${head2021}圆满完成各项警保卫任务290次，其中一级27次，二级108次，大型活动安保155次。\n`;
    res = await legal.post('/api/reports/check', txtUpload('report.txt', right));
    body = (await res.json()) as { findings: { kind: string; excerpts: string[] }[] };
    expect(body.findings).toEqual([]);
  });

  it('refuses a file that is not a report', async () => {
    const res = await legal.post('/api/reports/check', txtUpload('report.pdf', '%PDF-1.4'));
    expect(res.status).toBe(400);
    const err = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(err.error.fields.file).toBeTruthy();
  });
});

describe('fazhi report build', () => {
  it('writes the .docx of the year from the database it is given', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fazhi-annual-'));
    const out = path.join(dir, 'report.docx');
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      // The command closes the database it opened; the test's database stays open.
      const opener = async () => ({ ...t.database, close: async () => {} });
      const code = await reportCommand('build', { year: String(YEAR), out }, opener);
      expect(code).toBe(0);
      const summary = JSON.parse(String(write.mock.calls.at(-1)![0])) as {
        figures: number;
        missing: string[];
      };
      expect(summary.figures).toBeGreaterThan(150);
      const zip = await JSZip.loadAsync(await readFile(out));
      expect(await zip.file('word/document.xml')!.async('string')).toContain('法治政府建设年度报告');

      const txt = path.join(dir, 'r.txt');
      await writeFile(txt, '渝州区公安分局2021年法治政府建设年度报告\n任务200次，其中一级270次。\n');
      expect(await reportCommand('check', { file: txt, year: String(YEAR) }, opener)).toBe(1);
      expect(await reportCommand('build', { year: 'x', out }, opener)).toBe(2);
    } finally {
      write.mockRestore();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('demo reports', () => {
  it('seeds a report for every year since 2021, the 2021 one with a version history', async () => {
    await t.database.db.delete(annualReportVersions);
    await t.database.db.delete(annualReports);
    await seedDemoAnnualReports(t.database.db, t.orgId);
    const rows = await t.database.db.select().from(annualReports).orderBy(annualReports.year);
    const current = Number(chinaToday().slice(0, 4));
    expect(rows.map((r) => r.year)).toEqual(Array.from({ length: current - 2020 }, (_, i) => 2021 + i));
    const r2021 = (await (await legal.get('/api/reports/annual/2021')).json()) as AnnualReportResponse;
    expect(r2021.version).toBe(2);
    expect(r2021.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(r2021.blocks[1]!.text).toContain('法治政府建设迈上新台阶');
    expect(rows.at(-1)!.signedOn).toBeNull();
  });
});
