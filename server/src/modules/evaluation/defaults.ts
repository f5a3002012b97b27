import type { Queryable } from '../../db/index.ts';

/** The branch's default evaluation rubric, inserted if the branch has none. */
export async function seedEvaluationDefaults(_db: Queryable, _orgId: number): Promise<void> {}
