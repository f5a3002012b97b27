import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';
import { auditOf, closedCase, leadOfficerOf, unitIdsOf } from './test-fixtures.ts';

let t: TestApp;
let legal: TestClient;
let officer: TestClient;
let head: TestClient;
let unitlegal: TestClient;
let officer2: TestClient;
let u: Record<string, number>;
// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions
type Body = any;

/** Points taken off each sample of a unit, per year: 5 → 95, 12 → 88; 'veto' → one veto. */
const PLAN: Record<number, Record<string, number | 'veto'>> = {
  2023: { 'PS-01': 5, 'PS-02': 5, 'PS-03': 12 },
  2024: { 'PS-01': 4, 'PS-02': 12, 'PS-03': 6 },
  2025: { 'PS-01': 3, 'PS-02': 2, 'PS-03': 'veto' },
};

/** A year of evaluation: two closed cases per unit in Q2, all sampled, scored per PLAN, published. */
async function evaluateYear(year: number) {
  for (const unit of ['PS-01', 'PS-02', 'PS-03']) {
    const lead = await leadOfficerOf(t, u[unit]!);
    for (const day of ['04-10', '05-20'])
      await closedCase(t, u[unit]!, lead, `${year}-${day}T10:00:00+08:00`);
  }
  const round = await read(await legal.post('/api/evaluation/rounds', { year, quarter: 2, perUnit: 2 }));
  expect(round.sampleCount).toBe(6);
  for (const s of round.samples) {
    const unit = Object.keys(u).find((k) => u[k] === s.unitId)!;
    const plan = PLAN[year]![unit]!;
    const first = s.id === round.samples.find((x: Body) => x.unitId === s.unitId).id;
    const deductions =
      plan === 'veto'
        ? first
          ? [{ item: 'torture', points: 0, note: '暴力取证' }]
          : []
        : [{ item: 'evidence', points: plan, note: '证据不全' }];
    const res = await legal.post(`/api/evaluation/samples/${s.id}/score`, { version: s.version, deductions });
    expect(res.status).toBe(200);
  }
  expect((await legal.post(`/api/evaluation/rounds/${round.id}/publish`)).status).toBe(200);
}

const awardsOf = async (year: number): Promise<Body[]> =>
  (await read(await legal.get(`/api/evaluation/awards?year=${year}`))).items;

beforeAll(async () => {
  t = await testApp();
  u = await unitIdsOf(t);
  [legal, officer, head, unitlegal, officer2] = await Promise.all([
    t.signIn('legal'),
    t.signIn('officer'),
    t.signIn('head'),
    t.signIn('unitlegal'),
    t.signIn('officer2'),
  ]);
});
afterAll(() => t.close());

describe('year rankings', () => {
  it('ranks units by average with ties sharing a rank, excellence at 90', async () => {
    await evaluateYear(2023);
    const r = await read(await head.get('/api/evaluation/rankings?year=2023'));
    expect(r.rounds).toHaveLength(1);
    const rows = r.units.map((x: Body) => [x.unitId, x.average, x.rank, x.excellent]);
    expect(rows).toEqual([
      [u['PS-01'], 95, 1, true],
      [u['PS-02'], 95, 1, true],
      [u['PS-03'], 88, 3, false],
    ]);
    expect(r.officers.map((o: Body) => o.rank)).toEqual([1, 1, 3]);
    expect(r.officers[0].samples).toBe(2);
  });

  it('shows a unit published results only, the detachment also the quarter being scored', async () => {
    const lead = await leadOfficerOf(t, u['PS-01']!);
    await closedCase(t, u['PS-01']!, lead, '2023-08-01T10:00:00+08:00');
    const open = await read(await legal.post('/api/evaluation/rounds', { year: 2023, quarter: 3 }));
    const s = open.samples[0];
    await legal.post(`/api/evaluation/samples/${s.id}/score`, { version: s.version, deductions: [] });
    const mine = await read(await legal.get('/api/evaluation/rankings?year=2023&quarter=3&minSamples=1'));
    expect(mine).toMatchObject({ provisional: true, samples: 1 });
    const theirs = await read(await unitlegal.get('/api/evaluation/rankings?year=2023&quarter=3'));
    expect(theirs).toMatchObject({ rounds: [], units: [] });
    // The year counts published rounds only.
    expect((await read(await legal.get('/api/evaluation/rankings?year=2023'))).samples).toBe(6);
  });
});

describe('awards', () => {
  it('proposes excellent units and stars; only the detachment may', async () => {
    expect((await officer.post('/api/evaluation/awards/propose', { year: 2023 })).status).toBe(403);
    expect((await head.post('/api/evaluation/awards/propose', { year: 2023 })).status).toBe(403);
    const none = await legal.post('/api/evaluation/awards/propose', { year: 2019 });
    expect((await read(none)).error.fields).toHaveProperty('year');
    const res = await legal.post('/api/evaluation/awards/propose', { year: 2023 });
    expect(res.status).toBe(200);
    const items = (await read(res)).items;
    const units = items.filter((a: Body) => a.kind === 'excellent_unit');
    expect(units.map((a: Body) => a.unitId).sort()).toEqual([u['PS-01'], u['PS-02']].sort());
    expect(
      units.every((a: Body) => a.consecutiveYears === 1 && !a.meritFlag && a.status === 'proposed'),
    ).toBe(true);
    expect(items.filter((a: Body) => a.kind === 'legal_star')).toHaveLength(3);
    expect(await auditOf(t, 'evaluation.awards.propose', 2023)).toHaveLength(1);
    for (const a of items)
      expect((await legal.post(`/api/evaluation/awards/${a.id}/approve`)).status).toBe(200);
    const approved = await awardsOf(2023);
    expect(approved.every((a: Body) => a.status === 'approved' && a.approvedBy === '周法明')).toBe(true);
    expect(await auditOf(t, 'evaluation.award.approve', approved[0].id)).toHaveLength(1);
    expect((await legal.post(`/api/evaluation/awards/${approved[0].id}/approve`)).status).toBe(409);
  });

  it('replaces unapproved proposals and keeps approved ones', async () => {
    await evaluateYear(2024);
    const first = await read(await legal.post('/api/evaluation/awards/propose', { year: 2024, stars: 1 }));
    const ps01 = first.items.find((a: Body) => a.kind === 'excellent_unit' && a.unitId === u['PS-01']);
    expect(ps01.consecutiveYears).toBe(2);
    await legal.post(`/api/evaluation/awards/${ps01.id}/approve`);
    const again = await read(await legal.post('/api/evaluation/awards/propose', { year: 2024, stars: 2 }));
    const unitAwards = again.items.filter((a: Body) => a.kind === 'excellent_unit');
    // PS-01 (approved, kept once) and PS-03 (94, proposed anew); PS-02 averaged 88.
    expect(unitAwards.map((a: Body) => [a.unitId, a.status]).sort()).toEqual(
      [
        [u['PS-01'], 'approved'],
        [u['PS-03'], 'proposed'],
      ].sort(),
    );
    expect(unitAwards.find((a: Body) => a.unitId === u['PS-01']).id).toBe(ps01.id);
    expect(again.items.filter((a: Body) => a.kind === 'legal_star')).toHaveLength(2);
    for (const a of again.items.filter((x: Body) => x.status === 'proposed'))
      await legal.post(`/api/evaluation/awards/${a.id}/approve`);
  });

  it('flags a unit excellent three years in a row for the 三等功 of its head and legal officer', async () => {
    await evaluateYear(2025);
    const items = (await read(await legal.post('/api/evaluation/awards/propose', { year: 2025 }))).items;
    const units = Object.fromEntries(
      items.filter((a: Body) => a.kind === 'excellent_unit').map((a: Body) => [a.unitId, a]),
    );
    expect(units[u['PS-01']!]).toMatchObject({ consecutiveYears: 3, meritFlag: true });
    expect(units[u['PS-01']!].meritNominees.map((n: Body) => n.name).sort()).toEqual(
      ['王晓丽', '赵志刚'].sort(),
    );
    expect(units[u['PS-01']!].proposalZh).toContain('三等功');
    expect(units[u['PS-01']!].proposalZh).toContain('赵志刚');
    // PS-02 was not excellent in 2024 and not awarded: the run starts again.
    expect(units[u['PS-02']!]).toMatchObject({ consecutiveYears: 1, meritFlag: false });
    expect(units[u['PS-02']!].proposalZh).not.toContain('三等功');
    // PS-03 had a veto in 2025: not excellent, no award, and its officer is no star.
    expect(units[u['PS-03']!]).toBeUndefined();
    const ps03Lead = await leadOfficerOf(t, u['PS-03']!);
    expect(items.some((a: Body) => a.kind === 'legal_star' && a.officerId === ps03Lead)).toBe(false);
    // Units read the awards too (a published result of the branch).
    expect((await read(await officer2.get('/api/evaluation/awards?year=2025'))).total).toBe(items.length);
  });
});

describe('self-inspection of case-handling areas', () => {
  const checklist = async () => {
    const { SELF_INSPECTION_ITEMS } = await import('@fazhi/common');
    return SELF_INSPECTION_ITEMS.map((i) => ({ code: i.code, ok: true, note: '' }));
  };

  it('takes a complete checklist from the unit, counting problems', async () => {
    const items = await checklist();
    items[1] = { code: items[1]!.code, ok: false, note: '候问室东北角存在监控盲区' };
    items[4] = { code: items[4]!.code, ok: false, note: '随身物品登记表未签字' };
    expect((await legal.post('/api/evaluation/self-inspections', { period: '2025-Q2', items })).status).toBe(
      403,
    );
    const missing = await unitlegal.post('/api/evaluation/self-inspections', {
      period: '2025-Q2',
      items: items.slice(1),
    });
    expect((await read(missing)).error.fields).toHaveProperty('items');
    const noNote = items.map((i, k) => (k === 2 ? { ...i, ok: false } : i));
    const bad = await unitlegal.post('/api/evaluation/self-inspections', {
      period: '2025-Q2',
      items: noNote,
    });
    expect((await read(bad)).error.fields).toHaveProperty('items.2.note');
    const future = await unitlegal.post('/api/evaluation/self-inspections', { period: '2099-Q1', items });
    expect((await read(future)).error.fields).toHaveProperty('period');
    const res = await unitlegal.post('/api/evaluation/self-inspections', { period: '2025-Q2', items });
    expect(res.status).toBe(200);
    const si = await read(res);
    expect(si).toMatchObject({ unitId: u['PS-01'], problems: 2, status: 'open', actions: ['rectify'] });
    expect(await auditOf(t, 'evaluation.self_inspection.submit', si.id)).toHaveLength(1);
    const dup = await unitlegal.post('/api/evaluation/self-inspections', { period: '2025-Q2', items });
    expect(dup.status).toBe(409);
    expect((await read(dup)).error.fields).toHaveProperty('period');
  });

  it('closes a clean checklist at once', async () => {
    const res = await read(
      await officer2.post('/api/evaluation/self-inspections', {
        period: '2025-Q2',
        items: await checklist(),
      }),
    );
    expect(res).toMatchObject({ unitId: u['PS-02'], problems: 0, status: 'rectified', actions: [] });
  });

  it('records the rectification by the unit; the detachment sees every unit', async () => {
    const all = await read(await legal.get('/api/evaluation/self-inspections?year=2025'));
    expect(all.counts).toEqual({ inspections: 2, problems: 2, open: 1 });
    const open = all.items.find((i: Body) => i.status === 'open');
    expect(open.actions).toEqual([]);
    const theirs = await read(await officer2.get('/api/evaluation/self-inspections'));
    expect(theirs.items.map((i: Body) => i.unitId)).toEqual([u['PS-02']]);
    const foreign = await officer2.post(`/api/evaluation/self-inspections/${open.id}/rectify`, {
      rectification: '已整改完毕',
    });
    expect(foreign.status).toBe(404);
    const res = await unitlegal.post(`/api/evaluation/self-inspections/${open.id}/rectify`, {
      rectification: '加装一路球机消除盲区；登记表补签并开展培训',
    });
    expect(res.status).toBe(200);
    expect(await read(res)).toMatchObject({ status: 'rectified', actions: [] });
    expect(await auditOf(t, 'evaluation.self_inspection.rectify', open.id)).toHaveLength(1);
    const twice = await unitlegal.post(`/api/evaluation/self-inspections/${open.id}/rectify`, {
      rectification: '再次提交整改情况说明',
    });
    expect(twice.status).toBe(409);
  });
});
