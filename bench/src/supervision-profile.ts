/**
 * Where a scan spends its time: every statement the bench process sends while recording is
 * timed (client-side, so it includes the round trip), grouped by its text. The slowest statement
 * can then be run again under EXPLAIN ANALYZE. The scan works in transactions with temporary
 * tables of its own, so the statement is replayed after what its transaction ran before it
 * (on one connection, in a transaction that is rolled back).
 */
import type { PGlite, Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import type { Database } from '../../server/src/db/index.ts';

export interface StatementStat {
  sql: string;
  calls: number;
  totalMs: number;
  maxMs: number;
}

interface Sent {
  text: string;
  params: unknown[];
}

export interface Slowest extends Sent {
  ms: number;
  /** What its transaction ran before it (without the opening BEGIN). */
  before: Sent[];
}

type QueryFn = (...args: unknown[]) => unknown;

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

export function statementProfiler(database: Database) {
  const stats = new Map<string, StatementStat>();
  let slowest: Slowest | undefined;
  let recording = false;
  /** Statements of each open transaction, by the connection (or PGlite transaction) running it. */
  const open = new WeakMap<object, Sent[]>();
  const record = (sent: Sent, before: Sent[], ms: number) => {
    const key = squash(sent.text);
    const e = stats.get(key) ?? { sql: key, calls: 0, totalMs: 0, maxMs: 0 };
    e.calls++;
    e.totalMs += ms;
    e.maxMs = Math.max(e.maxMs, ms);
    stats.set(key, e);
    if (!slowest || ms > slowest.ms) slowest = { ...sent, ms, before };
  };
  const wrap = (original: QueryFn): QueryFn =>
    function (this: object, ...args: unknown[]) {
      const first = args[0] as string | { text?: string; values?: unknown[] } | undefined;
      const text = typeof first === 'string' ? first : first?.text;
      if (!recording || typeof text !== 'string') return original.apply(this, args);
      const raw = (typeof first === 'string' ? args[1] : (first?.values ?? args[1])) ?? [];
      const sent = { text, params: Array.isArray(raw) ? raw : [] };
      let before: Sent[] = [];
      if (/^\s*begin\b/i.test(text)) open.set(this, []);
      else if (/^\s*(commit|rollback)\b/i.test(text) && !/to savepoint/i.test(text)) open.delete(this);
      else {
        const tx = open.get(this);
        before = tx ? [...tx] : [];
        tx?.push(sent);
      }
      const t0 = performance.now();
      const done = () => record(sent, before, performance.now() - t0);
      const cb = args.findIndex((a) => typeof a === 'function');
      if (cb >= 0) {
        const callback = args[cb] as (...x: unknown[]) => void;
        args[cb] = (...x: unknown[]) => {
          done();
          callback(...x);
        };
        return original.apply(this, args);
      }
      const result = original.apply(this, args) as
        | { then?: (a: () => void, b: () => void) => void }
        | undefined;
      if (result && typeof result.then === 'function') result.then(done, done);
      return result;
    };
  let restore: () => void;
  if (database.kind === 'postgres') {
    const proto = pg.Client.prototype as unknown as { query: QueryFn };
    const original = proto.query;
    proto.query = wrap(original);
    restore = () => {
      proto.query = original;
    };
  } else {
    // Statements in a transaction go through the transaction's own `query`.
    type Client = { query: QueryFn; transaction: (fn: (tx: { query: QueryFn }) => unknown) => unknown };
    const client = (database.db as unknown as { $client: Client }).$client;
    const original = client.query;
    const transaction = client.transaction;
    client.query = wrap(original.bind(client));
    client.transaction = (fn) =>
      transaction.call(client, (tx) => {
        open.set(tx, []);
        tx.query = wrap(tx.query.bind(tx));
        return fn(tx);
      });
    restore = () => {
      client.query = original;
      client.transaction = transaction;
    };
  }
  return {
    start() {
      stats.clear();
      slowest = undefined;
      recording = true;
    },
    stop() {
      recording = false;
    },
    restore,
    /** The statements that took longest in all, longest first (SQL text cut to `chars`). */
    top(n: number, chars = 400): StatementStat[] {
      return [...stats.values()]
        .sort((a, b) => b.totalMs - a.totalMs)
        .slice(0, n)
        .map((e) => ({
          sql: e.sql.length > chars ? `${e.sql.slice(0, chars)} …` : e.sql,
          calls: e.calls,
          totalMs: Math.round(e.totalMs),
          maxMs: Math.round(e.maxMs),
        }));
    },
    /** The single slowest call since start(), with its transaction's statements before it. */
    slowest: () => slowest,
  };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of a recorded statement: its transaction's earlier statements
 * (temporary tables …) run first, everything is rolled back afterwards.
 */
export async function explainAnalyze(database: Database, s: Slowest): Promise<string[]> {
  const statement = `explain (analyze, buffers) ${s.text}`;
  if (database.kind === 'postgres') {
    const pool = (database.db as unknown as { $client: pg.Pool }).$client;
    const client = await pool.connect();
    try {
      await client.query('begin');
      for (const b of s.before) await client.query(b.text, b.params);
      const r = await client.query(statement, s.params);
      return r.rows.map((x: Record<string, string>) => x['QUERY PLAN']!);
    } finally {
      await client.query('rollback');
      client.release();
    }
  }
  const client = (database.db as unknown as { $client: PGlite }).$client;
  let lines: string[] = [];
  await client
    .transaction(async (tx: Transaction) => {
      for (const b of s.before) await tx.query(b.text, b.params);
      const r = await tx.query<Record<string, string>>(statement, s.params);
      lines = r.rows.map((x) => x['QUERY PLAN']!);
      await tx.rollback();
    })
    .catch((e: unknown) => {
      if (!lines.length) lines = [String(e)];
    });
  return lines;
}
