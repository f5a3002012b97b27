import type { Queryable } from '../../db/index.ts';

export async function seedDemoSubmissions(_tx: Queryable, _orgId: number): Promise<void> {}
