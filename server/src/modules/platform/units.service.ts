import type { UnitCreateRequest, UnitResponse, UnitUpdateRequest } from '@fazhi/common';
import { and, asc, eq, like, sql } from 'drizzle-orm';
import { audit, changes } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import { units } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { inScope } from './scope.ts';

type UnitRow = typeof units.$inferSelect;

const toResponse = (u: UnitRow): UnitResponse => ({
  id: u.id,
  parentId: u.parentId,
  code: u.code,
  name: u.name,
  kind: u.kind as UnitResponse['kind'],
  caseHandling: u.caseHandling,
  active: u.active,
});

/** Units in the actor's scope, parents before children. */
export async function listUnits(ctx: Ctx): Promise<UnitResponse[]> {
  const actor = requireActor(ctx);
  const rows = await ctx.db
    .select()
    .from(units)
    .where(inScope(actor, units.id, units.orgId))
    .orderBy(asc(units.path), asc(units.sortOrder), asc(units.id));
  return rows.map(toResponse);
}

async function getUnitInScope(ctx: Ctx, db: Queryable, id: number): Promise<UnitRow> {
  const actor = requireActor(ctx);
  const [row] = await db
    .select()
    .from(units)
    .where(and(eq(units.id, id), inScope(actor, units.id, units.orgId)));
  if (!row) throw notFound();
  return row;
}

async function assertCodeFree(db: Queryable, orgId: number, code: string, exceptId?: number) {
  const [taken] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.orgId, orgId), eq(units.code, code)));
  if (taken && taken.id !== exceptId) throw new AppError('VALIDATION', { code: 'unit.code.taken' });
}

export async function createUnit(ctx: Ctx, input: UnitCreateRequest): Promise<UnitResponse> {
  return ctx.db.transaction(async (tx) => {
    const parent = await getUnitInScope(ctx, tx, input.parentId).catch(() => {
      throw new AppError('VALIDATION', { parentId: 'unit.parent' });
    });
    await assertCodeFree(tx, ctx.orgId, input.code);
    const [row] = await tx
      .insert(units)
      .values({
        orgId: ctx.orgId,
        parentId: parent.id,
        code: input.code,
        name: input.name,
        kind: input.kind,
        caseHandling: input.caseHandling,
      })
      .returning();
    const [withPath] = await tx
      .update(units)
      .set({ path: `${parent.path}${row!.id}/` })
      .where(eq(units.id, row!.id))
      .returning();
    await audit(tx, ctx, {
      action: 'unit.create',
      targetType: 'unit',
      targetId: row!.id,
      summary: { after: toResponse(withPath!) },
    });
    return toResponse(withPath!);
  });
}

export async function updateUnit(ctx: Ctx, id: number, patch: UnitUpdateRequest): Promise<UnitResponse> {
  return ctx.db.transaction(async (tx) => {
    const before = await getUnitInScope(ctx, tx, id);
    if (patch.code !== undefined) await assertCodeFree(tx, ctx.orgId, patch.code, id);
    let path = before.path;
    if (patch.parentId !== undefined && patch.parentId !== before.parentId) {
      const parent = await getUnitInScope(ctx, tx, patch.parentId).catch(() => null);
      if (!parent || parent.path.startsWith(before.path))
        throw new AppError('VALIDATION', { parentId: 'unit.parent' });
      path = `${parent.path}${id}/`;
      // Re-root the whole subtree under the new parent in one statement.
      await tx
        .update(units)
        .set({ path: sql`${path} || substr(${units.path}, ${before.path.length + 1})` })
        .where(and(eq(units.orgId, ctx.orgId), like(units.path, `${before.path}%`)));
    }
    const [row] = await tx
      .update(units)
      .set({ ...patch, path })
      .where(eq(units.id, id))
      .returning();
    await audit(tx, ctx, {
      action: 'unit.update',
      targetType: 'unit',
      targetId: id,
      summary: changes(toResponse(before), patch),
    });
    return toResponse(row!);
  });
}
