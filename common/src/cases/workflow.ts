/**
 * The case workflows as data (OpenCRVS-style): for each case type, the actions each status
 * allows and where they lead. The server refuses any action the table does not allow; the web
 * app draws its buttons from `availableActions`.
 */
import type { RoleCode } from '../platform/permissions.ts';

export const CASE_TYPES = ['admin', 'criminal'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_STATUSES = [
  'acceptance_review', // 受案审查 (administrative)
  'filing_review', // 立案审查 (criminal)
  'filing_approval', // 呈请立案 / 不予立案, waiting for the 县级公安机关负责人 (criminal)
  'investigating', // 调查取证 / 侦查
  'in_review', // 三级五关审核中
  'approved', // 审核通过，待告知 (or, 不予处罚, 待作出决定)
  'informed', // 已告知拟处罚，待作出决定 (after 陈述申辩 and any 听证)
  'decided', // 已作出决定
  'with_procuratorate', // 两统一：已统一出口至检察机关
  'closed', // 结案
  'not_accepted', // 不予受案
  'not_filed', // 不予立案
  'transferred', // 移送
  'mediated', // 调解结案
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = [
  'accept',
  'refuse',
  'request_filing',
  'file',
  'refuse_filing',
  'extend_review',
  'transfer',
  'mediate',
  'submit',
  'approve',
  'send_back',
  'disagree',
  'inform',
  'withdraw',
  'decide',
  'record_feedback',
  'reopen',
  'close',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const ADMIN_DECISIONS = ['warning', 'fine', 'confiscation', 'detention', 'no_penalty'] as const;
/** The administrative decisions that are penalties (行政处罚): each needs 告知 first. */
export const ADMIN_PENALTIES = ['warning', 'fine', 'confiscation', 'detention'] as const;
export const CRIMINAL_DECISIONS = ['arrest_request', 'prosecution_transfer', 'case_revoked'] as const;
export const DECISION_KINDS = [...ADMIN_DECISIONS, ...CRIMINAL_DECISIONS] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/**
 * Who may take an action: the handling unit, the reviewer at the current gate, the legal
 * detachment, or the branch head acting as 县级公安机关负责人 (the approvals the law reserves to
 * that office: 立案 / 不予立案 / 撤销案件, 程序规定 arts.178, 186–187; 行政拘留).
 */
export type Actor = 'handler' | 'gate' | 'legal' | 'branch_head';

export interface Transition {
  to: CaseStatus | 'same';
  by: Actor;
  /** A different actor for some proposed decisions (行政拘留 is decided by the branch head). */
  byKind?: Partial<Record<DecisionKind, Actor>>;
  /** Open only to cases proposing one of these decisions (absent: whatever the proposal). */
  kinds?: readonly DecisionKind[];
  /** A way out the actor may take, not a step the case waits for (kept out of 待办). */
  optional?: boolean;
}

/** Who takes this transition for a case whose proposal is `kind`; null when it is not open to it. */
export function actorOf(t: Transition, kind: DecisionKind | null | undefined): Actor | null {
  if (kind && t.kinds && !t.kinds.includes(kind)) return null;
  return (kind && t.byKind?.[kind]) || t.by;
}

type Table = Partial<Record<CaseStatus, Partial<Record<CaseAction, Transition>>>>;

const REVIEW: Table = {
  in_review: {
    approve: { to: 'same', by: 'gate' },
    send_back: { to: 'investigating', by: 'gate' },
    disagree: { to: 'investigating', by: 'gate' },
  },
};

export const WORKFLOWS = {
  admin: {
    acceptance_review: {
      accept: { to: 'investigating', by: 'handler' },
      refuse: { to: 'not_accepted', by: 'handler' },
      transfer: { to: 'transferred', by: 'handler' },
      mediate: { to: 'mediated', by: 'handler' },
    },
    investigating: {
      submit: { to: 'in_review', by: 'handler' },
      transfer: { to: 'transferred', by: 'handler' },
      mediate: { to: 'mediated', by: 'handler' },
    },
    ...REVIEW,
    // Before a penalty is decided the party is told of it and of the right to 陈述申辩 (and to a
    // 听证 where due): 行政处罚法 art.44, 治安管理处罚法 (2025) arts.112, 117. 不予处罚 needs no 告知.
    // A statement taken up or a hearing that finds against the proposal sends it back (withdraw).
    approved: {
      inform: { to: 'informed', by: 'handler', kinds: ADMIN_PENALTIES },
      decide: { to: 'decided', by: 'handler', kinds: ['no_penalty'] },
      withdraw: { to: 'investigating', by: 'handler', optional: true },
    },
    // 行政拘留 is decided by the head of the 县级 organ; warnings and fines by the handling unit.
    informed: {
      decide: { to: 'decided', by: 'handler', byKind: { detention: 'branch_head' } },
      // Told again in the same round: the party turned up after a public notice and stated a case.
      inform: { to: 'same', by: 'handler', kinds: ADMIN_PENALTIES, optional: true },
      withdraw: { to: 'investigating', by: 'handler', optional: true },
    },
    decided: { close: { to: 'closed', by: 'handler' } },
  },
  criminal: {
    // The officer proposes (呈请立案 / 不予立案); the branch head approves one or the other.
    filing_review: {
      request_filing: { to: 'filing_approval', by: 'handler' },
    },
    filing_approval: {
      file: { to: 'investigating', by: 'branch_head' },
      refuse_filing: { to: 'not_filed', by: 'branch_head' },
      // A crime outside our jurisdiction is transferred on the branch head's approval (程序规定 art.175).
      transfer: { to: 'transferred', by: 'branch_head' },
      // 重大疑难复杂: the review may run 30 days, only with the branch head's approval.
      extend_review: { to: 'filing_review', by: 'branch_head' },
    },
    // 立案监督 reaches a case not filed: the procuratorate asks why (7 days to explain) or orders
    // it filed (15 days), 程序规定 art.182; a filing ordered, or a 复议/复核 overturned, reopens it.
    not_filed: {
      reopen: { to: 'investigating', by: 'legal' },
      record_feedback: { to: 'same', by: 'legal', optional: true },
    },
    investigating: {
      submit: { to: 'in_review', by: 'handler' },
      transfer: { to: 'transferred', by: 'handler' },
    },
    ...REVIEW,
    // 两统一: the legal detachment decides and outputs every criminal case to the procuratorate.
    approved: { decide: { to: 'with_procuratorate', by: 'legal' } },
    with_procuratorate: {
      record_feedback: { to: 'same', by: 'legal' },
      reopen: { to: 'investigating', by: 'legal' },
      close: { to: 'closed', by: 'legal' },
    },
  },
} as const satisfies Record<CaseType, Table>;

export function transition(
  caseType: CaseType,
  status: CaseStatus,
  action: CaseAction,
): Transition | undefined {
  const row = (WORKFLOWS[caseType] as Table)[status];
  return row?.[action];
}

export const TERMINAL_STATUSES: readonly CaseStatus[] = [
  'closed',
  'not_accepted',
  'not_filed',
  'transferred',
  'mediated',
];

/**
 * Who a case in this status waits for: the actors of the actions its workflow allows, none once
 * it has ended (a not-filed case reopens only after a 复议 / 复核 overturned the refusal, which
 * its proceedings put in 待办). Every one of them has the case in their 待办.
 */
export function waitingFor(caseType: CaseType, status: CaseStatus, kind?: DecisionKind | null): Actor[] {
  if (TERMINAL_STATUSES.includes(status)) return [];
  const row = (WORKFLOWS[caseType] as Table)[status] ?? {};
  const steps = Object.values(row).filter((t) => !t.optional);
  return [...new Set(steps.flatMap((t) => (kind ? (actorOf(t, kind) ?? []) : [t.by])))];
}

/** The statuses of a case type in which the case waits for `actor` (whatever its proposal). */
export function statusesWaitingFor(caseType: CaseType, actor: Actor): CaseStatus[] {
  return CASE_STATUSES.filter((s) => waitingFor(caseType, s).includes(actor));
}

/**
 * Where a case waits for `actor`: each status, with the proposed decisions it waits for them
 * under (null: whatever the proposal). The 待办 query is built from this.
 */
export function waitsFor(
  caseType: CaseType,
  actor: Actor,
): { status: CaseStatus; kinds: DecisionKind[] | null }[] {
  const out: { status: CaseStatus; kinds: DecisionKind[] | null }[] = [];
  for (const status of CASE_STATUSES) {
    const plain = waitingFor(caseType, status).includes(actor);
    const kinds = DECISION_KINDS.filter((k) => waitingFor(caseType, status, k).includes(actor));
    if (plain && kinds.length === DECISION_KINDS.length) out.push({ status, kinds: null });
    else if (kinds.length) out.push({ status, kinds });
  }
  return out;
}

/** The actions open to whoever the case waits for in this status (its next steps). */
export function nextActions(caseType: CaseType, status: CaseStatus): CaseAction[] {
  return Object.keys((WORKFLOWS[caseType] as Table)[status] ?? {}) as CaseAction[];
}

// ---- the 三级五关 review chain -----------------------------------------------------------------

export const GATES = ['officer', 'unit_legal', 'unit_head', 'legal', 'branch_head'] as const;
export type Gate = (typeof GATES)[number];

/** The role that acts at each gate (the officer's gate is the submission itself). */
export const GATE_ROLE: Record<Gate, RoleCode> = {
  officer: 'officer',
  unit_legal: 'unit_legal',
  unit_head: 'unit_head',
  legal: 'legal',
  branch_head: 'branch_head',
};

/**
 * Which gates a proposed decision passes, by weight: a warning stops at the unit head; a fine
 * or confiscation goes on to the legal detachment; detention and every criminal case reach the
 * branch head. Configurable per branch in the `review_gates` setting; this is the default.
 */
export const DEFAULT_GATES: Record<DecisionKind, readonly Gate[]> = {
  warning: ['officer', 'unit_legal', 'unit_head'],
  no_penalty: ['officer', 'unit_legal', 'unit_head'],
  fine: ['officer', 'unit_legal', 'unit_head', 'legal'],
  confiscation: ['officer', 'unit_legal', 'unit_head', 'legal'],
  detention: GATES,
  arrest_request: GATES,
  prosecution_transfer: GATES,
  case_revoked: GATES,
};

/**
 * Gates the law requires whatever the branch's `review_gates` setting says: the approval of the
 * 县级公安机关负责人, the branch head's gate, for 提请批准逮捕 (公安机关办理刑事案件程序规定
 * art.137), 移送审查起诉 (art.289) and 撤销案件 (arts.186–187).
 */
export const REQUIRED_GATES: Partial<Record<DecisionKind, readonly Gate[]>> = {
  arrest_request: ['branch_head'],
  prosecution_transfer: ['branch_head'],
  case_revoked: ['branch_head'],
};

export function nextGate(gates: readonly Gate[], current: Gate): Gate | null {
  const i = gates.indexOf(current);
  return i >= 0 && i < gates.length - 1 ? gates[i + 1]! : null;
}

/** What every gate checks (案件审核规范). */
export const REVIEW_CHECKLIST = [
  'subject', // 执法主体
  'jurisdiction', // 管辖
  'facts', // 事实认定
  'evidence', // 证据
  'procedure', // 程序
  'formalities', // 法律手续
  'appropriateness', // 处理适当
  'time_limits', // 时效
] as const;
export type ChecklistItem = (typeof REVIEW_CHECKLIST)[number];

/** A penalty or licence decision is published within 7 working days; others within 20. */
export function publicityRule(kind: DecisionKind): 'publicity_penalty' | 'publicity_other' | null {
  if (kind === 'warning' || kind === 'fine' || kind === 'confiscation' || kind === 'detention')
    return 'publicity_penalty';
  if (kind === 'no_penalty') return 'publicity_other';
  return null;
}

export interface CaseForActions {
  caseType: CaseType;
  status: CaseStatus;
  unitPath: string;
  currentGate: Gate | null;
  proposedDecision?: DecisionKind | null;
}

export interface UserForActions {
  roles: readonly RoleCode[];
  unitPath: string;
}

/** The actions this user may take on this case now (the server checks the same function). */
export function availableActions(c: CaseForActions, u: UserForActions): CaseAction[] {
  const row = (WORKFLOWS[c.caseType] as Table)[c.status] ?? {};
  const handlesUnit = c.unitPath.startsWith(u.unitPath);
  return (Object.entries(row) as [CaseAction, Transition][])
    .filter(([, t]) => {
      const by = actorOf(t, c.proposedDecision);
      if (!by) return false;
      if (by === 'legal') return u.roles.includes('legal');
      if (by === 'branch_head') return u.roles.includes('branch_head');
      if (by === 'handler')
        return (
          handlesUnit &&
          (u.roles.includes('officer') || u.roles.includes('unit_head') || u.roles.includes('unit_legal'))
        );
      // At a gate: the gate's role, inside the case's unit for the unit's own gates.
      if (!c.currentGate) return false;
      const role = GATE_ROLE[c.currentGate];
      if (!u.roles.includes(role)) return false;
      return c.currentGate === 'legal' || c.currentGate === 'branch_head' || handlesUnit;
    })
    .map(([a]) => a);
}
