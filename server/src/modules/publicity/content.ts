import {
  buildPublicityContent,
  chinaToday,
  type DecisionKind,
  type PartyForPublicity,
  type PublicityContent,
  type PublicityOffence,
} from '@fazhi/common';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import {
  caseOffences,
  caseParties,
  cases,
  decisions,
  orgs,
  penaltyItems,
  type publications,
  units,
} from '../../db/schema/index.ts';
import { decisionSealed } from './exclusions.ts';

type Publication = typeof publications.$inferSelect;
type Decision = typeof decisions.$inferSelect;

// The party a decision concerns when it names none: an offender before a suspect. Victims,
// complainants and witnesses are never the object of an enforcement decision.
const OBJECT_ROLES = ['offender', 'suspect'];

export async function partyOf(db: Queryable, d: Decision): Promise<PartyForPublicity | null> {
  if (d.partyId) {
    const [p] = await db
      .select()
      .from(caseParties)
      .where(and(eq(caseParties.id, d.partyId), eq(caseParties.caseId, d.caseId)));
    if (p) return p;
  }
  const parties = await db
    .select()
    .from(caseParties)
    .where(and(eq(caseParties.caseId, d.caseId), inArray(caseParties.role, OBJECT_ROLES)))
    .orderBy(asc(caseParties.id));
  return OBJECT_ROLES.map((r) => parties.find((p) => p.role === r)).find((p) => !!p) ?? null;
}

/** The penalty items the decision names, in its order; else those of the case. */
export async function offencesOf(db: Queryable, d: Decision): Promise<PublicityOffence[]> {
  let codes = d.penaltyItemCodes;
  if (codes.length === 0)
    codes = (
      await db
        .select({ code: caseOffences.penaltyItemCode })
        .from(caseOffences)
        .where(eq(caseOffences.caseId, d.caseId))
    ).map((r) => r.code);
  if (codes.length === 0) return [];
  const items = await db
    .select()
    .from(penaltyItems)
    .where(and(eq(penaltyItems.orgId, d.orgId), inArray(penaltyItems.code, codes)));
  return codes
    .map((code) => items.find((i) => i.code === code))
    .filter((i) => !!i)
    .map((i) => ({ code: i.code, name: i.name, law: i.law, article: i.article }));
}

export interface PublicationSource {
  decision: Decision;
  content: PublicityContent;
}

/**
 * What the public will see for this task, built from the decision, its case and its party with
 * every personal field masked. Publishing stores exactly this; the preview shows exactly this.
 */
export async function buildContent(db: Queryable, pub: Publication): Promise<PublicationSource> {
  const [decision] = await db
    .select()
    .from(decisions)
    .where(and(eq(decisions.id, pub.decisionId), eq(decisions.orgId, pub.orgId)));
  if (!decision) throw new Error(`publication ${pub.id}: decision ${pub.decisionId} is missing`);
  const [org] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, pub.orgId));
  // The unit that handled the case, as the case says now; the task's unit is the fallback.
  const [unit] = await db
    .select({ name: units.name })
    .from(cases)
    .innerJoin(units, eq(units.id, cases.unitId))
    .where(eq(cases.id, decision.caseId));
  const [taskUnit] = unit
    ? [unit]
    : await db.select({ name: units.name }).from(units).where(eq(units.id, pub.unitId));
  const content = buildPublicityContent({
    authority: org?.name ?? '',
    unit: taskUnit?.name ?? '',
    docNo: decision.docNo,
    decidedOn: chinaToday(decision.decidedAt),
    kind: decision.kind as DecisionKind,
    fineAmount: decision.fineAmount,
    detentionDays: decision.detentionDays,
    confiscation: decision.confiscation,
    offences: await offencesOf(db, decision),
    party: await partyOf(db, decision),
    withheld: (await decisionSealed(db, decision))?.code ?? null,
  });
  return { decision, content };
}
