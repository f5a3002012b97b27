import { dueDate, type LegalRule, ruleInForce } from '@fazhi/common';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { legalRules } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { withCalendar } from './calendar.service.ts';

/**
 * The due date of statutory clock `code` starting on `start`, by the rule in force that day.
 * The rule's versions are read every time (an index lookup): a corrected rule applies at once,
 * on every server instance. The calendar comes from the in-memory copy.
 */
export async function clockDue(db: Queryable, code: string, start: string, startAt?: Date): Promise<string> {
  const versions = (await db.select().from(legalRules).where(eq(legalRules.code, code))) as LegalRule[];
  const rule = ruleInForce(versions, code, start);
  if (!rule) throw new AppError('NOT_FOUND');
  return withCalendar(db, (calendar) => dueDate(rule, start, calendar, startAt));
}
