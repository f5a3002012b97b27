import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPERVISION_SETTINGS } from './model.ts';
import { rectificationTimeliness, verificationWait } from './timeliness.ts';

const DUE = '2026-11-10';
/** An instant on a China-time date (late evening, so a UTC date would be the next day's). */
const at = (date: string) => new Date(`${date}T23:30:00+08:00`);
const TODAY = '2026-12-07';

describe('the unit is judged when it answered', () => {
  it('answered by the deadline is never late, however long the detachment takes', () => {
    for (const status of ['answered', 'corrected'] as const) {
      const f = { status, rectifyDueOn: DUE, answeredAt: at('2026-11-10') };
      expect(rectificationTimeliness(f, TODAY)).toEqual({ daysLate: 0, daysLeft: null, overdue: false });
      expect(rectificationTimeliness(f, '2031-01-01').overdue).toBe(false);
    }
  });

  it('answered late: the days to the answer, frozen; overdue until verified', () => {
    const f = { status: 'answered' as const, rectifyDueOn: DUE, answeredAt: at('2026-11-13') };
    expect(rectificationTimeliness(f, TODAY)).toEqual({ daysLate: 3, daysLeft: null, overdue: true });
    expect(rectificationTimeliness(f, '2027-03-01').daysLate).toBe(3);
    // Verified: it ended 3 days late, and nothing is overdue any more.
    expect(rectificationTimeliness({ ...f, status: 'corrected' }, TODAY)).toEqual({
      daysLate: 3,
      daysLeft: null,
      overdue: false,
    });
    // Closed without a recorded answer: measured at the closing.
    expect(
      rectificationTimeliness(
        { status: 'corrected', rectifyDueOn: DUE, answeredAt: null, closedAt: at('2026-11-12') },
        TODAY,
      ).daysLate,
    ).toBe(2);
    // An ISO string from the API counts the same.
    expect(
      rectificationTimeliness({ ...f, answeredAt: at('2026-11-13').toISOString() }, TODAY).daysLate,
    ).toBe(3);
  });

  it('still open: days left, due today, then overdue and growing', () => {
    const f = { status: 'open' as const, rectifyDueOn: DUE, answeredAt: null };
    expect(rectificationTimeliness(f, '2026-11-07')).toEqual({ daysLate: 0, daysLeft: 3, overdue: false });
    expect(rectificationTimeliness(f, DUE)).toEqual({ daysLate: 0, daysLeft: 0, overdue: false });
    expect(rectificationTimeliness(f, '2026-11-11')).toEqual({ daysLate: 1, daysLeft: null, overdue: true });
    expect(rectificationTimeliness(f, TODAY).daysLate).toBe(27);
  });

  it('a returned finding runs on its new deadline', () => {
    // The return cleared the answer and set a new deadline: judged on that one alone.
    const f = { status: 'open' as const, rectifyDueOn: '2026-12-12', answeredAt: null };
    expect(rectificationTimeliness(f, TODAY)).toEqual({ daysLate: 0, daysLeft: 5, overdue: false });
  });

  it('dismissed and resolved findings were not the unit to answer', () => {
    for (const status of ['dismissed', 'resolved'] as const)
      expect(rectificationTimeliness({ status, rectifyDueOn: DUE, answeredAt: null }, TODAY)).toEqual({
        daysLate: 0,
        daysLeft: null,
        overdue: false,
      });
  });
});

describe('the detachment has its own clock', () => {
  const days = DEFAULT_SUPERVISION_SETTINGS.verifyDays;

  it('counts the wait from the answer, overdue for the detachment past its days', () => {
    const f = { status: 'answered' as const, answeredAt: at('2026-11-20') };
    expect(verificationWait(f, days, '2026-11-20')).toEqual({ days: 0, dueOn: '2026-11-25', overdue: false });
    expect(verificationWait(f, days, '2026-11-25')?.overdue).toBe(false);
    expect(verificationWait(f, days, TODAY)).toEqual({ days: 17, dueOn: '2026-11-25', overdue: true });
  });

  it('nothing waits on a finding that is open or closed', () => {
    expect(verificationWait({ status: 'open', answeredAt: null }, days, TODAY)).toBeNull();
    expect(verificationWait({ status: 'corrected', answeredAt: at('2026-11-20') }, days, TODAY)).toBeNull();
  });
});
