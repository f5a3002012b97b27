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
    expect(waitingFor('admin', 'approved')).toEqual(['handler']); // 作出决定 after the last approval
    expect(waitingFor('criminal', 'approved')).toEqual(['legal']); // 两统一
    expect(waitingFor('admin', 'in_review')).toEqual(['gate']);
    expect(waitingFor('criminal', 'with_procuratorate')).toEqual(['legal']);
    expect(nextActions('admin', 'approved')).toEqual(['decide']);
    // 立案 / 不予立案 and 行政拘留 wait for the 县级公安机关负责人.
    expect(waitingFor('criminal', 'filing_review')).toEqual(['handler']);
    expect(waitingFor('criminal', 'filing_approval')).toEqual(['branch_head']);
    expect(waitingFor('admin', 'approved', 'detention')).toEqual(['branch_head']);
    expect(waitingFor('admin', 'approved', 'fine')).toEqual(['handler']);
  });

  it('lists where a case waits for an actor, by proposal where it matters', () => {
    expect(waitsFor('admin', 'branch_head')).toEqual([{ status: 'approved', kinds: ['detention'] }]);
    expect(waitsFor('criminal', 'branch_head')).toEqual([{ status: 'filing_approval', kinds: null }]);
    const approved = waitsFor('admin', 'handler').find((w) => w.status === 'approved');
    expect(approved?.kinds).not.toContain('detention');
    expect(approved?.kinds).toContain('fine');
  });

  it('offers the decision on a detention to the branch head only', () => {
    const c = { caseType: 'admin', status: 'approved', unitPath: '/1/2', currentGate: null } as const;
    const officer = { roles: ['officer'] as const, unitPath: '/1/2' };
    const head = { roles: ['branch_head'] as const, unitPath: '/1' };
    expect(availableActions({ ...c, proposedDecision: 'detention' }, officer)).toEqual([]);
    expect(availableActions({ ...c, proposedDecision: 'detention' }, head)).toEqual(['decide']);
    expect(availableActions({ ...c, proposedDecision: 'fine' }, officer)).toEqual(['decide']);
    expect(availableActions({ ...c, proposedDecision: 'fine' }, head)).toEqual([]);
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
      'decided',
    ]);
    expect(statusesWaitingFor('criminal', 'legal')).toEqual(['approved', 'with_procuratorate']);
  });
});
