/**
 * Metric values on records made for the test (in 2018–2020, where the demo has none): China-time
 * period bounds, 同比, rates from their parts, stocks as of the period's end, and submitted values
 * from accepted submissions only (the latest review wins).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../../db/index.ts';
import { type TestApp, testApp } from '../../../test-support/test-app.ts';
import { periodRange, previousPeriod } from './period.ts';
import { computeMetric, metricRecords } from './registry.ts';
import { metricValues } from './values.ts';

let t: TestApp;
let unitIds: number[] = [];
let officerId = 0;
let seq = 0;
const one = async (s: ReturnType<typeof sql>) => Number((await rows<{ n: unknown }>(t.database.db, s))[0]?.n);

async function incident(
  receivedAt: string,
  category: string,
  opts: { source?: string; tags?: string[] } = {},
) {
  seq += 1;
  return one(sql`insert into incidents (org_id, incident_no, source, received_at, category_code, place, narrative, unit_id, tags)
    values (${t.orgId}, ${`T-MET-${seq}`}, ${opts.source ?? '110'}, ${receivedAt}::timestamptz, ${category}, '测试地点',
            '测试警情', ${unitIds[0]}, ${sql`array[${sql.join(
              (opts.tags ?? []).map((x) => sql`${x}`),
              sql`, `,
            )}]::text[]`})
    returning id as n`);
}

async function callback(
  incidentId: number,
  fields: { reason?: string; status?: string; satisfaction?: string; followUp?: string },
) {
  await t.database.db.execute(sql`insert into callbacks (org_id, incident_id, unit_id, reason, created_on, status, satisfaction, follow_up_status)
    values (${t.orgId}, ${incidentId}, ${unitIds[0]}, ${fields.reason ?? 'sample'}, '2019-06-02', ${fields.status ?? 'done'},
            ${fields.satisfaction ?? null}, ${fields.followUp ?? 'none'})`);
}

const metricValue = async (period: string, id: string) =>
  (await metricValues(t.database.db, t.orgId, period, [id]))[0]!;

beforeAll(async () => {
  t = await testApp();
  unitIds = (
    await rows<{ id: number }>(
      t.database.db,
      sql`select id from units where code in ('PS-01', 'PS-02', 'PS-03') order by code`,
    )
  ).map((r) => r.id);
  officerId = await one(sql`select id as n from officers where username = 'legal'`);
}, 60_000);
afterAll(() => t.close());

describe('report periods', () => {
  it('are China-time years and quarters', () => {
    expect(periodRange('2021')).toMatchObject({
      from: '2021-01-01T00:00:00+08:00',
      to: '2022-01-01T00:00:00+08:00',
    });
    expect(periodRange('2021-Q3')).toMatchObject({ fromDate: '2021-07-01', toDate: '2021-10-01' });
    expect(periodRange('2021-Q4').toDate).toBe('2022-01-01');
    expect(previousPeriod('2021-Q3')).toBe('2020-Q3');
    expect(() => periodRange('2021-Q5')).toThrow();
  });
});

describe('computed metrics', () => {
  it('count incidents inside the China-time year, with 同比', async () => {
    const epi = { tags: ['涉疫'] };
    await incident('2019-01-01T00:00:00+08:00', 'XS-QJ', epi); // first instant of 2019 (2018-12-31 16:00 UTC)
    await incident('2019-12-31T23:59:00+08:00', 'XS-QJ', epi);
    await incident('2019-07-15T10:00:00+08:00', 'ZA-DB', epi);
    await incident('2020-01-01T00:00:00+08:00', 'XS-QJ', epi); // 2020
    await incident('2018-12-31T23:59:00+08:00', 'XS-QJ', epi); // 2018
    await incident('2019-05-01T10:00:00+08:00', 'XS-QJ', { source: 'walk_in', tags: ['涉疫'] }); // not 110
    await incident('2019-05-01T10:00:00+08:00', 'XS-QJ'); // not 涉疫

    expect(await metricValue('2019', 'incidents.epidemic_110')).toEqual({
      id: 'incidents.epidemic_110',
      value: 3,
      status: 'computed',
      previous: 1,
      change: 2,
    });
    expect((await metricValue('2019', 'incidents.epidemic_110_public_order')).value).toBe(1);
    expect((await metricValue('2019-Q3', 'incidents.epidemic_110')).value).toBe(1);
    expect((await metricValue('2019-Q4', 'incidents.epidemic_110')).value).toBe(1);
    expect((await metricValue('2020', 'incidents.epidemic_110')).value).toBe(1);
    const recs = await metricRecords(t.database.db, t.orgId, 'incidents.epidemic_110', '2019', {
      pageSize: 0,
    });
    expect(recs.items.map((r) => r.received_at)).toEqual([
      '2019-01-01 00:00',
      '2019-07-15 10:00',
      '2019-12-31 23:59',
    ]);
  });

  it('derive a rate from its numerator and denominator', async () => {
    const b = [];
    for (let i = 0; i < 4; i++) b.push(await incident(`2019-06-0${i + 1}T10:00:00+08:00`, 'XS-RSDQ'));
    await callback(b[0]!, { reason: 'burglary', satisfaction: 'dissatisfied', followUp: 'open' });
    await callback(b[1]!, { reason: 'burglary', satisfaction: 'dissatisfied' });
    await callback(b[2]!, { reason: 'burglary', status: 'pending' });
    const [rate, called, burglaries] = await metricValues(t.database.db, t.orgId, '2019', [
      'callbacks.burglary_callback_rate',
      'callbacks.burglary_called_back',
      'incidents.burglary',
    ]);
    expect(called!.value).toBe(2);
    expect(burglaries!.value).toBe(4);
    expect(rate).toMatchObject({ value: 50, status: 'computed', previous: null, change: null });
    expect((await metricValue('2019', 'callbacks.dissatisfied_second_handling_rate')).value).toBe(50);
    // No burglaries in 2018: the rate has no value rather than 0.
    expect((await metricValue('2018', 'callbacks.burglary_callback_rate')).value).toBeNull();
  });

  it('count a stock as of the period end', async () => {
    await t.database.db.execute(sql`update officers set qualification_level = 'advanced', qualification_date = '2020-05-01'
      where username = 'officer'`);
    const ids = async (period: string) =>
      (
        await metricRecords(t.database.db, t.orgId, 'qualification.advanced_passed', period, { pageSize: 0 })
      ).items.map((r) => r.badge_no);
    const badge = String(
      (
        await rows<{ b: string }>(
          t.database.db,
          sql`select badge_no b from officers where username = 'officer'`,
        )
      )[0]!.b,
    );
    expect(await ids('2019')).not.toContain(badge);
    expect(await ids('2020')).toContain(badge);
    const v2019 = await computeMetric(t.database.db, t.orgId, 'qualification.advanced_passed', '2019');
    const gained = await one(sql`select count(*) as n from officers where org_id = ${t.orgId} and active
      and qualification_level = 'advanced' and qualification_date >= '2020-01-01' and qualification_date < '2021-01-01'`);
    expect(gained).toBeGreaterThanOrEqual(1);
    expect(await computeMetric(t.database.db, t.orgId, 'qualification.advanced_passed', '2020')).toBe(
      v2019! + gained,
    );
  });
});

describe('submitted metrics', () => {
  async function round(title: string, period: string) {
    return one(sql`insert into collection_rounds (org_id, title, period, due_on, created_by)
      values (${t.orgId}, ${title}, ${period}, '2020-01-31', ${officerId}) returning id as n`);
  }
  async function submission(
    roundId: number,
    unitId: number,
    status: string,
    value: number,
    reviewedAt: string | null,
  ) {
    return one(sql`insert into submissions (org_id, round_id, unit_id, metric_ids, values, status, reviewed_by, reviewed_at)
      values (${t.orgId}, ${roundId}, ${unitId}, array['epidemic.plans_drafted']::text[],
              ${JSON.stringify({ 'epidemic.plans_drafted': { value, note: '测试' } })}::jsonb, ${status},
              ${reviewedAt ? officerId : null}, ${reviewedAt}::timestamptz) returning id as n`);
  }

  it('take only accepted submissions, the latest review winning', async () => {
    const r1 = await round('测试填报一', '2019');
    await submission(r1, unitIds[0]!, 'draft', 5, null);
    await submission(r1, unitIds[1]!, 'returned', 6, '2020-01-05T10:00:00+08:00');
    await submission(r1, unitIds[2]!, 'signed', 9, null);
    expect(await metricValue('2019', 'epidemic.plans_drafted')).toMatchObject({
      value: null,
      status: 'missing',
    });

    const older = await submission(
      await round('测试填报二', '2019'),
      unitIds[0]!,
      'accepted',
      7,
      '2020-01-10T10:00:00+08:00',
    );
    expect(await metricValue('2019', 'epidemic.plans_drafted')).toMatchObject({
      value: 7,
      submissionId: older,
    });
    const newer = await submission(
      await round('测试填报三', '2019'),
      unitIds[0]!,
      'accepted',
      8,
      '2020-02-01T10:00:00+08:00',
    );
    await submission(
      await round('测试填报四', '2018'),
      unitIds[0]!,
      'accepted',
      4,
      '2019-02-01T10:00:00+08:00',
    );
    expect(await metricValue('2019', 'epidemic.plans_drafted')).toEqual({
      id: 'epidemic.plans_drafted',
      value: 8,
      status: 'submitted',
      submissionId: newer,
      previous: 4,
      change: 1,
    });
    // Another period's accepted value does not leak into 2020 or a quarter of 2019.
    expect((await metricValue('2020', 'epidemic.plans_drafted')).value).toBeNull();
    expect((await metricValue('2019-Q1', 'epidemic.plans_drafted')).value).toBeNull();
  });
});
