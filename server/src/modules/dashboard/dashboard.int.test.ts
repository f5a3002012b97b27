import { addDays, chinaToday, type DashboardResponse } from '@fazhi/common';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/index.ts';
import { read, type TestApp, testApp } from '../../test-support/test-app.ts';

let t: TestApp;
let ps01 = 0;
let ps02 = 0;
const today = chinaToday();
const one = async (s: ReturnType<typeof sql>) =>
  Number((await rows<{ n: unknown }>(t.database.db, s))[0]?.n ?? 0);
const sum = (xs: { count: number }[]) => xs.reduce((a, x) => a + x.count, 0);

beforeAll(async () => {
  t = await testApp({ history: true });
  ps01 = await one(sql`select id n from units where code = 'PS-01'`);
  ps02 = await one(sql`select id n from units where code = 'PS-02'`);
}, 180_000);
afterAll(() => t.close());

async function dashboard(username: string, query = ''): Promise<DashboardResponse> {
  const c = await t.signIn(username);
  const res = await c.get(`/api/dashboard/enforcement${query}`);
  expect(res.status).toBe(200);
  return read(res);
}

const range = (from: string, to: string) =>
  sql`received_at >= ${`${from}T00:00:00+08:00`}::timestamptz and received_at < ${`${addDays(to, 1)}T00:00:00+08:00`}::timestamptz`;

describe('enforcement dashboard', () => {
  it('agrees with the records for the whole branch (legal detachment)', async () => {
    const d = await dashboard('legal');
    expect(d.to).toBe(today);
    expect(d.from.endsWith('-01')).toBe(true);
    const incidents = await one(sql`select count(*) n from incidents where ${range(d.from, d.to)}`);
    expect(d.kpis.incidents).toBe(incidents);
    expect(sum(d.incidentsByMonth)).toBe(incidents);
    expect(sum(d.incidentsByCategory)).toBe(incidents);
    expect(new Set(d.incidentsByMonth.map((m) => m.month)).size).toBeGreaterThanOrEqual(11);
    expect(d.kpis.incidentsLastYear).toBeGreaterThan(0);
    expect(sum(d.incidentsByMonthLastYear)).toBe(d.kpis.incidentsLastYear);
    const cases = await one(sql`select count(*) n from cases where ${range(d.from, d.to)}`);
    expect(d.kpis.cases).toBe(cases);
    expect(sum(d.casesByStatus)).toBe(cases);
    const toCases = await one(sql`select count(*) n from incidents i where ${range(d.from, d.to)}
      and exists (select 1 from cases c where c.incident_id = i.id)`);
    expect(d.kpis.incidentsToCases).toBe(toCases);
    expect(toCases).toBeGreaterThan(incidents * 0.1);
    expect(sum(d.casesByType)).toBe(cases);
    expect(d.incidentsByUnit.length).toBe(20);
    expect(d.incidentsByUnit[0]!.count).toBeGreaterThanOrEqual(d.incidentsByUnit[19]!.count);
    for (const u of d.casesByUnit) expect(sum(u.byStatus)).toBe(u.total);
    // Review queues and clocks are what stands open now, whatever the range.
    for (const g of d.reviewQueue)
      expect(g.count, g.gate).toBe(
        await one(sql`select count(*) n from cases where status = 'in_review' and current_gate = ${g.gate}`),
      );
    expect(d.reviewQueue.map((g) => g.gate)).toEqual(['unit_legal', 'unit_head', 'legal', 'branch_head']);
    const overdueCases = await one(sql`select count(*) n from cases where clock_due < ${today}
      and status in ('acceptance_review', 'filing_review', 'investigating', 'in_review', 'approved')`);
    expect(d.clocksBySource.find((s) => s.source === 'case')!.overdue).toBe(overdueCases);
    const overduePubs = await one(
      sql`select count(*) n from publications where status = 'pending' and due_on < ${today}`,
    );
    expect(d.clocksBySource.find((s) => s.source === 'publicity')!.overdue).toBe(overduePubs);
    expect(d.kpis.overdue).toBe(d.clocksBySource.reduce((a, s) => a + s.overdue, 0));
    expect(d.publicity.onTimeRate).toBeGreaterThan(0.5);
    expect(d.publicity.onTimeRate).toBeLessThan(1);
    expect(d.publicity.onTime + d.publicity.late + d.publicity.overdue).toBe(d.publicity.due);
    expect(d.incidentsByTag.find((x) => x.tag === '反诈')?.count).toBeGreaterThan(0);
    expect(d.kpis.fineTotal).toBeGreaterThan(0);
  });

  it('shows a unit-scoped reader only their own unit (法制员 of PS-01)', async () => {
    const d = await dashboard('unitlegal');
    const incidents = await one(
      sql`select count(*) n from incidents where unit_id = ${ps01} and ${range(d.from, d.to)}`,
    );
    expect(d.kpis.incidents).toBe(incidents);
    expect(d.incidentsByUnit.map((u) => u.unitId)).toEqual([ps01]);
    expect(d.casesByUnit.every((u) => u.unitId === ps01)).toBe(true);
    expect(d.clocksByUnit.every((u) => u.unitId === ps01)).toBe(true);
    const cases = await one(
      sql`select count(*) n from cases where unit_id = ${ps01} and ${range(d.from, d.to)}`,
    );
    expect(d.kpis.cases).toBe(cases);
    const atGate = await one(
      sql`select count(*) n from cases where unit_id = ${ps01} and status = 'in_review' and current_gate = 'unit_legal'`,
    );
    expect(d.reviewQueue.find((g) => g.gate === 'unit_legal')!.count).toBe(atGate);
    expect(atGate).toBeGreaterThan(0);
    // The branch head narrowing to PS-01 sees the same figures.
    const head = await dashboard('head', `?unitId=${ps01}`);
    expect(head.kpis).toEqual(d.kpis);
    expect(head.casesByStatus).toEqual(d.casesByStatus);
  });

  it('keeps another unit out of reach and refuses readers without dashboard.read', async () => {
    const unitlegal = await t.signIn('unitlegal');
    expect((await unitlegal.get(`/api/dashboard/enforcement?unitId=${ps02}`)).status).toBe(404);
    for (const username of ['officer', 'inspector', 'admin']) {
      const c = await t.signIn(username);
      const res = await c.get('/api/dashboard/enforcement');
      expect(res.status, username).toBe(403);
      expect((await read(res)).error.code).toBe('FORBIDDEN');
    }
    expect((await t.client().get('/api/dashboard/enforcement')).status).toBe(401);
  });

  it('takes a range, compares it with the year before, and refuses a bad one', async () => {
    const d = await dashboard('head', '?from=2025-01-01&to=2025-03-31');
    expect(d.incidentsByMonth.map((m) => m.month).sort()[0]).toBe('2025-01');
    expect(new Set(d.incidentsByMonthLastYear.map((m) => m.month))).toEqual(
      new Set(['2025-01', '2025-02', '2025-03']),
    );
    const prior = await one(sql`select count(*) n from incidents where ${range('2024-01-01', '2024-03-31')}`);
    expect(d.kpis.incidentsLastYear).toBe(prior);
    const head = await t.signIn('head');
    const bad = await head.get('/api/dashboard/enforcement?from=2025-03-01&to=2025-01-01');
    expect(bad.status).toBe(400);
    expect(Object.keys((await read(bad)).error.fields)).toEqual(['from']);
    expect((await head.get('/api/dashboard/enforcement?from=2025-13-01')).status).toBe(400);
  });
});
