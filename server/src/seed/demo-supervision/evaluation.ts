import type { Queryable } from '../../db/index.ts';

export async function seedDemoEvaluation(_tx: Queryable, _orgId: number): Promise<void> {}
