/**
 * The particulars of a case: parties, offences, evidence, collective discussion, and the
 * administrative case period's extension and appraisal time.
 */
import {
  type AppraisalRequest,
  type CaseResponse,
  chinaToday,
  type DiscussionRequest,
  daysBetween,
  type EvidenceResponse,
  type ExtendPeriodRequest,
  type OffencesRequest,
  type PartyRequest,
  type PenaltyItemListQuery,
  type PenaltyItemResponse,
  ruleInForce,
} from '@fazhi/common';
import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { audit, changes } from '../../audit/record.ts';
import { containsPattern } from '../../db/like.ts';
import {
  caseOffences,
  caseParties,
  cases,
  discussions,
  evidence,
  legalRules,
  penaltyItems,
  proceedings,
} from '../../db/schema/index.ts';
import type { ReceivedFile } from '../../files/receive.ts';
import { storeFile } from '../../files/store.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { policeAmong } from '../platform/personnel.ts';
import { inScope } from '../platform/scope.ts';
import { caseResponse, findCase } from './case-view.ts';
import { caseClockDue, clockColumns } from './clock.ts';

/** Runs a change to a case's particulars in one transaction and answers the updated case. */
async function onCase(
  ctx: Ctx,
  id: number,
  fn: (tx: Ctx['db'], c: Awaited<ReturnType<typeof findCase>>['c']) => Promise<void>,
): Promise<CaseResponse> {
  return ctx.db.transaction(async (t) => {
    const tx = t as unknown as Ctx['db'];
    const tctx = { ...ctx, db: tx };
    const { c } = await findCase(tctx, tx, id);
    await fn(tx, c);
    await tx
      .update(cases)
      .set({ updatedAt: new Date(), version: sql`${cases.version} + 1` })
      .where(eq(cases.id, id));
    return caseResponse(tctx, tx, id);
  });
}

/**
 * Parties and offences are the case file the reviewers approve: they change only while the
 * case is being handled, never under review or after a decision.
 */
const PARTICULARS_OPEN = ['acceptance_review', 'filing_review', 'investigating'];
function assertParticularsOpen(c: { status: string }) {
  if (!PARTICULARS_OPEN.includes(c.status))
    throw new AppError('CONFLICT', { case: 'case.particularsClosed' });
}

const partyFields = (p: PartyRequest) => ({
  kind: p.kind,
  role: p.role,
  name: p.name,
  idNumber: p.kind === 'person' ? (p.idNumber ?? null) : null,
  creditCode: p.kind === 'organisation' ? (p.creditCode ?? null) : null,
  legalRepresentative: p.kind === 'organisation' ? (p.legalRepresentative ?? null) : null,
  phone: p.phone ?? null,
  address: p.address ?? null,
});

// Audit summaries never carry whole ID numbers or phones: the log is read more widely than cases.
const REDACT = ['idNumber', 'phone'];

export async function addParty(ctx: Ctx, caseId: number, p: PartyRequest): Promise<CaseResponse> {
  return onCase(ctx, caseId, async (tx, c) => {
    assertParticularsOpen(c);
    const [row] = await tx
      .insert(caseParties)
      .values({ orgId: c.orgId, caseId, ...partyFields(p) })
      .returning({ id: caseParties.id });
    await audit(tx, ctx, {
      action: 'case.party.add',
      targetType: 'case',
      targetId: caseId,
      summary: { partyId: row!.id, ...changes({}, partyFields(p), REDACT).after },
    });
  });
}

export async function updateParty(
  ctx: Ctx,
  caseId: number,
  partyId: number,
  p: PartyRequest,
): Promise<CaseResponse> {
  return onCase(ctx, caseId, async (tx, c) => {
    assertParticularsOpen(c);
    const where = and(eq(caseParties.id, partyId), eq(caseParties.caseId, caseId));
    const [before] = await tx.select().from(caseParties).where(where);
    if (!before) throw notFound();
    await tx.update(caseParties).set(partyFields(p)).where(where);
    await audit(tx, ctx, {
      action: 'case.party.update',
      targetType: 'case',
      targetId: caseId,
      summary: { partyId, ...changes(before, partyFields(p), REDACT) },
    });
  });
}

export async function removeParty(ctx: Ctx, caseId: number, partyId: number): Promise<CaseResponse> {
  return onCase(ctx, caseId, async (tx, c) => {
    assertParticularsOpen(c);
    const where = and(eq(caseParties.id, partyId), eq(caseParties.caseId, caseId));
    const gone = await tx.delete(caseParties).where(where).returning({ name: caseParties.name });
    if (gone.length === 0) throw notFound();
    await audit(tx, ctx, {
      action: 'case.party.remove',
      targetType: 'case',
      targetId: caseId,
      summary: { partyId, name: gone[0]!.name },
    });
  });
}

export async function setOffences(
  ctx: Ctx,
  caseId: number,
  input: z.infer<typeof OffencesRequest>,
): Promise<CaseResponse> {
  const codes = [...new Set(input.codes)];
  return onCase(ctx, caseId, async (tx, c) => {
    assertParticularsOpen(c);
    if (codes.length) {
      const found = await tx
        .select({ code: penaltyItems.code })
        .from(penaltyItems)
        .where(
          and(
            eq(penaltyItems.orgId, c.orgId),
            eq(penaltyItems.caseType, c.caseType),
            eq(penaltyItems.active, true),
            inArray(penaltyItems.code, codes),
          ),
        );
      const known = new Set(found.map((f) => f.code));
      const bad = codes.findIndex((code) => !known.has(code));
      if (bad >= 0) throw new AppError('VALIDATION', { [`codes.${bad}`]: 'notInList' });
    }
    const before = (
      await tx
        .select({ code: caseOffences.penaltyItemCode })
        .from(caseOffences)
        .where(eq(caseOffences.caseId, caseId))
    ).map((r) => r.code);
    await tx.delete(caseOffences).where(eq(caseOffences.caseId, caseId));
    if (codes.length)
      await tx
        .insert(caseOffences)
        .values(codes.map((penaltyItemCode) => ({ orgId: c.orgId, caseId, penaltyItemCode })));
    await audit(tx, ctx, {
      action: 'case.offences',
      targetType: 'case',
      targetId: caseId,
      summary: { before, after: codes },
    });
  });
}

export async function listPenaltyItems(
  ctx: Ctx,
  q: z.infer<typeof PenaltyItemListQuery>,
): Promise<{ items: PenaltyItemResponse[] }> {
  const conds: SQL[] = [eq(penaltyItems.orgId, ctx.orgId)];
  if (q.caseType) conds.push(eq(penaltyItems.caseType, q.caseType));
  if (q.q)
    conds.push(
      or(ilike(penaltyItems.name, containsPattern(q.q)), ilike(penaltyItems.code, containsPattern(q.q)))!,
    );
  const rows = await ctx.db
    .select()
    .from(penaltyItems)
    .where(and(...conds))
    .orderBy(asc(penaltyItems.caseType), asc(penaltyItems.code));
  return {
    items: rows.map((p) => ({
      code: p.code,
      name: p.name,
      law: p.law,
      article: p.article,
      penalties: p.penalties,
      caseType: p.caseType as PenaltyItemResponse['caseType'],
      powerListCode: p.powerListCode,
      active: p.active,
    })),
  };
}

/**
 * Stores a received file in the file store with its SHA-256; files are never overwritten, a new
 * version is a new row. Its size is bounded by the request's limit (FAZHI_EVIDENCE_UPLOAD_MB).
 */
export async function addEvidence(
  ctx: Ctx,
  caseId: number,
  file: ReceivedFile,
  description: string | null,
): Promise<EvidenceResponse> {
  const actor = requireActor(ctx);
  if (file.size === 0) throw new AppError('VALIDATION', { file: 'required' });
  return ctx.db.transaction(async (tx) => {
    const { c } = await findCase({ ...ctx, db: tx as unknown as Ctx['db'] }, tx, caseId);
    const { blobId, sha256 } = await storeFile(tx, c.orgId, file);
    const [row] = await tx
      .insert(evidence)
      .values({
        orgId: c.orgId,
        caseId,
        fileName: file.name.slice(0, 200) || 'file',
        contentType: file.type || 'application/octet-stream',
        size: file.size,
        sha256,
        blobId,
        description: description || null,
        uploadedBy: actor.officerId,
      })
      .returning();
    await audit(tx, ctx, {
      action: 'case.evidence.add',
      targetType: 'case',
      targetId: caseId,
      summary: { evidenceId: row!.id, fileName: row!.fileName, size: row!.size, sha256 },
    });
    return {
      id: row!.id,
      fileName: row!.fileName,
      contentType: row!.contentType,
      size: row!.size,
      sha256,
      description: row!.description,
      uploadedBy: row!.uploadedBy,
      uploadedByName: actor.name,
      uploadedAt: row!.uploadedAt.toISOString(),
    };
  });
}

/** The file, if its case is in the caller's scope (404 otherwise). */
export async function getEvidenceFile(ctx: Ctx, id: number) {
  const actor = requireActor(ctx);
  const [row] = await ctx.db
    .select({ e: evidence })
    .from(evidence)
    .innerJoin(cases, eq(cases.id, evidence.caseId))
    .where(and(eq(evidence.id, id), inScope(actor, cases.unitId, cases.orgId)));
  if (!row) throw notFound();
  return row.e;
}

export async function addDiscussion(ctx: Ctx, caseId: number, d: DiscussionRequest): Promise<CaseResponse> {
  const actor = requireActor(ctx);
  return onCase(ctx, caseId, async (tx, c) => {
    // The chair and the officers who speak are police officers; others speak under their name only.
    const ids = [d.chairId, ...d.opinions.flatMap((o) => (o.officerId ? [o.officerId] : []))];
    const police = await policeAmong(tx, c.orgId, ids);
    if (!police.has(d.chairId)) throw new AppError('VALIDATION', { chairId: 'officer.notPolice' });
    const bad = d.opinions.findIndex((o) => o.officerId && !police.has(o.officerId));
    if (bad >= 0) throw new AppError('VALIDATION', { [`opinions.${bad}.officerId`]: 'officer.notPolice' });
    // Opinions and dissent are stored exactly as said: no trimming beyond the edges, no merging.
    const [row] = await tx
      .insert(discussions)
      .values({
        orgId: c.orgId,
        caseId,
        heldAt: new Date(d.heldAt),
        chairId: d.chairId,
        opinions: d.opinions,
        conclusion: d.conclusion,
        dissent: d.dissent,
        recordedBy: actor.officerId,
      })
      .returning({ id: discussions.id });
    await audit(tx, ctx, {
      action: 'case.discussion',
      targetType: 'case',
      targetId: caseId,
      summary: { discussionId: row!.id, participants: d.opinions.length, dissent: d.dissent !== null },
    });
  });
}

const PERIOD_RUNNING = ['investigating', 'in_review', 'approved', 'informed'];

/**
 * +30 days with the approval of the next-higher organ (程序规定 art.165): the legal detachment or
 * the branch head records that organ's approval (organ, person, date, document number); the caller
 * is recorded as who entered it, never as the approver.
 */
export async function extendPeriod(
  ctx: Ctx,
  caseId: number,
  input: z.infer<typeof ExtendPeriodRequest>,
): Promise<CaseResponse> {
  const actor = requireActor(ctx);
  return onCase(ctx, caseId, async (tx, c) => {
    const approver =
      actor.permissions.has('case.review') &&
      (actor.roles.includes('legal') || actor.roles.includes('branch_head'));
    if (!approver) throw new AppError('FORBIDDEN');
    if (c.caseType !== 'admin' || c.clockRule !== 'admin_case_period' || !PERIOD_RUNNING.includes(c.status))
      throw new AppError('CONFLICT', { action: 'case.period.notRunning' });
    const rule = await extensionRule(tx, c.clockStart!);
    const [done] = await tx
      .select({ n: count() })
      .from(proceedings)
      .where(and(eq(proceedings.caseId, caseId), eq(proceedings.kind, 'period_extension')));
    if ((done?.n ?? 0) >= (rule.maxTimes ?? 1))
      throw new AppError('CONFLICT', {
        action: { key: 'case.period.extended', params: { times: rule.maxTimes ?? 1 } },
      });
    if (input.approvedOn > chinaToday()) throw new AppError('VALIDATION', { approvedOn: 'case.date.future' });
    if (input.approvedOn < c.clockStart!)
      throw new AppError('VALIDATION', { approvedOn: 'case.date.beforeReceived' });
    const ext = rule.amount;
    const extended = c.periodExtendedDays + ext;
    const due = await caseClockDue(tx, { ...c, periodExtendedDays: extended });
    await tx
      .update(cases)
      .set({ periodExtendedDays: extended, ...clockColumns(due) })
      .where(eq(cases.id, caseId));
    await tx.insert(proceedings).values({
      orgId: c.orgId,
      caseId,
      kind: 'period_extension',
      status: 'done',
      startedOn: input.approvedOn,
      closedOn: input.approvedOn,
      detail: {
        days: ext,
        approvingOrgan: input.approvingOrgan,
        approverName: input.approverName,
        approvedOn: input.approvedOn,
        approvalRef: input.approvalRef,
        recordedBy: actor.officerId,
        recordedByName: actor.name,
        reason: input.reason,
        dueBefore: c.clockDue,
        dueAfter: due?.due,
        provisional: due?.provisional,
      },
      outcome: 'approved',
      createdBy: actor.officerId,
    });
    await audit(tx, ctx, {
      action: 'case.period.extend',
      targetType: 'case',
      targetId: caseId,
      summary: {
        reason: input.reason,
        days: ext,
        approvingOrgan: input.approvingOrgan,
        approverName: input.approverName,
        approvedOn: input.approvedOn,
        approvalRef: input.approvalRef,
        before: c.clockDue,
        after: due?.due,
        provisional: due?.provisional,
      },
    });
  });
}

/**
 * The extension's length and how often it may be granted come from the rule in force when the
 * period started (admin_case_extension): once for 30 days before 2026, up to twice under the
 * 2025 治安管理处罚法 art.118 — never a literal.
 */
async function extensionRule(tx: Ctx['db'], on: string) {
  const rows = await tx.select().from(legalRules).where(eq(legalRules.code, 'admin_case_extension'));
  const inForce = ruleInForce(rows, 'admin_case_extension', on);
  if (!inForce) throw notFound();
  return inForce;
}

/** Appraisal time does not count: the due date moves by the days the appraisal took. */
export async function recordAppraisal(
  ctx: Ctx,
  caseId: number,
  input: z.infer<typeof AppraisalRequest>,
): Promise<CaseResponse> {
  const actor = requireActor(ctx);
  return onCase(ctx, caseId, async (tx, c) => {
    if (c.caseType !== 'admin' || c.clockRule !== 'admin_case_period' || !PERIOD_RUNNING.includes(c.status))
      throw new AppError('CONFLICT', { action: 'case.period.notRunning' });
    if (input.from < c.clockStart!) throw new AppError('VALIDATION', { from: 'case.date.beforeReceived' });
    const days = daysBetween(input.from, input.to) + 1;
    const appraisal = c.appraisalDays + days;
    const due = await caseClockDue(tx, { ...c, appraisalDays: appraisal });
    await tx
      .update(cases)
      .set({ appraisalDays: appraisal, ...clockColumns(due) })
      .where(eq(cases.id, caseId));
    await tx.insert(proceedings).values({
      orgId: c.orgId,
      caseId,
      kind: 'appraisal',
      status: 'done',
      startedOn: input.from,
      closedOn: input.to,
      detail: {
        days,
        note: input.note,
        dueBefore: c.clockDue,
        dueAfter: due?.due,
        provisional: due?.provisional,
      },
      createdBy: actor.officerId,
    });
    await audit(tx, ctx, {
      action: 'case.period.appraisal',
      targetType: 'case',
      targetId: caseId,
      summary: {
        ...{ from: input.from, to: input.to, days, note: input.note },
        ...{ before: c.clockDue, after: due?.due, provisional: due?.provisional },
      },
    });
  });
}
