import type { Queryable } from '../../db/index.ts';
import { type SeedProgress, silentProgress } from '../progress.ts';
import { seedDemoAnnualReports } from './annual.ts';
import { seedDemoSubmissions } from './submissions.ts';

/** The departments' accepted submissions since 2021 and the branch's annual reports. */
export async function seedDemoReports(
  tx: Queryable,
  orgId: number,
  progress: SeedProgress = silentProgress,
): Promise<void> {
  progress('report submissions (数据填报) since 2021');
  await seedDemoSubmissions(tx, orgId);
  progress('annual reports');
  await seedDemoAnnualReports(tx, orgId);
}
