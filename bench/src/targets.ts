import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ephemeralAuditKeys, useAuditKeys } from '../../server/src/audit/keys.ts';
import { createDb, type Database } from '../../server/src/db/index.ts';

// Benchmark databases die with the run: their audit records are signed with a key in memory.
useAuditKeys(ephemeralAuditKeys());

export interface Target {
  name: 'postgres' | 'embedded';
  database: Database;
  /** Plain `COPY … FROM STDIN (FORMAT csv)` of the given text: the import's reference. */
  copy(table: string, columns: string, csv: string): Promise<void>;
  drop(): Promise<void>;
}

/** A fresh PostgreSQL database on the server of `url`, dropped afterwards. */
export async function postgresTarget(url: string, poolSize: number): Promise<Target> {
  const name = `fazhi_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await createDb({ databaseUrl: u.toString(), poolSize });
  const copyPool = new pg.Pool({ connectionString: u.toString(), max: 1 });
  return {
    name: 'postgres',
    database,
    async copy(table, columns, csv) {
      const client = await copyPool.connect();
      try {
        await new Promise<void>((resolve, reject) => {
          const stream = client.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN (FORMAT csv)`));
          stream.on('finish', resolve);
          stream.on('error', reject);
          stream.end(csv);
        });
      } finally {
        client.release();
      }
    },
    async drop() {
      await copyPool.end();
      await database.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** A fresh embedded (PGlite) database in a temporary folder. */
export async function embeddedTarget(): Promise<Target> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-bench-'));
  const database = await createDb({ dataDir: dir });
  const client = (database.db as unknown as { $client: PGlite }).$client;
  return {
    name: 'embedded',
    database,
    async copy(table, columns, csv) {
      await client.query(`COPY ${table} (${columns}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([csv]),
      });
    },
    async drop() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
