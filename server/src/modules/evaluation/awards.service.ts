import {
  type AwardKind,
  type AwardListQuery,
  type AwardListResponse,
  type AwardProposeRequest,
  AwardProposeRequest as AwardProposeSchema,
  type AwardResponse,
  type AwardStatus,
  competitionRanks,
  MERIT_CONSECUTIVE_YEARS,
  type RankingResponse,
} from '@fazhi/common';
import { and, asc, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { audit } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import {
  evaluationAwards,
  evaluationRounds,
  evaluationRubrics,
  evaluationSamples,
  officerRoles,
  officers,
  units,
} from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { computeRanking } from './rankings.service.ts';

const star = alias(officers, 'star');
const proposer = alias(officers, 'proposer');
const approver = alias(officers, 'approver');

function awardQuery(db: Queryable) {
  return db
    .select({
      a: evaluationAwards,
      unitName: units.name,
      officerName: star.name,
      proposedByName: proposer.name,
      approvedByName: approver.name,
    })
    .from(evaluationAwards)
    .innerJoin(units, eq(units.id, evaluationAwards.unitId))
    .innerJoin(proposer, eq(proposer.id, evaluationAwards.proposedBy))
    .leftJoin(star, eq(star.id, evaluationAwards.officerId))
    .leftJoin(approver, eq(approver.id, evaluationAwards.approvedBy));
}
type AwardRow = Awaited<ReturnType<typeof awardQuery>>[number];

type Nominee = AwardResponse['meritNominees'][number];

/** The head (unit_head) and legal officer (法制员) of each unit: who a 三等功 is proposed for. */
async function nomineesOf(db: Queryable, unitIds: number[]): Promise<Map<number, Nominee[]>> {
  const out = new Map<number, Nominee[]>();
  if (unitIds.length === 0) return out;
  const found = await db
    .select({ id: officers.id, name: officers.name, unitId: officers.unitId, role: officerRoles.roleCode })
    .from(officers)
    .innerJoin(officerRoles, eq(officerRoles.officerId, officers.id))
    .where(
      and(
        inArray(officers.unitId, unitIds),
        eq(officers.active, true),
        inArray(officerRoles.roleCode, ['unit_head', 'unit_legal']),
      ),
    )
    .orderBy(asc(officers.id));
  for (const f of found) {
    const list = out.get(f.unitId) ?? [];
    // One of each: the first unit head and the first legal officer.
    if (!list.some((n) => n.role === f.role))
      list.push({ officerId: f.id, name: f.name, role: f.role as Nominee['role'] });
    out.set(f.unitId, list);
  }
  return out;
}

function toAwardResponse(r: AwardRow, nominees: Map<number, Nominee[]>): AwardResponse {
  const a = r.a;
  const kind = a.kind as AwardKind;
  const score = Number(a.score);
  const meritFlag = kind === 'excellent_unit' && a.consecutiveYears >= MERIT_CONSECUTIVE_YEARS;
  const meritNominees = meritFlag ? (nominees.get(a.unitId) ?? []) : [];
  const head = meritNominees.find((n) => n.role === 'unit_head')?.name ?? '主要负责人';
  const legal = meritNominees.find((n) => n.role === 'unit_legal')?.name ?? '法制员';
  const who = kind === 'legal_star' ? `${r.unitName}${r.officerName ?? ''}` : r.unitName;
  const title = kind === 'legal_star' ? '法制之星' : '执法质量优秀单位';
  let zh = `建议授予${who}${a.year}年度“${title}”称号（年度执法质量考评平均分 ${score.toFixed(2)}，排名第 ${a.rank}）。`;
  let en = `Proposed: ${kind === 'legal_star' ? 'Rule-of-law star' : 'Excellent law-enforcement quality unit'} ${a.year} for ${who} (year average ${score.toFixed(2)}, rank ${a.rank}).`;
  if (meritFlag) {
    zh += `该单位连续 ${a.consecutiveYears} 年执法质量考评优秀，建议为其主要负责人${head}、法制员${legal}各记个人三等功一次。`;
    en += ` Excellent ${a.consecutiveYears} years in a row: a personal third-class merit is proposed for its head ${head} and legal officer ${legal}.`;
  }
  return {
    id: a.id,
    year: a.year,
    kind,
    unitId: a.unitId,
    unitName: r.unitName,
    officerId: a.officerId,
    officerName: r.officerName,
    rank: a.rank,
    score,
    consecutiveYears: a.consecutiveYears,
    meritFlag,
    meritNominees,
    proposalZh: zh,
    proposalEn: en,
    status: a.status as AwardStatus,
    proposedBy: r.proposedByName,
    proposedAt: a.proposedAt.toISOString(),
    approvedBy: r.approvedByName,
    approvedAt: a.approvedAt?.toISOString() ?? null,
  };
}

async function respond(db: Queryable, found: AwardRow[]): Promise<AwardResponse[]> {
  const flagged = found.filter(
    (f) => f.a.kind === 'excellent_unit' && f.a.consecutiveYears >= MERIT_CONSECUTIVE_YEARS,
  );
  const nominees = await nomineesOf(db, [...new Set(flagged.map((f) => f.a.unitId))]);
  return found.map((f) => toAwardResponse(f, nominees));
}

export async function listAwards(
  ctx: Ctx,
  q: AwardListQuery,
  db: Queryable = ctx.db,
): Promise<AwardListResponse> {
  const conds: SQL[] = [eq(evaluationAwards.orgId, ctx.orgId)];
  if (q.year) conds.push(eq(evaluationAwards.year, q.year));
  if (q.kind) conds.push(eq(evaluationAwards.kind, q.kind));
  if (q.status) conds.push(eq(evaluationAwards.status, q.status));
  const found = await awardQuery(db)
    .where(and(...conds))
    .orderBy(
      desc(evaluationAwards.year),
      asc(evaluationAwards.kind),
      asc(evaluationAwards.rank),
      asc(evaluationAwards.id),
    );
  const items = await respond(db, found);
  return { items, total: items.length };
}

/**
 * Years before `year` in which each unit was excellent (by that year's published rounds) or was
 * approved as 执法质量优秀单位 — the history the consecutive-years count walks back through.
 */
export async function unitHistory(
  db: Queryable,
  orgId: number,
  year: number,
): Promise<Map<number, Set<number>>> {
  const out = new Map<number, Set<number>>();
  const add = (unitId: number, y: number) => {
    const s = out.get(unitId) ?? new Set<number>();
    s.add(y);
    out.set(unitId, s);
  };
  const perYear = await db
    .select({
      year: evaluationRounds.year,
      unitId: evaluationSamples.unitId,
      average: sql<string>`avg(${evaluationSamples.score})::text`,
      vetoes: sql<number>`(count(*) filter (where ${evaluationSamples.vetoed}))::int`,
      // The thresholds of the year's latest round, as in the year ranking.
      excellent: sql<number>`(array_agg(${evaluationRubrics.excellentScore} order by ${evaluationRounds.quarter} desc))[1]`,
    })
    .from(evaluationSamples)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, evaluationSamples.roundId))
    .innerJoin(evaluationRubrics, eq(evaluationRubrics.id, evaluationRounds.rubricId))
    .where(
      and(
        eq(evaluationRounds.orgId, orgId),
        eq(evaluationRounds.status, 'published'),
        lt(evaluationRounds.year, year),
        sql`${evaluationSamples.score} is not null`,
      ),
    )
    .groupBy(evaluationRounds.year, evaluationSamples.unitId);
  for (const r of perYear)
    if (Math.round(Number(r.average) * 100) / 100 >= Number(r.excellent) && r.vetoes === 0)
      add(r.unitId, r.year);
  const awarded = await db
    .select({ year: evaluationAwards.year, unitId: evaluationAwards.unitId })
    .from(evaluationAwards)
    .where(
      and(
        eq(evaluationAwards.orgId, orgId),
        eq(evaluationAwards.kind, 'excellent_unit'),
        eq(evaluationAwards.status, 'approved'),
        lt(evaluationAwards.year, year),
      ),
    );
  for (const a of awarded) add(a.unitId, a.year);
  return out;
}

export async function starHistory(
  db: Queryable,
  orgId: number,
  year: number,
): Promise<Map<number, Set<number>>> {
  const out = new Map<number, Set<number>>();
  const found = await db
    .select({ year: evaluationAwards.year, officerId: evaluationAwards.officerId })
    .from(evaluationAwards)
    .where(
      and(
        eq(evaluationAwards.orgId, orgId),
        eq(evaluationAwards.kind, 'legal_star'),
        eq(evaluationAwards.status, 'approved'),
        lt(evaluationAwards.year, year),
      ),
    );
  for (const f of found) {
    const s = out.get(f.officerId!) ?? new Set<number>();
    s.add(f.year);
    out.set(f.officerId!, s);
  }
  return out;
}

/** Years in a row ending with `year` (which counts) found in `years`. */
export function consecutiveYears(year: number, years: ReadonlySet<number> | undefined): number {
  let n = 1;
  while (years?.has(year - n)) n++;
  return n;
}

/**
 * Who the year ranking puts forward: excellent units (average at or above the excellent score,
 * no veto) and officers without a veto, each cut at its number; ties at the cut all pass.
 */
export function pickAwards(ranking: RankingResponse, units: number, stars: number) {
  const excellent = ranking.units.filter((u) => u.excellent);
  const unitCut = competitionRanks(excellent, (u) => [u.average]);
  const eligible = ranking.officers.filter((o) => o.vetoes === 0);
  const starCut = competitionRanks(eligible, (o) => [o.average, o.samples]);
  return {
    unitPicks: excellent.filter((_, i) => unitCut[i]! <= units),
    starPicks: eligible.filter((_, i) => starCut[i]! <= stars),
  };
}

/**
 * Proposes the year's awards from the year ranking (published rounds only): the top `units`
 * excellent units and the top `stars` officers with enough samples and no veto. Ties at the cut
 * are all proposed rather than broken by chance. Unapproved proposals of the year are replaced;
 * approved awards stay and are not proposed twice.
 */
export async function proposeAwards(ctx: Ctx, input: AwardProposeRequest): Promise<AwardListResponse> {
  const actor = requireActor(ctx);
  const body = AwardProposeSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const ranking = await computeRanking(tx, ctx.orgId, {
      year: body.year,
      minSamples: body.minSamples,
      includeUnpublished: false,
    });
    if (ranking.rounds.length === 0) throw new AppError('VALIDATION', { year: 'evaluation.noRankingYear' });
    // Serialises two proposers of the same year: the second waits, then replaces the first's.
    await tx.execute(sql`select pg_advisory_xact_lock(${ctx.orgId}, ${4_000_000 + body.year})`);

    const { unitPicks, starPicks } = pickAwards(ranking, body.units, body.stars);

    const removed = await tx
      .delete(evaluationAwards)
      .where(
        and(
          eq(evaluationAwards.orgId, ctx.orgId),
          eq(evaluationAwards.year, body.year),
          eq(evaluationAwards.status, 'proposed'),
        ),
      )
      .returning({ id: evaluationAwards.id });
    const approved = await tx
      .select({
        kind: evaluationAwards.kind,
        unitId: evaluationAwards.unitId,
        officerId: evaluationAwards.officerId,
      })
      .from(evaluationAwards)
      .where(and(eq(evaluationAwards.orgId, ctx.orgId), eq(evaluationAwards.year, body.year)));
    const has = (kind: AwardKind, unitId: number, officerId: number | null) =>
      approved.some(
        (a) => a.kind === kind && (kind === 'legal_star' ? a.officerId === officerId : a.unitId === unitId),
      );
    const units_ = await unitHistory(tx, ctx.orgId, body.year);
    const stars_ = await starHistory(tx, ctx.orgId, body.year);
    const rows: (typeof evaluationAwards.$inferInsert)[] = [
      ...unitPicks
        .filter((u) => !has('excellent_unit', u.unitId, null))
        .map((u) => ({
          orgId: ctx.orgId,
          year: body.year,
          kind: 'excellent_unit',
          unitId: u.unitId,
          officerId: null,
          rank: u.rank,
          score: u.average.toFixed(1),
          consecutiveYears: consecutiveYears(body.year, units_.get(u.unitId)),
          proposedBy: actor.officerId,
        })),
      ...starPicks
        .filter((o) => !has('legal_star', o.unitId, o.officerId))
        .map((o) => ({
          orgId: ctx.orgId,
          year: body.year,
          kind: 'legal_star',
          unitId: o.unitId,
          officerId: o.officerId,
          rank: o.rank,
          score: o.average.toFixed(1),
          consecutiveYears: consecutiveYears(body.year, stars_.get(o.officerId)),
          proposedBy: actor.officerId,
        })),
    ];
    if (rows.length) await tx.insert(evaluationAwards).values(rows);
    await audit(tx, ctx, {
      action: 'evaluation.awards.propose',
      targetType: 'evaluation_awards',
      targetId: body.year,
      summary: {
        year: body.year,
        units: rows.filter((r) => r.kind === 'excellent_unit').map((r) => r.unitId),
        stars: rows.filter((r) => r.kind === 'legal_star').map((r) => r.officerId),
        merit: rows
          .filter((r) => r.kind === 'excellent_unit' && (r.consecutiveYears ?? 1) >= MERIT_CONSECUTIVE_YEARS)
          .map((r) => r.unitId),
        replaced: removed.length,
      },
    });
    return listAwards(ctx, { year: body.year }, tx);
  });
}

/**
 * Records the approval (by the branch party committee, entered by the detachment) of one
 * proposed award, with who entered it.
 */
export async function approveAward(ctx: Ctx, id: number): Promise<AwardResponse> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [award] = await tx
      .select()
      .from(evaluationAwards)
      .where(and(eq(evaluationAwards.id, id), eq(evaluationAwards.orgId, ctx.orgId)))
      .for('update');
    if (!award) throw notFound();
    if (award.status !== 'proposed') throw new AppError('CONFLICT', { status: 'evaluation.status' });
    await tx
      .update(evaluationAwards)
      .set({ status: 'approved', approvedBy: actor.officerId, approvedAt: new Date() })
      .where(eq(evaluationAwards.id, id));
    await audit(tx, ctx, {
      action: 'evaluation.award.approve',
      targetType: 'evaluation_award',
      targetId: id,
      summary: {
        year: award.year,
        kind: award.kind,
        unitId: award.unitId,
        officerId: award.officerId,
        consecutiveYears: award.consecutiveYears,
      },
    });
    const found = await awardQuery(tx).where(eq(evaluationAwards.id, id));
    const [out] = await respond(tx, found);
    return out!;
  });
}
