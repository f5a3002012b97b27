/**
 * On the demo history (2021 → today): every computed metric's value is the number of its records,
 * for a year, the current year and a quarter; the catalogue and the registry agree; the routes are
 * report.read only; the Excel exports open with one row per record / metric.
 */
import { chinaToday, isRateMetric, METRICS, metricById } from '@fazhi/common';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read, type TestApp, testApp } from '../../../test-support/test-app.ts';
import { COMPUTED_METRICS, computeMetric, metricRecords } from './registry.ts';
import { knownFiguresFor, metricValues } from './values.ts';

let t: TestApp;
const thisYear = chinaToday().slice(0, 4);

beforeAll(async () => {
  t = await testApp({ history: true });
}, 180_000);
afterAll(() => t.close());

async function sheetRows(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb.worksheets[0]!.actualRowCount;
}

describe('computed metrics on the demo history', () => {
  it('has a computation for every computed, non-rate metric of the catalogue and nothing else', () => {
    const declared = METRICS.filter((m) => m.source.kind === 'computed' && !isRateMetric(m)).map((m) => m.id);
    expect([...COMPUTED_METRICS.keys()].sort()).toEqual(declared.sort());
    for (const m of METRICS.filter(isRateMetric)) {
      expect(metricById(m.numerator), m.id).toBeDefined();
      expect(metricById(m.denominator), m.id).toBeDefined();
    }
  });

  it.each(['2021', thisYear, '2021-Q3'])(
    'counts exactly its records for %s',
    async (period) => {
      const { db } = t.database;
      for (const id of COMPUTED_METRICS.keys()) {
        const value = await computeMetric(db, t.orgId, id, period);
        const all = await metricRecords(db, t.orgId, id, period, { pageSize: 0 });
        if (COMPUTED_METRICS.get(id)?.value) {
          // A rule's parameter: the value is read from the one rule row the records show.
          expect(all.total, `${id} ${period}`).toBe(value === null ? 0 : 1);
          continue;
        }
        expect(all.total, `${id} ${period}`).toBe(value ?? 0);
        expect(all.items.length, `${id} ${period}`).toBe(value ?? 0);
        const page = await metricRecords(db, t.orgId, id, period, { page: 2, pageSize: 5 });
        expect(page.total, id).toBe(value ?? 0);
        expect(page.items.length, id).toBe(Math.max(0, Math.min(5, (value ?? 0) - 5)));
        if (page.items[0])
          expect(Object.keys(page.items[0]).sort()).toEqual(['id', ...all.columns.map((c) => c.key)].sort());
      }
    },
    120_000,
  );

  it('finds the 2021 enforcement figures in the history', async () => {
    const values = new Map((await metricValues(t.database.db, t.orgId, '2021')).map((v) => [v.id, v]));
    for (const id of [
      'incidents.epidemic_110',
      'cases.admin_penalty_persons',
      'publicity.admin_penalty_published_persons',
      'review.admin_cases_reviewed',
      'review.criminal_cases_reviewed',
      'evaluation.cases_evaluated',
      'incidents.burglary',
      'officers.total',
      'units.case_handling_units',
    ])
      expect(values.get(id)?.value ?? 0, id).toBeGreaterThan(0);
    const rate = values.get('callbacks.burglary_callback_rate')!;
    const num =
      values.get('callbacks.burglary_called_back') ??
      (await metricValues(t.database.db, t.orgId, '2021', ['callbacks.burglary_called_back']))[0]!;
    const den = values.get('incidents.burglary')!;
    expect(rate.value).toBe(Math.round((num.value! / den.value!) * 1000) / 10);
    expect(rate.status).toBe('computed');
    // The demo accepts the departments' 2021 forms: their values come with the submission.
    const plans = values.get('epidemic.plans_drafted')!;
    expect(plans.status).toBe('submitted');
    expect(plans.submissionId).toBeGreaterThan(0);
    for (const v of values.values()) if (v.status === 'missing') expect(v.value, v.id).toBeNull();
  }, 120_000);

  it('gives the checker the known figures of a year by name, unit and period', async () => {
    const known = await knownFiguresFor(t.database.db, t.orgId, 2021);
    const k = known.find((x) => x.metricId === 'cases.admin_penalty_persons')!;
    expect(k).toMatchObject({ unit: '人', period: '2021' });
    expect(k.names).toContain('行政处罚人数');
    expect(known.find((x) => x.metricId === 'officers.total')?.period).toBe('stock');
    expect(known.every((x) => Number.isFinite(x.value))).toBe(true);
  }, 120_000);
});

describe('metric routes', () => {
  it('are for report.read only', async () => {
    const officer = await t.signIn('officer');
    expect((await officer.get('/api/reports/metrics?period=2021')).status).toBe(403);
    expect((await officer.get('/api/reports/metrics/officers.total/records?period=2021')).status).toBe(403);
    expect((await officer.get('/api/reports/tables.xlsx?period=2021&ids=officers.total')).status).toBe(403);
  });

  it('lists, details, pages records and exports them', async () => {
    const head = await t.signIn('head');
    const list = await read(
      await head.get(
        '/api/reports/metrics?period=2021&ids=incidents.epidemic_110,callbacks.burglary_callback_rate',
      ),
    );
    expect(list.total).toBe(2);
    expect(list.items[0]).toMatchObject({ id: 'incidents.epidemic_110', status: 'computed', unit: '起' });
    // The demo's records begin in 2021: 2020 is unknown, not zero, so 同比 has nothing to compare.
    expect(list.items[0].previous).toBeNull();
    expect(list.items[0].change).toBeNull();
    const later = await read(await head.get('/api/reports/metrics?period=2022&ids=incidents.epidemic_110'));
    expect(typeof later.items[0].previous).toBe('number');

    const legal = await t.signIn('legal');
    const detail = await read(
      await legal.get('/api/reports/metrics/callbacks.burglary_callback_rate?period=2021'),
    );
    expect(detail.parts.map((p: { id: string }) => p.id)).toEqual([
      'callbacks.burglary_called_back',
      'incidents.burglary',
    ]);
    expect(detail.submission).toBeNull();
    const submitted = await read(await legal.get('/api/reports/metrics/epidemic.plans_drafted?period=2021'));
    expect(submitted.submission).toMatchObject({ submissionId: submitted.submissionId });
    expect(submitted.submission.acceptedBy).toBeTruthy();

    const v = list.items[0].value as number;
    const recs = await read(
      await legal.get('/api/reports/metrics/incidents.epidemic_110/records?period=2021&pageSize=3'),
    );
    expect(recs.total).toBe(v);
    expect(recs.columns[0]).toEqual({ key: 'incident_no', title: '警情编号' });

    const xlsx = await legal.get('/api/reports/metrics/incidents.epidemic_110/records.xlsx?period=2021');
    expect(xlsx.status).toBe(200);
    expect(await sheetRows(xlsx)).toBe(v + 1);

    const table = await legal.get(
      '/api/reports/tables.xlsx?period=2021&ids=officers.total,epidemic.plans_drafted,incidents.epidemic_110',
    );
    expect(table.status).toBe(200);
    expect(await sheetRows(table)).toBe(4);

    expect((await legal.get('/api/reports/metrics?period=2021-Q5')).status).toBe(400);
    expect((await legal.get('/api/reports/metrics/nope.nothing?period=2021')).status).toBe(404);
    const bad = await legal.get('/api/reports/tables.xlsx?period=2021&ids=officers.total,nope');
    expect(bad.status).toBe(400);
    expect((await read(bad)).error.fields.ids).toBeDefined();
  }, 60_000);
});
