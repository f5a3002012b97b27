import {
  availableSampleActions,
  type Permission,
  publishBlockers,
  quarterLabel,
  type RoundResponse,
  type RoundStatus,
  type SampleResponse,
  type SampleStatus,
  type ScoreDeduction,
} from '@fazhi/common';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/index.ts';
import { cases, evaluationRounds, evaluationSamples, officers, units } from '../../db/schema/index.ts';
import type { Actor } from '../../http/context.ts';
import { inScope } from '../platform/scope.ts';

const lead = alias(officers, 'lead_officer');
const evaluator = alias(officers, 'evaluator');
const disputer = alias(officers, 'disputer');
const decider = alias(officers, 'decider');

/** Samples with what a reader needs beside them: case, unit, officers, round. */
export function sampleQuery(db: Queryable) {
  return db
    .select({
      s: evaluationSamples,
      year: evaluationRounds.year,
      quarter: evaluationRounds.quarter,
      roundStatus: evaluationRounds.status,
      caseNo: cases.caseNo,
      caseTitle: cases.title,
      caseType: cases.caseType,
      closedAt: cases.closedAt,
      unitName: units.name,
      officerName: lead.name,
      evaluatorName: evaluator.name,
      disputedByName: disputer.name,
      decidedByName: decider.name,
    })
    .from(evaluationSamples)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, evaluationSamples.roundId))
    .innerJoin(cases, eq(cases.id, evaluationSamples.caseId))
    .innerJoin(units, eq(units.id, evaluationSamples.unitId))
    .innerJoin(lead, eq(lead.id, evaluationSamples.officerId))
    .leftJoin(evaluator, eq(evaluator.id, evaluationSamples.evaluatorId))
    .leftJoin(disputer, eq(disputer.id, evaluationSamples.disputedBy))
    .leftJoin(decider, eq(decider.id, evaluationSamples.disputeDecidedBy));
}
export type SampleRow = Awaited<ReturnType<typeof sampleQuery>>[number];

export const sampleScope = (actor: Actor): SQL =>
  inScope(actor, evaluationSamples.unitId, evaluationSamples.orgId);

const num = (v: string | null): number | null => (v === null ? null : Number(v));

/**
 * `unitInScope`: whether the sample's unit is within the actor's scope. Every sample a reader
 * gets passed the scope filter, so it is true for rows read through `sampleScope`.
 */
export function toSampleResponse(r: SampleRow, actor: Actor, unitInScope = true): SampleResponse {
  const s = r.s;
  return {
    id: s.id,
    roundId: s.roundId,
    year: r.year,
    quarter: r.quarter,
    roundStatus: r.roundStatus as RoundStatus,
    caseId: s.caseId,
    caseNo: r.caseNo,
    caseTitle: r.caseTitle,
    caseType: r.caseType as 'admin' | 'criminal',
    closedAt: r.closedAt?.toISOString() ?? null,
    unitId: s.unitId,
    unitName: r.unitName,
    officerId: s.officerId,
    officerName: r.officerName,
    evaluatorName: r.evaluatorName,
    status: s.status as SampleStatus,
    deductions: (s.deductions as ScoreDeduction[]).map((d) => ({ ...d, note: d.note ?? '' })),
    vetoed: s.vetoed,
    score: num(s.score),
    scoredAt: s.scoredAt?.toISOString() ?? null,
    dispute: s.disputedAt
      ? {
          reason: s.disputeReason ?? '',
          by: r.disputedByName ?? '',
          at: s.disputedAt.toISOString(),
          outcome: (s.disputeOutcome as 'upheld' | 'revised' | null) ?? null,
          note: s.disputeNote,
          decidedBy: r.decidedByName,
          decidedAt: s.disputeDecidedAt?.toISOString() ?? null,
        }
      : null,
    version: s.version,
    actions: availableSampleActions(
      { status: s.status as SampleStatus, roundStatus: r.roundStatus as RoundStatus },
      { permissions: [...actor.permissions] as Permission[], unitInScope },
    ),
  };
}

export interface RoundCounts {
  samples: number;
  pending: number;
  scored: number;
  disputed: number;
  final: number;
  units: number;
  vetoes: number;
  average: number | null;
}

const EMPTY: RoundCounts = {
  samples: 0,
  pending: 0,
  scored: 0,
  disputed: 0,
  final: 0,
  units: 0,
  vetoes: 0,
  average: null,
};

/** Counts of whole rounds (every unit): progress and result are the branch's, not a unit's. */
export async function roundCounts(db: Queryable, roundIds: number[]): Promise<Map<number, RoundCounts>> {
  const out = new Map<number, RoundCounts>();
  if (roundIds.length === 0) return out;
  const n = (status: string) =>
    sql<number>`(count(*) filter (where ${evaluationSamples.status} = ${status}))::int`;
  const found = await db
    .select({
      roundId: evaluationSamples.roundId,
      samples: sql<number>`count(*)::int`,
      pending: n('pending'),
      scored: n('scored'),
      disputed: n('disputed'),
      final: n('final'),
      units: sql<number>`count(distinct ${evaluationSamples.unitId})::int`,
      vetoes: sql<number>`(count(*) filter (where ${evaluationSamples.vetoed}))::int`,
      average: sql<string | null>`round(avg(${evaluationSamples.score}), 2)::text`,
    })
    .from(evaluationSamples)
    .where(inArray(evaluationSamples.roundId, roundIds))
    .groupBy(evaluationSamples.roundId);
  for (const r of found) out.set(r.roundId, { ...r, average: r.average === null ? null : Number(r.average) });
  return out;
}

type RoundRow = typeof evaluationRounds.$inferSelect & { createdByName: string };

export function toRoundResponse(r: RoundRow, c: RoundCounts = EMPTY, actor: Actor): RoundResponse {
  const blockers = publishBlockers(r.status as RoundStatus, c);
  return {
    id: r.id,
    year: r.year,
    quarter: r.quarter,
    period: quarterLabel(r.year, r.quarter),
    rubricId: r.rubricId,
    perUnit: r.perUnit,
    seed: r.seed,
    status: r.status as RoundStatus,
    sampleCount: c.samples,
    pending: c.pending,
    scored: c.scored,
    disputed: c.disputed,
    final: c.final,
    units: c.units,
    vetoes: c.vetoes,
    average: c.average,
    createdBy: r.createdByName,
    createdAt: r.createdAt.toISOString(),
    publishedAt: r.publishedAt?.toISOString() ?? null,
    publishBlockers: blockers,
    actions: blockers.length === 0 && actor.permissions.has('evaluation.manage') ? ['publish'] : [],
  };
}

/** Rounds with the name of who opened them. */
export function roundQuery(db: Queryable) {
  return db
    .select({ r: evaluationRounds, createdByName: officers.name })
    .from(evaluationRounds)
    .innerJoin(officers, eq(officers.id, evaluationRounds.createdBy));
}

export const roundOfOrg = (orgId: number, id: number) =>
  and(eq(evaluationRounds.orgId, orgId), eq(evaluationRounds.id, id))!;
