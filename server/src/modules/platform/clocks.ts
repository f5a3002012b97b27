import { dueDate, type LegalRule, ruleInForce } from '@fazhi/common';
import type { Queryable } from '../../db/index.ts';
import { legalRules } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { withCalendar } from './calendar.service.ts';

/** The due date of statutory clock `code` starting on `start`, by the rule in force that day. */
export async function clockDue(db: Queryable, code: string, start: string, startAt?: Date): Promise<string> {
  const all = (await db.select().from(legalRules)) as LegalRule[];
  const rule = ruleInForce(all, code, start);
  if (!rule) throw new AppError('NOT_FOUND');
  return withCalendar(db, (calendar) => dueDate(rule, start, calendar, startAt));
}
