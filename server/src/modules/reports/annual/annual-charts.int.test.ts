/**
 * The annual report's charts as a reader gets them: pictures in the .docx, each a valid PNG
 * referenced from the text, centred at the text width, with its caption under it and alt text
 * listing every year's value, which are the metric values of those years; a chart that changes
 * with its records; years before the branch's first record shown as gaps; the Markdown tables.
 */
import { metricById } from '@fazhi/common';
import { eq, sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../../db/index.ts';
import { caseParties, cases, decisions, incidents, units } from '../../../db/schema/index.ts';
import { type TestApp, type TestClient, testApp } from '../../../test-support/test-app.ts';
import { metricValues } from '../metrics/values.ts';
import { CHART_GROUPS } from './render.ts';

let t: TestApp;
let legal: TestClient;
let unitId = 0;
let officerId = 0;
let seq = 0;
const YEAR = 2021;
const YEARS = [2017, 2018, 2019, 2020, 2021];
const PENALTIES = 'cases.admin_penalty_persons';

async function incident(on: string) {
  const n = ++seq;
  await t.database.db.insert(incidents).values({
    orgId: t.orgId,
    incidentNo: `J-CHART-${n}`,
    source: '110',
    receivedAt: new Date(`${on}T09:00:00+08:00`),
    categoryCode: 'ZA-QT',
    place: '渝州区某街道',
    narrative: '测试警情',
    unitId,
  });
}

/** An effective fine on a new person decided that day: one more for cases.admin_penalty_persons. */
async function penalty(on: string) {
  const n = ++seq;
  await t.database.db.transaction(async (tx) => {
    const [c] = await tx
      .insert(cases)
      .values({
        orgId: t.orgId,
        caseNo: `CHART-${n}`,
        caseType: 'admin',
        unitId,
        leadOfficerId: officerId,
        title: `测试殴打他人案${n}`,
        status: 'decided',
        receivedAt: new Date(`${on}T09:00:00+08:00`),
      })
      .returning({ id: cases.id });
    const [p] = await tx
      .insert(caseParties)
      .values({
        orgId: t.orgId,
        caseId: c!.id,
        kind: 'person',
        role: 'offender',
        name: `测试人${n}`,
        idNumber: `50010319900101${String(1000 + n).slice(-4)}`,
      })
      .returning({ id: caseParties.id });
    await tx.insert(decisions).values({
      orgId: t.orgId,
      caseId: c!.id,
      kind: 'fine',
      docNo: `渝州公（图表）行罚决字〔${on.slice(0, 4)}〕${n}号`,
      fineAmount: '200.00',
      partyId: p!.id,
      decidedAt: new Date(`${on}T10:00:00+08:00`),
      decidedBy: officerId,
    });
  });
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect(png.subarray(-8, -4).toString('latin1')).toBe('IEND');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

interface Picture {
  name: string;
  title: string;
  descr: string;
  /** Width in EMU as placed in the document. */
  cx: number;
  /** The paragraph holding the picture. */
  paragraph: string;
  png: Buffer;
}

interface Exported {
  xml: string;
  text: string;
  pictures: Picture[];
}

async function exportDocx(): Promise<Exported> {
  const res = await legal.get(`/api/reports/annual/${YEAR}/export.docx`);
  expect(res.status).toBe(200);
  const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
  const xml = await zip.file('word/document.xml')!.async('string');
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  const target = new Map(
    [...rels.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]),
  );
  const pictures: Picture[] = [];
  for (const p of xml.match(/<w:p>(?:(?!<\/w:p>).)*<w:drawing>.*?<\/w:p>/g) ?? []) {
    const docPr = /<wp:docPr [^>]*\/>/.exec(p)![0];
    const attr = (a: string) => new RegExp(`${a}="([^"]*)"`).exec(docPr)?.[1] ?? '';
    const rId = /r:embed="([^"]+)"/.exec(p)![1]!;
    const file = zip.file(`word/${target.get(rId)}`);
    expect(file, `${rId} → ${target.get(rId)}`).not.toBeNull();
    pictures.push({
      name: attr('name'),
      title: attr('title'),
      descr: attr('descr'),
      cx: Number(/<wp:extent cx="(\d+)"/.exec(p)![1]),
      paragraph: p,
      png: await file!.async('nodebuffer'),
    });
  }
  return { xml, text: xml.replace(/<[^>]+>/g, ''), pictures };
}

/** A series in the alt text: 行政处罚人数（人）：2017年无记录，…，2021年3 → [null, …, 3]. */
function altValues(descr: string, id: string): (number | null)[] {
  const def = metricById(id)!;
  const m = new RegExp(`${def.nameZh}（${def.unit}）：([^；。]*)`).exec(descr);
  expect(m, `${id} in ${descr}`).not.toBeNull();
  const byYear = new Map(
    m![1]!.split('，').map((x) => {
      const [, y, v] = /^(\d{4})年(.+)$/.exec(x)!;
      return [Number(y), v === '无记录' ? null : Number(v)] as const;
    }),
  );
  expect([...byYear.keys()]).toEqual(YEARS);
  return YEARS.map((y) => byYear.get(y)!);
}

/** What the records say of each year: its value, or null before the branch's first record. */
async function expected(id: string): Promise<(number | null)[]> {
  const list = await Promise.all(
    [...YEARS, YEAR + 1].map(async (y) => (await metricValues(t.database.db, t.orgId, String(y), [id]))[0]!),
  );
  return YEARS.map((_, i) =>
    i < YEARS.length - 1 && list[i + 1]!.previous === null ? null : list[i]!.value,
  );
}

beforeAll(async () => {
  t = await testApp();
  unitId = (await t.database.db.select().from(units).where(eq(units.code, 'PS-01')))[0]!.id;
  officerId = Number(
    (await rows<{ id: unknown }>(t.database.db, sql`select id from officers where username = 'legal'`))[0]!
      .id,
  );
  legal = await t.signIn('legal');
  // The branch's records start in the report's year: the four years before it are unknown.
  const [early] = await rows<{ n: unknown }>(
    t.database.db,
    sql`select count(*) as n from incidents where org_id = ${t.orgId} and received_at < '2021-01-01T00:00:00+08:00'`,
  );
  expect(Number(early!.n)).toBe(0);
  await incident('2021-02-01');
  await penalty('2021-03-01');
  await penalty('2021-04-01');
}, 60_000);
afterAll(() => t?.close());

describe('charts in the annual report', () => {
  it('embeds each chart as a centred PNG at the text width, captioned, with the values of the records', async () => {
    const doc = await exportDocx();
    expect(doc.pictures).toHaveLength(CHART_GROUPS.length);
    for (const [i, p] of doc.pictures.entries()) {
      const size = pngSize(p.png);
      expect(size.width).toBeGreaterThanOrEqual(1200);
      expect(size.height / size.width).toBeGreaterThan(0.4);
      expect(size.height / size.width).toBeLessThan(0.6);
      // Placed 155–156 mm wide (36 000 EMU to the mm): the GB/T 9704 text width.
      expect(p.cx / 36000).toBeGreaterThan(155);
      expect(p.cx / 36000).toBeLessThanOrEqual(156);
      expect(p.paragraph).toContain('<w:jc w:val="center"/>');
      // Single line spacing: the body's exact 28-pt lines would crop the picture to one line.
      expect(p.paragraph).toContain('w:lineRule="auto"');
      expect(p.name).toBe(`图${i + 1}`);
      expect(p.title).toMatch(new RegExp(`^图${i + 1} {2}2017—2021年`));
      // The caption under the picture is the document's text, in 楷体.
      const after = doc.xml.slice(doc.xml.indexOf(p.paragraph) + p.paragraph.length);
      const caption = /<w:p>.*?<\/w:p>/g;
      const next = [...after.matchAll(caption)].slice(0, 2).map((m) => m[0]);
      const captionPara = next.find((x) => x.replace(/<[^>]+>/g, '') === p.title)!;
      expect(captionPara, p.title).toBeDefined();
      expect(captionPara).toContain('w:eastAsia="楷体_GB2312"');
    }
    expect(doc.text).toContain('图1  2017—2021年行政处罚与执法公示人数（单位：人）');
    expect(doc.text).toContain('注：2017—2020年系统中尚无记录，图中空缺。');

    for (const [i, g] of CHART_GROUPS.entries())
      for (const id of g.ids) {
        const want = await expected(id);
        expect(altValues(doc.pictures[i]!.descr, id), id).toEqual(want);
        // The four years before the first record are gaps, the report's year a number.
        expect(want.slice(0, 4)).toEqual([null, null, null, null]);
        expect(want[4]).not.toBeNull();
      }
    expect(altValues(doc.pictures[0]!.descr, PENALTIES)[4]).toBeGreaterThanOrEqual(2);
    // The exact numbers stay in the 同比 table too.
    expect(doc.text).toContain('同比');
  });

  it('redraws a chart when its records change, and only that chart', async () => {
    const before = await exportDocx();
    const again = await exportDocx();
    for (const [i, p] of before.pictures.entries()) expect(p.png.equals(again.pictures[i]!.png)).toBe(true);
    await penalty('2021-05-01');
    const after = await exportDocx();
    const was = altValues(before.pictures[0]!.descr, PENALTIES)[4]!;
    expect(altValues(after.pictures[0]!.descr, PENALTIES)[4]).toBe(was + 1);
    expect(altValues(after.pictures[0]!.descr, PENALTIES)).toEqual(await expected(PENALTIES));
    expect(after.pictures[0]!.png.equals(before.pictures[0]!.png)).toBe(false);
    expect(after.pictures[1]!.png.equals(before.pictures[1]!.png)).toBe(true);
    expect(after.pictures[2]!.png.equals(before.pictures[2]!.png)).toBe(true);
  });

  it('draws a year once the branch has records from before it, and keeps the earlier ones as gaps', async () => {
    const before = await exportDocx();
    await incident('2019-06-01');
    await penalty('2020-07-01');
    const after = await exportDocx();
    const values = altValues(after.pictures[0]!.descr, PENALTIES);
    expect(values).toEqual(await expected(PENALTIES));
    expect(values.slice(0, 2)).toEqual([null, null]);
    expect(values[2]).toBe(0);
    expect(values[3]).toBe(1);
    expect(after.text).toContain('注：2017—2018年系统中尚无记录，图中空缺。');
    expect(after.text).not.toContain('2017—2020年系统中尚无记录');
    // A chart whose figures stay 0 still changes: 2019 and 2020 are drawn as 0, no longer as gaps.
    expect(altValues(after.pictures[1]!.descr, 'review.admin_cases_reviewed').slice(2, 4)).toEqual(
      (await expected('review.admin_cases_reviewed')).slice(2, 4),
    );
    expect(after.pictures[1]!.png.equals(before.pictures[1]!.png)).toBe(false);
  });

  it('puts each chart in the Markdown as a table under the same caption', async () => {
    const res = await legal.get(`/api/reports/annual/${YEAR}/export.md`);
    expect(res.status).toBe(200);
    const md = await res.text();
    const cell = (v: number | null) => (v === null ? '—' : String(v));
    expect(md).toContain('**图1  2017—2021年行政处罚与执法公示人数（单位：人）**');
    expect(md).toContain('| 项目 | 2017年 | 2018年 | 2019年 | 2020年 | 2021年 |');
    expect(md).toContain(`| 行政处罚人数 | ${(await expected(PENALTIES)).map(cell).join(' | ')} |`);
    expect(md).toContain('**图3  2017—2021年执法监督情况**');
    expect(md).not.toContain('![');
    // The figures sit before the signature, as in the document.
    expect(md.indexOf('**图3')).toBeLessThan(md.indexOf('<p align="right">'));
  });
});
