/**
 * 统计报表 on the demo history (2021 → today): every table's units add up to its 合计, which is
 * the branch's metric value; and 公示行政处罚人数 counts the persons penalised in the period whose
 * decision is published, so it never exceeds 行政处罚人数, in the branch or in any unit.
 */
import { STAT_TABLES } from '@fazhi/common';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../../db/index.ts';
import { read, type TestApp, type TestClient, testApp } from '../../../test-support/test-app.ts';
import { computeByUnit, computeMetric } from '../metrics/registry.ts';

let t: TestApp;
let head: TestClient;

beforeAll(async () => {
  t = await testApp({ history: true });
  head = await t.signIn('head');
}, 180_000);
afterAll(() => t.close());

const PUBLISHED = 'publicity.admin_penalty_published_persons';
const PENALISED = 'cases.admin_penalty_persons';

describe('statistics tables on the demo history', () => {
  it.each(['2021', '2021-Q3'])(
    'add the units up to the branch values for %s',
    async (period) => {
      for (const table of STAT_TABLES) {
        const res = await read(await head.get(`/api/reports/stat-tables/${table.id}?period=${period}`));
        for (const [i, h] of (res.headers as { metric: string }[]).entries()) {
          const branch = await computeMetric(t.database.db, t.orgId, h.metric, period);
          expect(res.totals[i], `${table.id} ${h.metric}`).toBe(branch);
          const sum = res.rows.reduce(
            (s: number, r: { values: (number | null)[] }) => s + (r.values[i] ?? 0),
            0,
          );
          expect(sum, `${table.id} ${h.metric}`).toBe(branch ?? 0);
        }
      }
      const main = await read(await head.get(`/api/reports/stat-tables/enforcement?period=${period}`));
      expect(main.totals.some((v: number | null) => (v ?? 0) > 0)).toBe(true);
    },
    120_000,
  );
});

describe('公示行政处罚人数', () => {
  it('never exceeds 行政处罚人数, in the branch or a unit', async () => {
    const { db } = t.database;
    for (const period of ['2021', '2022', '2021-Q1', '2021-Q2', '2021-Q3', '2021-Q4']) {
      const published = (await computeMetric(db, t.orgId, PUBLISHED, period))!;
      const penalised = (await computeMetric(db, t.orgId, PENALISED, period))!;
      expect(published, period).toBeLessThanOrEqual(penalised);
      const pubUnits = (await computeByUnit(db, t.orgId, PUBLISHED, period))!;
      const penUnits = (await computeByUnit(db, t.orgId, PENALISED, period))!;
      for (const [unit, n] of pubUnits)
        expect(n, `${period} ${unit}`).toBeLessThanOrEqual(penUnits.get(unit) ?? 0);
    }
    expect(await computeMetric(db, t.orgId, PUBLISHED, '2021')).toBeGreaterThan(0);
  });

  it('counts by the decision date, and only decisions published', async () => {
    const { db } = t.database;
    // A 2021 decision whose person has no other penalty that year.
    const [d] = await rows<{ publication_id: number }>(
      db,
      sql`select pb.id as publication_id
          from publications pb join decisions d on d.id = pb.decision_id
          where pb.org_id = ${t.orgId} and pb.status = 'published' and d.status = 'effective'
            and d.kind in ('warning', 'fine', 'confiscation', 'detention') and d.party_id is not null
            and d.decided_at >= '2021-01-01T00:00:00+08:00' and d.decided_at < '2021-12-01T00:00:00+08:00'
            and (select count(*) from decisions d2 join case_parties p2 on p2.id = d2.party_id
                 join case_parties p1 on p1.id = d.party_id
                 where d2.org_id = d.org_id and d2.kind in ('warning', 'fine', 'confiscation', 'detention')
                   and d2.status = 'effective'
                   and coalesce(p2.id_number, 'party:' || p2.id::text) = coalesce(p1.id_number, 'party:' || p1.id::text)
                   and d2.decided_at >= '2021-01-01T00:00:00+08:00'
                   and d2.decided_at < '2022-01-01T00:00:00+08:00') = 1
          order by d.decided_at limit 1`,
    );
    expect(d).toBeDefined();
    const value = () => computeMetric(db, t.orgId, PUBLISHED, '2021');
    const before = await value();
    // Published the next January: still a 2021 penalty, published.
    await db.execute(
      sql`update publications set published_at = '2022-01-05T10:00:00+08:00' where id = ${d!.publication_id}`,
    );
    expect(await value()).toBe(before);
    // Not published (yet): not counted.
    await db.execute(
      sql`update publications set status = 'pending', published_at = null where id = ${d!.publication_id}`,
    );
    expect(await value()).toBe(before! - 1);
  });
});
