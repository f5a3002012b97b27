import type { Queryable } from '../../db/index.ts';

export async function seedDemoRectification(_tx: Queryable, _orgId: number): Promise<void> {}
