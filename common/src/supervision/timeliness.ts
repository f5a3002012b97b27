/**
 * Whether a unit rectified a finding in time, and how long its answer has waited for the legal
 * detachment. Two clocks, two owners:
 *
 * - The unit's: it owes an answer by `rectifyDueOn`. Its lateness is measured when it answered
 *   (frozen from then on), or today while it still has not. An answer by the deadline is never
 *   late, however long the verification takes. A returned finding has a new deadline; the
 *   earlier answer's lateness stays in the finding's history (events and audit), not on it.
 * - The detachment's: it owes a verification within `verifyDays` of the answer (a supervision
 *   setting), shown in its own 待办, never counted against the unit.
 *
 * Closed findings show how they ended: a corrected one keeps the lateness of its answer (or of
 * its closing, when no answer was recorded); a dismissed or resolved one was not the unit's to
 * answer and is never late.
 *
 * The server's SQL filters (findings-common.ts: lateCond) are this rule written in SQL.
 */
import { addDays, chinaToday, daysBetween } from '../calendar/iso-date.ts';
import type { FindingStatus } from './model.ts';

export interface TimelinessSubject {
  status: FindingStatus;
  rectifyDueOn: string;
  /** The unit's (latest) answer; a return clears it. */
  answeredAt: Date | string | null;
  /** The closing: a corrected finding recorded without its answer is measured there. */
  closedAt?: Date | string | null;
}

export interface RectificationTimeliness {
  /** Days past the deadline: counted to the answer (frozen), or to today while open; 0 in time. */
  daysLate: number;
  /** Days left to the deadline while open and not late (0: due today); null otherwise. */
  daysLeft: number | null;
  /**
   * Late and not yet closed: open past the deadline, or answered after it and waiting for the
   * detachment. What the list, 待办, statistics and 通报 call 逾期.
   */
  overdue: boolean;
}

const instant = (v: Date | string) => (typeof v === 'string' ? new Date(v) : v);

/** The China-time date of the unit's answer, or null when it has not answered. */
export const answeredOn = (f: Pick<TimelinessSubject, 'answeredAt'>): string | null =>
  f.answeredAt ? chinaToday(instant(f.answeredAt)) : null;

/** The unit's timeliness on `today` (a China-time date). */
export function rectificationTimeliness(f: TimelinessSubject, today: string): RectificationTimeliness {
  const late = (on: string) => Math.max(0, daysBetween(f.rectifyDueOn, on));
  if (f.status === 'open') {
    const daysLate = late(today);
    return {
      daysLate,
      daysLeft: daysLate ? null : daysBetween(today, f.rectifyDueOn),
      overdue: daysLate > 0,
    };
  }
  if (f.status === 'answered' || f.status === 'corrected') {
    const on = answeredOn(f) ?? (f.closedAt ? chinaToday(instant(f.closedAt)) : null);
    const daysLate = on ? late(on) : 0;
    return { daysLate, daysLeft: null, overdue: f.status === 'answered' && daysLate > 0 };
  }
  return { daysLate: 0, daysLeft: null, overdue: false };
}

export interface VerificationWait {
  /** Days the answer has waited (0 on the day it came). */
  days: number;
  /** The day the detachment should have verified by. */
  dueOn: string;
  /** Past `dueOn`: late for the detachment, not for the unit. */
  overdue: boolean;
}

/** The detachment's clock on an answered finding; null when nothing waits for it. */
export function verificationWait(
  f: Pick<TimelinessSubject, 'status' | 'answeredAt'>,
  verifyDays: number,
  today: string,
): VerificationWait | null {
  const on = f.status === 'answered' ? answeredOn(f) : null;
  if (!on) return null;
  const dueOn = addDays(on, verifyDays);
  return { days: Math.max(0, daysBetween(on, today)), dueOn, overdue: today > dueOn };
}

/** Days an answered finding has waited for verification (待核查 N 天); null when none waits. */
export const verifyWaitDays = (f: Pick<TimelinessSubject, 'status' | 'answeredAt'>, today: string) =>
  verificationWait(f, 0, today)?.days ?? null;
