/**
 * 法定期限将至: a running statutory clock due within N days (today included), so the unit acts
 * before it lapses. When the date passes the finding resolves and clock_overdue takes over.
 */
import { sql } from 'drizzle-orm';
import { type ClockWindow, clockProblems, clockReason, clockSubjects } from './clocks.ts';
import { d, type RuleImpl, type RuleRun } from './types.ts';

function window(r: RuleRun<'clock_due_soon'>): ClockWindow {
  const days = r.params.days;
  return {
    dueFrom: d(r.today),
    dueTo: sql`(${d(r.today)} + ${days}::int)`,
    // The day the clock came within N days of its due date (not before the clock started).
    occurred: (due, start) => sql`greatest(${due} - ${days}::int, coalesce(${start}, ${due} - ${days}::int))`,
    tag: 'soon',
    includeProceedings: r.params.includeProceedings,
    excludeKinds: [],
  };
}

export const clockDueSoon: RuleImpl<'clock_due_soon'> = {
  kind: 'clock_due_soon',
  scope: 'case',
  sources: ['scan'],
  subjects(r) {
    // Due dates that entered the window (due − N reached) or left it (due passed) between scans.
    return clockSubjects(
      r,
      window(r),
      sql`${d(r.sinceDay ?? r.today)} - 1`,
      sql`${d(r.today)} + ${r.params.days}::int`,
    );
  },
  problems: (r, restrict) => clockProblems(r, window(r), restrict),
  reason: (r) => clockReason(r, true),
};
