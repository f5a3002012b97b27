import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read, type TestApp, testApp } from '../../test-support/test-app.ts';
import { clockDue } from './clocks.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('statutory clocks as data', () => {
  it('lists every rule with its citation and marks the unconfirmed ones', async () => {
    const c = await t.signIn('officer');
    const { items } = await read(await c.get('/api/legal-rules'));
    // Two versions of the case period: the 程序规定's, and the 2025 治安管理处罚法's in force now.
    const periods = items.filter((r: { code: string }) => r.code === 'admin_case_period');
    expect(periods.find((r: { inForce: boolean }) => !r.inForce).citation).toContain('程序规定');
    const period = periods.find((r: { inForce: boolean }) => r.inForce);
    expect(period).toMatchObject({ amount: 30, unit: 'calendar_days', effectiveFrom: '2026-01-01' });
    expect(period.citation).toContain('治安管理处罚法（2025）第118条');
    expect(period.hearingExcluded).toBe(true);
    const extensions = items.filter((r: { code: string }) => r.code === 'admin_case_extension');
    expect(extensions.map((r: { maxTimes: number | null }) => r.maxTimes)).toEqual([null, 2]);
    expect(items.find((r: { code: string }) => r.code === 'publicity_withdraw').unconfirmed).toBe(true);
    expect(items.find((r: { code: string }) => r.code === 'publicity_penalty')).toMatchObject({
      amount: 7,
      unit: 'working_days',
    });
  });

  it('computes due dates on the official calendar', async () => {
    const db = t.database.db;
    const due = async (code: string, start: string, at?: Date) => (await clockDue(db, code, start, at)).due;
    expect(await due('publicity_penalty', '2021-09-28')).toBe('2021-10-13');
    expect(await due('publicity_other', '2021-09-28')).toBe('2021-11-01');
    // 7 working days: 9-29, 9-30, 10-08, 10-09 (make-up Saturday), 10-11, 10-12, 10-13.
    // 30 calendar days from 2021-09-04 end on Monday 2021-10-04, inside National Day: rolled to 10-08.
    expect(await due('admin_case_period', '2021-09-04')).toBe('2021-10-08');
    // Custody clocks are never extended by holidays.
    expect(await due('arrest_request', '2021-09-28')).toBe('2021-10-01');
    expect(await due('acceptance_review', '2021-09-30', new Date('2021-09-30T20:00:00+08:00'))).toBe(
      '2021-10-01',
    );
  });

  it('lets the legal detachment add a version for a revised law; older clocks keep the old rule', async () => {
    const legal = await t.signIn('legal');
    const version = {
      code: 'admin_case_period',
      amount: 60,
      unit: 'calendar_days',
      effectiveFrom: '2026-01-01',
      citation: '治安管理处罚法（2025年修订）',
    };
    const officer = await t.signIn('officer');
    expect((await officer.post('/api/legal-rules', version)).status).toBe(403);
    const res = await legal.post('/api/legal-rules', version);
    expect(res.status).toBe(200);
    expect(await read(res)).toMatchObject({ amount: 60, inForce: true });
    expect(await clockDue(t.database.db, 'admin_case_period', '2025-11-03')).toEqual({
      due: '2025-12-03',
      provisional: false,
    });
    expect((await clockDue(t.database.db, 'admin_case_period', '2026-03-02')).due).toBe('2026-05-06');
    const bad = await legal.post('/api/legal-rules', { ...version, code: 'no_such_rule' });
    expect(bad.status).toBe(400);
    expect((await read(bad)).error.fields.code).toBeDefined();
  });
});
