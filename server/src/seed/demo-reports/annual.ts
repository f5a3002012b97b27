import type { Queryable } from '../../db/index.ts';

export async function seedDemoAnnualReports(_tx: Queryable, _orgId: number): Promise<void> {}
