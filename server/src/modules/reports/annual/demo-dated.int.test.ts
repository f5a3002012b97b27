/**
 * The demo's annual reports, each started from the year before as a new report is: no finished
 * year holds another year's events (the 2025 report no longer opens with the 2020 COVID work), and
 * the current year's draft shows last year's dated paragraphs flagged until they are rewritten.
 */
import {
  type AnnualReportResponse,
  chinaToday,
  findDatedNarrative,
  type PreviewResponse,
  segmentsText,
} from '@fazhi/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAnnualReports } from '../../../seed/demo-reports/annual.ts';
import { read, type TestApp, type TestClient, testApp } from '../../../test-support/test-app.ts';

let t: TestApp;
let legal: TestClient;
const CURRENT = Number(chinaToday().slice(0, 4));
const FINISHED = Array.from({ length: CURRENT - 2022 }, (_, i) => 2022 + i);

const preview = async (year: number) =>
  (await read(await legal.get(`/api/reports/annual/${year}/preview`))) as PreviewResponse;
const paragraphs = (p: PreviewResponse) =>
  p.blocks.flatMap((b) => [b.heading, ...b.paragraphs.map((s) => segmentsText(s))]).filter((x) => x !== '');

beforeAll(async () => {
  t = await testApp();
  await seedDemoAnnualReports(t.database.db, t.orgId);
  legal = await t.signIn('legal');
}, 180_000);
afterAll(() => t?.close());

describe("the demo's annual reports", () => {
  it('the 2025 report holds no paragraph describing events of another year', async () => {
    const p = await preview(2025);
    expect(p.flags).toEqual([]);
    const text = paragraphs(p);
    // What a reader saw at the top of it: the 2020 COVID work of the 2021 reference.
    expect(text.join('\n')).not.toMatch(/2020年1月23日|南京市判定|疫情/);
    expect(text.filter((x) => /^1\./.test(x))[0]).not.toContain('疫情防控');
    // Read as printed, paragraph by paragraph, nothing ties the text to another year.
    expect(
      text.flatMap((x) =>
        findDatedNarrative(x, { reportYear: 2025 }).map((s) => `${s.text} in ${x.slice(0, 30)}`),
      ),
    ).toEqual([]);
  });

  it('2021: the reference text, its four paragraphs about earlier years confirmed before signing', async () => {
    const r = (await read(await legal.get('/api/reports/annual/2021'))) as AnnualReportResponse;
    expect(r.signedOn).toBe('2022-01-10');
    expect(r.source).toBeNull();
    expect(r.flags.map((f) => f.blockId)).toEqual(['b004', 'b016', 'b025', 'b027']);
    expect(r.flags.every((f) => f.confirmed !== null)).toBe(true);
  });

  it.each(FINISHED)('%i: signed, started from the year before, no open flag', async (year) => {
    const r = (await read(await legal.get(`/api/reports/annual/${year}`))) as AnnualReportResponse;
    expect(r.signedOn).toBe(`${year + 1}-01-10`);
    expect(r.source).toMatchObject({ year: year - 1, kind: 'report' });
    expect(r.flags.filter((f) => !f.confirmed)).toEqual([]);
    expect(paragraphs(await preview(year)).join('\n')).not.toContain('2020年1月23日');
  });

  it("the current year's draft shows last year's dated paragraphs flagged, and cannot be signed yet", async () => {
    const r = (await read(await legal.get(`/api/reports/annual/${CURRENT}`))) as AnnualReportResponse;
    expect(r.signedOn).toBeNull();
    expect(r.source).toMatchObject({ year: CURRENT - 1, kind: 'report' });
    expect(r.flags.length).toBeGreaterThan(0);
    expect(r.flags.every((f) => f.confirmed === null)).toBe(true);
    const res = await legal.put(`/api/reports/annual/${CURRENT}`, {
      version: r.version,
      title: r.title,
      blocks: r.blocks,
      signature: r.signature,
      signedOn: `${CURRENT + 1}-01-10`,
    });
    expect(res.status).toBe(400);
  });
});
