/**
 * The life of one demo case as the workflow table allows it, replayed from a plan of delays up to
 * "now": acceptance or filing, investigation, the 三级五关 rounds, the decision, publicity or the
 * procuratorate, closing. Whatever the plan says happens after now has not happened yet, so
 * recent cases stand in every state a user can meet. Pure: no database, no clock of its own.
 */
import {
  type CaseStatus,
  type CaseType,
  DEFAULT_GATES,
  type DecisionKind,
  type FeedbackKind,
  type Gate,
  nextGate,
  REVIEW_CHECKLIST,
  type RevokeGround,
  type Tier,
  transition,
} from '@fazhi/common';
import { between, FEEDBACK_CONTENT, pick, type Rng, SEND_BACK_REASONS } from './text.ts';

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
const CST = 8 * HOUR;
/** The first day of the demo history: no demo record happens before it. */
export const HISTORY_START = '2021-01-01';
export const cstInstant = (date: string, hour = 0) => Date.parse(`${date}T00:00:00+08:00`) + hour * HOUR;
const HISTORY_START_AT = cstInstant(HISTORY_START);
/**
 * The China Standard Time date of an instant of the history. An instant before the history
 * starts is a time never set (0 printed 1970年1月1日 into case facts once), so it throws
 * instead of dating a record to 1970.
 */
export function cstDate(t: number): string {
  if (!(t >= HISTORY_START_AT))
    throw new RangeError(`demo instant ${t} is not in the history (which starts on ${HISTORY_START})`);
  return new Date(t + CST).toISOString().slice(0, 10);
}
/** The date as case files write it: 2021年9月28日. */
export function writtenDate(t: number): string {
  const [y, m, d] = cstDate(t).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** Moves an instant into office hours (08:30–18:00 CST, Monday to Friday), a little after. */
export function office(t: number, r: Rng): number {
  let x = t;
  for (let i = 0; i < 4; i++) {
    const local = new Date(x + CST);
    const day = local.getUTCDay();
    const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
    const midnight = x - (minutes * 60_000 + local.getUTCSeconds() * 1000);
    if (day === 0 || day === 6) x = midnight + (day === 6 ? 2 : 1) * DAY + 510 * 60_000 + r() * 3 * HOUR;
    else if (minutes < 510) x = midnight + 510 * 60_000 + r() * 2 * HOUR;
    else if (minutes > 1080) x = midnight + DAY + 510 * 60_000 + r() * 2 * HOUR;
    else return x;
  }
  return x;
}

export interface Staff {
  /** Officers of the case's unit who may lead a case. */
  leads: number[];
  unitLegal: number[];
  unitHead: number[];
}

export interface Reviewers {
  /** Legal-detachment officers qualified for its gate. */
  legal: number[];
  branchHead: number[];
}

export interface ProposalDraft {
  kind: DecisionKind;
  fineAmount: number | null;
  detentionDays: number | null;
  confiscation: string | null;
  penaltyItemCodes: string[];
  /** 情节 tier and 行为发生日 of an administrative proposal (the penalty check reads both). */
  tier?: Tier;
  actDate?: string;
  facts: string;
  reasoning: string;
  /** 撤销案件: the ground of 程序规定 art.186. */
  revokeGround?: RevokeGround | null;
}

export interface RoundPlan {
  /** Delay of each gate after the officer's, in chain order (Infinity: not acted yet). */
  delays: number[];
  /** The gate that returns the case this round, if any. */
  stop?: { gate: Gate; outcome: 'send_back' | 'disagree'; reason: string; item: string };
  /** Delay before the officer submits the next round. */
  resubmit: number;
}

export type Opening = 'accept' | 'refuse' | 'transfer' | 'mediate' | 'file' | 'refuse_filing';

export interface CasePlan {
  caseType: CaseType;
  receivedAt: number;
  /** The acceptance/filing clock of the case as opened. */
  openingRule: string;
  openAfter: number;
  opening: Opening;
  /** 立案 / 不予立案: the branch head's approval this long after the officer asked (INF: waiting). */
  filingApprovalAfter?: number;
  openingReason: string;
  /** From acceptance (or reopening) to the first submission. */
  investigate: number;
  /** Mediation (admin) instead of a submission, this long after acceptance. */
  mediateAfter?: number;
  /** Extension of the administrative case period approved this long after acceptance. */
  extendAfter?: number;
  discussion: boolean;
  proposal: ProposalDraft;
  rounds: RoundPlan[];
  decideAfter: number;
  /** Working days from the decision to publication (admin). */
  publishWorkingDays: number;
  closeAfter: number;
  feedback?: { after: number; kind: FeedbackKind; replyAfter: number };
  /** The not-filed notice: service, then the complainant's windows. */
  notFiled?: {
    serveAfter: number;
    apply: boolean;
    decideAfter: number;
    overturned: boolean;
    concludeLapsedAfter: number;
  };
  /** A decision later revoked (行政复议), with its withdrawal. */
  revoked?: { after: number; withdrawAfter: number };
}

export interface ReviewRow {
  round: number;
  gate: Gate;
  reviewerId: number;
  outcome: 'submit' | 'approve' | 'send_back' | 'disagree';
  /** submit: the proposal (its party id filled in by the writer); else the checklist. */
  checklist: Record<string, unknown> | 'proposal';
  reasons: string | null;
  actedAt: number;
}

export interface ProceedingRow {
  kind: string;
  status: 'open' | 'done';
  startedOn: string;
  clockRule: string | null;
  closedOn: string | null;
  detail: Record<string, unknown>;
  outcome: string | null;
  createdBy: number;
  createdAt: number;
}

export interface SimDecision {
  kind: DecisionKind | 'not_filed';
  at: number;
  by: number;
  status: 'effective' | 'changed' | 'revoked';
  statusChangedAt: number | null;
}

export interface SimResult {
  status: CaseStatus;
  currentGate: Gate | null;
  reviewRound: number;
  proposedDecision: DecisionKind | null;
  acceptedAt: number | null;
  closedAt: number | null;
  /** The running clock: its rule and start (the writer computes the due date). */
  clock: { rule: string; start: string; startAt?: number } | null;
  periodExtendedDays: number;
  version: number;
  updatedAt: number;
  reviews: ReviewRow[];
  discussionAt: number | null;
  /** The not-filed notice (if refused), then the decision the review approved. */
  decisions: SimDecision[];
  publication: {
    publishedAt: number | null;
    publishedBy: number | null;
    withdrawnAt: number | null;
    withdrawRequiredOn: string | null;
  } | null;
  proceedings: ProceedingRow[];
  /** What the case did to its incident's disposal. */
  disposal: { disposal: 'case_opened' | 'no_action' | 'transferred' | 'mediated'; note: string; at: number };
}

const approveChecklist = () => Object.fromEntries(REVIEW_CHECKLIST.map((k) => [k, { ok: true, note: null }]));
const returnChecklist = (item: string, note: string) =>
  Object.fromEntries(
    REVIEW_CHECKLIST.map((k) => [k, k === item ? { ok: false, note } : { ok: true, note: null }]),
  );

/** A random send-back at one gate of a chain (never the officer's). */
export function randomStop(r: Rng, gates: readonly Gate[]): RoundPlan['stop'] {
  const odds: Partial<Record<Gate, number>> = {
    unit_legal: 0.07,
    unit_head: 0.035,
    legal: 0.1,
    branch_head: 0.03,
  };
  for (const g of gates) {
    if (g === 'officer') continue;
    if (r() < (odds[g] ?? 0)) {
      const why = pick(r, SEND_BACK_REASONS);
      return {
        gate: g,
        outcome: g === 'legal' && r() < 0.15 ? 'disagree' : 'send_back',
        reason: why.text,
        item: why.item,
      };
    }
  }
  return undefined;
}

export function randomRounds(r: Rng, gates: readonly Gate[]): RoundPlan[] {
  const span: Partial<Record<Gate, [number, number]>> = {
    unit_legal: [2, 30],
    unit_head: [1, 20],
    legal: [6, 60],
    branch_head: [3, 40],
  };
  const rounds: RoundPlan[] = [];
  for (let i = 0; i < 3; i++) {
    const stop = i < 2 ? randomStop(r, gates) : undefined;
    const delays = gates.slice(1).map((g) => {
      const [lo, hi] = span[g] ?? [2, 24];
      // Now and then a reviewer is away: the case waits a few days at the gate.
      return (r() < 0.04 ? between(r, 48, 120) : lo + r() * (hi - lo)) * HOUR;
    });
    rounds.push({ delays, stop, resubmit: (12 + r() * 120) * HOUR });
    if (!stop) break;
  }
  return rounds;
}

interface Who {
  lead: number;
  staff: Staff;
  reviewers: Reviewers;
  r: Rng;
  now: number;
  addWorkingDays: (date: string, n: number) => string;
}

/** Replays a plan up to `now`. */
export function simulate(plan: CasePlan, w: Who): SimResult {
  const { r, now, lead, staff, reviewers } = w;
  const type = plan.caseType;
  let status: CaseStatus = type === 'admin' ? 'acceptance_review' : 'filing_review';
  const res: SimResult = {
    status,
    currentGate: null,
    reviewRound: 0,
    proposedDecision: null,
    acceptedAt: null,
    closedAt: null,
    clock: { rule: plan.openingRule, start: cstDate(plan.receivedAt), startAt: plan.receivedAt },
    periodExtendedDays: 0,
    version: 1,
    updatedAt: plan.receivedAt,
    reviews: [],
    discussionAt: null,
    decisions: [],
    publication: null,
    proceedings: [],
    disposal: { disposal: 'case_opened', note: '', at: plan.receivedAt },
  };
  /** Applies one action at time t if it is not in the future; false stops the replay. */
  const act = (action: Parameters<typeof transition>[2], t: number): boolean => {
    if (!(t <= now)) return false;
    const tr = transition(type, status, action);
    if (!tr) throw new Error(`demo plan: ${type} ${status} cannot ${action}`);
    if (tr.to !== 'same') status = tr.to;
    res.status = status;
    res.version++;
    res.updatedAt = t;
    return true;
  };
  const close = (t: number) => {
    res.clock = null;
    res.closedAt = t;
  };
  const gateReviewer = (g: Gate) =>
    g === 'unit_legal'
      ? pick(r, staff.unitLegal)
      : g === 'unit_head'
        ? pick(r, staff.unitHead)
        : g === 'legal'
          ? pick(r, reviewers.legal)
          : pick(r, reviewers.branchHead);

  // ---- acceptance / filing ----
  // 重大疑难复杂: the 30-day 立案审查 runs only once the branch head approved it (程序规定 art.178);
  // until then it is the ordinary review. No draw from the generator: the history stays as it was.
  if (plan.openingRule === 'filing_review_major') {
    res.clock = { rule: 'filing_review', start: cstDate(plan.receivedAt), startAt: plan.receivedAt };
    if (!act('request_filing', plan.receivedAt + 5 * HOUR)) return res;
    if (!act('extend_review', plan.receivedAt + 9 * HOUR)) return res;
    res.clock = { rule: 'filing_review_major', start: cstDate(plan.receivedAt), startAt: plan.receivedAt };
  }
  let t = plan.receivedAt + plan.openAfter;
  // 立案 / 不予立案: the officer asks, the branch head approves some hours later (程序规定 art.178).
  if (
    plan.opening === 'file' ||
    plan.opening === 'refuse_filing' ||
    (type === 'criminal' && plan.opening === 'transfer')
  ) {
    if (!act('request_filing', t)) return res;
    t += plan.filingApprovalAfter ?? between(r, 2, 20) * HOUR;
  }
  if (!act(plan.opening, t)) return res;
  const legalOfficer = pick(r, reviewers.legal);
  switch (plan.opening) {
    case 'refuse':
      close(t);
      res.disposal = { disposal: 'no_action', note: plan.openingReason, at: t };
      return res;
    case 'transfer':
      close(t);
      res.disposal = { disposal: 'transferred', note: plan.openingReason, at: t };
      return res;
    case 'mediate':
      close(t);
      res.disposal = { disposal: 'mediated', note: plan.openingReason, at: t };
      return res;
    case 'refuse_filing': {
      close(t);
      res.disposal = { disposal: 'no_action', note: plan.openingReason, at: t };
      const notice: SimDecision = {
        kind: 'not_filed',
        at: t,
        by: lead,
        status: 'effective',
        statusChangedAt: null,
      };
      res.decisions.push(notice);
      const overturnedAt = notFiled(plan, res, notice, w, legalOfficer);
      if (overturnedAt === null) return res;
      notice.status = 'revoked';
      notice.statusChangedAt = overturnedAt;
      // The 复议 overturned the refusal: the legal detachment reopens the case.
      t = office(overturnedAt + between(r, 1, 3) * DAY, r);
      if (!act('reopen', t)) return res;
      res.closedAt = null;
      break;
    }
    case 'accept':
      res.acceptedAt = t;
      res.clock = { rule: 'admin_case_period', start: cstDate(t) };
      break;
    case 'file':
      res.acceptedAt = t;
      res.clock = null;
      break;
  }
  const acceptedAt = t;

  if (
    plan.extendAfter !== undefined &&
    acceptedAt + plan.extendAfter <= now &&
    plan.extendAfter < plan.investigate
  ) {
    const on = acceptedAt + plan.extendAfter;
    res.periodExtendedDays = 30;
    res.proceedings.push({
      kind: 'period_extension',
      status: 'done',
      startedOn: cstDate(on),
      clockRule: null,
      closedOn: cstDate(on),
      // The next-higher organ approves (程序规定 art.165); from 2026 a 派出所's case — most of the
      // demo's — is approved by the organ it belongs to (治安管理处罚法 2025 art.118). The legal
      // detachment records it. (One draw, as before: the rest of the history stays as it was.)
      detail: {
        days: 30,
        reason: '案情重大、复杂，需进一步调查取证',
        approvingOrgan: cstDate(on) >= '2026-01-01' ? '渝州区公安分局' : '渝州市公安局',
        approverName: pick(r, ['王建国', '刘志强', '陈永平']),
        approvedOn: cstDate(on),
        approvalRef: `渝公（法）延字〔${cstDate(on).slice(0, 4)}〕${(Math.floor(on / 1000) % 900) + 100}号`,
        recordedBy: legalOfficer,
      },
      outcome: null,
      createdBy: lead,
      createdAt: on,
    });
  }
  if (plan.mediateAfter !== undefined) {
    t = acceptedAt + plan.mediateAfter;
    if (!act('mediate', t)) return res;
    close(t);
    res.disposal = { disposal: 'mediated', note: plan.openingReason, at: t };
    return res;
  }

  // ---- the review rounds ----
  const gates = DEFAULT_GATES[plan.proposal.kind];
  t = acceptedAt + plan.investigate;
  if (plan.discussion) res.discussionAt = office(t - between(r, 1, 3) * DAY, r);
  for (const round of plan.rounds) {
    t = office(t, r);
    if (!act('submit', t)) return res;
    res.reviewRound++;
    res.proposedDecision = plan.proposal.kind;
    res.reviews.push({
      round: res.reviewRound,
      gate: 'officer',
      reviewerId: lead,
      outcome: 'submit',
      checklist: 'proposal',
      reasons: null,
      actedAt: t,
    });
    let gate: Gate | null = nextGate(gates, 'officer');
    res.currentGate = gate;
    let returned = false;
    for (const delay of round.delays) {
      if (!gate) break;
      t = office(t + delay, r);
      const stop = round.stop?.gate === gate ? round.stop : undefined;
      if (!act(stop ? stop.outcome : 'approve', t)) return res;
      res.reviews.push({
        round: res.reviewRound,
        gate,
        reviewerId: gateReviewer(gate),
        outcome: stop ? stop.outcome : 'approve',
        checklist: stop ? returnChecklist(stop.item, stop.reason) : approveChecklist(),
        reasons: stop ? stop.reason : null,
        actedAt: t,
      });
      if (stop) {
        returned = true;
        res.currentGate = null;
        break;
      }
      gate = nextGate(gates, gate);
      res.currentGate = gate;
      if (!gate) res.status = status = 'approved';
    }
    if (!returned) break;
    t += round.resubmit;
  }
  if (status !== 'approved') return res;

  // ---- 告知, then the decision ----
  // A penalty is told to the party first (the 告知 half-way to the decision, the party waiving
  // the statement); no draw from the generator, so the rest of the history stays as it was.
  const approvedAt = t;
  t = office(t + plan.decideAfter, r);
  const penalty = type === 'admin' && plan.proposal.kind !== 'no_penalty';
  if (penalty) {
    const informedAt = approvedAt + Math.floor((t - approvedAt) / 2);
    if (!act('inform', informedAt)) return res;
    res.proceedings.push({
      kind: 'penalty_notice',
      status: 'done',
      startedOn: cstDate(informedAt),
      clockRule: null,
      closedOn: cstDate(informedAt),
      detail: { round: res.reviewRound, statement: 'waived', hearing: null, penaltyNotice: true },
      outcome: 'informed',
      createdBy: lead,
      createdAt: informedAt,
    });
  }
  if (!act('decide', t)) return res;
  res.clock = null;
  // 行政拘留 is decided by the branch head; other penalties by the handler; criminal cases by 法制.
  const decidedBy =
    type === 'admin'
      ? plan.proposal.kind === 'detention'
        ? pick(r, reviewers.branchHead)
        : lead
      : legalOfficer;
  const decision: SimDecision = {
    kind: plan.proposal.kind,
    at: t,
    by: decidedBy,
    status: 'effective',
    statusChangedAt: null,
  };
  res.decisions.push(decision);
  const decidedAt = t;
  // The 决定书 is handed over when it is pronounced (当场交付).
  if (penalty)
    res.proceedings.push({
      kind: 'decision_notice',
      status: 'done',
      startedOn: cstDate(decidedAt),
      clockRule: 'zhian_decision_service',
      closedOn: cstDate(decidedAt),
      detail: { decisionNotice: true },
      outcome: 'served',
      createdBy: lead,
      createdAt: decidedAt,
    });
  if (type === 'admin') {
    const publishOn = w.addWorkingDays(cstDate(decidedAt), plan.publishWorkingDays);
    const at = office(cstInstant(publishOn, 9) + r() * 6 * HOUR, r);
    res.publication = { publishedAt: null, publishedBy: null, withdrawnAt: null, withdrawRequiredOn: null };
    if (at <= now) {
      res.publication.publishedAt = at;
      res.publication.publishedBy = pick(r, staff.unitLegal);
    }
    if (plan.revoked && decidedAt + plan.revoked.after <= now) {
      const on = decidedAt + plan.revoked.after;
      decision.status = 'revoked';
      decision.statusChangedAt = on;
      if (res.publication.publishedAt && res.publication.publishedAt < on) {
        res.publication.withdrawRequiredOn = cstDate(on);
        const off = on + plan.revoked.withdrawAfter;
        if (off <= now) res.publication.withdrawnAt = off;
      } else res.publication.withdrawnAt = on;
    }
  } else if (plan.feedback && t + plan.feedback.after <= now) {
    const f = plan.feedback;
    const on = office(t + f.after, r);
    const replyAt = office(on + f.replyAfter, r);
    const replied = replyAt <= now;
    res.proceedings.push({
      kind: 'procuratorate_feedback',
      status: replied ? 'done' : 'open',
      startedOn: cstDate(on),
      clockRule: 'procuratorate_reply',
      closedOn: replied ? cstDate(replyAt) : null,
      detail: {
        feedbackKind: f.kind,
        docNo: `渝州检${pick(r, ['刑', '侦监', '公诉'])}〔${cstDate(on).slice(0, 4)}〕${between(r, 1, 300)}号`,
        content: pick(r, FEEDBACK_CONTENT[f.kind]!),
        ...(replied ? { reply: '已按检察机关意见整改并书面回复。', repliedOn: cstDate(replyAt) } : {}),
      },
      outcome: replied ? 'replied' : null,
      createdBy: legalOfficer,
      createdAt: on,
    });
    res.version++;
  }

  // ---- closing ----
  if (decision.status !== 'effective') return res;
  t = office(t + plan.closeAfter, r);
  if (!act('close', t)) return res;
  close(t);
  return res;
}

/**
 * The not-filed notice and what follows it: service on its 3-day clock, the complainant's 7-day
 * window for 复议, the 复议 decision, then the window for 复核. Answers when a 复议 overturned
 * the refusal, else null.
 */
function notFiled(
  plan: CasePlan,
  res: SimResult,
  notice: SimDecision,
  w: Who,
  legalOfficer: number,
): number | null {
  const { r, now } = w;
  const nf = plan.notFiled!;
  const decidedAt = notice.at;
  // The writer fills in the notice's decision id, number and the complainant's party id.
  const docDetail = { notice: true };
  const servedAt = office(decidedAt + nf.serveAfter, r);
  const served = servedAt <= now;
  res.proceedings.push({
    kind: 'not_filed_notice',
    status: served ? 'done' : 'open',
    startedOn: cstDate(decidedAt),
    clockRule: 'not_filed_notice_service',
    closedOn: served ? cstDate(servedAt) : null,
    detail: { ...docDetail, ...(served ? { servedOn: cstDate(servedAt) } : {}) },
    outcome: served ? 'served' : null,
    createdBy: notice.by,
    createdAt: decidedAt,
  });
  if (!served) return null;
  // The 7-day window: most complainants let it lapse; the legal detachment then concludes it.
  const openWindow = (kind: string, rule: string, opened: number, applyKind: string, decideRule: string) => {
    const applyAt = opened + between(r, 2, 6) * DAY;
    if (nf.apply && applyAt <= now) {
      res.proceedings.push({
        kind,
        status: 'done',
        startedOn: cstDate(opened),
        clockRule: rule,
        closedOn: cstDate(applyAt),
        detail: { appliedOn: cstDate(applyAt), applicant: 'complainant' },
        outcome: null,
        createdBy: legalOfficer,
        createdAt: opened,
      });
      const decideAt = office(applyAt + nf.decideAfter, r);
      const decided = decideAt <= now;
      res.proceedings.push({
        kind: applyKind,
        status: decided ? 'done' : 'open',
        startedOn: cstDate(applyAt),
        clockRule: decideRule,
        closedOn: decided ? cstDate(decideAt) : null,
        detail: decided
          ? { note: nf.overturned ? '原不予立案决定不当，予以撤销。' : '原不予立案决定正确，予以维持。' }
          : {},
        outcome: decided ? (nf.overturned ? 'overturned' : 'upheld') : null,
        createdBy: legalOfficer,
        createdAt: applyAt,
      });
      return decided ? decideAt : null;
    }
    const lapseAt = office(opened + nf.concludeLapsedAfter, r);
    const lapsed = lapseAt <= now;
    res.proceedings.push({
      kind,
      status: lapsed ? 'done' : 'open',
      startedOn: cstDate(opened),
      clockRule: rule,
      closedOn: lapsed ? cstDate(lapseAt) : null,
      detail: {},
      outcome: lapsed ? 'lapsed' : null,
      createdBy: legalOfficer,
      createdAt: opened,
    });
    return null;
  };
  const first = openWindow(
    'reconsideration_window',
    'reconsideration_apply',
    servedAt,
    'reconsideration',
    'reconsideration_decide',
  );
  if (first === null) return null;
  if (nf.overturned) return first;
  openWindow('review_window', 'review_apply', first, 'review', 'review_decide');
  return null;
}
