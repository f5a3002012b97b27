import { DEFAULT_SECURITY_SETTINGS, SecuritySettings } from '@fazhi/common';
import { and, eq } from 'drizzle-orm';
import { audit, changes } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import { settings } from '../../db/schema/index.ts';
import type { Ctx } from '../../http/context.ts';

/**
 * Which database a query runs on, the same object for the database and every transaction opened
 * on it (drizzle hands its dialect down to transactions), so in-process caches of reference data
 * never mix two databases (tests and the benchmark open several in one process).
 */
export function databaseKey(db: Queryable): object {
  return (db as unknown as { dialect?: object }).dialect ?? db;
}

/**
 * A per-database, per-key cache whose entries live `ttlMs`. Only for data that may be a few
 * seconds stale on another server instance; the instance that writes calls `forget` after commit.
 * Concurrent misses share one read.
 */
export function ttlCache<K, V>(ttlMs: number) {
  const byDb = new WeakMap<object, Map<K, { at: number; value: Promise<V> }>>();
  return {
    get(db: Queryable, key: K, load: () => Promise<V>): Promise<V> {
      const dbKey = databaseKey(db);
      let map = byDb.get(dbKey);
      if (!map) {
        map = new Map();
        byDb.set(dbKey, map);
      }
      const now = Date.now();
      const hit = map.get(key);
      if (hit && now - hit.at < ttlMs) return hit.value;
      const value = load();
      const entry = { at: now, value };
      map.set(key, entry);
      // A failed read is not remembered.
      value.catch(() => {
        if (map.get(key) === entry) map.delete(key);
      });
      return value;
    },
    forget(db: Queryable, key: K) {
      byDb.get(databaseKey(db))?.delete(key);
    },
  };
}

async function readSecuritySettings(db: Queryable, orgId: number): Promise<SecuritySettings> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(and(eq(settings.orgId, orgId), eq(settings.key, 'security')));
  const parsed = SecuritySettings.safeParse({ ...DEFAULT_SECURITY_SETTINGS, ...(row?.value as object) });
  return parsed.success ? parsed.data : DEFAULT_SECURITY_SETTINGS;
}

/**
 * The policy is read on every request (idle timeout, password age), so it is cached for a few
 * seconds: a change made on another server instance takes effect there within SECURITY_TTL_MS.
 */
const SECURITY_TTL_MS = 5_000;
const securityCache = ttlCache<number, SecuritySettings>(SECURITY_TTL_MS);

export function getSecuritySettings(db: Queryable, orgId: number): Promise<SecuritySettings> {
  return securityCache.get(db, orgId, () => readSecuritySettings(db, orgId));
}

export async function updateSecuritySettings(ctx: Ctx, input: SecuritySettings): Promise<SecuritySettings> {
  const saved = await ctx.db.transaction(async (tx) => {
    const before = await readSecuritySettings(tx, ctx.orgId);
    await tx
      .insert(settings)
      .values({ orgId: ctx.orgId, key: 'security', value: input })
      .onConflictDoUpdate({ target: [settings.orgId, settings.key], set: { value: input } });
    await audit(tx, ctx, {
      action: 'settings.security.update',
      targetType: 'settings',
      targetId: 'security',
      summary: changes(before, input),
    });
    return input;
  });
  // After commit, so a read racing the write cannot cache the old policy again.
  securityCache.forget(ctx.db, ctx.orgId);
  return saved;
}
