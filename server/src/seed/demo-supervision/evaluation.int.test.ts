import { chinaToday, quarterOf } from '@fazhi/common';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/index.ts';
import {
  evaluationAwards,
  evaluationRounds,
  evaluationSamples,
  selfInspections,
} from '../../db/schema/index.ts';
import { read, type TestApp, testApp } from '../../test-support/test-app.ts';
import { seedDemoEvaluation } from './evaluation.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ history: true });
}, 120_000);
afterAll(() => t.close());

const snapshot = async () =>
  t.database.db
    .select({
      caseId: evaluationSamples.caseId,
      score: evaluationSamples.score,
      status: evaluationSamples.status,
    })
    .from(evaluationSamples)
    .orderBy(asc(evaluationSamples.caseId));

describe('demo evaluation', () => {
  it('publishes a round for every complete quarter since 2021 and keeps the current one open', async () => {
    const today = quarterOf(chinaToday());
    const rounds = await t.database.db
      .select()
      .from(evaluationRounds)
      .where(eq(evaluationRounds.orgId, t.orgId));
    const published = rounds.filter((r) => r.status === 'published');
    const complete = (today.year - 2021) * 4 + today.quarter - 1;
    expect(published).toHaveLength(complete);
    const open = rounds.filter((r) => r.status === 'scoring');
    expect(open.every((r) => r.year === today.year && r.quarter === today.quarter)).toBe(true);
    const perYear = await rows<{ year: number; n: number; vetoes: number; disputes: number; avg: string }>(
      t.database.db,
      sql`select r.year, count(*)::int n, (count(*) filter (where s.vetoed))::int vetoes,
                 (count(*) filter (where s.dispute_outcome is not null))::int disputes, avg(s.score)::text avg
          from evaluation_samples s join evaluation_rounds r on r.id = s.round_id
          where r.status = 'published' group by r.year order by r.year`,
    );
    for (const y of perYear) {
      expect(Number(y.avg)).toBeGreaterThan(85);
      expect(Number(y.avg)).toBeLessThan(97);
    }
    expect(perYear.reduce((a, y) => a + y.vetoes, 0)).toBeGreaterThan(0);
    expect(perYear.reduce((a, y) => a + y.disputes, 0)).toBeGreaterThan(3);
    console.log(JSON.stringify(perYear));
  });

  it('has the approved awards of 2021–2025, with units excellent three years running', async () => {
    const legal = await t.signIn('legal');
    for (let year = 2021; year <= 2025; year++) {
      const items = (await read(await legal.get(`/api/evaluation/awards?year=${year}`))).items;
      expect(items.filter((a: { kind: string }) => a.kind === 'excellent_unit')).toHaveLength(10);
      expect(items.filter((a: { kind: string }) => a.kind === 'legal_star')).toHaveLength(8);
      expect(items.every((a: { status: string }) => a.status === 'approved')).toBe(true);
    }
    const flagged = (await read(await legal.get('/api/evaluation/awards?year=2025'))).items.filter(
      (a: { meritFlag: boolean }) => a.meritFlag,
    );
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged[0].proposalZh).toContain('三等功');
    const ranking = await read(await legal.get('/api/evaluation/rankings?year=2025'));
    expect(ranking.units.length).toBeGreaterThan(15);
  });

  it('has the 24 self-inspections of 2021 and later ones', async () => {
    const [y2021] = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int n from self_inspections where period like '2021-%'`,
    );
    expect(y2021!.n).toBe(24);
    const all = await t.database.db.select().from(selfInspections);
    expect(all.length).toBeGreaterThan(40);
  });

  it('is deterministic and fast', async () => {
    const before = await snapshot();
    const db = t.database.db;
    await db.delete(evaluationSamples);
    await db.delete(evaluationRounds);
    await db.delete(evaluationAwards);
    await db.delete(selfInspections);
    const start = performance.now();
    await db.transaction((tx) => seedDemoEvaluation(tx, t.orgId));
    const ms = performance.now() - start;
    console.log(`seedDemoEvaluation: ${Math.round(ms)} ms, ${before.length} samples`);
    expect(ms).toBeLessThan(3000);
    expect(await snapshot()).toEqual(before);
  });
});
