import type { Queryable } from '../../db/index.ts';
import { type SeedProgress, silentProgress } from '../progress.ts';
import { seedDemoChecks } from './checks.ts';
import { seedDemoEvaluation } from './evaluation.ts';
import { seedDemoFindings } from './findings.ts';
import { seedDemoRectification } from './rectification.ts';

/**
 * Supervision and evaluation on top of the demo enforcement history: the camera spot checks and
 * call-backs of past days, a full scan's findings (with a few planted problems so every rule
 * shows), their rectification history and documents, and the quarterly evaluations since 2021.
 */
export async function seedDemoSupervision(
  tx: Queryable,
  orgId: number,
  progress: SeedProgress = silentProgress,
): Promise<void> {
  progress('camera spot checks and call-backs');
  await seedDemoChecks(tx, orgId);
  progress('supervision: a full scan of the history for findings');
  await seedDemoFindings(tx, orgId);
  progress('supervision: rectification history and documents');
  await seedDemoRectification(tx, orgId);
  progress('quarterly quality evaluations');
  await seedDemoEvaluation(tx, orgId);
}
