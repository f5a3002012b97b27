import { createHash } from 'node:crypto';
import { asc, gt, sql } from 'drizzle-orm';
import { type Db, rows as query } from '../db/index.ts';
import { type auditLog, auditSeals } from '../db/schema/index.ts';

export const GENESIS = '0'.repeat(64);
/** An audit row still unsealed after this long did not come through the application. */
const SEAL_GRACE_MS = 10 * 60 * 1000;
/** How far behind the newest seal a late-committing row can land. */
const LATE_COMMIT_WINDOW = 10_000;
const BATCH = 5000;

type AuditRow = typeof auditLog.$inferSelect;

function stable(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export function sealHash(prevHash: string, r: AuditRow): string {
  const body = stable([
    r.id,
    r.orgId,
    r.at,
    r.actorId,
    r.actorName,
    r.actorRole,
    r.unitId,
    r.unitName,
    r.action,
    r.targetType,
    r.targetId,
    r.outcome,
    r.summary,
    r.clientIp,
  ]);
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/**
 * Links every committed, unsealed audit row into the hash chain, in id order. Writers never
 * wait for this: it runs after commit, under an advisory lock so that several server instances
 * never seal at once. Returns the number of rows sealed.
 */
export async function sealPending(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    const [lock] = await query<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(7201001) as ok`);
    if (!lock?.ok) return 0;
    const [head] = await tx
      .select({ hash: auditSeals.hash, auditId: auditSeals.auditId })
      .from(auditSeals)
      .orderBy(sql`${auditSeals.seq} desc`)
      .limit(1);
    let prev = head?.hash ?? GENESIS;
    const floor = Math.max(0, (head?.auditId ?? 0) - LATE_COMMIT_WINDOW);
    let sealed = 0;
    for (;;) {
      const rows = await query(
        tx,
        sql`select a.* from audit_log a
            where a.id > ${floor} and not exists (select 1 from audit_seals s where s.audit_id = a.id)
            order by a.id limit ${BATCH}`,
      );
      if (rows.length === 0) break;
      const values = rows.map((raw) => {
        const r = fromRaw(raw);
        const hash = sealHash(prev, r);
        const seal = { auditId: r.id, prevHash: prev, hash };
        prev = hash;
        return seal;
      });
      await tx.insert(auditSeals).values(values);
      sealed += values.length;
      if (rows.length < BATCH) break;
    }
    return sealed;
  });
}

/** Raw rows (from `execute`) use column names; hash them exactly as the typed select would. */
function fromRaw(raw: Record<string, unknown>): AuditRow {
  return {
    id: Number(raw.id),
    orgId: Number(raw.org_id),
    at: raw.at instanceof Date ? raw.at : new Date(String(raw.at)),
    actorId: raw.actor_id === null ? null : Number(raw.actor_id),
    actorName: (raw.actor_name as string | null) ?? null,
    actorRole: (raw.actor_role as string | null) ?? null,
    unitId: raw.unit_id === null ? null : Number(raw.unit_id),
    unitName: (raw.unit_name as string | null) ?? null,
    action: String(raw.action),
    targetType: (raw.target_type as string | null) ?? null,
    targetId: (raw.target_id as string | null) ?? null,
    outcome: String(raw.outcome),
    summary: typeof raw.summary === 'string' ? JSON.parse(raw.summary) : (raw.summary ?? null),
    clientIp: (raw.client_ip as string | null) ?? null,
  };
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
  reason: string | null;
}

/**
 * Walks the chain from the first seal and names the first broken record: an edited record
 * (hash differs), a deleted record (its seal points at nothing), a removed or reordered seal
 * (link to the previous hash broken), or a record inserted behind the application's back
 * (never sealed).
 */
export async function verifyChain(db: Db, onProgress?: (checked: number) => void): Promise<VerifyResult> {
  let prev = GENESIS;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const seals = await db
      .select()
      .from(auditSeals)
      .where(gt(auditSeals.seq, lastSeq))
      .orderBy(asc(auditSeals.seq))
      .limit(BATCH);
    if (seals.length === 0) break;
    const ids = seals.map((s) => s.auditId);
    const rows = await query(
      db,
      sql`select * from audit_log where id in (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )})`,
    );
    const byId = new Map(rows.map((r) => [Number(r.id), fromRaw(r)]));
    for (const s of seals) {
      if (s.prevHash !== prev) {
        return {
          ok: false,
          checked,
          brokenAt: s.auditId,
          reason: 'chain link broken: a record before it was removed or reordered',
        };
      }
      const row = byId.get(s.auditId);
      if (!row) return { ok: false, checked, brokenAt: s.auditId, reason: 'record deleted' };
      if (sealHash(prev, row) !== s.hash)
        return { ok: false, checked, brokenAt: s.auditId, reason: 'record altered' };
      prev = s.hash;
      checked++;
    }
    lastSeq = seals[seals.length - 1]!.seq;
    onProgress?.(checked);
  }
  const cutoff = new Date(Date.now() - SEAL_GRACE_MS);
  const stray = await query<{ id: unknown }>(
    db,
    sql`
    select a.id from audit_log a
    where not exists (select 1 from audit_seals s where s.audit_id = a.id)
      and (a.at < ${cutoff.toISOString()}::timestamptz
           or a.id < (select coalesce(max(audit_id), 0) from audit_seals) - ${LATE_COMMIT_WINDOW})
    order by a.id limit 1`,
  );
  const strayId = stray[0]?.id;
  if (strayId !== undefined) {
    return {
      ok: false,
      checked,
      brokenAt: Number(strayId),
      reason: 'record not in the chain: inserted outside the application',
    };
  }
  return { ok: true, checked, brokenAt: null, reason: null };
}
