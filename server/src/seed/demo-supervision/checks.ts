import type { Queryable } from '../../db/index.ts';

export async function seedDemoChecks(_tx: Queryable, _orgId: number): Promise<void> {}
