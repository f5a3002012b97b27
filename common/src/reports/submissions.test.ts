import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES } from '../platform/permissions.ts';
import {
  availableSubmissionActions,
  nextSubmissionStatus,
  SUBMISSION_STATUSES,
  submissionActionAllowed,
  submissionLate,
} from './submissions.ts';

const perms = (role: string) => BUILT_IN_ROLES.find((r) => r.code === role)!.permissions;

describe('submission workflow', () => {
  it('walks draft → signed → returned → draft → signed → accepted', () => {
    let s = nextSubmissionStatus('draft', 'save');
    s = nextSubmissionStatus(s, 'sign');
    expect(s).toBe('signed');
    s = nextSubmissionStatus(s, 'return');
    expect(s).toBe('returned');
    expect(submissionActionAllowed(s, 'sign')).toBe(false);
    s = nextSubmissionStatus(s, 'save');
    expect(s).toBe('draft');
    s = nextSubmissionStatus(nextSubmissionStatus(s, 'sign'), 'accept');
    expect(s).toBe('accepted');
    expect(() => nextSubmissionStatus('accepted', 'save')).toThrow();
  });

  it('offers each role only its own steps, and nothing in a closed round', () => {
    expect(availableSubmissionActions('draft', perms('unit_legal'))).toEqual(['save', 'attach']);
    expect(availableSubmissionActions('draft', perms('unit_head'))).toEqual(['save', 'attach', 'sign']);
    expect(availableSubmissionActions('draft', perms('officer'))).toEqual([]);
    expect(availableSubmissionActions('signed', perms('unit_head'))).toEqual([]);
    expect(availableSubmissionActions('signed', perms('legal'))).toEqual(['accept', 'return']);
    expect(availableSubmissionActions('accepted', perms('legal'))).toEqual(['return']);
    for (const s of SUBMISSION_STATUSES)
      expect(availableSubmissionActions(s, perms('legal'), false)).toEqual([]);
  });

  it('is late only in an open round past its due date before sign-off', () => {
    const base = { roundStatus: 'open' as const, dueOn: '2026-03-31' };
    expect(submissionLate({ ...base, status: 'draft' }, '2026-04-01')).toBe(true);
    expect(submissionLate({ ...base, status: 'returned' }, '2026-04-01')).toBe(true);
    expect(submissionLate({ ...base, status: 'draft' }, '2026-03-31')).toBe(false);
    expect(submissionLate({ ...base, status: 'signed' }, '2026-04-01')).toBe(false);
    expect(submissionLate({ ...base, roundStatus: 'closed', status: 'draft' }, '2026-04-01')).toBe(false);
  });
});
