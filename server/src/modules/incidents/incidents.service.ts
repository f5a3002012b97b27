import {
  type IncidentCreateRequest,
  type IncidentResponse,
  type IncidentUpdateRequest,
  maskName,
  maskPhone,
} from '@fazhi/common';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { audit, changes } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import { incidents, units } from '../../db/schema/index.ts';
import { type Actor, type Ctx, requireActor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { nextNumber } from '../platform/numbers.ts';
import { firstNotPolice } from '../platform/personnel.ts';
import { inScope } from '../platform/scope.ts';
import { CategoryIndex } from './categories.service.ts';
import { findIncidentInScope, getIncident, type IncidentRow } from './incident-read.ts';
import { chinaYear, formatIncidentNo } from './incident-time.ts';

type CreateInput = z.output<typeof IncidentCreateRequest>;
type UpdateInput = z.output<typeof IncidentUpdateRequest>;
type FieldErrors = Record<string, string>;

/** Clocks of two machines differ a little; a received time minutes ahead is not "the future". */
const CLOCK_SKEW_MS = 5 * 60_000;

export { getIncident };

/** Is this (SQL state 23505) a unique-index violation? drizzle wraps the driver's error. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === '23505' || err?.cause?.code === '23505';
}

async function unitInScope(db: Queryable, actor: Actor, unitId: number): Promise<boolean> {
  const [u] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.id, unitId), eq(units.active, true), inScope(actor, units.id, units.orgId)));
  return !!u;
}

async function sourceIdTaken(db: Queryable, orgId: number, sourceId: string): Promise<boolean> {
  const [hit] = await db
    .select({ id: incidents.id })
    .from(incidents)
    .where(and(eq(incidents.orgId, orgId), eq(incidents.sourceId, sourceId)));
  return !!hit;
}

/** The disposal time: as given, now when a disposal is first recorded, none while pending. */
function disposalTime(
  disposal: string,
  given: string | null | undefined,
  before: Date | null,
  now: Date,
): Date | null {
  if (disposal === 'pending') return null;
  if (given) return new Date(given);
  return before ?? now;
}

function checkTimes(fields: FieldErrors, receivedAt: Date, disposedAt: Date | null, now: Date) {
  const limit = now.getTime() + CLOCK_SKEW_MS;
  if (receivedAt.getTime() > limit) fields.receivedAt = 'incident.future';
  if (disposedAt && disposedAt.getTime() > limit) fields.disposedAt = 'incident.future';
  else if (disposedAt && disposedAt < receivedAt) fields.disposedAt = 'incident.disposedBeforeReceived';
}

/** What the audit trail keeps of an incident: caller data masked, the rest as recorded. */
function auditView(r: Partial<IncidentRow>) {
  const { callerName, callerPhone, narrative, createdAt, updatedAt, ...rest } = r;
  return {
    ...rest,
    ...(callerName !== undefined ? { callerName: maskName(callerName) } : {}),
    ...(callerPhone !== undefined ? { callerPhone: maskPhone(callerPhone) } : {}),
    ...(narrative !== undefined ? { narrativeLength: narrative.length } : {}),
  };
}

/** Records an incident under the next number of its branch and (China) year. */
export async function createIncident(ctx: Ctx, input: CreateInput): Promise<IncidentResponse> {
  const actor = requireActor(ctx);
  const now = new Date();
  const receivedAt = new Date(input.receivedAt);
  const disposedAt = disposalTime(input.disposal, input.disposedAt, null, now);
  return ctx.db.transaction(async (tx) => {
    const fields: FieldErrors = {};
    const categories = await CategoryIndex.load(tx, ctx.orgId);
    if (!categories.code(input.categoryCode)) fields.categoryCode = 'incident.category';
    if (!(await unitInScope(tx, actor, input.unitId))) fields.unitId = 'incident.unit';
    // 出警民警: police officers in service only.
    if ((await firstNotPolice(tx, ctx.orgId, input.officerIds, { active: true })) >= 0)
      fields.officerIds = 'officer.notActivePolice';
    if (input.sourceId && (await sourceIdTaken(tx, ctx.orgId, input.sourceId)))
      fields.sourceId = 'incident.sourceId.taken';
    checkTimes(fields, receivedAt, disposedAt, now);
    if (Object.keys(fields).length) throw new AppError('VALIDATION', fields);

    const year = chinaYear(receivedAt);
    const incidentNo = formatIncidentNo(year, await nextNumber(tx, ctx.orgId, 'incident', year));
    const values = {
      orgId: ctx.orgId,
      incidentNo,
      source: input.source,
      sourceId: input.sourceId ?? null,
      receivedAt,
      callerName: input.callerName ?? null,
      callerPhone: input.callerPhone ?? null,
      categoryCode: categories.code(input.categoryCode)!.code,
      place: input.place,
      narrative: input.narrative,
      unitId: input.unitId,
      officerIds: [...new Set(input.officerIds)],
      disposal: input.disposal,
      disposalNote: input.disposalNote ?? null,
      disposedAt,
      cameraRecorded: input.cameraRecorded ?? null,
      cameraEvidenceRef: input.cameraEvidenceRef ?? null,
      tags: [...new Set(input.tags)],
    };
    let row: IncidentRow;
    try {
      [row] = (await tx.insert(incidents).values(values).returning()) as [IncidentRow];
    } catch (e) {
      // two officers recording the same source id at once: the unique index decides
      if (isUniqueViolation(e)) throw new AppError('VALIDATION', { sourceId: 'incident.sourceId.taken' });
      throw e;
    }
    await audit(tx, ctx, {
      action: 'incident.create',
      targetType: 'incident',
      targetId: row.id,
      summary: { after: auditView(values) },
    });
    return getIncident(ctx, row.id, tx);
  });
}

/**
 * Records the disposal, the camera record, tags or officers later. The caller sends the version
 * they saw; if someone saved in between, nothing changes and the answer is 409 CONFLICT.
 */
export async function updateIncident(ctx: Ctx, id: number, input: UpdateInput): Promise<IncidentResponse> {
  const now = new Date();
  return ctx.db.transaction(async (tx) => {
    const before = await findIncidentInScope(ctx, tx, id);
    if (before.version !== input.version) throw new AppError('CONFLICT');
    const { version, ...patch } = input;
    const disposal = patch.disposal ?? before.disposal;
    const disposedAt =
      patch.disposal === undefined && patch.disposedAt === undefined
        ? before.disposedAt
        : disposalTime(disposal, patch.disposedAt, before.disposedAt, now);
    const fields: FieldErrors = {};
    if (patch.officerIds && (await firstNotPolice(tx, ctx.orgId, patch.officerIds, { active: true })) >= 0)
      fields.officerIds = 'officer.notActivePolice';
    checkTimes(fields, before.receivedAt, disposedAt, now);
    // the received time was accepted when recorded; only the disposal time is judged here
    delete fields.receivedAt;
    if (Object.keys(fields).length) throw new AppError('VALIDATION', fields);

    const set = {
      ...(patch.disposal !== undefined ? { disposal: patch.disposal } : {}),
      ...(patch.disposalNote !== undefined ? { disposalNote: patch.disposalNote } : {}),
      ...(patch.cameraRecorded !== undefined ? { cameraRecorded: patch.cameraRecorded } : {}),
      ...(patch.cameraEvidenceRef !== undefined ? { cameraEvidenceRef: patch.cameraEvidenceRef } : {}),
      ...(patch.tags !== undefined ? { tags: [...new Set(patch.tags)] } : {}),
      ...(patch.officerIds !== undefined ? { officerIds: [...new Set(patch.officerIds)] } : {}),
      disposedAt,
    };
    const updated = await tx
      .update(incidents)
      .set({ ...set, version: sql`${incidents.version} + 1`, updatedAt: now })
      .where(and(eq(incidents.id, id), eq(incidents.version, version)))
      .returning({ id: incidents.id });
    // a concurrent save between our read and this write: the version guard refused it
    if (!updated.length) throw new AppError('CONFLICT');
    await audit(tx, ctx, {
      action: 'incident.update',
      targetType: 'incident',
      targetId: id,
      summary: changes(auditView(before), auditView(set)),
    });
    return getIncident(ctx, id, tx);
  });
}
