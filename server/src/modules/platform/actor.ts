import { type DataScope, needsSecondFactor, type Permission, type RoleCode, SCOPE_RANK } from '@fazhi/common';
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { officerRoles, officers, roles, units } from '../../db/schema/index.ts';
import type { Actor } from '../../http/context.ts';

export interface ActorRecord {
  actor: Actor;
  requiresTotp: boolean;
  officer: typeof officers.$inferSelect;
}

/**
 * The record each actor was loaded from, so a request's services (toMe in 待办) reuse what the
 * request already read instead of reading the officer again. Lives as long as the actor object,
 * which is built anew for every request.
 */
const records = new WeakMap<Actor, ActorRecord>();
export const recordOf = (actor: Actor): ActorRecord | undefined => records.get(actor);

/** Loads an officer with their unit, roles, permissions and widest data scope. */
export async function loadActor(db: Queryable, officerId: number): Promise<ActorRecord | null> {
  const [row] = await db
    .select({ officer: officers, unit: units })
    .from(officers)
    .innerJoin(units, eq(units.id, officers.unitId))
    .where(eq(officers.id, officerId));
  if (!row) return null;
  const roleRows = await db
    .select({ role: roles })
    .from(officerRoles)
    .innerJoin(roles, and(eq(roles.orgId, officerRoles.orgId), eq(roles.code, officerRoles.roleCode)))
    .where(eq(officerRoles.officerId, officerId));
  const permissions = new Set<Permission>();
  let scope: DataScope = 'unit';
  let requiresTotp = false;
  for (const { role } of roleRows) {
    for (const p of role.permissions) permissions.add(p as Permission);
    if (SCOPE_RANK[role.scope as DataScope] > SCOPE_RANK[scope]) scope = role.scope as DataScope;
    // Computed from the permissions too, so no stored flag lets a case-data role skip the second factor.
    requiresTotp ||= role.requiresTotp || needsSecondFactor(role.permissions);
  }
  const record: ActorRecord = {
    officer: row.officer,
    requiresTotp,
    actor: {
      officerId: row.officer.id,
      orgId: row.officer.orgId,
      username: row.officer.username,
      name: row.officer.name,
      unitId: row.unit.id,
      unitName: row.unit.name,
      unitPath: row.unit.path,
      roles: roleRows.map((r) => r.role.code as RoleCode),
      permissions,
      scope,
    },
  };
  records.set(record.actor, record);
  return record;
}

export async function rolesOf(db: Queryable, officerIds: number[]): Promise<Map<number, RoleCode[]>> {
  const out = new Map<number, RoleCode[]>();
  if (officerIds.length === 0) return out;
  const rows = await db.select().from(officerRoles).where(inArray(officerRoles.officerId, officerIds));
  for (const r of rows) {
    const list = out.get(r.officerId) ?? [];
    list.push(r.roleCode as RoleCode);
    out.set(r.officerId, list);
  }
  return out;
}
