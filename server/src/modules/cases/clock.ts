/**
 * A case's running statutory clock, counted from its rule and start date: one place for the
 * acceptance, filing and administrative-period clocks, used when a clock starts, when the
 * period is extended or an appraisal recorded, and when a holiday notice moves the dates.
 */
import { addDays, type Due } from '@fazhi/common';
import { and, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/index.ts';
import { cases, proceedings } from '../../db/schema/index.ts';
import {
  type ClockBook,
  type ClockKeeper,
  changed,
  clockDue,
  type RecountedClock,
} from '../platform/clocks.ts';

export type CaseClockFields = Pick<
  typeof cases.$inferSelect,
  'clockRule' | 'clockStart' | 'receivedAt' | 'periodExtendedDays' | 'appraisalDays'
>;

/**
 * The rule and the day it counts from. The administrative case period is pushed by the approved
 * extension and by appraisal days, which do not count (程序规定 art.165); the 24-hour acceptance
 * review counts from the hour the case was received. The rule is the one in force on the day the
 * clock started, however far the count is pushed.
 */
function countFrom(
  c: CaseClockFields,
): { code: string; start: string; startAt: Date; ruleOn: string } | null {
  if (!c.clockRule || !c.clockStart) return null;
  const start =
    c.clockRule === 'admin_case_period'
      ? addDays(c.clockStart, c.periodExtendedDays + c.appraisalDays)
      : c.clockStart;
  return { code: c.clockRule, start, startAt: c.receivedAt, ruleOn: c.clockStart };
}

export async function caseClockDue(db: Queryable, c: CaseClockFields): Promise<Due | null> {
  const f = countFrom(c);
  return f ? clockDue(db, f.code, f.start, f.startAt, { ruleOn: f.ruleOn }) : null;
}

/** The same count on rules and a calendar already in memory. */
export function caseClockDueIn(book: ClockBook, c: CaseClockFields): Due | null {
  const f = countFrom(c);
  return f ? book.due(f.code, f.start, f.startAt.getTime(), { ruleOn: f.ruleOn }) : null;
}

/** Days an approved extension added to a side proceeding's clock (复议 / 复核 of a major case). */
export function proceedingExtraDays(detail: unknown): number {
  const days = (detail as { extension?: { days?: unknown } } | null)?.extension?.days;
  return typeof days === 'number' && days > 0 ? days : 0;
}

/** The stored columns of a due date (none: no running clock). */
export const clockColumns = (due: Due | null) => ({
  clockDue: due?.due ?? null,
  clockProvisional: due?.provisional ?? false,
});

/** The clock is provisional, or its count may have run through `year` (a corrected notice). */
export const touches = (year: number, start: SQL | PgColumn, due: PgColumn, provisional: PgColumn) =>
  sql`(${provisional} or (${due} >= ${`${year}-01-01`} and ${start} <= ${`${year}-12-31`}))`;

/** The running clocks of cases and of their side proceedings (not-filed notice, 复议 …). */
export const caseClockKeeper: ClockKeeper = {
  async recount(tx, book, year) {
    const out: RecountedClock[] = [];
    const running = await tx
      .select()
      .from(cases)
      .where(
        and(
          isNotNull(cases.clockDue),
          touches(year, cases.clockStart, cases.clockDue, cases.clockProvisional),
        ),
      );
    for (const c of running) {
      const before = { due: c.clockDue!, provisional: c.clockProvisional };
      const after = caseClockDueIn(book, c);
      if (!after || !changed(before, after)) continue;
      await tx.update(cases).set(clockColumns(after)).where(eq(cases.id, c.id));
      out.push({
        ...{ orgId: c.orgId, kind: 'case', targetId: c.id, caseId: c.id, unitId: c.unitId },
        ...{ officerId: c.leadOfficerId, rule: c.clockRule!, before, after },
      });
    }
    const open = await tx
      .select({ p: proceedings, unitId: cases.unitId, officerId: cases.leadOfficerId })
      .from(proceedings)
      .innerJoin(cases, eq(cases.id, proceedings.caseId))
      .where(
        and(
          eq(proceedings.status, 'open'),
          isNotNull(proceedings.clockRule),
          isNotNull(proceedings.dueOn),
          touches(year, proceedings.startedOn, proceedings.dueOn, proceedings.dueProvisional),
        ),
      );
    for (const { p, unitId, officerId } of open) {
      const before = { due: p.dueOn!, provisional: p.dueProvisional };
      const after = book.due(p.clockRule!, p.startedOn, undefined, {
        extraDays: proceedingExtraDays(p.detail),
      });
      if (!changed(before, after)) continue;
      await tx
        .update(proceedings)
        .set({ dueOn: after.due, dueProvisional: after.provisional })
        .where(eq(proceedings.id, p.id));
      out.push({
        ...{ orgId: p.orgId, kind: 'proceeding', targetId: p.id, caseId: p.caseId, unitId },
        ...{ officerId, rule: p.clockRule!, before, after },
      });
    }
    return out;
  },
};
