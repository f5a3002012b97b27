import type { PersonnelKind } from '@fazhi/common';
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { officers } from '../../db/schema/index.ts';

const POLICE: PersonnelKind = 'police';

/**
 * The ids among `ids` that are police officers (民警) of the branch; with `active`, only those
 * still in service. Every officer field (出警民警, co-officers, a discussion's chair, the officer
 * held responsible …) takes only these: auxiliary police, civilian staff and the stationed
 * lawyer have accounts but are not officers.
 */
export async function policeAmong(
  db: Queryable,
  orgId: number,
  ids: readonly number[],
  { active = false }: { active?: boolean } = {},
): Promise<Set<number>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Set();
  const found = await db
    .select({ id: officers.id })
    .from(officers)
    .where(
      and(
        eq(officers.orgId, orgId),
        eq(officers.personnelKind, POLICE),
        inArray(officers.id, unique),
        active ? eq(officers.active, true) : undefined,
      ),
    );
  return new Set(found.map((f) => f.id));
}

/** The index of the first id that is not a police officer (see policeAmong), or -1. */
export async function firstNotPolice(
  db: Queryable,
  orgId: number,
  ids: readonly number[],
  opts: { active?: boolean } = {},
): Promise<number> {
  const police = await policeAmong(db, orgId, ids, opts);
  return ids.findIndex((id) => !police.has(id));
}
