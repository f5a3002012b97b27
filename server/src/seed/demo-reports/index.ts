import type { Queryable } from '../../db/index.ts';
import { seedDemoAnnualReports } from './annual.ts';
import { seedDemoSubmissions } from './submissions.ts';

/** The departments' accepted submissions since 2021 and the branch's annual reports. */
export async function seedDemoReports(tx: Queryable, orgId: number): Promise<void> {
  await seedDemoSubmissions(tx, orgId);
  await seedDemoAnnualReports(tx, orgId);
}
