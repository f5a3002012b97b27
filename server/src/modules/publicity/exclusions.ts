/**
 * The publicity exclusions (common/src/publicity/exclusions.ts) applied to a stored decision:
 * its party, offences, act date and applied law version read from the database.
 */
import {
  type AppliedLaw,
  chinaToday,
  type DecisionForExclusion,
  type ExclusionFinding,
  type LawRegister,
  publicityExclusions,
  sealedRecords,
} from '@fazhi/common';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { cases, type decisions } from '../../db/schema/index.ts';
import { loadLawRegister } from '../law/register.service.ts';
import { offencesOf, partyOf } from './content.ts';

type Decision = typeof decisions.$inferSelect;

async function exclusionInput(db: Queryable, decision: Decision): Promise<DecisionForExclusion> {
  const [c] = await db
    .select({ receivedAt: cases.receivedAt })
    .from(cases)
    .where(eq(cases.id, decision.caseId));
  const decidedOn = chinaToday(decision.decidedAt);
  return {
    actDate: decision.actDate,
    receivedOn: c ? chinaToday(c.receivedAt) : decidedOn,
    decidedOn,
    party: await partyOf(db, decision),
    offences: (await offencesOf(db, decision)).map((o) => ({ name: o.name, law: o.law })),
    lawBasis: Array.isArray(decision.lawBasis) ? (decision.lawBasis as AppliedLaw[]) : null,
  };
}

/** The grounds that keep the decision off the portal (empty: it is published). */
export async function decisionExclusions(
  db: Queryable,
  decision: Decision,
  register?: LawRegister,
): Promise<ExclusionFinding[]> {
  return publicityExclusions(register ?? (await loadLawRegister(db)), await exclusionInput(db, decision));
}

/** Sealed 治安 records: the decision is published without its party (null: with it, masked). */
export async function decisionSealed(
  db: Queryable,
  decision: Decision,
  register?: LawRegister,
): Promise<(ExclusionFinding & { code: 'records_sealed' }) | null> {
  return sealedRecords(register ?? (await loadLawRegister(db)), await exclusionInput(db, decision));
}
