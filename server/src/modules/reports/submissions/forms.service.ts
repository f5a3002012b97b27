/**
 * One department's form: read it (rows in catalogue order, files, every saved version), save
 * values and notes, the head's sign-off, the detachment's accept / return, and attachments.
 * Each step locks the form, checks its `version` and status, and is recorded by recordStep.
 */
import {
  availableSubmissionActions,
  chinaToday,
  metricById,
  SUBMISSION_FILE_MAX_BYTES,
  SUBMISSION_FILES_MAX,
  type SubmissionListQuery,
  type SubmissionListResponse,
  type SubmissionResponse,
  type SubmissionReturnRequest,
  type SubmissionSaveRequest,
  type SubmissionStatus,
  type SubmissionSummaryResponse,
} from '@fazhi/common';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { audit } from '../../../audit/record.ts';
import type { Queryable } from '../../../db/index.ts';
import {
  collectionRounds,
  officers,
  submissionFiles,
  submissions,
  submissionVersions,
  units,
} from '../../../db/schema/index.ts';
import type { ReceivedFile } from '../../../files/receive.ts';
import { deleteBlob, storeFile } from '../../../files/store.ts';
import { type Ctx, requireActor } from '../../../http/context.ts';
import { AppError } from '../../../http/errors.ts';
import {
  type FormRow,
  findForm,
  formScope,
  isLate,
  iso,
  lockForm,
  recordStep,
  type StoredValues,
} from './common.ts';

const s = submissions;
const txCtx = (ctx: Ctx, tx: Queryable): Ctx => ({ ...ctx, db: tx as unknown as Ctx['db'] });

const filled = (values: unknown, ids: string[]) =>
  ids.filter((id) => typeof (values as StoredValues)[id]?.value === 'number').length;

function summary(r: FormRow & { unitName: string }, today: string): SubmissionSummaryResponse {
  return {
    id: r.id,
    roundId: r.roundId,
    roundTitle: r.roundTitle,
    roundStatus: r.roundStatus,
    period: r.period,
    dueOn: r.dueOn,
    unitId: r.unitId,
    unitName: r.unitName,
    status: r.status as SubmissionStatus,
    late: isLate(r, today),
    metricCount: r.metricIds.length,
    filledCount: filled(r.values, r.metricIds),
    remindedAt: iso(r.remindedAt),
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function listSubmissions(ctx: Ctx, q: SubmissionListQuery): Promise<SubmissionListResponse> {
  const actor = requireActor(ctx);
  const where = [formScope(actor, q.mine)];
  if (q.roundId) where.push(eq(s.roundId, q.roundId));
  if (q.status) where.push(eq(s.status, q.status));
  const rows = await ctx.db
    .select({
      s,
      unitName: units.name,
      roundTitle: collectionRounds.title,
      roundStatus: collectionRounds.status,
      period: collectionRounds.period,
      dueOn: collectionRounds.dueOn,
    })
    .from(s)
    .innerJoin(collectionRounds, eq(collectionRounds.id, s.roundId))
    .innerJoin(units, eq(units.id, s.unitId))
    .where(and(...where))
    .orderBy(desc(collectionRounds.period), desc(s.roundId), asc(units.sortOrder), asc(s.id))
    .limit(500);
  const today = chinaToday();
  const items = rows.map((r) =>
    summary(
      {
        ...r.s,
        unitName: r.unitName,
        roundTitle: r.roundTitle,
        roundStatus: r.roundStatus as FormRow['roundStatus'],
        period: r.period,
        dueOn: r.dueOn,
      },
      today,
    ),
  );
  return { items, total: items.length };
}

async function names(db: Queryable, ids: (number | null)[]) {
  const want = [...new Set(ids.filter((x): x is number => x !== null))];
  if (!want.length) return new Map<number, string>();
  const rows = await db
    .select({ id: officers.id, name: officers.name })
    .from(officers)
    .where(inArray(officers.id, want));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function getSubmission(ctx: Ctx, id: number): Promise<SubmissionResponse> {
  const actor = requireActor(ctx);
  const row = await findForm(ctx, ctx.db, id);
  const [unit] = await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, row.unitId));
  const [files, versions] = await Promise.all([
    ctx.db
      .select({
        id: submissionFiles.id,
        fileName: submissionFiles.fileName,
        contentType: submissionFiles.contentType,
        size: submissionFiles.size,
        sha256: submissionFiles.sha256,
        uploadedBy: submissionFiles.uploadedBy,
        uploadedAt: submissionFiles.uploadedAt,
      })
      .from(submissionFiles)
      .where(eq(submissionFiles.submissionId, id))
      .orderBy(asc(submissionFiles.id)),
    ctx.db
      .select()
      .from(submissionVersions)
      .where(eq(submissionVersions.submissionId, id))
      .orderBy(desc(submissionVersions.version)),
  ]);
  const who = await names(ctx.db, [
    row.filledBy,
    row.signedBy,
    row.reviewedBy,
    ...files.map((f) => f.uploadedBy),
    ...versions.map((v) => v.actorId),
  ]);
  const name = (x: number | null) => (x === null ? null : (who.get(x) ?? null));
  const values = row.values as StoredValues;
  const rows = row.metricIds.map((metricId) => {
    const m = metricById(metricId);
    return {
      metricId,
      nameZh: m?.nameZh ?? metricId,
      nameEn: m?.nameEn ?? metricId,
      definition: m?.definition ?? '',
      unit: m?.unit ?? '',
      section: m?.section ?? '',
      value: values[metricId]?.value ?? null,
      note: values[metricId]?.note ?? '',
    };
  });
  return {
    ...summary({ ...row, unitName: unit?.name ?? '' }, chinaToday()),
    rows,
    filledByName: name(row.filledBy),
    signedByName: name(row.signedBy),
    signedAt: iso(row.signedAt),
    reviewedByName: name(row.reviewedBy),
    reviewedAt: iso(row.reviewedAt),
    returnReason: row.returnReason,
    files: files.map((f) => ({
      id: f.id,
      fileName: f.fileName,
      contentType: f.contentType,
      size: f.size,
      sha256: f.sha256,
      uploadedByName: name(f.uploadedBy),
      uploadedAt: f.uploadedAt.toISOString(),
    })),
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status as SubmissionStatus,
      values: v.values as StoredValues,
      note: v.note,
      actorName: name(v.actorId),
      at: v.at.toISOString(),
    })),
    // A department acts only on its own form; the detachment only reviews.
    actions: availableSubmissionActions(
      row.status as SubmissionStatus,
      [...actor.permissions].filter(
        (p) => row.unitId === actor.unitId || (p !== 'submission.fill' && p !== 'submission.sign'),
      ),
      row.roundStatus === 'open',
    ),
  };
}

/**
 * Checks every value against its metric: a number ≥ 0, a percentage at most 100, only the
 * form's metrics. Errors name the field (`values.<metricId>.value`); nothing is saved.
 */
export function checkValues(row: Pick<FormRow, 'metricIds'>, input: SubmissionSaveRequest['values']) {
  const errors: Record<string, string> = {};
  for (const [id, v] of Object.entries(input)) {
    const field = `values.${id}.value`;
    if (!row.metricIds.includes(id)) errors[field] = 'submission.unknownMetric';
    else if (v.value === null) continue;
    else if (!Number.isFinite(v.value)) errors[field] = 'invalid';
    else if (v.value < 0) errors[field] = 'submission.negative';
    else if (metricById(id)?.unit === '%' && v.value > 100) errors[field] = 'submission.percent';
  }
  if (Object.keys(errors).length) throw new AppError('VALIDATION', errors);
}

export async function saveSubmission(
  ctx: Ctx,
  id: number,
  input: SubmissionSaveRequest,
): Promise<SubmissionResponse> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await lockForm(ctx, tx, id, input.version, 'save');
    checkValues(row, input.values);
    const values: StoredValues = { ...(row.values as StoredValues) };
    for (const [k, v] of Object.entries(input.values)) values[k] = { value: v.value, note: v.note.trim() };
    await recordStep(tx, ctx, row, {
      action: 'save',
      set: { filledBy: actor.officerId, returnReason: row.status === 'returned' ? row.returnReason : null },
      values,
      status: 'draft',
      summary: { metrics: Object.keys(input.values) },
    });
    return getSubmission(txCtx(ctx, tx), id);
  });
}

/** 负责人签报: the department head signs the complete form off to the detachment. */
export async function signSubmission(ctx: Ctx, id: number, version: number): Promise<SubmissionResponse> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await lockForm(ctx, tx, id, version, 'sign');
    const values = row.values as StoredValues;
    const missing: Record<string, string> = {};
    for (const m of row.metricIds)
      if (typeof values[m]?.value !== 'number') missing[`values.${m}.value`] = 'required';
    if (Object.keys(missing).length) throw new AppError('VALIDATION', missing);
    await recordStep(tx, ctx, row, {
      action: 'sign',
      set: { signedBy: actor.officerId, signedAt: new Date() },
      values,
      status: 'signed',
    });
    return getSubmission(txCtx(ctx, tx), id);
  });
}

/** The detachment accepts the figures: from now on the report prints them for the period. */
export async function acceptSubmission(ctx: Ctx, id: number, version: number): Promise<SubmissionResponse> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await lockForm(ctx, tx, id, version, 'accept');
    await recordStep(tx, ctx, row, {
      action: 'accept',
      set: { reviewedBy: actor.officerId, reviewedAt: new Date(), returnReason: null },
      values: row.values as StoredValues,
      status: 'accepted',
    });
    return getSubmission(txCtx(ctx, tx), id);
  });
}

export async function returnSubmission(
  ctx: Ctx,
  id: number,
  input: SubmissionReturnRequest,
): Promise<SubmissionResponse> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await lockForm(ctx, tx, id, input.version, 'return');
    await recordStep(tx, ctx, row, {
      action: 'return',
      set: {
        reviewedBy: actor.officerId,
        reviewedAt: new Date(),
        returnReason: input.reason,
        signedBy: null,
        signedAt: null,
      },
      values: row.values as StoredValues,
      status: 'returned',
      note: input.reason,
      summary: { reason: input.reason },
    });
    return getSubmission(txCtx(ctx, tx), id);
  });
}

/** Attachments (the department's own tables, a scan of the signed form), kept with SHA-256. */
export async function attachFiles(ctx: Ctx, id: number, files: ReceivedFile[]): Promise<SubmissionResponse> {
  const actor = requireActor(ctx);
  if (files.length === 0) throw new AppError('VALIDATION', { files: 'required' });
  for (const f of files) {
    if (f.size === 0) throw new AppError('VALIDATION', { files: 'required' });
    if (f.size > SUBMISSION_FILE_MAX_BYTES)
      throw new AppError('VALIDATION', {
        files: { key: 'file.tooLarge', params: { max: SUBMISSION_FILE_MAX_BYTES / 1024 / 1024 } },
      });
  }
  return ctx.db.transaction(async (tx) => {
    const row = await lockForm(ctx, tx, id, null, 'attach');
    const existing = await tx
      .select({ id: submissionFiles.id })
      .from(submissionFiles)
      .where(eq(submissionFiles.submissionId, id));
    if (existing.length + files.length > SUBMISSION_FILES_MAX)
      throw new AppError('VALIDATION', {
        files: { key: 'file.tooMany', params: { max: SUBMISSION_FILES_MAX } },
      });
    const stored = [];
    for (const f of files) {
      const { blobId, size, sha256 } = await storeFile(tx, row.orgId, f);
      stored.push({
        orgId: row.orgId,
        submissionId: id,
        fileName: f.name.slice(0, 200) || 'file',
        contentType: f.type || 'application/octet-stream',
        size,
        sha256,
        blobId,
        uploadedBy: actor.officerId,
      });
    }
    await tx.insert(submissionFiles).values(stored);
    await audit(tx, ctx, {
      action: 'report.submission.attach',
      targetType: 'submission',
      targetId: id,
      summary: { files: stored.map((f) => ({ fileName: f.fileName, size: f.size, sha256: f.sha256 })) },
    });
    return getSubmission(txCtx(ctx, tx), id);
  });
}

export async function getSubmissionFile(ctx: Ctx, id: number, fileId: number) {
  await findForm(ctx, ctx.db, id);
  const [file] = await ctx.db
    .select()
    .from(submissionFiles)
    .where(and(eq(submissionFiles.id, fileId), eq(submissionFiles.submissionId, id)));
  if (!file) throw new AppError('NOT_FOUND');
  return file;
}

/**
 * Removes an attachment while the department may still change the form (draft or returned, its
 * own unit, round open) and the version it saw is current. The row is deleted — a form's
 * attachments are working papers until sign-off — and the audit record keeps its name, size and
 * SHA-256. Once signed or accepted the attachments are part of what was signed: 409.
 */
export async function deleteSubmissionFile(
  ctx: Ctx,
  id: number,
  fileId: number,
  version: number,
): Promise<SubmissionResponse> {
  return ctx.db.transaction(async (tx) => {
    await lockForm(ctx, tx, id, version, 'attach');
    const [gone] = await tx
      .delete(submissionFiles)
      .where(and(eq(submissionFiles.id, fileId), eq(submissionFiles.submissionId, id)))
      .returning({
        fileName: submissionFiles.fileName,
        size: submissionFiles.size,
        sha256: submissionFiles.sha256,
        blobId: submissionFiles.blobId,
      });
    if (!gone) throw new AppError('NOT_FOUND');
    await deleteBlob(tx, gone.blobId);
    await audit(tx, ctx, {
      action: 'report.submission.detach',
      targetType: 'submission',
      targetId: id,
      summary: { fileId, fileName: gone.fileName, size: gone.size, sha256: gone.sha256 },
    });
    return getSubmission(txCtx(ctx, tx), id);
  });
}
