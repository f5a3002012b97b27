/**
 * 处罚前告知, 陈述申辩, 听证 and the service of the 决定书 (行政处罚法 arts.44–45, 61, 63–64, 85;
 * 治安管理处罚法 2025 arts.112, 116–117): what the `inform`, `withdraw` and `decide` actions write
 * and check on the case's proceedings.
 */
import {
  ADMIN_PENALTIES,
  type CASE_ACTION_BODIES,
  chinaToday,
  type DecisionKind,
  type LawFinding,
  type ProposedDecision,
} from '@fazhi/common';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Queryable } from '../../db/index.ts';
import { caseParties, proceedings } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { openProceeding } from './proceedings.service.ts';

type CaseRef = { id: number; orgId: number; reviewRound: number };

/** The administrative decisions that are penalties: each needs 告知 first. */
export const isPenalty = (kind: DecisionKind) => (ADMIN_PENALTIES as readonly string[]).includes(kind);

/**
 * The 告知 as a `penalty_notice` proceeding (done at once) of this review round, and the hearing
 * the party asked for, or the window to ask in, where the law gives the right.
 */
export async function writeNotice(
  tx: Queryable,
  v: {
    c: CaseRef;
    round: number;
    proposal: ProposedDecision;
    body: z.infer<(typeof CASE_ACTION_BODIES)['inform']>;
    right: LawFinding | null;
    createdBy: number;
  },
) {
  const { c, round, proposal: p, body: b, right } = v;
  const hearing = right ? b.hearing : null;
  // Told again (after a public notice was answered): the earlier notice's windows end.
  const superseded = await endPendingHearings(tx, c.id, 'informedAgain');
  const [notice] = await tx
    .insert(proceedings)
    .values({
      orgId: c.orgId,
      caseId: c.id,
      kind: 'penalty_notice',
      status: 'done',
      startedOn: b.informedOn,
      closedOn: b.informedOn,
      outcome: 'informed',
      detail: {
        round,
        partyId: p.partyId,
        proposal: { kind: p.kind, fineAmount: p.fineAmount, detentionDays: p.detentionDays },
        statement: b.statement,
        statementText: b.statementText,
        statementReview: b.statementReview,
        hearingRight: right ? { message: right.message, basis: right.basis } : null,
        hearing,
        method: b.method,
        noticeReason: b.noticeReason,
      },
      createdBy: v.createdBy,
    })
    .returning({ id: proceedings.id });
  const opened =
    hearing === 'requested' || hearing === 'undecided'
      ? await openProceeding(tx, {
          orgId: c.orgId,
          caseId: c.id,
          kind: hearing === 'requested' ? 'hearing' : 'hearing_window',
          rule: hearing === 'requested' ? null : 'hearing_request',
          startedOn: b.informedOn,
          detail: { noticeId: notice!.id, round, partyId: p.partyId },
          createdBy: v.createdBy,
        })
      : null;
  // 公告告知: the party may still respond within 7 days of the notice (程序规定 art.168).
  const window =
    b.method === 'public_notice'
      ? await openProceeding(tx, {
          orgId: c.orgId,
          caseId: c.id,
          kind: 'statement_window',
          rule: 'public_notice_statement',
          startedOn: b.informedOn,
          detail: { noticeId: notice!.id, round, partyId: p.partyId },
          createdBy: v.createdBy,
        })
      : null;
  return {
    noticeProceedingId: notice!.id,
    hearingProceedingId: opened?.id,
    hearingDue: opened?.dueOn,
    ...(window ? { statementDue: window.dueOn } : {}),
    ...(superseded ?? {}),
  };
}

/**
 * A hearing or response window still pending has nothing left to decide once the proposal is
 * withdrawn, or once the party is told again: it ends, marked with why.
 */
export async function endPendingHearings(
  tx: Queryable,
  caseId: number,
  why: 'withdrawn' | 'informedAgain' = 'withdrawn',
) {
  const ended = await tx
    .update(proceedings)
    .set({
      status: 'done',
      closedOn: chinaToday(),
      detail: sql`${proceedings.detail} || jsonb_build_object(${why}::text, true)`,
    })
    .where(
      and(
        eq(proceedings.caseId, caseId),
        inArray(proceedings.kind, ['hearing_window', 'hearing', 'statement_window']),
        eq(proceedings.status, 'open'),
      ),
    )
    .returning({ id: proceedings.id });
  return ended.length ? { hearingsEnded: ended.map((e) => e.id) } : undefined;
}

/**
 * A penalty is decided only after the party was told of it (告知) in this review round, on or
 * after that day, and once any 听证 is settled: waived, the window lapsed (closed here as lapsed),
 * or the hearing concluded for the proposal. Answers the 告知 proceeding's id.
 */
export async function assertInformed(
  tx: Queryable,
  c: CaseRef,
  on: string,
): Promise<{ noticeId: number; lapsed?: number }> {
  const [notice] = await tx
    .select()
    .from(proceedings)
    .where(
      and(
        eq(proceedings.caseId, c.id),
        eq(proceedings.kind, 'penalty_notice'),
        sql`(${proceedings.detail} ->> 'round')::int = ${c.reviewRound}`,
      ),
    )
    .orderBy(desc(proceedings.id))
    .limit(1);
  if (!notice) throw new AppError('CONFLICT', { action: 'case.inform.required' });
  if (on < notice.startedOn) throw new AppError('VALIDATION', { decidedOn: 'case.date.beforeInform' });
  const hearings = await tx
    .select()
    .from(proceedings)
    .where(
      and(
        eq(proceedings.caseId, c.id),
        inArray(proceedings.kind, ['hearing_window', 'hearing', 'statement_window']),
        sql`(${proceedings.detail} ->> 'noticeId')::int = ${notice.id}`,
      ),
    );
  let lapsed: number | undefined;
  for (const h of hearings) {
    if (h.kind === 'hearing' && h.status === 'open')
      throw new AppError('CONFLICT', { action: 'case.hearing.pending' });
    if (h.kind === 'hearing' && h.outcome === 'overturned')
      throw new AppError('CONFLICT', { action: 'case.hearing.overturned' });
    if (h.kind === 'statement_window' && h.outcome === 'applied')
      throw new AppError('CONFLICT', { action: 'case.inform.statedAfterNotice' });
    if ((h.kind === 'hearing_window' || h.kind === 'statement_window') && h.status === 'open') {
      if (!h.dueOn || on <= h.dueOn)
        throw new AppError('CONFLICT', {
          action: {
            key: h.kind === 'hearing_window' ? 'case.hearing.window' : 'case.inform.publicNoticeWindow',
            params: { due: h.dueOn ?? '' },
          },
        });
      await tx
        .update(proceedings)
        .set({ status: 'done', outcome: 'lapsed', closedOn: on })
        .where(eq(proceedings.id, h.id));
      lapsed = h.id;
    }
  }
  return { noticeId: notice.id, lapsed };
}

/**
 * The service of the 决定书: handed over when pronounced, else within 2 days under the
 * 治安管理处罚法 (2012 art.97, 2025 art.116), 7 working days otherwise (行政处罚法 arts.61, 85); each
 * victim is served too (a copy under the 2012 law), on no period of its own.
 */
export async function openDecisionService(
  tx: Queryable,
  v: {
    c: CaseRef;
    decisionId: number;
    docNo: string;
    partyId: number | null;
    on: string;
    applied: { law: string }[] | undefined;
    createdBy: number;
  },
) {
  const base = { orgId: v.c.orgId, caseId: v.c.id, kind: 'decision_notice' as const, startedOn: v.on };
  const doc = { decisionId: v.decisionId, docNo: v.docNo };
  const zhian = v.applied?.some((a) => a.law === '治安管理处罚法');
  const service = await openProceeding(tx, {
    ...base,
    rule: zhian ? 'zhian_decision_service' : 'penalty_decision_service',
    detail: { ...doc, partyId: v.partyId },
    createdBy: v.createdBy,
  });
  const victims = await tx
    .select({ id: caseParties.id })
    .from(caseParties)
    .where(and(eq(caseParties.caseId, v.c.id), eq(caseParties.role, 'victim')));
  for (const victim of victims)
    await openProceeding(tx, {
      ...base,
      rule: null,
      detail: { ...doc, partyId: victim.id, victim: true },
      createdBy: v.createdBy,
    });
  return service;
}
