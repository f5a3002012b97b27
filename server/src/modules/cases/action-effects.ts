/**
 * What each workflow action does besides moving the status and gate: its checks, the fields it
 * sets on the case, and the rows it writes (reviews, decisions, proceedings) once the case row is
 * locked by the guarded update in `applyCaseAction`.
 */
import {
  ADMIN_DECISIONS,
  type CASE_ACTION_BODIES,
  type CaseAction,
  CRIMINAL_DECISIONS,
  chinaToday,
  type DecisionKind,
  type Gate,
  NOT_FILED_FEEDBACK,
  type ProposedDecision,
  withOffenceTotals,
} from '@fazhi/common';
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Queryable } from '../../db/index.ts';
import {
  caseOffences,
  caseParties,
  type cases,
  decisions,
  discussions,
  penaltyItems,
  proceedings,
  reviews,
} from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { assertLawful, checkProposal as checkLaw } from '../law/register.service.ts';
import { clockDue } from '../platform/clocks.ts';
import { openPublication } from '../publicity/open-publication.ts';
import { type CaseRow, type LoadedCase, proposalOf, type ReviewSettings } from './case-view.ts';
import { chinaDateOf, setIncidentDisposal } from './cases.service.ts';
import { caseClockDue, clockColumns } from './clock.ts';
import { decisionDocNo } from './numbers.ts';
import {
  assertInformed,
  endPendingHearings,
  isPenalty,
  openDecisionService,
  writeNotice,
} from './penalty-procedure.ts';
import { feedbackClock } from './proceeding-clocks.ts';
import { openProceeding } from './proceedings.service.ts';

type Bodies = typeof CASE_ACTION_BODIES;
type Body<A extends CaseAction> = z.infer<Bodies[A]>;

export interface Step {
  tx: Queryable;
  ctx: Ctx;
  lc: LoadedCase;
  rs: ReviewSettings;
}

/** What an action changes besides status and gate, and what it writes once the case is locked. */
export interface Effect {
  patch?: Partial<typeof cases.$inferInsert>;
  /** The gate chain this transition follows (submit: the new proposal's). */
  gates?: readonly Gate[];
  summary?: Record<string, unknown>;
  write?: (round: number) => Promise<Record<string, unknown> | undefined>;
  /** A review row at the case's current gate and round, written in the same statement as the update. */
  review?: ReviewAct;
}

export interface ReviewAct {
  outcome: 'approve' | 'send_back' | 'disagree';
  checklist: Body<'approve'>['checklist'];
  reasons: string | null;
}

function dateNotFuture(field: string, date: string, notBefore?: string | null) {
  if (date > chinaToday()) throw new AppError('VALIDATION', { [field]: 'case.date.future' });
  if (notBefore && date < notBefore)
    throw new AppError('VALIDATION', { [field]: 'case.date.beforeReceived' });
}

/** An instant for a back-entered date: now when it is today, else midnight China time. */
const instantOf = (date: string) => (date === chinaToday() ? new Date() : new Date(`${date}T00:00:00+08:00`));

async function assertParty(tx: Queryable, caseId: number, partyId: number | null, field: string) {
  if (!partyId) return;
  const [p] = await tx
    .select({ id: caseParties.id })
    .from(caseParties)
    .where(and(eq(caseParties.id, partyId), eq(caseParties.caseId, caseId)));
  if (!p) throw new AppError('VALIDATION', { [field]: 'case.party.notInCase' });
}

/** No running clock. */
const stopClock = { clockRule: null, clockStart: null, ...clockColumns(null) };

/** A case leaving the workflow: its clock stops. */
const closed = (): Effect['patch'] => ({ ...stopClock, closedAt: new Date() });

async function checkProposal(s: Step, p: ProposedDecision) {
  const c = s.lc.c;
  const allowedKinds: readonly DecisionKind[] = c.caseType === 'admin' ? ADMIN_DECISIONS : CRIMINAL_DECISIONS;
  if (!allowedKinds.includes(p.kind))
    throw new AppError('VALIDATION', { 'proposal.kind': 'case.decision.kind' });
  const linked = await s.tx
    .select({ code: caseOffences.penaltyItemCode, penalties: penaltyItems.penalties })
    .from(caseOffences)
    .innerJoin(
      penaltyItems,
      and(eq(penaltyItems.orgId, caseOffences.orgId), eq(penaltyItems.code, caseOffences.penaltyItemCode)),
    )
    .where(and(eq(caseOffences.caseId, c.id), inArray(caseOffences.penaltyItemCode, p.penaltyItemCodes)));
  if (linked.length !== new Set(p.penaltyItemCodes).size)
    throw new AppError('VALIDATION', { 'proposal.penaltyItemCodes': 'case.offence.notLinked' });
  // 不予处罚 and 撤销案件 need no penalty in the item; any other kind must be one the law allows.
  if (
    p.kind !== 'no_penalty' &&
    p.kind !== 'case_revoked' &&
    !linked.some((l) => l.penalties.includes(p.kind))
  )
    throw new AppError('VALIDATION', { 'proposal.kind': 'case.decision.kind' });
  if (c.caseType === 'admin' && !p.partyId)
    throw new AppError('VALIDATION', { 'proposal.partyId': 'required' });
  await assertParty(s.tx, c.id, p.partyId, 'proposal.partyId');
  await checkParticulars(s, p);
  if (p.actDate && p.actDate > chinaToday())
    throw new AppError('VALIDATION', { 'proposal.actDate': 'case.date.future' });
  assertLawful(await lawCheck(s, p, chinaToday()));
  if (c.major) {
    const [d] = await s.tx
      .select({ id: discussions.id })
      .from(discussions)
      .where(eq(discussions.caseId, c.id));
    if (!d) throw new AppError('CONFLICT', { action: 'case.discussion.required' });
  }
}

/**
 * What a proposal records beside its kind: an administrative case's offences decided one by one
 * (each of the proposal's offences exactly once), a criminal case's 强制措施 (on its parties, not
 * in the future) and 认罪认罚 — each only where the law has it.
 */
async function checkParticulars(s: Step, p: ProposedDecision) {
  const admin = s.lc.c.caseType === 'admin';
  if (p.offences) {
    const codes = p.offences.map((o) => o.code);
    if (
      !admin ||
      new Set(codes).size !== codes.length ||
      codes.length !== new Set(p.penaltyItemCodes).size ||
      !codes.every((code) => p.penaltyItemCodes.includes(code))
    )
      throw new AppError('VALIDATION', { 'proposal.offences': 'case.offence.eachOnce' });
  }
  const criminalOnly = p.kind === 'arrest_request' || p.kind === 'prosecution_transfer';
  if (!criminalOnly && p.measures?.length)
    throw new AppError('VALIDATION', { 'proposal.measures': 'case.measure.criminalOnly' });
  if (!criminalOnly && p.guiltyPlea)
    throw new AppError('VALIDATION', { 'proposal.guiltyPlea': 'case.measure.criminalOnly' });
  for (const [i, m] of (p.measures ?? []).entries()) {
    await assertParty(s.tx, s.lc.c.id, m.partyId, `proposal.measures.${i}.partyId`);
    if (m.on > chinaToday())
      throw new AppError('VALIDATION', { [`proposal.measures.${i}.on`]: 'case.date.future' });
  }
}

/** A proposal's offences with the names the decision and its document print. */
async function namedOffences(
  tx: Queryable,
  orgId: number,
  offences: NonNullable<ProposedDecision['offences']>,
) {
  const rows = await tx
    .select({ code: penaltyItems.code, name: penaltyItems.name })
    .from(penaltyItems)
    .where(
      and(
        eq(penaltyItems.orgId, orgId),
        inArray(
          penaltyItems.code,
          offences.map((o) => o.code),
        ),
      ),
    );
  const name = new Map(rows.map((r) => [r.code, r.name]));
  return offences.map((o) => ({ ...o, name: name.get(o.code) ?? o.code }));
}

/** The penalty check of a proposal on a date (null for criminal cases and 不予处罚). */
function lawCheck(s: Step, p: ProposedDecision, on: string) {
  const c = s.lc.c;
  return checkLaw(s.tx, s.ctx.locale, { ...c, receivedOn: chinaDateOf(c.receivedAt) }, p, on);
}

async function latestProposal(tx: Queryable, c: CaseRow): Promise<ProposedDecision> {
  const [row] = await tx
    .select({ checklist: reviews.checklist })
    .from(reviews)
    .where(and(eq(reviews.caseId, c.id), eq(reviews.round, c.reviewRound), eq(reviews.outcome, 'submit')));
  const p = proposalOf(row?.checklist);
  if (!p) throw new AppError('CONFLICT', { action: 'case.action.status' });
  return p;
}

/** The day of the last review act of the current round (the last approval before a decision). */
async function lastApprovalDay(tx: Queryable, c: CaseRow): Promise<string | null> {
  const [last] = await tx
    .select({ at: reviews.actedAt })
    .from(reviews)
    .where(and(eq(reviews.caseId, c.id), eq(reviews.round, c.reviewRound)))
    .orderBy(desc(reviews.actedAt))
    .limit(1);
  return last ? chinaDateOf(last.at) : null;
}

/** A gate act: the review row it writes (with the guarded update, see applyCaseAction). */
async function gateAct(
  s: Step,
  outcome: ReviewAct['outcome'],
  b: Body<'approve'>,
  reasons: string | null,
): Promise<Effect> {
  const c = s.lc.c;
  // No gate passes an unlawful penalty on, whoever proposed it and whatever the rules said then.
  if (outcome === 'approve') assertLawful(await lawCheck(s, await latestProposal(s.tx, c), chinaToday()));
  return {
    summary: { reasons: reasons ?? undefined, gate: c.currentGate, round: c.reviewRound },
    review: { outcome, checklist: b.checklist, reasons: b.reasons ?? null },
  };
}

export const HANDLERS: { [A in CaseAction]: (s: Step, b: Body<A>) => Promise<Effect> } = {
  async accept(s, b) {
    const on = b.acceptedOn ?? chinaToday();
    dateNotFuture('acceptedOn', on, s.lc.c.clockStart);
    // The administrative case period runs from acceptance (程序规定 art.165).
    const clock = { clockRule: 'admin_case_period', clockStart: on, periodExtendedDays: 0, appraisalDays: 0 };
    const due = await caseClockDue(s.tx, { ...s.lc.c, ...clock });
    return {
      patch: { acceptedAt: instantOf(on), ...clock, ...clockColumns(due) },
      summary: { note: b.note, acceptedOn: on, clock: { rule: clock.clockRule, ...due } },
    };
  },
  async refuse(s, b) {
    await setIncidentDisposal(s.tx, s.ctx, s.lc.c.incidentId, 'no_action', b.reason);
    return { patch: closed(), summary: { reason: b.reason } };
  },
  async request_filing(s, b) {
    // 呈请: the decision is the branch head's (程序规定 arts.178); the filing clock keeps running.
    await assertParty(s.tx, s.lc.c.id, b.complainantPartyId, 'complainantPartyId');
    return {
      summary: {
        proposed: b.proposed,
        reason: b.reason,
        complainantPartyId: b.complainantPartyId ?? undefined,
      },
    };
  },
  async extend_review(s, b) {
    const c = s.lc.c;
    if (c.clockRule === 'filing_review_major')
      throw new AppError('CONFLICT', { action: 'case.filing.alreadyExtended' });
    // The 30 days run from the case's receipt, like the review it replaces.
    const clock = { clockRule: 'filing_review_major', clockStart: c.clockStart };
    const due = await caseClockDue(s.tx, { ...c, ...clock });
    return {
      patch: { ...clock, major: true, ...clockColumns(due) },
      summary: { note: b.note, clock: { rule: clock.clockRule, ...due } },
    };
  },
  async file(s, b) {
    const on = b.filedOn ?? chinaToday();
    dateNotFuture('filedOn', on, s.lc.c.clockStart);
    return {
      patch: { acceptedAt: instantOf(on), ...stopClock },
      summary: { note: b.note, filedOn: on },
    };
  },
  async refuse_filing(s, b) {
    const c = s.lc.c;
    await assertParty(s.tx, c.id, b.complainantPartyId, 'complainantPartyId');
    await setIncidentDisposal(s.tx, s.ctx, c.incidentId, 'no_action', b.reason);
    return {
      patch: closed(),
      summary: { reason: b.reason },
      write: async () => {
        // The 不予立案通知书 is a numbered decision; serving it runs on its own 3-day clock.
        const today = chinaToday();
        const docNo = await decisionDocNo(s.tx, c.orgId, 'not_filed', Number(today.slice(0, 4)));
        const [d] = await s.tx
          .insert(decisions)
          .values({
            orgId: c.orgId,
            caseId: c.id,
            kind: 'not_filed',
            docNo,
            partyId: b.complainantPartyId,
            facts: c.summary,
            reasoning: b.reason,
            decidedAt: new Date(),
            decidedBy: requireActor(s.ctx).officerId,
          })
          .returning({ id: decisions.id });
        const due = await clockDue(s.tx, 'not_filed_notice_service', today);
        const [p] = await s.tx
          .insert(proceedings)
          .values({
            orgId: c.orgId,
            caseId: c.id,
            kind: 'not_filed_notice',
            startedOn: today,
            clockRule: 'not_filed_notice_service',
            dueOn: due.due,
            dueProvisional: due.provisional,
            detail: { decisionId: d!.id, docNo, complainantPartyId: b.complainantPartyId },
            createdBy: requireActor(s.ctx).officerId,
          })
          .returning({ id: proceedings.id });
        return { decisionId: d!.id, docNo, proceedingId: p!.id, serviceDue: due.due };
      },
    };
  },
  async transfer(s, b) {
    await setIncidentDisposal(s.tx, s.ctx, s.lc.c.incidentId, 'transferred', `${b.transferTo}：${b.reason}`);
    return { patch: closed(), summary: { reason: b.reason, transferTo: b.transferTo } };
  },
  async mediate(s, b) {
    await setIncidentDisposal(s.tx, s.ctx, s.lc.c.incidentId, 'mediated', b.reason);
    return { patch: closed(), summary: { reason: b.reason } };
  },
  async submit(s, b) {
    const proposal = withOffenceTotals(b.proposal);
    await checkProposal(s, proposal);
    const c = s.lc.c;
    const gates = s.rs.chains[proposal.kind];
    return {
      gates,
      patch: { proposedDecision: proposal.kind },
      summary: { kind: proposal.kind, gates },
      write: async (round) => {
        await s.tx.insert(reviews).values({
          orgId: c.orgId,
          caseId: c.id,
          round,
          gate: 'officer',
          reviewerId: requireActor(s.ctx).officerId,
          outcome: 'submit',
          checklist: { proposal },
        });
        return { round };
      },
    };
  },
  async approve(s, b) {
    return gateAct(s, 'approve', b, b.reasons ?? null);
  },
  async send_back(s, b) {
    return gateAct(s, 'send_back', b, b.reasons);
  },
  async disagree(s, b) {
    return gateAct(s, 'disagree', b, b.reasons);
  },
  async inform(s, b) {
    const c = s.lc.c;
    dateNotFuture('informedOn', b.informedOn, c.clockStart);
    const p = await latestProposal(s.tx, c);
    const approved = await lastApprovalDay(s.tx, c);
    if (approved && b.informedOn < approved)
      throw new AppError('VALIDATION', { informedOn: 'case.inform.beforeApproval' });
    // The hearing right is judged under the procedure in force on the day of the 告知.
    const right = (await lawCheck(s, p, b.informedOn))?.notices.find((n) => n.rule === 'hearing_right');
    if (right && !b.hearing)
      throw new AppError('VALIDATION', {
        hearing: { key: 'case.inform.hearingRequired', params: { basis: right.basis } },
      });
    const hearing = right ? b.hearing : null;
    return {
      summary: { informedOn: b.informedOn, statement: b.statement, hearing: hearing ?? undefined },
      write: (round) =>
        writeNotice(s.tx, {
          c,
          round,
          proposal: p,
          body: b,
          right: right ?? null,
          createdBy: requireActor(s.ctx).officerId,
        }),
    };
  },
  async withdraw(s, b) {
    const c = s.lc.c;
    return {
      summary: { reason: b.reason, round: c.reviewRound },
      write: () => endPendingHearings(s.tx, c.id),
    };
  },
  async decide(s, b) {
    const c = s.lc.c;
    const on = b.decidedOn ?? chinaToday();
    dateNotFuture('decidedOn', on, c.clockStart);
    const p = await latestProposal(s.tx, c);
    // A decision is not dated before the last approval that allowed it.
    const approved = await lastApprovalDay(s.tx, c);
    if (approved && on < approved)
      throw new AppError('VALIDATION', { decidedOn: 'case.date.beforeApproval' });
    const law = await lawCheck(s, p, on);
    assertLawful(law);
    const informed = c.caseType === 'admin' && isPenalty(p.kind) ? await assertInformed(s.tx, c, on) : null;
    return {
      patch: stopClock,
      summary: { kind: p.kind, decidedOn: on, ...(informed ? { informed } : {}) },
      write: async () => {
        const docNo = await decisionDocNo(s.tx, c.orgId, p.kind, Number(on.slice(0, 4)));
        const [d] = await s.tx
          .insert(decisions)
          .values({
            orgId: c.orgId,
            caseId: c.id,
            kind: p.kind,
            docNo,
            fineAmount: p.fineAmount === null ? null : String(p.fineAmount),
            detentionDays: p.detentionDays,
            confiscation: p.confiscation,
            penaltyItemCodes: p.penaltyItemCodes,
            partyId: p.partyId,
            facts: p.facts,
            reasoning: p.reasoning,
            actDate: law ? (p.actDate ?? chinaDateOf(c.receivedAt)) : p.actDate,
            lawBasis: law?.applied ?? null,
            lawNotices: law?.notices ?? null,
            offencePenalties: p.offences ? await namedOffences(s.tx, c.orgId, p.offences) : null,
            measures: p.measures?.length ? p.measures : null,
            guiltyPlea: p.guiltyPlea,
            revokeGround: p.kind === 'case_revoked' ? p.revokeGround : null,
            decidedAt: instantOf(on),
            decidedBy: requireActor(s.ctx).officerId,
          })
          .returning({ id: decisions.id });
        // 两统一: a criminal decision goes to the procuratorate, never to the publicity portal.
        const publicationId =
          c.caseType === 'admin'
            ? await openPublication(s.tx, s.ctx, {
                decisionId: d!.id,
                caseId: c.id,
                unitId: c.unitId,
                kind: p.kind,
                decidedOn: on,
              })
            : null;
        // 撤销案件: the parties are told within 3 days of the decision (程序规定 art.189).
        const notice =
          p.kind === 'case_revoked'
            ? await openProceeding(s.tx, {
                orgId: c.orgId,
                caseId: c.id,
                kind: 'case_revoked_notice',
                rule: 'case_revoked_notice',
                startedOn: on,
                detail: { decisionId: d!.id, docNo },
                createdBy: requireActor(s.ctx).officerId,
              })
            : null;
        const service = informed
          ? await openDecisionService(s.tx, {
              c,
              decisionId: d!.id,
              docNo,
              partyId: p.partyId,
              on,
              applied: law?.applied,
              createdBy: requireActor(s.ctx).officerId,
            })
          : null;
        return {
          decisionId: d!.id,
          docNo,
          publicationId,
          noticeProceedingId: notice?.id,
          serviceProceedingId: service?.id,
          serviceDue: service?.dueOn,
        };
      },
    };
  },
  async record_feedback(s, b) {
    const c = s.lc.c;
    dateNotFuture('receivedOn', b.receivedOn);
    // A case not filed gets only the 立案监督 kinds; a filed one is never asked why it was not filed.
    const notFiled = c.status === 'not_filed';
    if (notFiled ? !NOT_FILED_FEEDBACK.includes(b.feedbackKind) : b.feedbackKind === 'explain_not_filing')
      throw new AppError('VALIDATION', { feedbackKind: 'notInList' });
    return {
      summary: { feedbackKind: b.feedbackKind, note: b.content },
      write: async () => {
        // Each kind on its own clock: 不捕 / 不诉 our 复议 window, 通知立案 the 15 days to file.
        const clock = await feedbackClock(s.tx, b.feedbackKind, b.receivedOn);
        const [p] = await s.tx
          .insert(proceedings)
          .values({
            orgId: c.orgId,
            caseId: c.id,
            kind: 'procuratorate_feedback',
            startedOn: b.receivedOn,
            ...clock,
            detail: { feedbackKind: b.feedbackKind, docNo: b.docNo, content: b.content },
            createdBy: requireActor(s.ctx).officerId,
          })
          .returning({ id: proceedings.id });
        return { proceedingId: p!.id, replyDue: clock.dueOn };
      },
    };
  },
  async reopen(s, b) {
    const c = s.lc.c;
    if (c.status === 'not_filed') {
      // Only a 复议/复核 that overturned the refusal, or the procuratorate's 通知立案, reopens a
      // not-filed case.
      const [p] = await s.tx
        .select({ id: proceedings.id })
        .from(proceedings)
        .where(
          and(
            eq(proceedings.caseId, c.id),
            or(
              and(
                inArray(proceedings.kind, ['reconsideration', 'review']),
                eq(proceedings.outcome, 'overturned'),
              ),
              and(
                eq(proceedings.kind, 'procuratorate_feedback'),
                sql`${proceedings.detail} ->> 'feedbackKind' = 'notify_filing'`,
              ),
            ),
          ),
        );
      if (!p) throw new AppError('CONFLICT', { action: 'case.reopen.notOverturned' });
    }
    return {
      patch: { closedAt: null, ...stopClock },
      summary: { reason: b.reason },
    };
  },
  async close(_s, b) {
    return { patch: closed(), summary: { note: b.note } };
  },
};
