/**
 * 法定期限已超: a running statutory clock past its due date — the case's own clock (受案审查,
 * 立案审查, 办案期限 …) or an open side proceeding's (复议/复核 windows, procuratorate replies).
 * The not-filed notice is left to notice_not_served by default, so one lapse makes one finding.
 */
import { sql } from 'drizzle-orm';
import { type ClockWindow, clockProblems, clockReason, clockSubjects } from './clocks.ts';
import { d, type RuleImpl, type RuleRun } from './types.ts';

function window(r: RuleRun<'clock_overdue'>): ClockWindow {
  const grace = r.params.graceDays;
  return {
    dueFrom: null,
    dueTo: sql`(${d(r.today)} - ${grace + 1}::int)`,
    occurred: (due) => sql`(${due} + ${grace + 1}::int)`,
    tag: 'clock',
    includeProceedings: r.params.includeProceedings,
    excludeKinds: r.params.excludeProceedingKinds,
  };
}

export const clockOverdue: RuleImpl<'clock_overdue'> = {
  kind: 'clock_overdue',
  scope: 'case',
  sources: ['scan'],
  subjects(r) {
    const grace = r.params.graceDays;
    // Due dates that became overdue between the scans: due + grace + 1 in [sinceDay, today].
    const from = sql`${d(r.sinceDay ?? r.today)} - ${grace + 1}::int`;
    return clockSubjects(r, window(r), from, sql`${d(r.today)} - ${grace + 1}::int`);
  },
  problems: (r, restrict) => clockProblems(r, window(r), restrict),
  reason: (r) => clockReason(r, false),
};
