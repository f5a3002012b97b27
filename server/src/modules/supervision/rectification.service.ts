/**
 * 整改: the responsible unit answers a finding with what it did and its evidence; the legal
 * detachment verifies it (corrected, possibly a confirmed violation), sends it back with a new
 * deadline, or dismisses it. Every step is a finding_events row and an audit record in the same
 * transaction, and takes the finding's `version` so two people cannot overwrite each other.
 * The detachment can also record a finding by hand.
 */
import { randomUUID } from 'node:crypto';
import {
  addDays,
  chinaToday,
  FINDING_FILE_MAX_BYTES,
  FINDING_FILES_MAX,
  type FindingAnswerFields,
  type FindingCreateRequest,
  type FindingDetailResponse,
  type FindingStatus,
  type FindingVerifyRequest,
  findingActionAllowed,
  isValidIsoDate,
  MANUAL_RULE_CODE,
  rectificationTimeliness,
  VERIFY_OUTCOME_ACTIONS,
} from '@fazhi/common';
import { and, eq, sql } from 'drizzle-orm';
import { audit } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import {
  cases,
  findingEvents,
  findingFiles,
  incidents,
  officers,
  supervisionFindings,
  units,
} from '../../db/schema/index.ts';
import type { ReceivedFile } from '../../files/receive.ts';
import { storeFile } from '../../files/store.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { inScope } from '../platform/scope.ts';
import { findFinding, findingDetail } from './findings.service.ts';
import { DEFAULT_RECTIFY_DAYS, ruleInfos } from './findings-common.ts';

const f = supervisionFindings;
const txCtx = (ctx: Ctx, tx: Queryable): Ctx => ({ ...ctx, db: tx as unknown as Ctx['db'] });

function checkFiles(files: ReceivedFile[]) {
  if (files.length > FINDING_FILES_MAX)
    throw new AppError('VALIDATION', { files: { key: 'file.tooMany', params: { max: FINDING_FILES_MAX } } });
  for (const file of files) {
    if (file.size === 0) throw new AppError('VALIDATION', { files: 'required' });
    if (file.size > FINDING_FILE_MAX_BYTES)
      throw new AppError('VALIDATION', {
        files: { key: 'file.tooLarge', params: { max: FINDING_FILE_MAX_BYTES / 1024 / 1024 } },
      });
  }
}

/** Locks the finding, then refuses a stale version or an action its status does not allow. */
async function lockFor(
  ctx: Ctx,
  tx: Queryable,
  id: number,
  version: number,
  action: Parameters<typeof findingActionAllowed>[1],
) {
  const row = await findFinding(ctx, tx, id, true);
  if (row.version !== version) throw new AppError('CONFLICT');
  if (!findingActionAllowed(row.status as FindingStatus, action))
    throw new AppError('CONFLICT', { status: 'finding.status' });
  return row;
}

async function addEvent(
  tx: Queryable,
  orgId: number,
  findingId: number,
  kind: string,
  note: string | null,
  actorId: number | null,
): Promise<number> {
  const [e] = await tx
    .insert(findingEvents)
    .values({ orgId, findingId, kind, note, actorId })
    .returning({ id: findingEvents.id });
  return e!.id;
}

/** The unit's answer: what it did, with 0..10 evidence files (stored with their SHA-256). */
export async function answerFinding(
  ctx: Ctx,
  id: number,
  input: FindingAnswerFields,
  files: ReceivedFile[],
): Promise<FindingDetailResponse> {
  const actor = requireActor(ctx);
  checkFiles(files);
  return ctx.db.transaction(async (tx) => {
    const row = await lockFor(ctx, tx, id, input.version, 'answer');
    const now = new Date();
    await tx
      .update(f)
      .set({ status: 'answered', answeredAt: now, version: row.version + 1 })
      .where(eq(f.id, id));
    const eventId = await addEvent(tx, row.orgId, id, 'answered', input.note, actor.officerId);
    const stored = [];
    for (const file of files) {
      const { blobId, size, sha256 } = await storeFile(tx, row.orgId, file);
      stored.push({
        orgId: row.orgId,
        findingId: id,
        eventId,
        fileName: file.name.slice(0, 200) || 'file',
        contentType: file.type || 'application/octet-stream',
        size,
        sha256,
        blobId,
        uploadedBy: actor.officerId,
      });
    }
    if (stored.length) await tx.insert(findingFiles).values(stored);
    await audit(tx, ctx, {
      action: 'supervision.finding.answer',
      targetType: 'finding',
      targetId: id,
      summary: {
        ruleCode: row.ruleCode,
        from: row.status,
        to: 'answered',
        files: stored.map((s) => ({ fileName: s.fileName, size: s.size, sha256: s.sha256 })),
      },
    });
    return findingDetail(txCtx(ctx, tx), tx, id);
  });
}

async function rectifyDaysOf(tx: Queryable, orgId: number, ruleCode: string): Promise<number> {
  const rules = await ruleInfos(tx, orgId);
  return rules.get(ruleCode)?.rectifyDays ?? DEFAULT_RECTIFY_DAYS;
}

/**
 * The detachment's verification. corrected closes the finding (optionally as a confirmed
 * violation, which the annual figures count apart); returned sends it back to the unit with a
 * new deadline; dismissed closes it as no problem.
 */
export async function verifyFinding(
  ctx: Ctx,
  id: number,
  input: FindingVerifyRequest,
): Promise<FindingDetailResponse> {
  const actor = requireActor(ctx);
  const today = chinaToday();
  if (input.outcome === 'returned' && input.rectifyDueOn !== undefined) {
    if (!isValidIsoDate(input.rectifyDueOn)) throw new AppError('VALIDATION', { rectifyDueOn: 'date' });
    if (input.rectifyDueOn < today) throw new AppError('VALIDATION', { rectifyDueOn: 'finding.dueOnPast' });
  }
  const note = input.note.trim() || null;
  return ctx.db.transaction(async (tx) => {
    const row = await lockFor(ctx, tx, id, input.version, VERIFY_OUTCOME_ACTIONS[input.outcome]);
    const now = new Date();
    const summary: Record<string, unknown> = {
      ruleCode: row.ruleCode,
      from: row.status,
      outcome: input.outcome,
    };
    if (input.outcome === 'returned') {
      const due = input.rectifyDueOn ?? addDays(today, await rectifyDaysOf(tx, row.orgId, row.ruleCode));
      await tx
        .update(f)
        .set({
          status: 'open',
          answeredAt: null,
          rectifyDueOn: due,
          returnCount: row.returnCount + 1,
          version: row.version + 1,
        })
        .where(eq(f.id, id));
      await addEvent(tx, row.orgId, id, 'returned', note, actor.officerId);
      // The new deadline starts a new clock; how late the returned answer was stays on record here.
      const { daysLate } = rectificationTimeliness(
        { status: 'answered', rectifyDueOn: row.rectifyDueOn, answeredAt: row.answeredAt },
        today,
      );
      Object.assign(summary, {
        to: 'open',
        rectifyDueOn: due,
        returnCount: row.returnCount + 1,
        previous: { rectifyDueOn: row.rectifyDueOn, answeredAt: row.answeredAt?.toISOString(), daysLate },
      });
    } else {
      const confirmed = input.outcome === 'corrected' && input.confirmedViolation === true;
      await tx
        .update(f)
        .set({
          status: input.outcome,
          closedAt: now,
          closedBy: actor.officerId,
          closedReason: note,
          confirmedViolation: confirmed || row.confirmedViolation,
          version: row.version + 1,
        })
        .where(eq(f.id, id));
      await addEvent(tx, row.orgId, id, input.outcome, note, actor.officerId);
      if (confirmed) await addEvent(tx, row.orgId, id, 'confirmed', null, actor.officerId);
      Object.assign(summary, { to: input.outcome, confirmedViolation: confirmed });
    }
    await audit(tx, ctx, {
      action: `supervision.finding.${VERIFY_OUTCOME_ACTIONS[input.outcome]}`,
      targetType: 'finding',
      targetId: id,
      summary,
    });
    return findingDetail(txCtx(ctx, tx), tx, id);
  });
}

/** Where a manual finding belongs: its subject, unit and officer, each checked against the scope. */
async function resolveSubject(ctx: Ctx, tx: Queryable, input: FindingCreateRequest) {
  const actor = requireActor(ctx);
  let unitId = input.unitId ?? null;
  let officerId = input.officerId ?? null;
  let incidentId = input.incidentId ?? null;
  let subject: { type: string; id: number } | null = null;
  if (input.caseId != null) {
    const [c] = await tx
      .select()
      .from(cases)
      .where(and(eq(cases.id, input.caseId), inScope(actor, cases.unitId, cases.orgId)));
    if (!c) throw new AppError('VALIDATION', { caseId: 'supervision.case' });
    subject = { type: 'case', id: c.id };
    unitId ??= c.unitId;
    officerId ??= c.leadOfficerId;
    incidentId ??= c.incidentId;
  }
  if (input.incidentId != null) {
    const [i] = await tx
      .select()
      .from(incidents)
      .where(and(eq(incidents.id, input.incidentId), inScope(actor, incidents.unitId, incidents.orgId)));
    if (!i) throw new AppError('VALIDATION', { incidentId: 'supervision.incident' });
    subject ??= { type: 'incident', id: i.id };
    unitId ??= i.unitId;
    officerId ??= i.officerIds[0] ?? null;
  }
  const [u] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.id, unitId ?? 0), inScope(actor, units.id, units.orgId)));
  if (!u) throw new AppError('VALIDATION', { unitId: 'supervision.unit' });
  if (officerId != null) {
    const [o] = await tx
      .select({ id: officers.id })
      .from(officers)
      .where(and(eq(officers.id, officerId), eq(officers.orgId, actor.orgId)));
    if (!o) throw new AppError('VALIDATION', { officerId: 'supervision.officer' });
  }
  return { unitId: u.id, officerId, incidentId, subject: subject ?? { type: 'unit', id: u.id } };
}

/** A finding the detachment records by hand (file review, complaint, inspection …). */
export async function createManualFinding(
  ctx: Ctx,
  input: FindingCreateRequest,
): Promise<FindingDetailResponse> {
  const actor = requireActor(ctx);
  const today = chinaToday();
  for (const k of ['occurredOn', 'rectifyDueOn'] as const) {
    const v = input[k];
    if (v !== undefined && !isValidIsoDate(v)) throw new AppError('VALIDATION', { [k]: 'date' });
  }
  if (input.occurredOn && input.occurredOn > today)
    throw new AppError('VALIDATION', { occurredOn: 'case.date.future' });
  if (input.rectifyDueOn && input.rectifyDueOn < today)
    throw new AppError('VALIDATION', { rectifyDueOn: 'finding.dueOnPast' });
  return ctx.db.transaction(async (tx) => {
    const rules = await ruleInfos(tx, actor.orgId);
    const rule = rules.get(input.ruleCode);
    if (!rule) throw new AppError('VALIDATION', { ruleCode: 'finding.rule' });
    const s = await resolveSubject(ctx, tx, input);
    const [row] = await tx
      .insert(f)
      .values({
        orgId: actor.orgId,
        ruleCode: rule.code,
        // Manual findings are never matched by a scan: the key only has to be unique.
        problemKey: `manual:${randomUUID()}`,
        subjectType: s.subject.type,
        subjectId: s.subject.id,
        incidentId: s.incidentId,
        caseId: input.caseId ?? null,
        unitId: s.unitId,
        officerId: s.officerId,
        severity: input.severity,
        detail: { text: input.description },
        occurredOn: input.occurredOn ?? today,
        status: 'open',
        source: 'manual',
        rectifyDueOn: input.rectifyDueOn ?? addDays(today, rule.rectifyDays),
      })
      .returning({ id: f.id });
    const id = row!.id;
    await addEvent(tx, actor.orgId, id, 'raised', input.description, actor.officerId);
    await audit(tx, ctx, {
      action: 'supervision.finding.create',
      targetType: 'finding',
      targetId: id,
      summary: {
        ruleCode: rule.code,
        manual: rule.code === MANUAL_RULE_CODE,
        unitId: s.unitId,
        subject: s.subject,
        severity: input.severity,
      },
    });
    return findingDetail(txCtx(ctx, tx), tx, id);
  });
}

/** Used by 督办通知书: marks findings supervised and adds the 'supervised' event. */
export async function markSupervised(
  tx: Queryable,
  orgId: number,
  findingIds: number[],
  actorId: number | null,
  note: string,
  at: Date,
): Promise<void> {
  if (!findingIds.length) return;
  await tx.execute(
    sql`update ${f} set supervised_at = ${at.toISOString()}::timestamptz, version = version + 1
        where org_id = ${orgId} and id = any(${`{${findingIds.join(',')}}`}::bigint[])`,
  );
  await tx
    .insert(findingEvents)
    .values(findingIds.map((findingId) => ({ orgId, findingId, kind: 'supervised', note, actorId, at })));
}
