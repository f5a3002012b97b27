import {
  competitionRanks,
  type OfficerRanking,
  type RankingQuery,
  type RankingResponse,
  type RoundStatus,
  type UnitRanking,
} from '@fazhi/common';
import { and, asc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import {
  evaluationRounds,
  evaluationRubrics,
  evaluationSamples,
  officers,
  units,
} from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { DEFAULT_RUBRIC } from './defaults.ts';
import { rubricInForce } from './rubric.service.ts';

export interface RankingOptions {
  year: number;
  quarter?: number | undefined;
  minSamples: number;
  /** Count a quarter's round that is still being scored (the detachment's provisional view). */
  includeUnpublished: boolean;
}

const avg2 = sql<string>`round(avg(${evaluationSamples.score}), 2)::text`;
const vetoCount = sql<number>`(count(*) filter (where ${evaluationSamples.vetoed}))::int`;

/**
 * Unit and officer rankings over one quarter's round or a year's published rounds. A year's
 * average is over all its scored samples (not an average of quarterly averages), so a unit's
 * weight follows the cases it was evaluated on.
 */
export async function computeRanking(
  db: Queryable,
  orgId: number,
  o: RankingOptions,
): Promise<RankingResponse> {
  const conds: SQL[] = [eq(evaluationRounds.orgId, orgId), eq(evaluationRounds.year, o.year)];
  if (o.quarter) conds.push(eq(evaluationRounds.quarter, o.quarter));
  if (!(o.quarter && o.includeUnpublished)) conds.push(eq(evaluationRounds.status, 'published'));
  const rounds = await db
    .select({
      id: evaluationRounds.id,
      quarter: evaluationRounds.quarter,
      status: evaluationRounds.status,
      fullScore: evaluationRubrics.fullScore,
      excellentScore: evaluationRubrics.excellentScore,
    })
    .from(evaluationRounds)
    .innerJoin(evaluationRubrics, eq(evaluationRubrics.id, evaluationRounds.rubricId))
    .where(and(...conds))
    .orderBy(asc(evaluationRounds.quarter));
  // The year's thresholds are those of its latest round (a rubric revised mid-year governs the rest).
  const last = rounds.at(-1);
  const fallback = last ? null : await rubricInForce(db, orgId, `${o.year}-12-31`);
  const fullScore = last?.fullScore ?? fallback?.fullScore ?? DEFAULT_RUBRIC.fullScore;
  const excellentScore = last?.excellentScore ?? fallback?.excellentScore ?? DEFAULT_RUBRIC.excellentScore;
  const base = {
    year: o.year,
    quarter: o.quarter ?? null,
    rounds: rounds.map((r) => ({ id: r.id, quarter: r.quarter, status: r.status as RoundStatus })),
    provisional: rounds.some((r) => r.status !== 'published'),
    fullScore,
    excellentScore,
  };
  if (rounds.length === 0) return { ...base, samples: 0, average: null, units: [], officers: [] };

  const scored = and(
    inArray(
      evaluationSamples.roundId,
      rounds.map((r) => r.id),
    ),
    isNotNull(evaluationSamples.score),
  );
  const byUnit = await db
    .select({
      unitId: evaluationSamples.unitId,
      unitName: units.name,
      samples: sql<number>`count(*)::int`,
      average: avg2,
      lowest: sql<string>`min(${evaluationSamples.score})::text`,
      vetoes: vetoCount,
    })
    .from(evaluationSamples)
    .innerJoin(units, eq(units.id, evaluationSamples.unitId))
    .where(scored)
    .groupBy(evaluationSamples.unitId, units.name, units.sortOrder)
    .orderBy(asc(units.sortOrder));
  const unitRows = byUnit.map((u) => ({ ...u, average: Number(u.average), lowest: Number(u.lowest) }));
  const unitRanks = competitionRanks(unitRows, (u) => [u.average]);
  const unitList: UnitRanking[] = unitRows
    .map((u, i) => ({ ...u, rank: unitRanks[i]!, excellent: u.average >= excellentScore && u.vetoes === 0 }))
    .sort((a, b) => a.rank - b.rank);

  // An officer is ranked with the unit of their latest sampled case (officers move between units).
  // Police officers only: a case once led by someone else (an auxiliary, before leads had to be
  // police) still scores for its unit, but ranks no one and makes no 法制之星.
  const byOfficer = await db
    .select({
      officerId: evaluationSamples.officerId,
      officerName: officers.name,
      unitId: sql<number>`(array_agg(${evaluationSamples.unitId} order by ${evaluationSamples.id} desc))[1]`,
      samples: sql<number>`count(*)::int`,
      average: avg2,
      vetoes: vetoCount,
    })
    .from(evaluationSamples)
    .innerJoin(officers, eq(officers.id, evaluationSamples.officerId))
    .where(and(scored, eq(officers.personnelKind, 'police')))
    .groupBy(evaluationSamples.officerId, officers.name)
    .having(sql`count(*) >= ${o.minSamples}`);
  const unitNames = new Map(unitList.map((u) => [u.unitId, u.unitName]));
  const officerRows = byOfficer.map((r) => ({ ...r, unitId: Number(r.unitId), average: Number(r.average) }));
  // More evidence wins a tie: 95 over four cases ranks above 95 over two.
  const officerRanks = competitionRanks(officerRows, (r) => [r.average, r.samples]);
  const officerList: OfficerRanking[] = officerRows
    .map((r, i) => ({ ...r, unitName: unitNames.get(r.unitId) ?? '', rank: officerRanks[i]! }))
    .sort((a, b) => a.rank - b.rank || a.officerId - b.officerId);

  const [all] = await db
    .select({ samples: sql<number>`count(*)::int`, average: avg2 })
    .from(evaluationSamples)
    .where(scored);
  return {
    ...base,
    samples: all?.samples ?? 0,
    average: all?.average === null || all?.average === undefined ? null : Number(all.average),
    units: unitList,
    officers: officerList,
  };
}

/**
 * Rankings as the caller may see them: the detachment (evaluation.manage) also sees a quarter
 * still being scored, marked provisional; everyone else sees published results only.
 */
export async function getRankings(ctx: Ctx, q: RankingQuery): Promise<RankingResponse> {
  const actor = requireActor(ctx);
  return computeRanking(ctx.db, ctx.orgId, {
    year: q.year,
    quarter: q.quarter,
    minSamples: q.minSamples,
    includeUnpublished: actor.permissions.has('evaluation.manage'),
  });
}
