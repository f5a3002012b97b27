import type { AuditProblemKind } from '@fazhi/common';
import { asc, gt, sql } from 'drizzle-orm';
import { type Db, rows as query } from '../db/index.ts';
import { auditSeals } from '../db/schema/index.ts';
import { type AuditRow, fromRaw, GENESIS, keyedSeal, legacySeal, recordMac } from './canonical.ts';
import { BATCH, madeByApplication, unsealedBatch } from './chain.ts';
import { auditKeys } from './keys.ts';

/** A record the application wrote and left unsealed this long ago lost its seal. */
const SEAL_GRACE_MS = 10 * 60 * 1000;
/** Problems listed in full; beyond this only counted (a wiped table would list millions). */
const LISTED = 1000;

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The record concerned; for `unchained`, the first record after the gap. */
  auditId: number;
}

export interface VerifyResult {
  ok: boolean;
  /** Sealed records that verified. */
  checked: number;
  /** Records the application wrote that are not sealed yet (sealed within seconds). */
  pending: number;
  /** Every problem found, in record order, up to LISTED. */
  problems: AuditProblem[];
  problemCount: number;
}

/**
 * Walks the whole chain and every record outside it, reading only, and names every record that
 * was altered, deleted or inserted behind the application's back — not just the first: an edit
 * must not hide a later deletion.
 */
export async function verifyChain(db: Db, onProgress?: (checked: number) => void): Promise<VerifyResult> {
  const ring = auditKeys();
  const problems: AuditProblem[] = [];
  let problemCount = 0;
  const report = (kind: AuditProblemKind, auditId: number) => {
    problemCount++;
    if (problems.length < LISTED) problems.push({ kind, auditId });
  };
  const expected = (s: { keyId: string | null; prevHash: string }, row: AuditRow): string | null => {
    if (s.keyId === null) return legacySeal(s.prevHash, row);
    const key = ring.byId.get(s.keyId);
    return key ? keyedSeal(key, s.prevHash, row) : null;
  };

  let prev = GENESIS;
  let lastSeq = 0;
  let checked = 0;
  let maxSealed = 0;
  for (;;) {
    const seals = await db
      .select()
      .from(auditSeals)
      .where(gt(auditSeals.seq, lastSeq))
      .orderBy(asc(auditSeals.seq))
      .limit(BATCH);
    if (seals.length === 0) break;
    const found = await query(
      db,
      sql`select * from audit_log where id in (${sql.join(
        seals.map((s) => sql`${s.auditId}`),
        sql`, `,
      )})`,
    );
    const byId = new Map(found.map((r) => [Number(r.id), fromRaw(r)]));
    for (const s of seals) {
      maxSealed = Math.max(maxSealed, s.auditId);
      if (s.prevHash !== prev) report('unchained', s.auditId);
      const row = byId.get(s.auditId);
      if (!row) report('deleted', s.auditId);
      else {
        const want = expected(s, row);
        const key = row.keyId === null ? null : ring.byId.get(row.keyId);
        if (want === null || (row.keyId !== null && !key)) report('unknown_key', s.auditId);
        else if (want !== s.hash || (key && recordMac(key, row) !== row.mac)) report('altered', s.auditId);
        else checked++;
      }
      prev = s.hash;
    }
    lastSeq = seals[seals.length - 1]!.seq;
    onProgress?.(checked);
  }

  // Records outside the chain: pending (just written), or never made by the application.
  let pending = 0;
  let after = 0;
  const stale = Date.now() - SEAL_GRACE_MS;
  for (;;) {
    const { rows, legacy } = await unsealedBatch(db, after);
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    for (const r of rows) {
      if (!madeByApplication(ring, r, legacy)) report('inserted', r.id);
      // A later record is sealed and this one has waited long: its seal was removed.
      else if (r.id < maxSealed && r.at.getTime() < stale) report('unsealed', r.id);
      else pending++;
    }
    if (rows.length < BATCH) break;
  }
  problems.sort((a, b) => a.auditId - b.auditId);
  return { ok: problemCount === 0, checked, pending, problems, problemCount };
}
