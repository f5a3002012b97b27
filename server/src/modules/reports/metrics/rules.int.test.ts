/**
 * Rule parameters quoted in the report (公示时限, 每日抽查数) read from the rules: the value is
 * the parameter in effect at the period's end, a later version changes later periods only, and
 * the records name the rule or setting row the value was read from.
 */
import {
  chinaToday,
  DEFAULT_SUPERVISION_SETTINGS,
  type MetricDetailResponse,
  type MetricRecordsResponse,
  metricById,
} from '@fazhi/common';
import { and, desc, eq, lte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legalRules } from '../../../db/schema/index.ts';
import { read, type TestApp, type TestClient, testApp } from '../../../test-support/test-app.ts';
import { metricValues } from './values.ts';

let t: TestApp;
let legal: TestClient;
let head: TestClient;
const PENALTY = 'publicity.deadline_permit_penalty_workdays';
const OTHER = 'publicity.deadline_other_workdays';
const CAMERA = 'supervision.camera_daily_sample_size';
const thisYear = Number(chinaToday().slice(0, 4));

async function detail(id: string, period: string): Promise<MetricDetailResponse> {
  const res = await head.get(`/api/reports/metrics/${id}?period=${period}`);
  expect(res.status).toBe(200);
  return read(res);
}

async function records(id: string, period: string): Promise<MetricRecordsResponse> {
  const res = await head.get(`/api/reports/metrics/${id}/records?period=${period}`);
  expect(res.status).toBe(200);
  return read(res);
}

/** The version of a clock in force on a day, read straight from legal_rules. */
async function ruleOn(code: string, day: string) {
  const [row] = await t.database.db
    .select()
    .from(legalRules)
    .where(and(eq(legalRules.code, code), lte(legalRules.effectiveFrom, day)))
    .orderBy(desc(legalRules.effectiveFrom))
    .limit(1);
  return row;
}

beforeAll(async () => {
  t = await testApp();
  legal = await t.signIn('legal');
  head = await t.signIn('head');
}, 60_000);
afterAll(() => t?.close());

describe('statutory deadlines quoted in the report', () => {
  it('are computed from the rule in effect at the period end', async () => {
    expect(metricById(PENALTY)!.source.kind).toBe('computed');
    for (const [id, code] of [
      [PENALTY, 'publicity_penalty'],
      [OTHER, 'publicity_other'],
    ] as const) {
      const rule = await ruleOn(code, '2021-12-31');
      expect(rule, code).toBeDefined();
      const d = await detail(id, '2021');
      expect(d.status).toBe('computed');
      expect(d.value).toBe(rule!.amount);
      // Before the rule took effect there is no deadline to quote.
      const before = Number(rule!.effectiveFrom.slice(0, 4)) - 1;
      expect((await detail(id, String(before))).status).toBe('missing');
    }
    const [penalty, other] = await metricValues(t.database.db, t.orgId, '2021', [PENALTY, OTHER]);
    expect(penalty!.value).not.toBe(other!.value);
  });

  it("a version effective next year changes next year's value, not this year's", async () => {
    const current = await ruleOn('publicity_penalty', `${thisYear}-12-31`);
    const next = thisYear + 1;
    const amount = current!.amount + 3;
    const res = await legal.post('/api/legal-rules', {
      code: 'publicity_penalty',
      amount,
      unit: 'working_days',
      effectiveFrom: `${next}-01-01`,
      citation: '测试修订（2099号文）',
    });
    expect(res.status).toBe(200);
    expect((await detail(PENALTY, String(thisYear))).value).toBe(current!.amount);
    expect((await detail(PENALTY, `${thisYear}-Q4`)).value).toBe(current!.amount);
    expect((await detail(PENALTY, String(next))).value).toBe(amount);
    expect((await detail(PENALTY, `${next}-Q1`)).value).toBe(amount);
    // The other deadline has its own rule and stays as it was.
    expect((await detail(OTHER, String(next))).value).toBe(
      (await ruleOn('publicity_other', `${next}-12-31`))!.amount,
    );
  });

  it("a version effective on a period's last day counts for that period", async () => {
    const year = thisYear + 2;
    const res = await legal.post('/api/legal-rules', {
      code: 'publicity_penalty',
      amount: 9,
      unit: 'working_days',
      effectiveFrom: `${year}-12-31`,
      citation: '测试修订（年末生效）',
    });
    expect(res.status).toBe(200);
    expect((await detail(PENALTY, String(year))).value).toBe(9);
    expect((await detail(PENALTY, `${year}-Q3`)).value).not.toBe(9);
  });

  it('lists the rule row the value was read from', async () => {
    const next = thisYear + 1;
    const r = await records(PENALTY, String(next));
    expect(r.total).toBe(1);
    const row = r.items[0]!;
    const rule = await ruleOn('publicity_penalty', `${next}-12-31`);
    expect(row).toMatchObject({
      id: String(rule!.id),
      code: 'publicity_penalty',
      value: rule!.amount,
      effective_from: `${next}-01-01`,
      unit: '工作日',
    });
    expect(String(row.basis)).toContain('测试修订（2099号文）');
    expect(r.columns.map((c) => c.key)).toEqual(['code', 'name', 'value', 'unit', 'effective_from', 'basis']);
    const old = await records(PENALTY, String(thisYear));
    expect(old.items[0]!.id).toBe(String((await ruleOn('publicity_penalty', `${thisYear}-12-31`))!.id));
  });
});

describe("the command centre's daily body-camera sample size", () => {
  it('is the default until the setting changes, then the change counts from when it was made', async () => {
    const last = String(thisYear - 1);
    const now = String(thisYear);
    const before = await detail(CAMERA, now);
    expect(before.status).toBe('computed');
    expect(before.value).toBe(DEFAULT_SUPERVISION_SETTINGS.cameraSampleSize);
    let r = await records(CAMERA, now);
    expect(r.total).toBe(1);
    expect(r.items[0]).toMatchObject({ code: 'supervision.cameraSampleSize', value: before.value });

    const settings = await read(await legal.get('/api/supervision/settings'));
    const changed = before.value! + 15;
    const res = await legal.put('/api/supervision/settings', { ...settings, cameraSampleSize: changed });
    expect(res.status).toBe(200);

    // This year ends after the change; last year ended before it and keeps the old value.
    expect((await detail(CAMERA, now)).value).toBe(changed);
    expect((await detail(CAMERA, last)).value).toBe(before.value);
    r = await records(CAMERA, now);
    expect(r.items[0]).toMatchObject({ value: changed, effective_from: chinaToday() });
    expect(String(r.items[0]!.basis)).toContain('审计记录');
    r = await records(CAMERA, last);
    expect(r.items[0]).toMatchObject({ value: before.value, effective_from: null });
  });
});
