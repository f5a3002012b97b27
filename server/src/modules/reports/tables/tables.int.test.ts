/**
 * 统计报表 on records made for the test: the 线下办理案件情况统计表 per unit (the numbers the cases
 * module's own list gives), its Excel file, the 合计 as the branch's metric values, the ad-hoc
 * table's breakdowns, report.read only, bad periods named; and officers' service history.
 */
import { chinaToday, OFFLINE_REASONS, STAT_TABLES } from '@fazhi/common';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../../db/index.ts';
import { read, type TestApp, type TestClient, testApp } from '../../../test-support/test-app.ts';
import { breaksDownByUnit, computeMetric } from '../metrics/registry.ts';

let t: TestApp;
let legal: TestClient;
let officer: TestClient;
let officer2: TestClient;

beforeAll(async () => {
  t = await testApp();
  legal = await t.signIn('legal');
  officer = await t.signIn('officer');
  officer2 = await t.signIn('officer2');
}, 60_000);
afterAll(() => t.close());

async function sheet(res: Response) {
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const ws = wb.worksheets[0]!;
  return { ws, rows: Array.from(ws.getSheetValues() as unknown[][], (r) => (r ? r.slice(1) : [])) };
}

const fileReports = async (
  who: TestClient,
  list: [caseType: 'admin' | 'criminal', reason: string, on: string][],
) => {
  for (const [caseType, reason, reportedOn] of list) {
    const r = await who.post('/api/cases/offline-reports', {
      caseType,
      title: '线下办理案件',
      reason,
      reasonDetail: reason === 'other' ? '停电' : null,
      reportedOn,
    });
    expect(r.status).toBe(200);
  }
};

describe('线下办理案件情况统计表', () => {
  beforeAll(async () => {
    await fileReports(officer, [
      ['admin', 'system_failure', '2021-07-05'],
      ['admin', 'network_outage', '2021-08-15'],
      ['criminal', 'classified', '2021-09-30'],
      ['admin', 'other', '2021-10-01'],
    ]);
    await fileReports(officer2, [
      ['admin', 'other', '2021-07-01'],
      ['criminal', 'urgent_on_scene', '2021-09-01'],
    ]);
  });

  it('counts each unit by case type and reason, as the offline reports list them', async () => {
    const res = await legal.get('/api/reports/stat-tables/offline-cases?period=2021-Q3');
    expect(res.status).toBe(200);
    const table = await read(res);
    expect(table.headers.map((h: { title: string }) => h.title).slice(0, 4)).toEqual([
      '行政案件',
      '刑事案件',
      '合计',
      '原因：系统故障',
    ]);
    // The reports list (the cases module's own reading of the reasons) gives the same counts.
    const list = await read(await legal.get('/api/cases/offline-reports?year=2021&quarter=3&pageSize=100'));
    expect(list.total).toBe(5);
    type Report = { unitId: number; caseType: string; reason: string };
    for (const unitId of new Set<number>(list.items.map((r: Report) => r.unitId))) {
      const mine: Report[] = list.items.filter((r: Report) => r.unitId === unitId);
      const row = table.rows.find((r: { unitId: number }) => r.unitId === unitId);
      expect(row.values).toEqual([
        mine.filter((r) => r.caseType === 'admin').length,
        mine.filter((r) => r.caseType === 'criminal').length,
        mine.length,
        ...OFFLINE_REASONS.map((k) => mine.filter((r) => r.reason === k).length),
      ]);
    }
    const ps01 = table.rows.find((r: { unitName: string }) => r.unitName === '城关派出所');
    expect(ps01.values.slice(0, 3)).toEqual([2, 1, 3]);
    expect(table.totals.slice(0, 3)).toEqual([3, 2, 5]);
    // Units without reports are listed with zeros: one row per case-handling unit.
    expect(table.rows.length).toBeGreaterThan(2);
    expect(table.rows.filter((r: { values: number[] }) => r.values[2] === 0).length).toBe(
      table.rows.length - 2,
    );
    expect(table.title).toBe('渝州区公安分局2021年第3季度线下办理案件情况统计表');
  });

  it('has a 合计 row equal to the branch value of each metric, and to the sum of the units', async () => {
    for (const period of ['2021-Q3', '2021']) {
      const table = await read(await legal.get(`/api/reports/stat-tables/offline-cases?period=${period}`));
      for (const [i, h] of (table.headers as { metric: string }[]).entries()) {
        const branch = await computeMetric(t.database.db, t.orgId, h.metric, period);
        expect(table.totals[i], `${h.metric} ${period}`).toBe(branch);
        const sum = table.rows.reduce((s: number, r: { values: number[] }) => s + r.values[i]!, 0);
        expect(sum, `${h.metric} ${period}`).toBe(branch);
      }
    }
    // The year takes the October report too.
    const year = await read(await legal.get('/api/reports/stat-tables/offline-cases?period=2021'));
    expect(year.totals[2]).toBe(6);
  });

  it('writes the table as .xlsx: title, header, unit rows and 合计', async () => {
    const { ws, rows: r } = await sheet(
      await legal.get('/api/reports/stat-tables/offline-cases/table.xlsx?period=2021-Q3'),
    );
    expect(ws.name).toBe('线下办理案件情况统计表');
    expect(String(r[1]![0])).toContain('渝州区公安分局');
    expect(String(r[1]![0])).toContain('2021年第3季度');
    expect(r[2]!.slice(0, 5)).toEqual(['单位', '行政案件', '刑事案件', '合计', '原因：系统故障']);
    expect(r.find((x) => x[0] === '城关派出所')!.slice(1, 4)).toEqual([2, 1, 3]);
    const total = r[r.length - 1]!;
    expect(total[0]).toBe('合计');
    expect(total.slice(1, 4)).toEqual([3, 2, 5]);
  });

  it('breaks an ad-hoc table down by unit, quarter and month', async () => {
    const ids = 'offline.cases,offline.criminal_cases,publicity.deadline_other_workdays';
    const byUnit = await sheet(await legal.get(`/api/reports/tables.xlsx?period=2021-Q3&ids=${ids}&by=unit`));
    const head = byUnit.rows[1]!;
    const ps01 = head.indexOf('城关派出所');
    expect(ps01).toBeGreaterThan(1);
    const offline = byUnit.rows.find((x) => x[0] === '线下办理案件数')!;
    expect(offline[ps01]).toBe(3);
    expect(offline[offline.length - 1]).toBe(5);
    // A figure not counted by unit has no unit cells.
    const rule = byUnit.rows.find((x) => x[0] === '其他执法决定公示时限')!;
    expect(rule[ps01] ?? null).toBeNull();

    const byQuarter = await sheet(
      await legal.get(`/api/reports/tables.xlsx?period=2021&ids=${ids}&by=quarter`),
    );
    expect(byQuarter.rows[1]!.slice(2, 6)).toEqual(['第1季度', '第2季度', '第3季度', '第4季度']);
    expect(byQuarter.rows.find((x) => x[0] === '线下办理案件数')!.slice(2, 7)).toEqual([0, 0, 5, 1, 6]);

    const byMonth = await sheet(await legal.get(`/api/reports/tables.xlsx?period=2021&ids=${ids}&by=month`));
    expect(byMonth.rows[1]![2]).toBe('1月');
    expect(byMonth.rows.find((x) => x[0] === '线下办理案件数')!.slice(8, 15)).toEqual([2, 1, 2, 1, 0, 0, 6]);

    const bad = await legal.get(`/api/reports/tables.xlsx?period=2021-Q3&ids=${ids}&by=month`);
    expect(bad.status).toBe(400);
    expect((await read(bad)).error.fields).toHaveProperty('by');
  });
});

describe('statistics tables', () => {
  it('are stated over metrics of the catalogue that count by unit', async () => {
    const list = await read(await legal.get('/api/reports/stat-tables'));
    expect(list.items.map((x: { id: string }) => x.id)).toEqual(STAT_TABLES.map((x) => x.id));
    for (const table of STAT_TABLES)
      for (const c of table.columns)
        if (table.rows === 'units') expect(breaksDownByUnit(c.metric), `${table.id} ${c.metric}`).toBe(true);
  });

  it('adds the units up to the branch value in every table', async () => {
    for (const table of STAT_TABLES) {
      const res = await read(await legal.get(`/api/reports/stat-tables/${table.id}?period=2021-Q3`));
      for (const [i, h] of (res.headers as { metric: string }[]).entries()) {
        const branch = await computeMetric(t.database.db, t.orgId, h.metric, '2021-Q3');
        expect(res.totals[i], h.metric).toBe(branch);
        expect(res.rows.reduce((s: number, r: { values: number[] }) => s + r.values[i]!, 0)).toBe(branch);
      }
    }
  });

  it('are report.read only', async () => {
    for (const path of [
      '/api/reports/stat-tables',
      '/api/reports/stat-tables/offline-cases?period=2021-Q3',
      '/api/reports/stat-tables/offline-cases/table.xlsx?period=2021-Q3',
      '/api/reports/tables.xlsx?period=2021-Q3&ids=offline.cases&by=unit',
    ])
      expect((await officer.get(path)).status, path).toBe(403);
  });

  it('name the bad period, and know no other table', async () => {
    const bad = await legal.get('/api/reports/stat-tables/offline-cases?period=2021-Q5');
    expect(bad.status).toBe(400);
    expect((await read(bad)).error.fields).toHaveProperty('period');
    const xlsx = await legal.get('/api/reports/stat-tables/offline-cases/table.xlsx?period=21');
    expect(xlsx.status).toBe(400);
    expect((await read(xlsx)).error.fields).toHaveProperty('period');
    expect((await legal.get('/api/reports/stat-tables/nope?period=2021')).status).toBe(404);
  });
});

describe('officers in service', () => {
  it('count as of the period end: deactivating records the leaving day, reactivating clears it', async () => {
    const admin = await t.signIn('admin');
    const [o] = await rows<{ id: number; qualification_level: string | null }>(
      t.database.db,
      sql`select id, qualification_level from officers where username = 'officer2'`,
    );
    const total = (period: string) => computeMetric(t.database.db, t.orgId, 'officers.total', period);
    const year = chinaToday().slice(0, 4);
    const before = { now: await total(year), past: await total('2020'), q1: await total('2020-Q1') };

    const off = await read(await admin.patch(`/api/officers/${o!.id}`, { active: false }));
    expect(off).toMatchObject({ active: false, leftOn: chinaToday() });
    // An update changes only what it sends: the qualification stays.
    expect(off.qualificationLevel).toBe(o!.qualification_level);
    expect(await total(year)).toBe(before.now! - 1);
    expect(await total('2020')).toBe(before.past);

    const on = await read(
      await admin.patch(`/api/officers/${o!.id}`, { active: true, joinedOn: '2020-06-01' }),
    );
    expect(on).toMatchObject({ active: true, leftOn: null, joinedOn: '2020-06-01' });
    expect(await total(year)).toBe(before.now);
    expect(await total('2020')).toBe(before.past);
    // Joined in June 2020: not yet in service at the end of 2020-Q1.
    expect(await total('2020-Q1')).toBe(before.q1! - 1);

    const late = await admin.patch(`/api/officers/${o!.id}`, { joinedOn: '2999-01-01', active: false });
    expect(late.status).toBe(400);
    expect((await read(late)).error.fields).toHaveProperty('joinedOn');
    expect(await read(await admin.get(`/api/officers/${o!.id}`))).toMatchObject({
      active: true,
      leftOn: null,
    });
  });
});
