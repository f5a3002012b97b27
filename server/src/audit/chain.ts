import { sql } from 'drizzle-orm';
import { type Db, type Queryable, rows as query } from '../db/index.ts';
import { auditSeals } from '../db/schema/index.ts';
import { type AuditRow, fromRaw, GENESIS, keyedSeal, recordMac } from './canonical.ts';
import { type AuditKeyring, auditKeys } from './keys.ts';

/** How far behind the newest seal a late-committing row can land. */
export const LATE_COMMIT_WINDOW = 10_000;
export const BATCH = 5000;

/**
 * The next records after `after` (by number) that have no seal, with those among them that are
 * legacy records the sealer may still take (see auditLegacyUnsealed).
 */
export async function unsealedBatch(q: Queryable, after: number) {
  const rows = (
    await query(
      q,
      sql`select a.* from audit_log a
          where a.id > ${after} and not exists (select 1 from audit_seals s where s.audit_id = a.id)
          order by a.id limit ${BATCH}`,
    )
  ).map(fromRaw);
  const legacy = await legacyUnsealed(
    q,
    rows.filter((r) => r.mac === null).map((r) => r.id),
  );
  return { rows, legacy };
}

async function legacyUnsealed(q: Queryable, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const found = await query<{ audit_id: unknown }>(
    q,
    sql`select audit_id from audit_legacy_unsealed where audit_id in (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`, `,
    )})`,
  );
  return new Set(found.map((r) => Number(r.audit_id)));
}

/** Whether the application wrote this record: its MAC checks with a key of the ring. */
export function madeByApplication(ring: AuditKeyring, r: AuditRow, legacy: Set<number>): boolean {
  if (r.mac === null || r.keyId === null) return r.mac === null && r.keyId === null && legacy.has(r.id);
  const key = ring.byId.get(r.keyId);
  return !!key && recordMac(key, r) === r.mac;
}

/**
 * Links every committed, unsealed audit record the application wrote into the chain, in id
 * order. Writers never wait for this: it runs after commit, under an advisory lock so that
 * several server instances never seal at once. A record whose MAC does not check (written
 * behind the application's back) is never sealed: `refused` hears of it, and `audit verify`
 * names it. Returns the number of records sealed.
 */
export async function sealPending(db: Db, refused?: (ids: number[]) => void): Promise<number> {
  const ring = auditKeys();
  return db.transaction(async (tx) => {
    const [lock] = await query<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(7201001) as ok`);
    if (!lock?.ok) return 0;
    const [head] = await tx
      .select({ hash: auditSeals.hash, auditId: auditSeals.auditId })
      .from(auditSeals)
      .orderBy(sql`${auditSeals.seq} desc`)
      .limit(1);
    let prev = head?.hash ?? GENESIS;
    let after = Math.max(0, (head?.auditId ?? 0) - LATE_COMMIT_WINDOW);
    let sealed = 0;
    for (;;) {
      const { rows, legacy } = await unsealedBatch(tx, after);
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;
      const bad: number[] = [];
      const values = [];
      for (const r of rows) {
        if (!madeByApplication(ring, r, legacy)) {
          bad.push(r.id);
          continue;
        }
        const hash = keyedSeal(ring.current, prev, r);
        values.push({ auditId: r.id, prevHash: prev, hash, keyId: ring.current.id });
        prev = hash;
      }
      if (values.length) await tx.insert(auditSeals).values(values);
      if (bad.length) refused?.(bad);
      sealed += values.length;
      if (rows.length < BATCH) break;
    }
    return sealed;
  });
}
