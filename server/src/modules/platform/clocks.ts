import {
  type Calendar,
  type ClockKind,
  type Due,
  dueDate,
  extendedBy,
  type LegalRule,
  ruleInForce,
} from '@fazhi/common';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { legalRules } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { loadCalendar, readCalendar, withCalendar } from './calendar.service.ts';

/** How a clock is counted besides its rule and start. */
export interface ClockOptions {
  /**
   * The day the clock started, when the count starts later (the administrative period pushed by
   * its extension and appraisal days): the rule is the one in force that day, never one in force
   * only by the count's start or end.
   */
  ruleOn?: string;
  /** Days added to the rule's length by an approved extension. */
  extraDays?: number;
}

/**
 * The due date of statutory clock `code` starting on `start`, by the rule in force that day.
 * The rule's versions are read every time (an index lookup): a corrected rule applies at once,
 * on every server instance. The calendar comes from the in-memory copy. The date is provisional
 * (暂定) when the count reached a year whose holiday notice is not loaded: it never fails for that.
 */
export async function clockDue(
  db: Queryable,
  code: string,
  start: string,
  startAt?: Date,
  opts: ClockOptions = {},
): Promise<Due> {
  const versions = (await db.select().from(legalRules).where(eq(legalRules.code, code))) as LegalRule[];
  const rule = ruleInForce(versions, code, opts.ruleOn ?? start);
  if (!rule) throw new AppError('NOT_FOUND');
  return withCalendar(db, (calendar) =>
    dueDate(extendedBy(rule, opts.extraDays ?? 0), start, calendar, startAt),
  );
}

/**
 * Many clocks at once (the demo history, recomputing after a holiday notice is loaded): the
 * rules and the calendar are read once and the same pure functions `clockDue` uses run on them,
 * memoised per rule and start date.
 */
export class ClockBook {
  private memo = new Map<string, Due>();
  private constructor(
    private readonly rules: LegalRule[],
    readonly calendar: Calendar,
  ) {}

  static async load(db: Queryable): Promise<ClockBook> {
    return new ClockBook((await db.select().from(legalRules)) as LegalRule[], await loadCalendar(db));
  }

  /** Read past the cache: inside the transaction that has just loaded a holiday notice. */
  static async fresh(db: Queryable): Promise<ClockBook> {
    return new ClockBook((await db.select().from(legalRules)) as LegalRule[], await readCalendar(db));
  }

  /** `startAt` (epoch ms) matters only to rules counted in hours. */
  due(code: string, start: string, startAt?: number, opts: ClockOptions = {}): Due {
    const on = opts.ruleOn ?? start;
    const key = `${code}|${start}|${on}|${opts.extraDays ?? 0}`;
    const hit = startAt === undefined ? this.memo.get(key) : undefined;
    if (hit) return hit;
    const rule = ruleInForce(this.rules, code, on);
    if (!rule) throw new Error(`no legal rule ${code} in force on ${on}`);
    const due = dueDate(
      extendedBy(rule, opts.extraDays ?? 0),
      start,
      this.calendar,
      startAt === undefined ? undefined : new Date(startAt),
    );
    if (startAt === undefined) this.memo.set(key, due);
    return due;
  }
}

/** A stored clock whose due date or 暂定 flag changed when it was counted again. */
export interface RecountedClock {
  orgId: number;
  kind: ClockKind;
  targetId: number;
  caseId: number | null;
  unitId: number;
  /** The officer who must act on it (a case's lead officer); null when the unit's role does. */
  officerId: number | null;
  rule: string;
  before: Due;
  after: Due;
}

/**
 * A module that stores statutory due dates recounts them when a year's holiday notice is loaded:
 * every open clock whose count may have reached that year (or was provisional), stored at once,
 * answering those that changed.
 */
export interface ClockKeeper {
  recount(tx: Queryable, book: ClockBook, year: number): Promise<RecountedClock[]>;
}

/** Whether a clock counted again came out different. */
export const changed = (before: Due, after: Due) =>
  before.due !== after.due || before.provisional !== after.provisional;
