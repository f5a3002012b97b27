import { and, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { units } from '../../db/schema/index.ts';
import type { Actor } from '../../http/context.ts';

/**
 * The data-scope condition every unit-owned query adds: the actor's own unit, their unit's
 * subtree, or the whole branch. Records outside it simply do not exist for the actor, so a
 * lookup by id answers 404, never 403.
 */
export function inScope(actor: Actor, unitIdColumn: PgColumn, orgIdColumn: PgColumn): SQL {
  const org = eq(orgIdColumn, actor.orgId);
  switch (actor.scope) {
    case 'branch':
      return org;
    case 'subtree':
      return and(
        org,
        inArray(
          unitIdColumn,
          sql`(select ${units.id} from ${units} where ${units.orgId} = ${actor.orgId} and ${like(units.path, `${actor.unitPath}%`)})`,
        ),
      )!;
    case 'unit':
      return and(org, eq(unitIdColumn, actor.unitId))!;
  }
}
