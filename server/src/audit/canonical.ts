import { createHash } from 'node:crypto';
import type { auditLog } from '../db/schema/index.ts';
import { type AuditKey, hmac } from './keys.ts';

export const GENESIS = '0'.repeat(64);

export type AuditRow = typeof auditLog.$inferSelect;

/** JSON with sorted keys: the same text for a record however the driver returns it. */
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

/** What a record says, its number included, in one canonical text. */
function body(r: AuditRow): string {
  return stable([
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
}

/** The record's MAC, made by the transaction that writes it: binds its content to its number. */
export function recordMac(key: AuditKey, r: AuditRow): string {
  return hmac(key, 'fazhi.audit.record', key.id, body(r));
}

/** A seal of the chain: keyed, so nobody without the key can re-link the chain after an edit. */
export function keyedSeal(key: AuditKey, prevHash: string, r: AuditRow): string {
  return hmac(key, 'fazhi.audit.seal', key.id, prevHash, body(r), r.mac ?? '');
}

/** Seals made before audit keys existed (key_id null), kept verifiable as they were made. */
export function legacySeal(prevHash: string, r: AuditRow): string {
  return createHash('sha256').update(prevHash).update(body(r)).digest('hex');
}

/** The summary as the database will store it (jsonb of its JSON), so the MAC matches a re-read. */
export function storedJson(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}

/** Raw rows (from `execute`) use column names; read them exactly as the typed select would. */
export function fromRaw(raw: Record<string, unknown>): AuditRow {
  const int = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: Number(raw.id),
    orgId: Number(raw.org_id),
    at: raw.at instanceof Date ? raw.at : new Date(String(raw.at)),
    actorId: int(raw.actor_id),
    actorName: str(raw.actor_name),
    actorRole: str(raw.actor_role),
    unitId: int(raw.unit_id),
    unitName: str(raw.unit_name),
    action: String(raw.action),
    targetType: str(raw.target_type),
    targetId: str(raw.target_id),
    outcome: String(raw.outcome),
    summary: typeof raw.summary === 'string' ? JSON.parse(raw.summary) : (raw.summary ?? null),
    clientIp: str(raw.client_ip),
    keyId: str(raw.key_id),
    mac: str(raw.mac),
  };
}
