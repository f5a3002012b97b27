import { describe, expect, it } from 'vitest';
import {
  CASE_STATUSES,
  CASE_TYPES,
  nextActions,
  statusesWaitingFor,
  TERMINAL_STATUSES,
  WORKFLOWS,
  waitingFor,
} from './workflow.ts';

describe('who a case waits for', () => {
  it('is the actor of every action its status allows', () => {
    expect(waitingFor('admin', 'approved')).toEqual(['handler']); // 作出决定 after the last approval
    expect(waitingFor('criminal', 'approved')).toEqual(['legal']); // 两统一
    expect(waitingFor('admin', 'in_review')).toEqual(['gate']);
    expect(waitingFor('criminal', 'with_procuratorate')).toEqual(['legal']);
    expect(nextActions('admin', 'approved')).toEqual(['decide']);
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
