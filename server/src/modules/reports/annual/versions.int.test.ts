/**
 * 版本记录 of the annual report: reading a saved version, its preview with today's figures, its
 * comparison with the current text, and restoring it as a new version (409 when stale, audited,
 * report.manage only).
 */
import type {
  AnnualReportCompareResponse,
  AnnualReportResponse,
  AnnualReportVersionResponse,
  PreviewResponse,
} from '@fazhi/common';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualReports, annualReportVersions, auditLog } from '../../../db/schema/index.ts';
import { read, type TestApp, type TestClient, testApp } from '../../../test-support/test-app.ts';

let t: TestApp;
let legal: TestClient;
let head: TestClient;
const YEAR = 2021;
const base = `/api/reports/annual/${YEAR}`;
const V1_MARK = '（第一稿修改）';
const V2_MARK = '（第二稿补充）';
let v1: AnnualReportResponse;
let v2: AnnualReportResponse;

async function restoreAudits() {
  return t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'report.annual.restore'), eq(auditLog.targetType, 'annual_report')));
}

beforeAll(async () => {
  t = await testApp();
  legal = await t.signIn('legal');
  head = await t.signIn('head');
  // Version 1: the template with the first block edited; version 2: the second block edited too.
  const template = (await read(await legal.get(base))) as AnnualReportResponse;
  let res = await legal.put(base, {
    ...template,
    version: 0,
    blocks: template.blocks.map((b, i) => (i === 1 ? { ...b, text: `${b.text}${V1_MARK}` } : b)),
  });
  expect(res.status).toBe(200);
  v1 = await read(res);
  res = await legal.put(base, {
    ...v1,
    version: 1,
    title: `${v1.title}（送审稿）`,
    blocks: v1.blocks.map((b, i) => (i === 2 ? { ...b, text: `${b.text}\n${V2_MARK}` } : b)),
  });
  expect(res.status).toBe(200);
  v2 = await read(res);
  expect(v2.version).toBe(2);
}, 60_000);
afterAll(() => t?.close());

describe('reading a version', () => {
  it('lists who saved each version and returns version 1 as it was saved', async () => {
    expect(v2.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(v2.versions[0]!.actorName).toBeTruthy();
    const res = await head.get(`${base}/versions/1`);
    expect(res.status).toBe(200);
    const old = (await read(res)) as AnnualReportVersionResponse;
    expect(old.version).toBe(1);
    expect(old.currentVersion).toBe(2);
    expect(old.title).toBe(v1.title);
    expect(old.blocks).toEqual(v1.blocks);
    expect(old.blocks[2]!.text).not.toContain(V2_MARK);
    expect(old.actorName).toBe(v2.versions[1]!.actorName);
  });

  it("previews version 1 with the year's figures, not the current text", async () => {
    const res = await head.get(`${base}/versions/1/preview`);
    expect(res.status).toBe(200);
    const p = (await read(res)) as PreviewResponse;
    const current = (await read(await head.get(`${base}/preview`))) as PreviewResponse;
    const text = (pv: PreviewResponse) =>
      pv.blocks
        .flatMap((b) => b.paragraphs.flat())
        .map((s) => ('text' in s ? s.text : s.display))
        .join('');
    expect(text(p)).toContain(V1_MARK);
    expect(text(p)).not.toContain(V2_MARK);
    expect(text(current)).toContain(V2_MARK);
    expect(p.title).not.toContain('送审稿');
    expect(p.title).not.toContain('{{');
    // The same references render to the same figures as the current preview.
    expect(p.figures).toBeGreaterThan(0);
    expect(p.figures).toBe(current.figures);
  });

  it('compares version 1 with the current text: the edited block and the title', async () => {
    const res = await head.get(`${base}/versions/1/compare`);
    expect(res.status).toBe(200);
    const d = (await read(res)) as AnnualReportCompareResponse;
    expect(d.currentVersion).toBe(2);
    expect(d.counts).toEqual({ changed: 1, added: 0, removed: 0 });
    const changed = d.blocks.filter((b) => b.status !== 'unchanged');
    expect(changed.map((b) => b.id)).toEqual([v2.blocks[2]!.id]);
    expect(changed[0]!.oldText).toBe(v1.blocks[2]!.text);
    expect(changed[0]!.newText).toBe(v2.blocks[2]!.text);
    expect(changed[0]!.paragraphs).toContainEqual({ kind: 'added', text: V2_MARK });
    expect(d.title).toEqual({ old: v1.title, new: v2.title });
    expect(d.blocks).toHaveLength(v2.blocks.length);
  });
});

describe('restoring a version', () => {
  it('the head (report.read) may not restore', async () => {
    const res = await head.post(`${base}/versions/1/restore`, { version: 2 });
    expect(res.status).toBe(403);
    expect((await t.database.db.select().from(annualReportVersions)).length).toBe(2);
  });

  it('saves version 1 as version 3, audited', async () => {
    const res = await legal.post(`${base}/versions/1/restore`, { version: 2 });
    expect(res.status).toBe(200);
    const r = (await read(res)) as AnnualReportResponse;
    expect(r.version).toBe(3);
    expect(r.title).toBe(v1.title);
    expect(r.blocks).toEqual(v1.blocks);
    expect(r.signature).toBe(v1.signature);
    expect(r.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    const v3 = (await read(await legal.get(`${base}/versions/3`))) as AnnualReportVersionResponse;
    expect(v3.blocks).toEqual(v1.blocks);
    const d = (await read(await legal.get(`${base}/versions/1/compare`))) as AnnualReportCompareResponse;
    expect(d.counts).toEqual({ changed: 0, added: 0, removed: 0 });
    expect(d.title).toBeNull();
    const audits = await restoreAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]!.summary).toMatchObject({ year: YEAR, version: 3, restoredFrom: 1 });
    // Version 2 is still there to go back to.
    const old2 = (await read(await legal.get(`${base}/versions/2`))) as AnnualReportVersionResponse;
    expect(old2.blocks).toEqual(v2.blocks);
  });

  it('answers 409 from a stale version and changes nothing', async () => {
    const res = await legal.post(`${base}/versions/2/restore`, { version: 2 });
    expect(res.status).toBe(409);
    const [row] = await t.database.db.select().from(annualReports).where(eq(annualReports.year, YEAR));
    expect(row!.version).toBe(3);
    expect(row!.blocks).toEqual(v1.blocks);
    expect(await restoreAudits()).toHaveLength(1);
  });

  it('refuses to restore the current version, naming the field', async () => {
    const res = await legal.post(`${base}/versions/3/restore`, { version: 3 });
    expect(res.status).toBe(400);
    const err = await read(res);
    expect(err.error.fields.version).toBeTruthy();
    expect((await t.database.db.select().from(annualReportVersions)).length).toBe(3);
  });
});

describe('unknown versions', () => {
  it('answer 404, as does a year never saved', async () => {
    expect((await head.get(`${base}/versions/99`)).status).toBe(404);
    expect((await head.get(`${base}/versions/99/preview`)).status).toBe(404);
    expect((await head.get(`${base}/versions/99/compare`)).status).toBe(404);
    expect((await legal.post(`${base}/versions/99/restore`, { version: 3 })).status).toBe(404);
    expect((await head.get('/api/reports/annual/2022/versions/1')).status).toBe(404);
    expect((await head.get(`${base}/versions/abc`)).status).toBe(400);
    expect((await t.database.db.select().from(annualReportVersions)).length).toBe(3);
  });
});
