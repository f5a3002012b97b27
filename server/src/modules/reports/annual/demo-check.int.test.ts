/**
 * The demo branch's own annual reports pass Fazhi's consistency check (issue 5: no false alarms on
 * a correct report): every finished year since 2021, built from the demo's records and its
 * departments' accepted 数据填报, checked against itself and the records, finds nothing — while
 * the same text with one figure changed, and the reference report with its known errors, are
 * still caught.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkReport, chinaToday, renderPlainText } from '@fazhi/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read, type TestApp, type TestClient, testApp } from '../../../test-support/test-app.ts';
import { knownFiguresFor } from '../metrics/values.ts';
import { renderYear } from './build.ts';

interface Finding {
  kind: string;
  severity: string;
  message: string;
  excerpts: string[];
  metricId?: string;
}

let t: TestApp;
let legal: TestClient;
const FIRST_YEAR = 2021;
/** Every finished year: the demo accepts a 数据填报 round for each, and seeds its report. */
const YEARS = Array.from({ length: Number(chinaToday().slice(0, 4)) - FIRST_YEAR }, (_, i) => FIRST_YEAR + i);

/** An uploaded text is checked for the year its title names (…2025年法治政府建设年度报告). */
const upload = (name: string, text: string) => {
  const form = new FormData();
  form.append('file', new File([text], name, { type: 'text/plain' }));
  return form;
};
async function findings(res: Response): Promise<Finding[]> {
  expect(res.status).toBe(200);
  return ((await read(res)) as { findings: Finding[] }).findings;
}
const shown = (fs: Finding[]) => fs.map((f) => `${f.kind}: ${f.message} | ${f.excerpts.join(' | ')}`);

beforeAll(async () => {
  const started = performance.now();
  // The whole demo: records since 2021, the accepted rounds and the saved reports.
  t = await testApp({ history: true });
  legal = await t.signIn('legal');
  console.info(`demo seeded in ${Math.round(performance.now() - started)} ms`);
}, 180_000);
afterAll(() => t?.close());

describe("the demo's annual reports pass the consistency check", () => {
  it.each(YEARS)('%i: the built report finds nothing against itself or the records', async (year) => {
    const fs = await findings(await legal.get(`/api/reports/annual/${year}/check`));
    expect(shown(fs)).toEqual([]);
  });

  it('still catches one figure changed in a built report', async () => {
    const year = YEARS.at(-1)!;
    const text = renderPlainText(await renderYear(t.database.db, t.orgId, year));
    expect(text.slice(0, 40)).toContain(`${year}年法治政府建设年度报告`);
    expect(shown(await findings(await legal.post('/api/reports/check', upload('r.txt', text))))).toEqual([]);
    // The guard tasks' whole, made smaller than its parts and than the records.
    const m = /圆满完成各项警保卫任务(\d+)次/.exec(text);
    expect(m).not.toBeNull();
    const wrong = text.replace(m![0], `圆满完成各项警保卫任务${Number(m![1]) - 50}次`);
    const fs = await findings(await legal.post('/api/reports/check', upload('r.txt', wrong)));
    expect(fs.map((f) => f.kind).sort()).toEqual(['parts_exceed_total', 'record_mismatch']);
    expect(fs.find((f) => f.kind === 'record_mismatch')?.metricId).toBe('security.guard_tasks');
  });

  it('compares each figure only with the record it was built from', async () => {
    const year = YEARS.at(-1)!;
    const r = await renderYear(t.database.db, t.orgId, year);
    const text = renderPlainText(r);
    // Where each metric's figure stands in the text (the text is the segments in order).
    const placed: { id: string; end: number }[] = [];
    let cursor = 0;
    for (const b of r.blocks)
      for (const p of b.paragraphs)
        for (const seg of p) {
          const piece = 'metricId' in seg ? seg.display : seg.text;
          const at = text.indexOf(piece, cursor);
          if (at < 0) continue;
          cursor = at + piece.length;
          if ('metricId' in seg) placed.push({ id: seg.metricId, end: cursor });
        }
    const known = await knownFiguresFor(t.database.db, t.orgId, year);
    // Each record in turn says otherwise: only figures built from that metric may disagree.
    let compared = 0;
    const strays: string[] = [];
    for (const k of known) {
      const records = known.map((x) => (x === k ? { ...x, value: x.value * 1.37 + 3 } : x));
      for (const f of checkReport(text, { known: records, reportYear: year })) {
        if (f.kind !== 'record_mismatch' || f.metricId !== k.metricId) continue;
        const end = f.locations[0]!.end;
        const from = placed.filter((x) => Math.abs(x.end - end) <= 1).map((x) => x.id);
        if (from.includes(k.metricId)) compared++;
        else strays.push(`${k.metricId} at “${f.excerpts[0]}” (built from ${from.join(',') || 'the text'})`);
      }
    }
    expect(strays).toEqual([]);
    // Most figures are compared with their records, not merely left alone.
    expect(compared).toBeGreaterThan(50);
  }, 120_000);

  it('still finds the reference report’s seven errors with the demo’s records at hand', async () => {
    const reference = await readFile(
      path.resolve(import.meta.dirname, '../checker/fixtures/reference-2021.txt'),
      'utf8',
    );
    const fs = await findings(await legal.post('/api/reports/check', upload('reference.txt', reference)));
    const own = fs.filter((f) => f.kind !== 'record_mismatch' && f.severity === 'error');
    expect(own.map((f) => f.kind).sort()).toEqual([
      'document_number_conflict',
      'parts_exceed_total',
      'rate_impossible_for_base',
      'rate_mismatch',
      'rate_mismatch',
      'regulation_citation_conflict',
      'same_quantity_different_values',
    ]);
  });
});
