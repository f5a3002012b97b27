import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationSamples } from '../../db/schema/index.ts';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';
import { closedCasesOf } from './rounds.service.ts';
import { drawSample } from './sampling.ts';
import { auditOf, closedCase, leadOfficerOf, unitIdsOf } from './test-fixtures.ts';

let t: TestApp;
let legal: TestClient;
let officer: TestClient;
let unitlegal: TestClient;
let officer2: TestClient;
let head: TestClient;
let u: Record<string, number>;
const inQuarter: Record<string, number[]> = { 'PS-01': [], 'PS-02': [], 'PS-03': [] };
let outside: number[] = [];

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions
type Body = any;
let round: Body;
const sampleOf = (unit: string): Body => round.samples.filter((s: Body) => s.unitId === u[unit]);

beforeAll(async () => {
  t = await testApp();
  u = await unitIdsOf(t);
  const lead = {
    'PS-01': await leadOfficerOf(t, u['PS-01']!),
    'PS-02': await leadOfficerOf(t, u['PS-02']!),
    'PS-03': await leadOfficerOf(t, u['PS-03']!),
  };
  // 2025-Q1 in China time: 2025-01-01T00:00+08:00 up to 2025-03-31T24:00+08:00.
  const times = ['2025-01-01T00:05:00+08:00', '2025-02-10T10:00:00+08:00', '2025-03-31T23:55:00+08:00'];
  for (let i = 0; i < 5; i++)
    inQuarter['PS-01']!.push(await closedCase(t, u['PS-01']!, lead['PS-01'], times[i % 3]!));
  for (let i = 0; i < 3; i++)
    inQuarter['PS-02']!.push(await closedCase(t, u['PS-02']!, lead['PS-02'], times[i]!));
  inQuarter['PS-03']!.push(await closedCase(t, u['PS-03']!, lead['PS-03'], times[1]!));
  outside = [
    // The evening of 2024-12-31 in China is still 2024-Q4, though UTC says the same day.
    await closedCase(t, u['PS-01']!, lead['PS-01'], '2024-12-31T23:30:00+08:00'),
    // 00:10 on 1 April China time is 2025-Q2 (still 31 March in UTC).
    await closedCase(t, u['PS-01']!, lead['PS-01'], '2025-04-01T00:10:00+08:00'),
    await closedCase(t, u['PS-01']!, lead['PS-01'], null),
  ];
  [legal, officer, unitlegal, officer2, head] = await Promise.all([
    t.signIn('legal'),
    t.signIn('officer'),
    t.signIn('unitlegal'),
    t.signIn('officer2'),
    t.signIn('head'),
  ]);
});
afterAll(() => t.close());

describe('the rubric', () => {
  it('serves the default rubric with its veto items', async () => {
    const r = await read(await legal.get('/api/evaluation/rubric?on=2025-01-01'));
    expect(r).toMatchObject({ fullScore: 100, excellentScore: 90, effectiveFrom: '2021-01-01' });
    expect(r.items.filter((i: Body) => i.veto).map((i: Body) => i.code)).toEqual(
      expect.arrayContaining(['torture', 'unlawful_coercion', 'wrongful_case']),
    );
  });

  it('refuses an edit by an officer and repeated item codes', async () => {
    const r = await read(await legal.get('/api/evaluation/rubric'));
    const body = {
      name: r.name,
      items: r.items,
      fullScore: 100,
      excellentScore: 90,
      effectiveFrom: '2031-01-01',
    };
    expect((await officer.put('/api/evaluation/rubric', body)).status).toBe(403);
    const dup = await legal.put('/api/evaluation/rubric', { ...body, items: [...r.items, r.items[0]] });
    expect(dup.status).toBe(400);
    expect((await read(dup)).error.fields[`items.${r.items.length}.code`]).toBeTruthy();
  });
});

describe('opening a round', () => {
  it('refuses a future quarter and an out-of-range sample size, naming the field', async () => {
    const future = await legal.post('/api/evaluation/rounds', { year: 2099, quarter: 1 });
    expect(future.status).toBe(400);
    expect((await read(future)).error.fields).toHaveProperty('quarter');
    for (const perUnit of [0, 21]) {
      const bad = await legal.post('/api/evaluation/rounds', { year: 2025, quarter: 1, perUnit });
      expect(bad.status).toBe(400);
      expect((await read(bad)).error.fields).toHaveProperty('perUnit');
    }
    const empty = await legal.post('/api/evaluation/rounds', { year: 2023, quarter: 3 });
    expect(empty.status).toBe(400);
    expect((await read(empty)).error.fields).toHaveProperty('quarter');
  });

  it('is refused to an officer', async () => {
    expect((await officer.post('/api/evaluation/rounds', { year: 2025, quarter: 1 })).status).toBe(403);
  });

  it("samples up to perUnit of each unit's cases closed that quarter, reproducibly from the seed", async () => {
    const res = await legal.post('/api/evaluation/rounds', { year: 2025, quarter: 1, perUnit: 2 });
    expect(res.status).toBe(200);
    round = await read(res);
    expect(round).toMatchObject({
      period: '2025-Q1',
      status: 'scoring',
      sampleCount: 5,
      pending: 5,
      units: 3,
    });
    expect(sampleOf('PS-01')).toHaveLength(2);
    expect(sampleOf('PS-02')).toHaveLength(2);
    expect(sampleOf('PS-03')).toHaveLength(1);
    const all = Object.values(inQuarter).flat();
    for (const s of round.samples) {
      expect(all).toContain(s.caseId);
      expect(outside).not.toContain(s.caseId);
      expect(s.status).toBe('pending');
    }
    // Anyone can re-draw the sample from the stored seed.
    const population = await closedCasesOf(t.database.db, t.orgId, 2025, 1);
    expect(population.map((c) => c.id).sort()).toEqual(all.sort());
    const again = drawSample(population, 2, round.seed).map((c) => c.id);
    expect(round.samples.map((s: Body) => s.caseId).sort()).toEqual(again.sort());
    expect(await auditOf(t, 'evaluation.round.create', round.id)).toHaveLength(1);
  });

  it('refuses a second round of the same quarter', async () => {
    const dup = await legal.post('/api/evaluation/rounds', { year: 2025, quarter: 1 });
    expect(dup.status).toBe(409);
    expect((await read(dup)).error).toMatchObject({
      code: 'DUPLICATE',
      fields: { quarter: expect.any(String) },
    });
  });

  it('no longer lets the rubric version it used change', async () => {
    const r = await read(await legal.get('/api/evaluation/rubric?on=2025-01-01'));
    const res = await legal.put('/api/evaluation/rubric', { ...r, effectiveFrom: '2021-01-01' });
    expect(res.status).toBe(400);
    expect((await read(res)).error.fields).toHaveProperty('effectiveFrom');
  });

  it('shows a unit only its own samples', async () => {
    const mine = await read(await unitlegal.get(`/api/evaluation/rounds/${round.id}`));
    expect(mine.samples.map((s: Body) => s.unitId)).toEqual([u['PS-01'], u['PS-01']]);
    expect(mine.samples[0].actions).toEqual([]);
    const list = await read(await officer2.get('/api/evaluation/rounds'));
    expect(list.items[0]).toMatchObject({ id: round.id, sampleCount: 5 });
  });
});

describe('scoring', () => {
  it('takes capped deductions off the full score and audits it', async () => {
    const s = sampleOf('PS-01')[0];
    const res = await legal.post(`/api/evaluation/samples/${s.id}/score`, {
      version: s.version,
      deductions: [
        { item: 'acceptance', points: 10, note: '受案登记不及时' },
        { item: 'acceptance', points: 10, note: '未出具受案回执' },
        { item: 'documents', points: 2.5, note: '笔录未签名' },
      ],
      vetoed: false,
    });
    expect(res.status).toBe(200);
    const scored = await read(res);
    // acceptance is capped at 15: 100 − 15 − 2.5
    expect(scored).toMatchObject({ status: 'scored', score: 82.5, vetoed: false, version: s.version + 1 });
    expect(scored.actions).toEqual(['score']);
    const [entry] = await auditOf(t, 'evaluation.sample.score', s.id);
    expect(entry!.summary).toMatchObject({ score: 82.5, vetoed: false });
  });

  it('answers 409 to a stale version and changes nothing', async () => {
    const s = sampleOf('PS-01')[0];
    const res = await legal.post(`/api/evaluation/samples/${s.id}/score`, {
      version: s.version,
      deductions: [],
    });
    expect(res.status).toBe(409);
    const [row] = await t.database.db.select().from(evaluationSamples).where(eq(evaluationSamples.id, s.id));
    expect(row!.score).toBe('82.5');
  });

  it('refuses unknown items and a veto without a veto item', async () => {
    const s = sampleOf('PS-01')[1];
    const unknown = await legal.post(`/api/evaluation/samples/${s.id}/score`, {
      version: s.version,
      deductions: [{ item: 'nonsense', points: 1 }],
    });
    expect((await read(unknown)).error.fields).toHaveProperty('deductions.0.item');
    const veto = await legal.post(`/api/evaluation/samples/${s.id}/score`, {
      version: s.version,
      deductions: [{ item: 'documents', points: 1 }],
      vetoed: true,
    });
    expect(veto.status).toBe(400);
    expect((await read(veto)).error.fields).toHaveProperty('vetoed');
  });

  it('scores a case on a veto item 0', async () => {
    const s = sampleOf('PS-02')[0];
    const res = await read(
      await legal.post(`/api/evaluation/samples/${s.id}/score`, {
        version: s.version,
        deductions: [
          { item: 'documents', points: 1 },
          { item: 'unlawful_coercion', points: 0, note: '无审批手续扣押财物' },
        ],
      }),
    );
    expect(res).toMatchObject({ score: 0, vetoed: true });
  });

  it('is refused to an officer, a unit legal officer and the branch head', async () => {
    const s = sampleOf('PS-01')[1];
    for (const c of [officer, unitlegal, head])
      expect(
        (await c.post(`/api/evaluation/samples/${s.id}/score`, { version: s.version, deductions: [] }))
          .status,
      ).toBe(403);
  });
});

describe('disputes', () => {
  it('lets the unit dispute its own scored sample, and only that', async () => {
    const mine = sampleOf('PS-01')[0];
    const other = sampleOf('PS-02')[0];
    const pending = sampleOf('PS-01')[1];
    const current = await read(await unitlegal.get(`/api/evaluation/samples/${mine.id}`));
    expect(current.actions).toEqual(['dispute']);
    // Another unit's sample does not exist for PS-01.
    expect((await unitlegal.get(`/api/evaluation/samples/${other.id}`)).status).toBe(404);
    const foreign = await unitlegal.post(`/api/evaluation/samples/${other.id}/dispute`, {
      version: 2,
      reason: '扣分依据不足，受案登记在规定时间内完成',
    });
    expect(foreign.status).toBe(404);
    const early = await unitlegal.post(`/api/evaluation/samples/${pending.id}/dispute`, {
      version: pending.version,
      reason: '尚未评分的案件不能提出异议',
    });
    expect(early.status).toBe(409);
    const res = await unitlegal.post(`/api/evaluation/samples/${mine.id}/dispute`, {
      version: current.version,
      reason: '受案登记在规定时间内完成，有系统记录为证',
    });
    expect(res.status).toBe(200);
    expect(await read(res)).toMatchObject({ status: 'disputed', dispute: { outcome: null, by: '王晓丽' } });
    expect(await auditOf(t, 'evaluation.sample.dispute', mine.id)).toHaveLength(1);
  });

  it("puts unscored samples and open disputes on the detachment's 待办", async () => {
    const ids = (await read(await legal.get('/api/tasks'))).items.map((x: Body) => x.id);
    expect(ids).toEqual(
      expect.arrayContaining([`evaluation.unscored.${round.id}`, `evaluation.disputes.${round.id}`]),
    );
    const theirs = (await read(await officer2.get('/api/tasks'))).items.map((x: Body) => x.id);
    expect(theirs).toContain(`evaluation.scored.${round.id}`);
    expect(theirs).not.toContain(`evaluation.unscored.${round.id}`);
  });

  it('keeps the round unpublishable while a sample is unscored or a dispute open', async () => {
    const res = await legal.post(`/api/evaluation/rounds/${round.id}/publish`);
    expect(res.status).toBe(400);
    const fields = (await read(res)).error.fields;
    expect(fields).toHaveProperty('samples');
    expect(fields).toHaveProperty('disputes');
    const r = await read(await legal.get(`/api/evaluation/rounds/${round.id}`));
    expect(r.publishBlockers).toEqual(['unscored', 'disputes_open']);
    expect(r.actions).toEqual([]);
  });

  it('lets the detachment revise the score, audited, and then it is final', async () => {
    const s = await read(await legal.get(`/api/evaluation/samples/${sampleOf('PS-01')[0].id}`));
    expect(s.actions).toEqual(['decide_dispute']);
    const needs = await legal.post(`/api/evaluation/samples/${s.id}/decide-dispute`, {
      version: s.version,
      outcome: 'revised',
      note: '核实后改判',
    });
    expect((await read(needs)).error.fields).toHaveProperty('deductions');
    const res = await legal.post(`/api/evaluation/samples/${s.id}/decide-dispute`, {
      version: s.version,
      outcome: 'revised',
      deductions: [{ item: 'documents', points: 2.5, note: '笔录未签名' }],
      note: '受案登记及时，撤销该项扣分',
    });
    expect(res.status).toBe(200);
    expect(await read(res)).toMatchObject({
      status: 'final',
      score: 97.5,
      dispute: { outcome: 'revised', decidedBy: '周法明' },
      actions: [],
    });
    const [entry] = await auditOf(t, 'evaluation.sample.decide_dispute', s.id);
    expect(entry!.summary).toMatchObject({ before: { score: 82.5 }, after: { score: 97.5 } });
    const again = await unitlegal.post(`/api/evaluation/samples/${s.id}/dispute`, {
      version: s.version + 1,
      reason: '再次提出异议',
    });
    expect(again.status).toBe(409);
  });

  it('lets the detachment uphold a disputed score', async () => {
    const s = sampleOf('PS-02')[0];
    const now = await read(await officer2.get(`/api/evaluation/samples/${s.id}`));
    await officer2.post(`/api/evaluation/samples/${s.id}/dispute`, {
      version: now.version,
      reason: '扣押有审批手续',
    });
    const res = await read(
      await legal.post(`/api/evaluation/samples/${s.id}/decide-dispute`, {
        version: now.version + 1,
        outcome: 'upheld',
        note: '审批手续系事后补办，维持',
      }),
    );
    expect(res).toMatchObject({ status: 'final', score: 0, vetoed: true, dispute: { outcome: 'upheld' } });
  });
});

describe('publishing', () => {
  it('publishes once every sample is scored and no dispute is open; then nothing changes', async () => {
    const r = await read(await legal.get(`/api/evaluation/rounds/${round.id}`));
    for (const s of r.samples.filter((x: Body) => x.status === 'pending'))
      await legal.post(`/api/evaluation/samples/${s.id}/score`, {
        version: s.version,
        deductions: [{ item: 'procedure', points: 3 }],
      });
    expect((await officer.post(`/api/evaluation/rounds/${round.id}/publish`)).status).toBe(403);
    const res = await legal.post(`/api/evaluation/rounds/${round.id}/publish`);
    expect(res.status).toBe(200);
    const published = await read(res);
    expect(published).toMatchObject({ status: 'published', final: 5, pending: 0, scored: 0 });
    expect(await auditOf(t, 'evaluation.round.publish', round.id)).toHaveLength(1);
    const s = published.samples.find((x: Body) => x.unitId === u['PS-02'] && x.score === 97);
    expect(s.actions).toEqual([]);
    const late = await officer2.post(`/api/evaluation/samples/${s.id}/dispute`, {
      version: s.version,
      reason: '发布后才提出的异议',
    });
    expect(late.status).toBe(409);
    const rescore = await legal.post(`/api/evaluation/samples/${s.id}/score`, {
      version: s.version,
      deductions: [],
    });
    expect(rescore.status).toBe(409);
    expect((await legal.post(`/api/evaluation/rounds/${round.id}/publish`)).status).toBe(409);
  });

  it('ranks the quarter: units by average, vetoes count against excellence', async () => {
    const r = await read(await head.get('/api/evaluation/rankings?year=2025&quarter=1&minSamples=1'));
    expect(r).toMatchObject({ provisional: false, samples: 5, excellentScore: 90 });
    const byUnit = Object.fromEntries(r.units.map((x: Body) => [x.unitId, x]));
    // PS-01: 97.5 and 97; PS-03: 97; PS-02: 0 (veto) and 97.
    expect(byUnit[u['PS-01']!]).toMatchObject({ average: 97.25, samples: 2, rank: 1, excellent: true });
    expect(byUnit[u['PS-03']!]).toMatchObject({ average: 97, rank: 2, excellent: true });
    expect(byUnit[u['PS-02']!]).toMatchObject({ average: 48.5, vetoes: 1, rank: 3, excellent: false });
    expect(r.officers.length).toBe(3);
  });
});
