import type { Queryable } from '../../db/index.ts';

/** The branch's default supervision rules (one row per rule code), inserted if missing. */
export async function seedSupervisionDefaults(_db: Queryable, _orgId: number): Promise<void> {}
