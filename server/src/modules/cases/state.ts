/**
 * The pure state machine of a case: where an action takes it, including the review gate it
 * waits at. The service applies exactly this; the property tests drive it with random actions.
 */
import {
  type CaseAction,
  type CaseStatus,
  type CaseType,
  DECISION_KINDS,
  DEFAULT_GATES,
  type DecisionKind,
  GATES,
  type Gate,
  nextGate,
  REQUIRED_GATES,
  transition,
} from '@fazhi/common';

export interface CaseState {
  caseType: CaseType;
  status: CaseStatus;
  currentGate: Gate | null;
  reviewRound: number;
}

/**
 * The state after `action`, or null when the workflow table does not allow it. `gates` is the
 * chain of the proposal under review (for submit: the proposal being submitted).
 */
export function nextState(s: CaseState, action: CaseAction, gates: readonly Gate[]): CaseState | null {
  const t = transition(s.caseType, s.status, action);
  if (!t) return null;
  const to: CaseStatus = t.to === 'same' ? s.status : t.to;
  switch (action) {
    case 'submit': {
      // Round N opens with the officer's own gate (the submission), then waits at the next one.
      const first = nextGate(gates, 'officer');
      return first
        ? { ...s, status: to, currentGate: first, reviewRound: s.reviewRound + 1 }
        : { ...s, status: 'approved', currentGate: null, reviewRound: s.reviewRound + 1 };
    }
    case 'approve': {
      if (!s.currentGate) return null;
      const next = nextGate(gates, s.currentGate);
      return next ? { ...s, currentGate: next } : { ...s, status: 'approved', currentGate: null };
    }
    default:
      return { ...s, status: to, currentGate: null };
  }
}

/** The branch's gate chains: DEFAULT_GATES overridden per kind by the `review_gates` setting. */
export function gateChains(setting: unknown): Record<DecisionKind, Gate[]> {
  const out = Object.fromEntries(DECISION_KINDS.map((k) => [k, [...DEFAULT_GATES[k]]])) as Record<
    DecisionKind,
    Gate[]
  >;
  if (!setting || typeof setting !== 'object') return out;
  for (const [kind, chain] of Object.entries(setting as Record<string, unknown>)) {
    if (!(DECISION_KINDS as readonly string[]).includes(kind) || !Array.isArray(chain)) continue;
    const gates = chain.filter((g): g is Gate => (GATES as readonly string[]).includes(g as string));
    // A chain always starts at the officer and keeps the canonical order of the gates.
    const ordered = GATES.filter((g) => g === 'officer' || gates.includes(g));
    if (ordered.length >= 2) out[kind as DecisionKind] = ordered;
  }
  // A gate the law requires stays in the chain whatever the setting says.
  for (const [kind, required] of Object.entries(REQUIRED_GATES) as [DecisionKind, readonly Gate[]][])
    out[kind] = GATES.filter((g) => out[kind].includes(g) || required.includes(g));
  return out;
}

export const QUALIFICATION_RANK = { basic: 0, intermediate: 1, advanced: 2 } as const;
export type Qualification = keyof typeof QUALIFICATION_RANK;

export function qualifies(level: string | null, min: Qualification): boolean {
  if (!level || !(level in QUALIFICATION_RANK)) return false;
  return QUALIFICATION_RANK[level as Qualification] >= QUALIFICATION_RANK[min];
}

export type StepName = 'serve' | 'apply' | 'reply' | 'schedule' | 'conclude' | 'extend';

/**
 * The steps an open proceeding allows: serving a notice and registering a complainant's
 * application are clerical (the handling unit or the legal detachment); deciding a 复议/复核,
 * extending its period (once), declaring a window lapsed, replying to the procuratorate and our
 * own 提请复核 belong to the legal detachment.
 */
export function proceedingSteps(
  p: { kind: string; status: string; detail: unknown },
  who: { canWrite: boolean; isLegal: boolean },
): StepName[] {
  if (p.status !== 'open') return [];
  const out: StepName[] = [];
  const clerk = who.canWrite || who.isLegal;
  switch (p.kind) {
    case 'not_filed_notice':
    case 'reconsideration_notice':
    case 'case_revoked_notice':
    case 'decision_notice':
      if (clerk) out.push('serve');
      break;
    // The party asks for a hearing (registered by the unit) or lets the window lapse.
    case 'hearing_window':
    // The party turns up within the 7 days of a public notice, or lets them pass.
    case 'statement_window':
      if (clerk) out.push('apply', 'conclude');
      break;
    // 听证由公安机关法制部门组织实施 (程序规定 art.124): the legal detachment records its outcome.
    // Told of the time and place 7 days ahead, then held and concluded (行政处罚法 art.64).
    case 'hearing':
      if (who.isLegal) {
        out.push('schedule');
        if ((p.detail as { schedule?: unknown } | null)?.schedule) out.push('conclude');
      }
      break;
    case 'reconsideration_window':
    case 'review_window':
      if (clerk) out.push('apply');
      if (who.isLegal) out.push('conclude');
      break;
    case 'procuratorate_review_window':
      if (who.isLegal) out.push('apply', 'conclude');
      break;
    case 'reconsideration':
    case 'review':
      if (who.isLegal) {
        out.push('conclude');
        if (!(p.detail as { extension?: unknown } | null)?.extension) out.push('extend');
      }
      break;
    case 'procuratorate_reconsideration':
    case 'procuratorate_review':
      if (who.isLegal) out.push('conclude');
      break;
    case 'procuratorate_feedback': {
      if (!who.isLegal) break;
      out.push('reply');
      const kind = (p.detail as { feedbackKind?: string } | null)?.feedbackKind;
      if (kind === 'no_arrest' || kind === 'no_prosecution') out.push('apply');
      break;
    }
  }
  return out;
}
