import {
  BURGLARY_CATEGORY,
  CAMERA_ATTENDED_DISPOSALS,
  type CameraSampleResponse,
  callbackSampleCount,
  chinaToday,
  sampleSeed,
  stratifiedSample,
} from '@fazhi/common';
import { and, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import { audit } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import { rows } from '../../db/index.ts';
import { callbacks, cameraChecks, incidentCategories, incidents } from '../../db/schema/index.ts';
import { type Ctx, systemCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { dayRange } from './camera-checks.service.ts';
import { previousDay, readSupervisionSettings, registerDailyJob } from './daily.ts';

/**
 * The two daily jobs of the checks (run by daily.ts, once per branch and day, before the scan):
 * - camera.sample: draws yesterday's body-camera sample for the command centre;
 * - callback.tasks: makes yesterday's call-back tasks for the inspectorate.
 * The candidate queries take a range of days so the demo seed can draw years in one query.
 */

export interface Candidate {
  id: number;
  unitId: number;
  /** The incident's China-time day. */
  day: string;
}

const receivedIn = (from: string, to: string) =>
  and(gte(incidents.receivedAt, dayRange(from).start), lt(incidents.receivedAt, dayRange(to).end))!;

// ---- 执法记录仪抽查 -----------------------------------------------------------------------------------

/**
 * Incidents a body-camera check applies to, received from `from` to `to` (China-time days):
 * disposed with officers at the scene (CAMERA_ATTENDED_DISPOSALS, at least one officer listed)
 * and of a category that requires the camera. `reported` is what the unit itself recorded.
 */
export async function cameraCandidates(db: Queryable, orgId: number, from: string, to = from) {
  const found = await db
    .select({
      id: incidents.id,
      unitId: incidents.unitId,
      receivedAt: incidents.receivedAt,
      reported: incidents.cameraRecorded,
    })
    .from(incidents)
    .innerJoin(
      incidentCategories,
      and(eq(incidentCategories.orgId, incidents.orgId), eq(incidentCategories.code, incidents.categoryCode)),
    )
    .where(
      and(
        eq(incidents.orgId, orgId),
        receivedIn(from, to),
        inArray(incidents.disposal, [...CAMERA_ATTENDED_DISPOSALS]),
        eq(incidentCategories.cameraRequired, true),
        sql`cardinality(${incidents.officerIds}) > 0`,
      ),
    );
  return found.map(({ receivedAt, ...r }) => ({ ...r, id: Number(r.id), day: chinaToday(receivedAt) }));
}

/**
 * The day's sample: `size` incidents spread over the units in proportion to their share of the
 * day's candidates, drawn with a seed made of the branch and the day, so a re-run (or another
 * server instance) draws exactly the same incidents. Every candidate when there are fewer.
 */
export function drawCameraSample<T extends { id: number; unitId: number }>(
  orgId: number,
  day: string,
  candidates: readonly T[],
  size: number,
): T[] {
  return stratifiedSample(candidates, size, sampleSeed('camera.sample', orgId, day));
}

export interface CheckRow {
  id: number;
  unitId: number;
  /** The incidents' day the check belongs to. */
  sampleDay: string;
  result?: string;
  note?: string | null;
  checkedBy?: number | null;
  checkedAt?: string | null;
}

/** Inserts checks (one statement per thousand); an incident already sampled stays as it is. */
export async function insertCameraChecks(
  db: Queryable,
  orgId: number,
  picked: readonly CheckRow[],
): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < picked.length; i += 1000) {
    const chunk = picked.slice(i, i + 1000).map((p) => ({
      sample_day: p.sampleDay,
      incident_id: p.id,
      unit_id: p.unitId,
      result: p.result ?? 'pending',
      note: p.note ?? null,
      checked_by: p.checkedBy ?? null,
      checked_at: p.checkedAt ?? null,
    }));
    const done = await rows<{ id: number }>(
      db,
      sql`insert into camera_checks (org_id, sample_day, incident_id, unit_id, result, note, checked_by, checked_at)
          select ${orgId}::int, x.sample_day, x.incident_id, x.unit_id, x.result, x.note, x.checked_by, x.checked_at
          from json_to_recordset(${JSON.stringify(chunk)}::json)
            as x(sample_day date, incident_id bigint, unit_id int, result text, note text, checked_by int, checked_at timestamptz)
          on conflict (org_id, incident_id) do nothing
          returning id`,
    );
    inserted += done.length;
  }
  return inserted;
}

/**
 * Draws the sample of the incidents of `day` unless it was drawn before: the daily job does it
 * for yesterday, the command centre may do it by hand (a day the job missed). The day is locked
 * while it is drawn, so two callers at once make one sample.
 */
export async function sampleCameraDay(ctx: Ctx, day: string): Promise<CameraSampleResponse> {
  if (day >= chinaToday()) throw new AppError('VALIDATION', { day: 'camera.dayNotOver' });
  const { cameraSampleSize } = await readSupervisionSettings(ctx.db, ctx.orgId);
  return ctx.db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(${ctx.orgId}::int, hashtext(${`camera.sample:${day}`}))`,
    );
    const count = async () => {
      const [r] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(cameraChecks)
        .where(and(eq(cameraChecks.orgId, ctx.orgId), eq(cameraChecks.sampleDay, day)));
      return r?.n ?? 0;
    };
    const before = await count();
    const candidates = await cameraCandidates(tx, ctx.orgId, day);
    const out = { day, eligible: candidates.length, sampleSize: cameraSampleSize };
    if (before > 0) return { ...out, drawn: false, count: before };
    const picked = drawCameraSample(ctx.orgId, day, candidates, cameraSampleSize);
    const inserted = await insertCameraChecks(
      tx,
      ctx.orgId,
      picked.map((p) => ({ id: p.id, unitId: p.unitId, sampleDay: day })),
    );
    if (inserted > 0)
      await audit(tx, ctx, {
        action: 'camera.sample',
        targetType: 'camera_sample',
        targetId: day,
        summary: { ...out, drawn: inserted },
      });
    return { ...out, drawn: inserted > 0, count: await count() };
  });
}

// ---- 民意监测回访 -------------------------------------------------------------------------------------

/**
 * Incidents of `from`..`to` a call-back may be made for: every 入室盗窃 (whatever its state —
 * the report promises 100%), and other disposed incidents whose caller left a number.
 */
export async function callbackCandidates(db: Queryable, orgId: number, from: string, to = from) {
  const burglary = sql<boolean>`${incidents.categoryCode} = ${BURGLARY_CATEGORY}`;
  const found = await db
    .select({ id: incidents.id, unitId: incidents.unitId, receivedAt: incidents.receivedAt, burglary })
    .from(incidents)
    .where(
      and(
        eq(incidents.orgId, orgId),
        receivedIn(from, to),
        sql`(${burglary} or (${ne(incidents.disposal, 'pending')}
              and coalesce(btrim(${incidents.callerPhone}), '') <> ''))`,
      ),
    );
  return found.map(({ receivedAt, ...r }) => ({ ...r, id: Number(r.id), day: chinaToday(receivedAt) }));
}

/**
 * The call-backs of the incidents of `day`: every burglary, and of the others a share of
 * `rate` (rounded at random, seeded), spread over the units as the camera sample is.
 */
export function drawCallbacks<T extends { id: number; unitId: number; burglary: boolean }>(
  orgId: number,
  day: string,
  candidates: readonly T[],
  rate: number,
): { burglaries: T[]; sampled: T[] } {
  const burglaries = candidates.filter((c) => c.burglary);
  const others = candidates.filter((c) => !c.burglary);
  const n = callbackSampleCount(others.length, rate, sampleSeed('callback.count', orgId, day));
  return { burglaries, sampled: stratifiedSample(others, n, sampleSeed('callback.sample', orgId, day)) };
}

export interface CallbackRow {
  id: number;
  unitId: number;
  /** The day the task was made: the day after the incident. */
  createdOn: string;
  reason: 'burglary' | 'sample';
  status?: string;
  satisfaction?: string | null;
  note?: string | null;
  calledBy?: number | null;
  calledAt?: string | null;
  attempts?: number;
  followUpStatus?: string;
  followUpDueOn?: string | null;
  followUpResult?: string | null;
  followUpBy?: number | null;
  followUpClosedAt?: string | null;
}

/** Inserts call-back tasks; an incident that has one keeps it. */
export async function insertCallbacks(
  db: Queryable,
  orgId: number,
  list: readonly CallbackRow[],
): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < list.length; i += 1000) {
    const chunk = list.slice(i, i + 1000).map((c) => ({
      created_on: c.createdOn,
      incident_id: c.id,
      unit_id: c.unitId,
      reason: c.reason,
      status: c.status ?? 'pending',
      satisfaction: c.satisfaction ?? null,
      note: c.note ?? null,
      called_by: c.calledBy ?? null,
      called_at: c.calledAt ?? null,
      attempts: c.attempts ?? 0,
      follow_up_status: c.followUpStatus ?? 'none',
      follow_up_due_on: c.followUpDueOn ?? null,
      follow_up_result: c.followUpResult ?? null,
      follow_up_by: c.followUpBy ?? null,
      follow_up_closed_at: c.followUpClosedAt ?? null,
    }));
    const done = await rows<{ id: number }>(
      db,
      sql`insert into callbacks (org_id, created_on, incident_id, unit_id, reason, status, satisfaction, note,
            called_by, called_at, attempts, follow_up_status, follow_up_due_on, follow_up_result, follow_up_by,
            follow_up_closed_at)
          select ${orgId}::int, x.created_on, x.incident_id, x.unit_id, x.reason, x.status, x.satisfaction,
            x.note, x.called_by, x.called_at, x.attempts, x.follow_up_status, x.follow_up_due_on, x.follow_up_result,
            x.follow_up_by, x.follow_up_closed_at
          from json_to_recordset(${JSON.stringify(chunk)}::json)
            as x(created_on date, incident_id bigint, unit_id int, reason text, status text, satisfaction text, note text,
                 called_by int, called_at timestamptz, attempts int, follow_up_status text, follow_up_due_on date,
                 follow_up_result text, follow_up_by int, follow_up_closed_at timestamptz)
          on conflict (org_id, incident_id) do nothing
          returning id`,
    );
    inserted += done.length;
  }
  return inserted;
}

/**
 * Makes the call-back tasks of `taskDay` for the incidents of the day before. Re-running adds any
 * burglary that arrived late (every one must be called back) but draws the sample only once.
 */
export async function createCallbackTasks(ctx: Ctx, taskDay: string) {
  const day = previousDay(taskDay);
  const { callbackSampleRate } = await readSupervisionSettings(ctx.db, ctx.orgId);
  return ctx.db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(${ctx.orgId}::int, hashtext(${`callback.tasks:${day}`}))`,
    );
    const candidates = await callbackCandidates(tx, ctx.orgId, day);
    const { burglaries, sampled } = drawCallbacks(ctx.orgId, day, candidates, callbackSampleRate);
    const [drawnBefore] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(callbacks)
      .where(
        and(eq(callbacks.orgId, ctx.orgId), eq(callbacks.createdOn, taskDay), eq(callbacks.reason, 'sample')),
      );
    const task = (reason: CallbackRow['reason']) => (c: { id: number; unitId: number }) => ({
      id: c.id,
      unitId: c.unitId,
      createdOn: taskDay,
      reason,
    });
    const list: CallbackRow[] = [
      ...burglaries.map(task('burglary')),
      ...(drawnBefore?.n ? [] : sampled.map(task('sample'))),
    ];
    const inserted = await insertCallbacks(tx, ctx.orgId, list);
    const summary = {
      day,
      burglaries: burglaries.length,
      eligible: candidates.length - burglaries.length,
      rate: callbackSampleRate,
      sampled: drawnBefore?.n ? 0 : sampled.length,
      inserted,
    };
    if (inserted > 0)
      await audit(tx, ctx, {
        action: 'callback.tasks',
        targetType: 'callback_tasks',
        targetId: day,
        summary,
      });
    return summary;
  });
}

// Before the supervision scan (order 900), which reads the checks recorded so far.
registerDailyJob({
  name: 'camera.sample',
  order: 10,
  run: (db, orgId, day) => sampleCameraDay(systemCtx(db, orgId), previousDay(day)),
});
registerDailyJob({
  name: 'callback.tasks',
  order: 20,
  run: (db, orgId, day) => createCallbackTasks(systemCtx(db, orgId), day),
});
