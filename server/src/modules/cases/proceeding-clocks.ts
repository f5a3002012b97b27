/**
 * The clocks of the side proceedings and what opens after each step: the wiring of proceedings
 * to the rules in LEGAL_RULES. The complainant's 复议 / 复核 of a 不予立案 (程序规定 arts.178–179),
 * our 复议 / 复核 of the procuratorate's 不捕 (art.141; 刑诉规则 arts.290–291) and 不诉 (art.294;
 * 刑诉规则 arts.379–380), its 通知立案 (art.182), and the 撤销案件 notice (art.189).
 */
import { type FeedbackKind, type ProceedingKind, ruleInForce } from '@fazhi/common';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { legalRules } from '../../db/schema/index.ts';
import { type ClockOptions, clockDue } from '../platform/clocks.ts';

/** The stored clock of a proceeding. */
export interface ProceedingClock {
  clockRule: string | null;
  dueOn: string | null;
  dueProvisional: boolean;
}

const NO_CLOCK: ProceedingClock = { clockRule: null, dueOn: null, dueProvisional: false };

async function versionsOf(tx: Queryable, code: string) {
  return tx.select().from(legalRules).where(eq(legalRules.code, code));
}

/**
 * The clock of rule `code` from `start`, chosen by the day it starts. Without a version in force
 * that day (an act recorded from before the rule, or a rule not loaded) the proceeding runs without
 * a due date rather than on a guess.
 */
export async function optionalClock(
  tx: Queryable,
  code: string | null,
  start: string,
  opts: ClockOptions = {},
): Promise<ProceedingClock> {
  if (!code || !ruleInForce(await versionsOf(tx, code), code, opts.ruleOn ?? start)) return NO_CLOCK;
  const due = await clockDue(tx, code, start, undefined, opts);
  return { clockRule: code, dueOn: due.due, dueProvisional: due.provisional };
}

/**
 * What the police must do by when after each feedback of the procuratorate: ask for 复议 of a
 * 不捕 (5 days) or a 不诉 (7 days) — else accept it with a reply —, file the case it ordered filed
 * (15 days); other feedback waits for our reply.
 */
const FEEDBACK_CLOCK: Record<FeedbackKind, string> = {
  explain_not_filing: 'not_filing_reasons',
  notify_filing: 'procuratorate_filing_notice',
  correction_notice: 'procuratorate_reply',
  procuratorial_suggestion: 'procuratorate_reply',
  no_arrest: 'no_arrest_reconsideration_apply',
  no_prosecution: 'no_prosecution_reconsideration_apply',
};

export const feedbackClock = (tx: Queryable, kind: FeedbackKind, receivedOn: string) =>
  optionalClock(tx, FEEDBACK_CLOCK[kind], receivedOn);

/** Our remedies against a 不捕 or a 不诉: whose period is which rule. */
const REMEDY = {
  no_arrest: {
    reconsiderationApply: 'no_arrest_reconsideration_apply',
    reconsiderationDecide: 'no_arrest_reconsideration_decide',
    reviewApply: 'no_arrest_review_apply',
    reviewDecide: 'no_arrest_review_decide',
  },
  no_prosecution: {
    reconsiderationApply: 'no_prosecution_reconsideration_apply',
    reconsiderationDecide: 'no_prosecution_reconsideration_decide',
    reviewApply: 'no_prosecution_review_apply',
    reviewDecide: 'no_prosecution_review_decide',
  },
} as const;

/** The remedy a procuratorate chain is about (its detail carries the feedback kind along). */
function remedyOf(detail: unknown) {
  const kind = (detail as { feedbackKind?: string } | null)?.feedbackKind;
  return kind === 'no_arrest' || kind === 'no_prosecution' ? REMEDY[kind] : null;
}

/** The proceeding a step opens, on the clock of its rule (null: no statutory period). */
export interface NextProceeding {
  kind: ProceedingKind;
  rule: string | null;
}

export function nextProceeding(p: { kind: string; detail: unknown }, outcome: string): NextProceeding | null {
  const remedy = remedyOf(p.detail);
  const on = (o: string, next: NextProceeding) => (outcome === o ? next : null);
  switch (p.kind) {
    case 'not_filed_notice':
      return on('served', { kind: 'reconsideration_window', rule: 'reconsideration_apply' });
    case 'reconsideration_window':
      return on('applied', { kind: 'reconsideration', rule: 'reconsideration_decide' });
    // The 复核 window runs from the complainant's receipt of the 复议决定书 (art.179), not from
    // the decision: the decision's service is recorded first.
    case 'reconsideration':
      return on('upheld', { kind: 'reconsideration_notice', rule: null });
    case 'reconsideration_notice':
      return on('served', { kind: 'review_window', rule: 'review_apply' });
    case 'review_window':
      return on('applied', { kind: 'review', rule: 'review_decide' });
    case 'procuratorate_feedback':
      return on('applied', {
        kind: 'procuratorate_reconsideration',
        rule: remedy?.reconsiderationDecide ?? null,
      });
    // Concluding the procuratorate's 复议 is recorded on the day its decision was received.
    case 'procuratorate_reconsideration':
      return on('upheld', { kind: 'procuratorate_review_window', rule: remedy?.reviewApply ?? null });
    case 'procuratorate_review_window':
      return on('applied', { kind: 'procuratorate_review', rule: remedy?.reviewDecide ?? null });
    // A hearing asked for in time is held; the law sets no period for holding it.
    case 'hearing_window':
      return on('applied', { kind: 'hearing', rule: null });
    default:
      return null;
  }
}

/** The last day of an application window, with the version of the rule that set it. */
export interface ApplicationDue {
  due: string;
  nameZh: string;
  nameEn: string;
}

/**
 * The last day an application on this proceeding may be made, or null when no window applies (or
 * none could be counted). A 不捕 / 不诉 recorded before the feedback ran on the window's rule is
 * counted now from its receipt.
 */
export async function applicationDue(
  tx: Queryable,
  p: { kind: string; detail: unknown; startedOn: string; clockRule: string | null; dueOn: string | null },
): Promise<ApplicationDue | null> {
  let code: string | null = null;
  let due: string | null = null;
  if (p.kind.endsWith('_window')) [code, due] = [p.clockRule, p.dueOn];
  else if (p.kind === 'procuratorate_feedback') {
    const rule = remedyOf(p.detail)?.reconsiderationApply ?? null;
    if (rule && p.clockRule === rule) [code, due] = [rule, p.dueOn];
    else if (rule) [code, due] = [rule, (await optionalClock(tx, rule, p.startedOn)).dueOn];
  }
  if (!code || !due) return null;
  const version = ruleInForce(await versionsOf(tx, code), code, p.startedOn);
  return { due, nameZh: version?.nameZh ?? code, nameEn: version?.nameEn ?? code };
}

/** The complainant's 复议 and 复核 (not the procuratorate's) may be extended (art.179 para.3). */
export const EXTENDABLE_KINDS: readonly string[] = ['reconsideration', 'review'];
const EXTENSION_RULE = 'reconsideration_extension';

/** The longest extension allowed for a clock that started on `startedOn` (null: no rule in force). */
export async function extensionCap(tx: Queryable, startedOn: string): Promise<number | null> {
  return ruleInForce(await versionsOf(tx, EXTENSION_RULE), EXTENSION_RULE, startedOn)?.amount ?? null;
}
