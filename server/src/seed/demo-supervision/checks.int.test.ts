import { addDays, BURGLARY_CATEGORY, chinaToday } from '@fazhi/common';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, rows } from '../../db/index.ts';
import { callbacks, cameraChecks, incidents, units } from '../../db/schema/index.ts';
import { systemCtx } from '../../http/context.ts';
import {
  cameraCandidates,
  createCallbackTasks,
  drawCameraSample,
  sampleCameraDay,
} from '../../modules/supervision/checks.jobs.ts';
import { prepareDatabase } from '../../server.ts';
import { testDatabase } from '../../test-support/test-app.ts';
import { seedDemo } from '../demo.ts';
import { seedDemoEnforcement } from '../demo-history/index.ts';
import { seedDemoChecks } from './checks.ts';

let database: Database;
let orgId = 0;
let ms = 0;
const today = chinaToday();
const yesterday = addDays(today, -1);

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, () => {});
  ({ orgId } = await seedDemo(database.db, { history: false }));
  await seedDemoEnforcement(database.db, orgId);
  const started = performance.now();
  await database.db.transaction((tx) => seedDemoChecks(tx, orgId));
  ms = performance.now() - started;
}, 120_000);
afterAll(() => database?.close());

describe('demo checks', () => {
  it('is quick enough to seed on first start', () => {
    console.info(`seedDemoChecks: ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(15_000);
  });

  it('holds every past day since 2021, checked, with yesterday’s sample pending', async () => {
    const byYear = await rows<{ year: string; n: number; pending: number; missed: number }>(
      database.db,
      sql`select extract(year from sample_day)::text as year, count(*)::int as n,
                 (count(*) filter (where result = 'pending'))::int as pending,
                 (count(*) filter (where result = 'not_recorded'))::int as missed
          from camera_checks where org_id = ${orgId} group by 1 order by 1`,
    );
    expect(byYear[0]!.year).toBe('2021');
    expect(byYear.every((y) => y.n > 0)).toBe(true);
    const all = byYear.reduce((s, y) => s + y.n, 0);
    const missed = byYear.reduce((s, y) => s + y.missed, 0);
    expect(missed / all).toBeGreaterThan(0.01);
    expect(missed / all).toBeLessThan(0.1);
    const pending = await database.db
      .select({ day: cameraChecks.sampleDay })
      .from(cameraChecks)
      .where(and(eq(cameraChecks.orgId, orgId), eq(cameraChecks.result, 'pending')));
    expect(pending.length).toBeGreaterThan(0);
    expect(new Set(pending.map((p) => p.day))).toEqual(new Set([yesterday]));
  });

  it('drew each day as the daily job would, so the job finds nothing left to do today', async () => {
    const day = addDays(today, -30);
    const candidates = await cameraCandidates(database.db, orgId, day);
    const sampled = await database.db
      .select({ id: cameraChecks.incidentId })
      .from(cameraChecks)
      .where(and(eq(cameraChecks.orgId, orgId), eq(cameraChecks.sampleDay, day)));
    expect(sampled.map((s) => s.id).sort((a, b) => a - b)).toEqual(
      drawCameraSample(orgId, day, candidates, 40).map((c) => c.id),
    );
    const ctx = systemCtx(database.db, orgId);
    expect(await sampleCameraDay(ctx, yesterday)).toMatchObject({ drawn: false });
    expect(await createCallbackTasks(ctx, today)).toMatchObject({ inserted: 0 });
  });

  it('calls back every burglary, opens 二次查办 in the demo unit and leaves today’s calls to make', async () => {
    const [missing] = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from incidents i
          where i.org_id = ${orgId} and i.category_code = ${BURGLARY_CATEGORY}
            and i.received_at < ${`${today}T00:00:00+08:00`}::timestamptz
            and not exists (select 1 from callbacks c where c.incident_id = i.id)`,
    );
    expect(missing!.n).toBe(0);
    const [home] = await database.db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.orgId, orgId), eq(units.code, 'PS-01')));
    const open = await database.db
      .select({ id: callbacks.id })
      .from(callbacks)
      .where(and(eq(callbacks.unitId, home!.id), eq(callbacks.followUpStatus, 'open')));
    expect(open.length).toBeGreaterThan(0);
    const [s] = await rows<{
      closed: number;
      dissatisfied: number;
      pendingToday: number;
      satisfied: number;
      n: number;
    }>(
      database.db,
      sql`select (count(*) filter (where follow_up_status = 'done'))::int as closed,
                 (count(*) filter (where satisfaction = 'dissatisfied'))::int as dissatisfied,
                 (count(*) filter (where satisfaction = 'satisfied'))::int as satisfied,
                 (count(*) filter (where status = 'pending' and created_on = ${today}))::int as "pendingToday",
                 count(*)::int as n
          from callbacks where org_id = ${orgId}`,
    );
    expect(s!.dissatisfied).toBeGreaterThan(0);
    expect(s!.closed).toBeGreaterThan(0);
    expect(s!.closed).toBeLessThan(s!.dissatisfied);
    expect(s!.satisfied / s!.n).toBeGreaterThan(0.6);
    const [fromYesterday] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(incidents)
      .where(
        and(
          eq(incidents.orgId, orgId),
          eq(incidents.categoryCode, BURGLARY_CATEGORY),
          sql`${incidents.receivedAt} >= ${`${yesterday}T00:00:00+08:00`}::timestamptz
              and ${incidents.receivedAt} < ${`${today}T00:00:00+08:00`}::timestamptz`,
        ),
      );
    expect(s!.pendingToday).toBeGreaterThanOrEqual(fromYesterday!.n);
  });
});
