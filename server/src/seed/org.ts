import { BUILT_IN_ROLES } from '@fazhi/common';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/index.ts';
import { orgs, roles, units } from '../db/schema/index.ts';
import { seedEvaluationDefaults } from '../modules/evaluation/defaults.ts';
import { seedSupervisionDefaults } from '../modules/supervision/defaults.ts';
import { seedOrgDictionaries } from './dictionaries.ts';

/** Creates a branch with its root unit and the built-in roles. */
export async function createOrg(db: Queryable, input: { code: string; name: string }) {
  const [org] = await db.insert(orgs).values(input).returning();
  const [root] = await db
    .insert(units)
    .values({
      orgId: org!.id,
      parentId: null,
      code: 'BRANCH',
      name: input.name,
      kind: 'branch',
      caseHandling: false,
    })
    .returning();
  await db
    .update(units)
    .set({ path: `/${root!.id}/` })
    .where(eq(units.id, root!.id));
  await db.insert(roles).values(BUILT_IN_ROLES.map((r) => ({ ...r, orgId: org!.id })));
  await seedOrgDictionaries(db, org!.id);
  await seedSupervisionDefaults(db, org!.id);
  await seedEvaluationDefaults(db, org!.id);
  return { org: org!, rootUnitId: root!.id, rootPath: `/${root!.id}/` };
}

export async function firstOrgId(db: Queryable): Promise<number | null> {
  const [row] = await db.select({ id: orgs.id }).from(orgs).orderBy(orgs.id).limit(1);
  return row?.id ?? null;
}
