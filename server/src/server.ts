import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { sealPending } from './audit/chain.ts';
import { loadAuditKeys, useAuditKeys } from './audit/keys.ts';
import type { Config } from './config.ts';
import { createDb, type Database } from './db/index.ts';
import { clearStaleUploads } from './files/receive.ts';
import { createApp, defaultWebDist } from './http/app.ts';
import { startDailyScheduler } from './modules/supervision/daily.ts';
import { seedDemo } from './seed/demo.ts';
import { firstOrgId } from './seed/org.ts';
import { consoleProgress } from './seed/progress.ts';
import { applyDataSteps } from './seed/reference-data.ts';

/** The audit key of this deployment (FAZHI_AUDIT_KEY_FILE), installed for the process. */
export function installAuditKeys(config: Config, log: (m: string) => void = console.log, create = true) {
  useAuditKeys(
    loadAuditKeys(
      { keyFile: config.auditKeyFile, dataDir: config.dataDir, mayCreate: !config.databaseUrl && create },
      log,
    ),
  );
}

/** Migrations and reference data; safe to run on every start and from any instance. */
export async function prepareDatabase(database: Database, log: (m: string) => void = console.log) {
  await database.migrate();
  const steps = await applyDataSteps(database.db);
  if (steps.length) log(`reference data applied: ${steps.join(', ')}`);
}

export async function startServer(config: Config, log: (m: string) => void = console.log) {
  installAuditKeys(config, log);
  const database = await createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await prepareDatabase(database, log);
  let orgId = await firstOrgId(database.db);
  if (orgId === null) {
    if (database.kind === 'postgres') {
      throw new Error(
        'The database has no branch yet: run `fazhi seed --demo` (or import your branch) first.',
      );
    }
    log('empty embedded database: loading the demo branch (a minute or two, once) …');
    const started = performance.now();
    orgId = (await seedDemo(database.db, { progress: consoleProgress(log) })).orgId;
    log(`demo branch loaded in ${Math.round((performance.now() - started) / 1000)} s`);
  }
  const stale = await clearStaleUploads(config.uploads.tmpDir);
  if (stale) log(`removed ${stale} upload(s) a stopped server left in ${config.uploads.tmpDir}`);
  const app = createApp({ database, config, orgId, webDist: defaultWebDist(), uploads: config.uploads });
  // Seal audit records into the hash chain shortly after they commit; a record the application
  // did not write is never sealed, and said once in the log (`fazhi audit verify` names it too).
  const refusedSeen = new Set<number>();
  const refused = (ids: number[]) => {
    const fresh = ids.filter((id) => !refusedSeen.has(id));
    for (const id of fresh) refusedSeen.add(id);
    if (fresh.length)
      console.error(
        `audit records not written by the application, left out of the chain: #${fresh.join(', #')}`,
      );
  };
  const sealer = setInterval(() => {
    sealPending(database.db, refused).catch((e: unknown) => console.error('audit sealing failed', e));
  }, 2000);
  // PGlite runs no autovacuum: refresh the planner's statistics ourselves, or list queries are
  // planned blind on an embedded database that grew since it was created.
  const analyze = () =>
    database.db.execute(sql`analyze`).catch((e: unknown) => console.error('analyze failed', e));
  const analyzer = database.kind === 'embedded' ? setInterval(analyze, 3600_000) : null;
  if (database.kind === 'embedded') await analyze();
  // Daily supervision jobs; every instance may run the scheduler, each job runs once a day.
  const stopScheduler = config.scheduler ? startDailyScheduler(database.db, orgId) : null;
  const server = serve({ fetch: app.fetch, port: config.port, hostname: '0.0.0.0' });
  log(`Fazhi ${config.version} on http://localhost:${config.port} (database: ${database.kind})`);
  const stop = async () => {
    clearInterval(sealer);
    if (analyzer) clearInterval(analyzer);
    await stopScheduler?.();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await sealPending(database.db).catch(() => 0);
    await database.close();
  };
  return { app, database, stop };
}
