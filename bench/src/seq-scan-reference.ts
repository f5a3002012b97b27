/**
 * The reference the supervision and report benchmarks measure in the same run: one sequential
 * scan of incidents (index, index-only and bitmap scans off, warm cache, median of three after a
 * warm-up), so their times are also ratios to what the machine does at that moment.
 */
import { sql } from 'drizzle-orm';
import { rows as query } from '../../server/src/db/index.ts';
import { mb, round, timed } from './measure.ts';
import type { Target } from './targets.ts';

export const REFERENCE_SQL = 'select count(*), sum(length(narrative)) from incidents';

export interface Reference {
  sql: string;
  settings: string;
  ms: number;
  runsMs: number[];
  incidentsHeapMb: number;
  databaseMb: number;
}

export async function seqScanReference(target: Target): Promise<Reference> {
  const runs: number[] = [];
  await target.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_indexscan = off`);
    await tx.execute(sql`set local enable_indexonlyscan = off`);
    await tx.execute(sql`set local enable_bitmapscan = off`);
    await tx.execute(sql.raw(REFERENCE_SQL));
    for (let i = 0; i < 3; i++) runs.push((await timed(() => tx.execute(sql.raw(REFERENCE_SQL)))).ms);
  });
  const [size] = await query<{ heap: string; total: string }>(
    target.database.db,
    sql`select pg_relation_size('incidents')::bigint as heap, pg_database_size(current_database())::bigint as total`,
  );
  return {
    sql: REFERENCE_SQL,
    settings:
      'enable_indexscan, enable_indexonlyscan, enable_bitmapscan off; warm cache; median of 3 after 1 warm-up',
    ms: round([...runs].sort((a, b) => a - b)[1]!, 1),
    runsMs: runs.map((x) => round(x, 1)),
    incidentsHeapMb: mb(Number(size!.heap)),
    databaseMb: mb(Number(size!.total)),
  };
}
