import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type ExtractTablesWithRelations, type SQL, sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: 'embedded' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

export interface CreateDbOptions {
  databaseUrl?: string | undefined;
  /** Folder of the embedded database; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  poolSize?: number;
}

/** The one place that picks a driver: PostgreSQL when a URL is given, PGlite otherwise. */
export async function createDb(opts: CreateDbOptions): Promise<Database> {
  if (opts.databaseUrl) {
    // A database that does not answer a connect within 5 s is taken as down (503), not waited on.
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
    });
    // An idle connection the server drops (restart, failover) must not take the process down;
    // the pool replaces it on the next query.
    pool.on('error', (e) => console.error('database connection lost:', e.message));
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      migrate: async () => {
        if (!(await upToDate(db))) await migrateNodePg(drizzleNodePg(pool, { schema }), { migrationsFolder });
      },
      close: () => pool.end(),
    };
  }
  const dir = opts.dataDir ?? './data';
  let client: PGlite;
  // pg_trgm backs the Chinese full-text searches (see migration 0003).
  const extensions = { pg_trgm };
  if (dir.startsWith('memory://')) client = new PGlite({ extensions });
  else {
    const dbDir = path.join(dir, 'db');
    mkdirSync(dbDir, { recursive: true });
    client = new PGlite(dbDir, { extensions });
  }
  await client.waitReady;
  const pgliteDb = drizzlePglite(client, { schema });
  return {
    db: pgliteDb as unknown as Db,
    kind: 'embedded',
    migrate: async () => {
      if (!(await upToDate(pgliteDb as unknown as Db))) await migratePglite(pgliteDb, { migrationsFolder });
    },
    close: () => client.close(),
  };
}

/**
 * Whether every migration is applied already. Then starting skips the migrator, whose first step
 * (CREATE SCHEMA drizzle) the application's own database role may not do (`fazhi db
 * grant-app-role`): the owner migrates, the application only starts.
 */
async function upToDate(db: Db): Promise<boolean> {
  const latest = Math.max(...readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis));
  try {
    const [r] = await rows<{ at: unknown }>(
      db,
      sql`select max(created_at) as at from drizzle.__drizzle_migrations`,
    );
    return Number(r?.at ?? 0) >= latest;
  } catch {
    return false;
  }
}

/** Runs raw SQL on either driver and returns its rows (both drivers answer `{rows}`). */
export async function rows<T = Record<string, unknown>>(q: Queryable, statement: SQL): Promise<T[]> {
  const result = (await q.execute(statement)) as unknown as { rows: T[] };
  return result.rows;
}
