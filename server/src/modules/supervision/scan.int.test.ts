/**
 * Scans: idempotence, resolving and reopening, corrected findings left alone, incremental scans
 * (a changed record, a crossed time threshold, a changed rule), rule versions by effective
 * date, one scan at a time, and the daily job run exactly once by two server instances.
 */
import { closedReasonText } from '@fazhi/common';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, rows } from '../../db/index.ts';
import { auditLog, cases, incidents, supervisionFindings, supervisionRules } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { type TestApp, testApp } from '../../test-support/test-app.ts';
import { runDailyJobs } from './daily.ts';
import { at, daysBefore, Fixtures, findingsOf, flagged, hoursBefore } from './rules/fixtures.ts';
import { runScan, scanOn } from './scan.service.ts';

let t: TestApp;
let f: Fixtures;
const hours = (d: Date, h: number) => hoursBefore(d, -h);

beforeAll(async () => {
  t = await testApp();
  f = await Fixtures.of(t);
  // The rules were seeded just now, after the test's past instants: an incremental scan would
  // take them for changed since the last scan and run them in full.
  await t.database.db.update(supervisionRules).set({ updatedAt: at('2020-01-01') });
});
afterAll(() => t.close());

const full = (now: Date) => runScan(t.database.db, t.orgId, { mode: 'full', trigger: 'manual', now });
const incremental = (now: Date) =>
  runScan(t.database.db, t.orgId, { mode: 'incremental', trigger: 'manual', now });
const events = async (findingId: number) =>
  (
    await rows<{ kind: string; note: string | null }>(
      t.database.db,
      sql`select kind, note from finding_events where finding_id = ${findingId} order by id`,
    )
  ).map((e) => e.kind);

describe('a full scan', () => {
  const T = at('2025-06-10', '12:00');

  it('is idempotent: a second run finds the same problems and makes no second finding', async () => {
    const inc = await f.incident({ receivedAt: hoursBefore(T, 30) });
    const c = await f.case({
      receivedAt: daysBefore(T, 40),
      clockDue: '2025-06-01',
      updatedAt: daysBefore(T, 1),
    });
    const first = await full(T);
    expect(first.counts.raised).toBeGreaterThanOrEqual(2);
    const before = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from supervision_findings`,
    );
    const second = await full(hours(T, 1));
    expect(second.counts.raised).toBe(0);
    expect(second.counts.resolved).toBe(0);
    expect(second.counts.stillOpen).toBe(first.counts.raised);
    const after = await rows<{ n: number; keys: number }>(
      t.database.db,
      sql`select count(*)::int as n, count(distinct (rule_code, problem_key))::int as keys from supervision_findings`,
    );
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(after[0]!.keys).toBe(after[0]!.n);
    const [fi] = await findingsOf(t.database.db, 'incident_without_case', [inc]);
    expect(await events(fi!.id)).toEqual(['raised']);
    expect(await flagged(t.database.db, 'clock_overdue', [c], 'case')).toEqual([c]);
    expect(second.counts.byRule.incident_without_case).toMatchObject({ raised: 0, resolved: 0 });
    expect(second.counts.byRule.incident_without_case!.open).toBeGreaterThanOrEqual(1);
  });

  it('resolves a vanished problem with the reason, and reopens it when it comes back', async () => {
    const T2 = hours(T, 2);
    const c = await f.case({
      receivedAt: daysBefore(T, 40),
      clockDue: '2025-06-05',
      updatedAt: daysBefore(T, 1),
    });
    await full(T2);
    const [open] = await findingsOf(t.database.db, 'clock_overdue', [c], 'case');
    expect(open!.status).toBe('open');
    // The case is decided: its clock stops.
    await t.database.db
      .update(cases)
      .set({ clockDue: null, clockRule: null, status: 'decided', updatedAt: hours(T, 3) })
      .where(eq(cases.id, c));
    await full(hours(T, 4));
    const [gone] = await findingsOf(t.database.db, 'clock_overdue', [c], 'case');
    expect(gone!.status).toBe('resolved');
    expect(closedReasonText(gone!.closed_reason, 'zh-CN')).toBe('期限已停止（案件已决定）');
    expect(closedReasonText(gone!.closed_reason, 'en-US')).toMatch(/^Clock stopped/);
    // Reopened on appeal with the same clock: the same problem is back.
    await t.database.db
      .update(cases)
      .set({
        clockDue: '2025-06-05',
        clockRule: 'admin_case_period',
        status: 'investigating',
        updatedAt: hours(T, 5),
      })
      .where(eq(cases.id, c));
    const r = await full(hours(T, 6));
    expect(r.counts.reopened).toBeGreaterThanOrEqual(1);
    const [back] = await findingsOf(t.database.db, 'clock_overdue', [c], 'case');
    expect(back).toMatchObject({
      id: open!.id,
      status: 'open',
      closed_reason: null,
      rectify_due_on: '2025-06-15',
    });
    expect(back!.version).toBe(open!.version + 2);
    expect(await events(open!.id)).toEqual(['raised', 'resolved', 'reopened']);
  });

  it('never touches a corrected or dismissed finding', async () => {
    const inc = await f.incident({ receivedAt: hoursBefore(T, 40) });
    await full(hours(T, 7));
    const [fi] = await findingsOf(t.database.db, 'incident_without_case', [inc]);
    await t.database.db
      .update(supervisionFindings)
      .set({ status: 'corrected', closedAt: hours(T, 7) })
      .where(eq(supervisionFindings.id, fi!.id));
    await t.database.db.update(incidents).set({ disposal: 'transferred' }).where(eq(incidents.id, inc));
    await full(hours(T, 8));
    await t.database.db.update(incidents).set({ disposal: 'no_action' }).where(eq(incidents.id, inc));
    await full(hours(T, 9));
    const all = await findingsOf(t.database.db, 'incident_without_case', [inc]);
    expect(all.map((x) => x.status)).toEqual(['corrected']);
    expect(await events(fi!.id)).toEqual(['raised']);
  });
});

describe('an incremental scan', () => {
  const T1 = at('2025-07-01', '12:00');

  it('examines what changed and what crossed a time threshold since the last scan, and nothing else', async () => {
    const changed = await f.incident({ receivedAt: hoursBefore(T1, 30) });
    const silent = await f.incident({ receivedAt: hoursBefore(T1, 30) });
    const young = await f.incident({ receivedAt: hoursBefore(T1, 20) });
    const dueToday = await f.case({
      receivedAt: daysBefore(T1, 20),
      clockDue: '2025-07-01',
      updatedAt: daysBefore(T1, 5),
    });
    await full(T1);
    const db = t.database.db;
    expect(await flagged(db, 'incident_without_case', [changed, silent, young])).toEqual([changed, silent]);
    expect(await flagged(db, 'clock_overdue', [dueToday], 'case')).toEqual([]);

    await db
      .update(incidents)
      .set({ disposal: 'transferred', updatedAt: hours(T1, 1) })
      .where(eq(incidents.id, changed));
    // A change that did not touch updated_at is not seen by an incremental scan.
    await db.update(incidents).set({ disposal: 'transferred' }).where(eq(incidents.id, silent));
    const r = await incremental(hours(T1, 6));
    const [scan] = await rows<{ mode: string; since: string }>(
      db,
      sql`select mode, since from supervision_scans where id = ${r.scanId}`,
    );
    expect(scan!.mode).toBe('incremental');
    expect(new Date(scan!.since).getTime()).toBe(T1.getTime());
    const [c] = await findingsOf(db, 'incident_without_case', [changed]);
    expect(c!.status).toBe('resolved');
    expect(closedReasonText(c!.closed_reason, 'en-US')).toBe('Disposal changed to: Transferred');
    expect(await flagged(db, 'incident_without_case', [silent, young])).toEqual([silent, young]);
    expect(r.counts.examined).toBeLessThan(40);

    // The next day the clock due on the 1st is overdue, though the case did not change.
    await incremental(at('2025-07-02', '12:00'));
    expect(await flagged(db, 'clock_overdue', [dueToday], 'case')).toEqual([dueToday]);
    // A full scan sees the silent change.
    await full(at('2025-07-02', '13:00'));
    expect(await flagged(db, 'incident_without_case', [silent])).toEqual([]);
  });

  it('runs a rule changed since the last scan over every record', async () => {
    const T = at('2025-07-03', '12:00');
    const c = await f.case({ receivedAt: daysBefore(T, 40), updatedAt: daysBefore(T, 20) });
    await full(T);
    expect(await flagged(t.database.db, 'case_idle', [c])).toEqual([]);
    await t.database.db
      .update(supervisionRules)
      .set({ params: { days: 10, statuses: ['investigating'] }, updatedAt: hours(T, 1) })
      .where(and(eq(supervisionRules.orgId, t.orgId), eq(supervisionRules.code, 'case_idle')));
    await incremental(hours(T, 2));
    expect(await flagged(t.database.db, 'case_idle', [c])).toEqual([c]);
  });
});

describe('rule versions', () => {
  const NOW = at('2025-06-10', '12:00');
  const scan = () => scanOn(t.database.db, t.orgId, { mode: 'full', now: NOW });

  it('judges each record by the version in force on its date, nothing before the first', async () => {
    const base = {
      orgId: t.orgId,
      code: 'iwc-test',
      kind: 'incident_without_case',
      nameZh: '测试',
      nameEn: 'Test',
    };
    const common = { legalBasis: '测试', severity: 'high', scope: 'incident', rectifyDays: 10 };
    await t.database.db.insert(supervisionRules).values([
      { ...base, ...common, effectiveFrom: '2024-01-01', params: { hours: 24 } },
      {
        ...base,
        ...common,
        effectiveFrom: '2025-01-01',
        params: { hours: 72 },
        severity: 'low',
        rectifyDays: 3,
      },
    ]);
    const before = await f.incident({ receivedAt: at('2023-12-20') });
    const v1 = await f.incident({ receivedAt: at('2024-12-20') });
    const v2Young = await f.incident({ receivedAt: hoursBefore(NOW, 48) });
    const v2Old = await f.incident({ receivedAt: hoursBefore(NOW, 96) });
    await scan();
    const db = t.database.db;
    expect(sorted(await flagged(db, 'iwc-test', [before, v1, v2Young, v2Old]))).toEqual(sorted([v1, v2Old]));
    const [a] = await findingsOf(db, 'iwc-test', [v1]);
    const [b] = await findingsOf(db, 'iwc-test', [v2Old]);
    expect(a!.detail.hours).toBe(24);
    expect(b!.detail.hours).toBe(72);
    expect(b!.rectify_due_on).toBe('2025-06-13');
    const [sev] = await rows<{ severity: string }>(
      db,
      sql`select severity from supervision_findings where id = ${b!.id}`,
    );
    expect(sev!.severity).toBe('low');

    // Disabled: the version's open findings stay as they are, whatever happens to the problem.
    await db
      .update(supervisionRules)
      .set({ enabled: false })
      .where(and(eq(supervisionRules.code, 'iwc-test'), eq(supervisionRules.effectiveFrom, '2025-01-01')));
    await db.update(incidents).set({ disposal: 'transferred' }).where(eq(incidents.id, v2Old));
    await db.update(incidents).set({ disposal: 'transferred' }).where(eq(incidents.id, v1));
    const v2New = await f.incident({ receivedAt: hoursBefore(NOW, 100) });
    await scan();
    const [stillOpen] = await findingsOf(db, 'iwc-test', [v2Old]);
    expect(stillOpen!.status).toBe('open');
    expect(await findingsOf(db, 'iwc-test', [v2New])).toEqual([]);
    const [resolved] = await findingsOf(db, 'iwc-test', [v1]);
    expect(resolved!.status).toBe('resolved');
  });
});

describe('one scan at a time', () => {
  it('refuses a second scan while one runs, and records start and finish in the audit trail', async () => {
    const db = t.database.db;
    const [running] = await rows<{ id: number }>(
      db,
      sql`insert into supervision_scans (org_id, trigger, mode, status) values (${t.orgId}, 'manual', 'full', 'running') returning id`,
    );
    const refused = await full(at('2025-07-10')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('CONFLICT');
    await db.execute(sql`update supervision_scans set status = 'failed' where id = ${running!.id}`);

    const progress: number[] = [];
    const r = await runScan(db, t.orgId, {
      mode: 'full',
      trigger: 'manual',
      now: at('2025-07-10'),
      onProgress: (p) => progress.push(p),
    });
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThanOrEqual(12);
    const [row] = await rows<{ status: string; progress: string; counts: { raised: number } }>(
      db,
      sql`select status, progress::text, counts from supervision_scans where id = ${r.scanId}`,
    );
    expect(row).toMatchObject({ status: 'done', progress: '1.000' });
    expect(row!.counts.raised).toBe(r.counts.raised);
    const audited = await db
      .select({ action: auditLog.action, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'supervision_scan'), eq(auditLog.targetId, String(r.scanId))));
    expect(audited.map((a) => a.action).sort()).toEqual([
      'supervision.scan.finish',
      'supervision.scan.start',
    ]);
    expect(audited.every((a) => a.actorId === null)).toBe(true);
  });
});

describe('the daily scan', () => {
  it('runs once for a day however many instances try at the same time', async () => {
    const day = '2025-08-01';
    const url = (t.database.db as unknown as { $client?: { options?: { connectionString?: string } } })
      .$client?.options?.connectionString;
    // On PostgreSQL two instances have pools of their own on the same database; PGlite is one.
    const other =
      t.database.kind === 'postgres' && url ? await createDb({ databaseUrl: url, poolSize: 3 }) : null;
    try {
      const [a, b] = await Promise.all([
        runDailyJobs(t.database.db, t.orgId, day, 'A'),
        runDailyJobs(other?.db ?? t.database.db, t.orgId, day, 'B'),
      ]);
      const ran = [...a, ...b].filter((x) => x.job === 'supervision.scan' && x.ran);
      expect(ran).toHaveLength(1);
      expect(ran[0]!.error).toBeUndefined();
      const scans = await rows<{ n: number; mode: string }>(
        t.database.db,
        sql`select count(*)::int as n, min(mode) as mode from supervision_scans
            where org_id = ${t.orgId} and trigger = 'schedule' and scheduled_for = ${day}::date`,
      );
      // The last full scan of this file is a year old (its instants are in 2025): a full one is due.
      expect(scans[0]).toMatchObject({ n: 1, mode: 'full' });
      // The next call that day (any instance) finds the job done.
      const again = await runDailyJobs(t.database.db, t.orgId, day, 'C');
      expect(again.find((x) => x.job === 'supervision.scan')).toMatchObject({ ran: false });
      // The next day, with a full scan just done, the scan is incremental from it.
      const nextDay = await runDailyJobs(t.database.db, t.orgId, '2025-08-02', 'A');
      expect(nextDay.find((x) => x.job === 'supervision.scan')?.result).toMatchObject({
        mode: 'incremental',
      });
    } finally {
      await other?.close();
    }
  });
});

function sorted(ids: number[]) {
  return [...ids].sort((x, y) => x - y);
}
