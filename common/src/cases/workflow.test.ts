import { describe, expect, it } from 'vitest';
import {
  availableActions,
  CASE_STATUSES,
  CASE_TYPES,
  nextActions,
  statusesWaitingFor,
  TERMINAL_STATUSES,
  WORKFLOWS,
  waitingFor,
  waitsFor,
} from './workflow.ts';

describe('who a case waits for', () => {
  it('is the actor of every action its status allows', () => {
    expect(waitingFor('admin', 'approved')).toEqual(['handler']); // 处罚前告知 after the last approval
    expect(waitingFor('criminal', 'approved')).toEqual(['legal']); // 两统一
    expect(waitingFor('admin', 'in_review')).toEqual(['gate']);
    expect(waitingFor('criminal', 'with_procuratorate')).toEqual(['legal']);
    expect(nextActions('admin', 'approved')).toEqual(['inform', 'decide', 'withdraw']);
    // told again (a public notice answered) stays possible, like the withdrawal
    expect(nextActions('admin', 'informed')).toEqual(['decide', 'inform', 'withdraw']);
    // 立案 / 不予立案 and 行政拘留 wait for the 县级公安机关负责人.
    expect(waitingFor('criminal', 'filing_review')).toEqual(['handler']);
    expect(waitingFor('criminal', 'filing_approval')).toEqual(['branch_head']);
    // A penalty is told to the party first (the officer), then decided: 行政拘留 by the head.
    expect(waitingFor('admin', 'approved', 'detention')).toEqual(['handler']);
    expect(waitingFor('admin', 'informed', 'detention')).toEqual(['branch_head']);
    expect(waitingFor('admin', 'informed', 'fine')).toEqual(['handler']);
    // 不予处罚 is decided without 告知; 撤回 is a way out, never a step anyone waits for.
    expect(waitingFor('admin', 'approved', 'no_penalty')).toEqual(['handler']);
  });

  it('lists where a case waits for an actor, by proposal where it matters', () => {
    expect(waitsFor('admin', 'branch_head')).toEqual([{ status: 'informed', kinds: ['detention'] }]);
    expect(waitsFor('criminal', 'branch_head')).toEqual([{ status: 'filing_approval', kinds: null }]);
    const informed = waitsFor('admin', 'handler').find((w) => w.status === 'informed');
    expect(informed?.kinds).not.toContain('detention');
    expect(informed?.kinds).toContain('fine');
    // approved: every administrative proposal waits for the officer (告知, or 不予处罚 decided)
    expect(waitsFor('admin', 'handler').find((w) => w.status === 'approved')?.kinds).toEqual([
      'warning',
      'fine',
      'confiscation',
      'detention',
      'no_penalty',
    ]);
  });

  it('offers the 告知 to the officer, then the decision on a detention to the branch head only', () => {
    const c = { caseType: 'admin', status: 'approved', unitPath: '/1/2', currentGate: null } as const;
    const told = { ...c, status: 'informed' } as const;
    const officer = { roles: ['officer'] as const, unitPath: '/1/2' };
    const head = { roles: ['branch_head'] as const, unitPath: '/1' };
    expect(availableActions({ ...c, proposedDecision: 'detention' }, officer)).toEqual([
      'inform',
      'withdraw',
    ]);
    expect(availableActions({ ...c, proposedDecision: 'detention' }, head)).toEqual([]);
    expect(availableActions({ ...c, proposedDecision: 'no_penalty' }, officer)).toEqual([
      'decide',
      'withdraw',
    ]);
    expect(availableActions({ ...told, proposedDecision: 'detention' }, officer)).toEqual([
      'inform',
      'withdraw',
    ]);
    expect(availableActions({ ...told, proposedDecision: 'detention' }, head)).toEqual(['decide']);
    expect(availableActions({ ...told, proposedDecision: 'fine' }, officer)).toEqual([
      'decide',
      'inform',
      'withdraw',
    ]);
    expect(availableActions({ ...told, proposedDecision: 'fine' }, head)).toEqual([]);
  });

  it('is nobody once the case has ended, and somebody in every other status its workflow has', () => {
    for (const type of CASE_TYPES)
      for (const status of CASE_STATUSES) {
        const inTable = status in WORKFLOWS[type];
        const waits = waitingFor(type, status).length > 0;
        expect(waits, `${type} ${status}`).toBe(inTable && !TERMINAL_STATUSES.includes(status));
      }
  });

  it('lists the statuses per actor', () => {
    expect(statusesWaitingFor('admin', 'handler')).toEqual([
      'acceptance_review',
      'investigating',
      'approved',
      'informed',
      'decided',
    ]);
    expect(statusesWaitingFor('criminal', 'legal')).toEqual(['approved', 'with_procuratorate']);
  });
});
