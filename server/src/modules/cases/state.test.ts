import {
  ADMIN_DECISIONS,
  availableActions,
  CASE_ACTIONS,
  CASE_STATUSES,
  type CaseAction,
  type CaseStatus,
  type CaseType,
  CRIMINAL_DECISIONS,
  DEFAULT_GATES,
  type DecisionKind,
  GATE_ROLE,
  GATES,
  type Gate,
  type RoleCode,
  seededRandom,
  TERMINAL_STATUSES,
  transition,
  WORKFLOWS,
} from '@fazhi/common';
import { describe, expect, it } from 'vitest';
import { type CaseState, gateChains, nextState, proceedingSteps, qualifies } from './state.ts';

/** Every status a case type's table mentions, as a source or a target. */
function statusesOf(type: CaseType): Set<CaseStatus> {
  const out = new Set<CaseStatus>([type === 'admin' ? 'acceptance_review' : 'filing_review']);
  for (const [from, row] of Object.entries(WORKFLOWS[type])) {
    out.add(from as CaseStatus);
    for (const t of Object.values(row as Record<string, { to: string }>))
      if (t.to !== 'same') out.add(t.to as CaseStatus);
  }
  return out;
}

const ADMIN_ONLY: CaseStatus[] = ['acceptance_review', 'not_accepted', 'decided', 'mediated'];
const CRIMINAL_ONLY: CaseStatus[] = ['filing_review', 'filing_approval', 'not_filed', 'with_procuratorate'];

describe('the workflow table by property', () => {
  it('random action sequences never reach a status the table forbids', () => {
    const random = seededRandom(3);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    let steps = 0;
    let moved = 0;
    for (let seq = 0; seq < 600; seq++) {
      const caseType: CaseType = seq % 2 ? 'criminal' : 'admin';
      const allowedStatuses = statusesOf(caseType);
      let s: CaseState = {
        caseType,
        status: caseType === 'admin' ? 'acceptance_review' : 'filing_review',
        currentGate: null,
        reviewRound: 0,
      };
      let kind: DecisionKind | null = null;
      for (let i = 0; i < 40; i++) {
        steps++;
        const action = pick(CASE_ACTIONS);
        const proposal: DecisionKind | null =
          action === 'submit' ? pick(caseType === 'admin' ? ADMIN_DECISIONS : CRIMINAL_DECISIONS) : kind;
        const next = nextState(s, action, proposal ? DEFAULT_GATES[proposal] : []);
        const row = transition(caseType, s.status, action);
        if (!row) {
          expect(next, `${s.status} ${action}`).toBeNull();
          continue;
        }
        if (!next) {
          // Only approve without a gate may be refused by the state machine itself.
          expect(action).toBe('approve');
          continue;
        }
        moved++;
        if (action === 'submit') kind = proposal;
        expect(allowedStatuses.has(next.status), `${caseType} ${s.status} ${action} → ${next.status}`).toBe(
          true,
        );
        expect(CASE_STATUSES).toContain(next.status);
        expect(caseType === 'admin' ? CRIMINAL_ONLY : ADMIN_ONLY).not.toContain(next.status);
        // A gate is set exactly while the case is in review, and is never the officer's own.
        expect(next.status === 'in_review').toBe(next.currentGate !== null);
        if (next.currentGate) {
          expect(DEFAULT_GATES[kind!]).toContain(next.currentGate);
          expect(next.currentGate).not.toBe('officer');
        }
        // Rounds only grow, and only by submission.
        expect(next.reviewRound).toBe(s.reviewRound + (action === 'submit' ? 1 : 0));
        // Approved only by the last gate of the chain.
        if (next.status === 'approved' && s.status !== 'approved') {
          expect(action).toBe('approve');
          expect(s.currentGate).toBe(DEFAULT_GATES[kind!].at(-1));
        }
        if (TERMINAL_STATUSES.includes(s.status)) expect(s.status).toBe('not_filed');
        s = next;
      }
    }
    expect(steps).toBe(24_000);
    expect(moved).toBeGreaterThan(1_000);
  });

  it('from a terminal status nothing moves but the legal detachment on a not-filed case (立案监督, reopening)', () => {
    const open: string[] = [];
    for (const type of ['admin', 'criminal'] as const)
      for (const status of TERMINAL_STATUSES)
        for (const action of CASE_ACTIONS) {
          const t = transition(type, status, action);
          if (t) open.push([type, status, action, t.by, t.to].join(' '));
        }
    expect(open).toEqual([
      'criminal not_filed record_feedback legal same',
      'criminal not_filed reopen legal investigating',
    ]);
  });

  it('offers a gate action only to the gate role, within the unit for the unit gates', () => {
    const random = seededRandom(11);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const roles: RoleCode[] = ['officer', 'unit_legal', 'unit_head', 'legal', 'branch_head', 'inspector'];
    for (let i = 0; i < 2_000; i++) {
      const gate: Gate = pick(GATES.slice(1));
      const role = pick(roles);
      const own = random() < 0.5;
      const actions = availableActions(
        {
          caseType: pick(['admin', 'criminal'] as const),
          status: 'in_review',
          unitPath: '/1/5/9/',
          currentGate: gate,
        },
        { roles: [role], unitPath: own ? '/1/5/' : '/1/6/' },
      );
      const expected = role === GATE_ROLE[gate] && (own || gate === 'legal' || gate === 'branch_head');
      expect(actions.length > 0, `${role} at ${gate} own=${own}`).toBe(expected);
      for (const a of actions) expect(['approve', 'send_back', 'disagree']).toContain(a as CaseAction);
    }
  });
});

describe('gate chains and qualifications', () => {
  it('takes the default chains, overridden per kind by the branch setting in canonical order', () => {
    expect(gateChains(null).warning).toEqual(['officer', 'unit_legal', 'unit_head']);
    const chains = gateChains({
      warning: ['legal', 'unit_legal', 'bogus'],
      fine: ['officer'],
      nonsense: ['legal'],
    });
    expect(chains.warning).toEqual(['officer', 'unit_legal', 'legal']);
    expect(chains.fine).toEqual(DEFAULT_GATES.fine);
    expect(chains.detention).toEqual(GATES);
  });

  it('keeps the branch head’s gate on 提请批准逮捕, 移送审查起诉 and 撤销案件 whatever the setting says (程序规定 arts.137, 289, 186–187)', () => {
    const chains = gateChains({
      case_revoked: ['unit_legal', 'legal'],
      arrest_request: ['legal'],
      prosecution_transfer: ['unit_legal'],
    });
    expect(chains.case_revoked).toEqual(['officer', 'unit_legal', 'legal', 'branch_head']);
    expect(chains.arrest_request).toEqual(['officer', 'legal', 'branch_head']);
    expect(chains.prosecution_transfer).toEqual(['officer', 'unit_legal', 'branch_head']);
  });

  it('ranks qualifications', () => {
    expect(qualifies('advanced', 'intermediate')).toBe(true);
    expect(qualifies('intermediate', 'intermediate')).toBe(true);
    expect(qualifies('basic', 'intermediate')).toBe(false);
    expect(qualifies(null, 'basic')).toBe(false);
  });

  it('offers proceeding steps by kind and right', () => {
    const legal = { canWrite: true, isLegal: true };
    const clerk = { canWrite: true, isLegal: false };
    const p = (kind: string, detail = {}) => ({ kind, status: 'open', detail });
    expect(proceedingSteps(p('not_filed_notice'), clerk)).toEqual(['serve']);
    expect(proceedingSteps(p('reconsideration_window'), clerk)).toEqual(['apply']);
    expect(proceedingSteps(p('reconsideration_window'), legal)).toEqual(['apply', 'conclude']);
    expect(proceedingSteps(p('reconsideration'), clerk)).toEqual([]);
    expect(proceedingSteps(p('reconsideration'), legal)).toEqual(['conclude', 'extend']);
    expect(proceedingSteps(p('review', { extension: { days: 30 } }), legal)).toEqual(['conclude']);
    expect(proceedingSteps(p('procuratorate_reconsideration'), legal)).toEqual(['conclude']);
    expect(proceedingSteps(p('reconsideration_notice'), clerk)).toEqual(['serve']);
    expect(proceedingSteps(p('case_revoked_notice'), clerk)).toEqual(['serve']);
    expect(proceedingSteps(p('procuratorate_review_window'), clerk)).toEqual([]);
    expect(proceedingSteps(p('procuratorate_review_window'), legal)).toEqual(['apply', 'conclude']);
    expect(proceedingSteps(p('procuratorate_feedback', { feedbackKind: 'no_arrest' }), legal)).toEqual([
      'reply',
      'apply',
    ]);
    expect(
      proceedingSteps(p('procuratorate_feedback', { feedbackKind: 'correction_notice' }), legal),
    ).toEqual(['reply']);
    expect(proceedingSteps({ ...p('review'), status: 'done' }, legal)).toEqual([]);
  });
});
