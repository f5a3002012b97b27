/**
 * Shared parts of 数据填报: which catalogue metrics are submitted and by whom, the scope rule
 * for forms, locking with the version check, and the version/audit writer every step uses.
 */
import {
  type CollectionStatus,
  chinaToday,
  METRICS,
  type MetricDef,
  type SubmissionAction,
  type SubmissionStatus,
  submissionActionAllowed,
  submissionLate,
} from '@fazhi/common';
import { and, eq, type SQL } from 'drizzle-orm';
import { audit } from '../../../audit/record.ts';
import type { Queryable } from '../../../db/index.ts';
import { collectionRounds, submissions, submissionVersions, units } from '../../../db/schema/index.ts';
import { type Actor, type Ctx, requireActor } from '../../../http/context.ts';
import { AppError } from '../../../http/errors.ts';
import { inScope } from '../../platform/scope.ts';

export type SubmittedMetric = MetricDef & { source: { kind: 'submitted'; ownerUnitCode: string } };

/** The metrics no module records: each department fills its own in every round. */
export function submittedMetrics(): SubmittedMetric[] {
  return METRICS.filter((m): m is SubmittedMetric => m.source.kind === 'submitted');
}

/** The legal detachment: the owner of last resort when the catalogue names an unknown unit. */
export const FALLBACK_OWNER_CODE = 'DET-FZ';

/**
 * Owning departments of the submitted metrics, resolved against the branch's unit tree:
 * `byUnit` unit id → metric ids; `fallback` the owner codes not found (given to 法制支队).
 */
export async function owners(db: Queryable, orgId: number) {
  const rows = await db
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(and(eq(units.orgId, orgId), eq(units.active, true)));
  const idOf = new Map(rows.map((r) => [r.code, r.id]));
  const fallbackId = idOf.get(FALLBACK_OWNER_CODE);
  const byUnit = new Map<number, string[]>();
  const fallback = new Set<string>();
  for (const m of submittedMetrics()) {
    let id = idOf.get(m.source.ownerUnitCode);
    if (id === undefined) {
      fallback.add(m.source.ownerUnitCode);
      id = fallbackId;
    }
    if (id === undefined) continue;
    byUnit.set(id, [...(byUnit.get(id) ?? []), m.id]);
  }
  return { byUnit, fallback: [...fallback].sort() };
}

/**
 * Which forms an actor sees: the detachment and leaders (report.read) within their data scope;
 * a department (submission.fill) only its own unit's forms, whatever its role's scope, because a
 * form is that department's own statement. Anyone else sees none.
 */
export function formScope(actor: Actor, mine = false): SQL {
  const s = submissions;
  if (actor.permissions.has('report.read') && !mine) return inScope(actor, s.unitId, s.orgId);
  if (actor.permissions.has('submission.fill') || actor.permissions.has('report.read'))
    return and(eq(s.orgId, actor.orgId), eq(s.unitId, actor.unitId))!;
  throw new AppError('FORBIDDEN');
}

export type FormRow = typeof submissions.$inferSelect & {
  roundTitle: string;
  roundStatus: CollectionStatus;
  period: string;
  dueOn: string;
};

/** One form in the actor's scope (404 outside it), optionally locked for update. */
export async function findForm(ctx: Ctx, db: Queryable, id: number, lock = false): Promise<FormRow> {
  const actor = requireActor(ctx);
  const q = db
    .select({
      s: submissions,
      roundTitle: collectionRounds.title,
      roundStatus: collectionRounds.status,
      period: collectionRounds.period,
      dueOn: collectionRounds.dueOn,
    })
    .from(submissions)
    .innerJoin(collectionRounds, eq(collectionRounds.id, submissions.roundId))
    .where(and(eq(submissions.id, id), formScope(actor)));
  const [row] = lock ? await q.for('update', { of: submissions }) : await q;
  if (!row) throw new AppError('NOT_FOUND');
  return {
    ...row.s,
    roundTitle: row.roundTitle,
    roundStatus: row.roundStatus as CollectionStatus,
    period: row.period,
    dueOn: row.dueOn,
  };
}

export const isLate = (r: { status: string; roundStatus: string; dueOn: string }, today = chinaToday()) =>
  submissionLate(
    { status: r.status as SubmissionStatus, roundStatus: r.roundStatus as CollectionStatus, dueOn: r.dueOn },
    today,
  );

/**
 * Locks a form for a workflow step: refuses a stale version (409), a closed round, and an
 * action its status does not allow (409, `status`). Departments may act only on their own form.
 */
export async function lockForm(
  ctx: Ctx,
  tx: Queryable,
  id: number,
  version: number | null,
  action: SubmissionAction,
): Promise<FormRow> {
  const actor = requireActor(ctx);
  const row = await findForm(ctx, tx, id, true);
  const own = action === 'save' || action === 'attach' || action === 'sign';
  // The detachment sees every form but fills none: a department's figures are its own.
  if (own && row.unitId !== actor.unitId) throw new AppError('FORBIDDEN');
  if (version !== null && row.version !== version) throw new AppError('CONFLICT');
  if (row.roundStatus !== 'open') throw new AppError('CONFLICT', { status: 'collection.closed' });
  if (!submissionActionAllowed(row.status as SubmissionStatus, action))
    throw new AppError('CONFLICT', { status: 'submission.status' });
  return row;
}

export type StoredValues = Record<string, { value: number | null; note: string }>;

/**
 * Writes the form's new state, its submission_versions row and the audit record, all on the
 * caller's transaction, so a step is either fully recorded or not at all.
 */
export async function recordStep(
  tx: Queryable,
  ctx: Ctx,
  row: FormRow,
  step: {
    /** The workflow action, or 'create' (a new round) / 'import' (a save from an Excel file). */
    action: SubmissionAction | 'create' | 'import';
    set: Partial<typeof submissions.$inferInsert>;
    values: StoredValues;
    status: SubmissionStatus;
    note?: string | null;
    summary?: Record<string, unknown>;
  },
): Promise<void> {
  const actor = requireActor(ctx);
  const version = row.version + 1;
  await tx
    .update(submissions)
    .set({ ...step.set, status: step.status, values: step.values, version, updatedAt: new Date() })
    .where(eq(submissions.id, row.id));
  await tx.insert(submissionVersions).values({
    orgId: row.orgId,
    submissionId: row.id,
    version,
    status: step.status,
    values: step.values,
    note: step.note ?? null,
    actorId: actor.officerId,
  });
  await audit(tx, ctx, {
    action: `report.submission.${step.action}`,
    targetType: 'submission',
    targetId: row.id,
    summary: {
      roundId: row.roundId,
      unitId: row.unitId,
      period: row.period,
      from: row.status,
      to: step.status,
      version,
      ...step.summary,
    },
  });
}

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
