import type { Queryable } from '../../db/index.ts';

export async function seedDemoFindings(_tx: Queryable, _orgId: number): Promise<void> {}
