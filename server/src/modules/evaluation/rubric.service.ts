import {
  chinaToday,
  type RubricItem,
  type RubricQuery,
  type RubricResponse,
  type RubricUpdateRequest,
} from '@fazhi/common';
import { and, count, desc, eq, lte } from 'drizzle-orm';
import { audit } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import { evaluationRounds, evaluationRubrics } from '../../db/schema/index.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';

export type RubricRow = typeof evaluationRubrics.$inferSelect;

export const rubricItems = (r: RubricRow): RubricItem[] =>
  (r.items as RubricItem[]).map((i) => ({ ...i, guide: i.guide ?? '' }));

/** The branch's rubric in force on `on` (the newest version that took effect by then). */
export async function rubricInForce(db: Queryable, orgId: number, on: string): Promise<RubricRow | null> {
  const [row] = await db
    .select()
    .from(evaluationRubrics)
    .where(and(eq(evaluationRubrics.orgId, orgId), lte(evaluationRubrics.effectiveFrom, on)))
    .orderBy(desc(evaluationRubrics.effectiveFrom))
    .limit(1);
  return row ?? null;
}

export async function rubricById(db: Queryable, orgId: number, id: number): Promise<RubricRow | null> {
  const [row] = await db
    .select()
    .from(evaluationRubrics)
    .where(and(eq(evaluationRubrics.orgId, orgId), eq(evaluationRubrics.id, id)));
  return row ?? null;
}

export async function toRubricResponse(db: Queryable, row: RubricRow): Promise<RubricResponse> {
  const used = await db
    .select({ rubricId: evaluationRounds.rubricId, n: count() })
    .from(evaluationRounds)
    .where(eq(evaluationRounds.orgId, row.orgId))
    .groupBy(evaluationRounds.rubricId);
  const roundsOf = (id: number) => Number(used.find((u) => u.rubricId === id)?.n ?? 0);
  const versions = await db
    .select({
      id: evaluationRubrics.id,
      name: evaluationRubrics.name,
      effectiveFrom: evaluationRubrics.effectiveFrom,
    })
    .from(evaluationRubrics)
    .where(eq(evaluationRubrics.orgId, row.orgId))
    .orderBy(desc(evaluationRubrics.effectiveFrom));
  return {
    id: row.id,
    name: row.name,
    items: rubricItems(row),
    fullScore: row.fullScore,
    excellentScore: row.excellentScore,
    effectiveFrom: row.effectiveFrom,
    createdAt: row.createdAt.toISOString(),
    rounds: roundsOf(row.id),
    versions: versions.map((v) => ({ ...v, rounds: roundsOf(v.id) })),
  };
}

export async function getRubric(ctx: Ctx, q: RubricQuery): Promise<RubricResponse> {
  const row = q.id
    ? await rubricById(ctx.db, ctx.orgId, q.id)
    : await rubricInForce(ctx.db, ctx.orgId, q.on ?? chinaToday());
  if (!row) throw notFound();
  return toRubricResponse(ctx.db, row);
}

function validateRubric(input: RubricUpdateRequest) {
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  input.items.forEach((item, i) => {
    if (seen.has(item.code)) fields[`items.${i}.code`] = 'evaluation.itemDuplicate';
    seen.add(item.code);
    if (!item.veto && item.maxDeduction > input.fullScore)
      fields[`items.${i}.maxDeduction`] = 'evaluation.aboveFullScore';
  });
  if (input.excellentScore > input.fullScore) fields.excellentScore = 'evaluation.aboveFullScore';
  if (Object.keys(fields).length) throw new AppError('VALIDATION', fields);
}

/**
 * Saves a rubric version. A new effective date adds a version (rounds keep the version they were
 * created with); the date of an existing version replaces it, unless a round already used it —
 * a published score must stay explainable by the rubric it was given under.
 */
export async function updateRubric(ctx: Ctx, input: RubricUpdateRequest): Promise<RubricResponse> {
  validateRubric(input);
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(evaluationRubrics)
      .where(
        and(eq(evaluationRubrics.orgId, ctx.orgId), eq(evaluationRubrics.effectiveFrom, input.effectiveFrom)),
      )
      .for('update');
    const values = {
      name: input.name,
      items: input.items,
      fullScore: input.fullScore,
      excellentScore: input.excellentScore,
    };
    let row: RubricRow;
    if (existing) {
      const [used] = await tx
        .select({ n: count() })
        .from(evaluationRounds)
        .where(and(eq(evaluationRounds.orgId, ctx.orgId), eq(evaluationRounds.rubricId, existing.id)));
      if (Number(used?.n ?? 0) > 0)
        throw new AppError('VALIDATION', { effectiveFrom: 'evaluation.rubricInUse' });
      [row] = (await tx
        .update(evaluationRubrics)
        .set(values)
        .where(eq(evaluationRubrics.id, existing.id))
        .returning()) as [RubricRow];
    } else {
      [row] = (await tx
        .insert(evaluationRubrics)
        .values({ orgId: ctx.orgId, effectiveFrom: input.effectiveFrom, ...values })
        .returning()) as [RubricRow];
    }
    await audit(tx, ctx, {
      action: existing ? 'evaluation.rubric.update' : 'evaluation.rubric.create',
      targetType: 'evaluation_rubric',
      targetId: row.id,
      summary: {
        effectiveFrom: row.effectiveFrom,
        items: input.items.length,
        vetoItems: input.items.filter((i) => i.veto).map((i) => i.code),
        fullScore: row.fullScore,
        excellentScore: row.excellentScore,
      },
    });
    return toRubricResponse(tx, row);
  });
}
