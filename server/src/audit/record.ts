import type { AuditAction, AuditTargetType } from '@fazhi/common';
import { sql } from 'drizzle-orm';
import { type Queryable, rows } from '../db/index.ts';
import type { Ctx } from '../http/context.ts';
import { type AuditRow, recordMac, storedJson } from './canonical.ts';
import { auditKeys } from './keys.ts';

export interface AuditEntry {
  /** One of the events named in common/ (AUDIT_ACTION_NAMES): people read the name, not the code. */
  action: AuditAction;
  targetType?: AuditTargetType;
  targetId?: string | number;
  outcome?: 'success' | 'failure';
  summary?: Record<string, unknown>;
  /** For events before sign-in (failed logins), the officer the event concerns. */
  subject?: { id: number; name: string; unitId: number | null; unitName?: string | null };
}

/**
 * Writes one audit record on the given transaction, so the record commits or rolls back with
 * the change it describes. Never call it on the bare database for a state change.
 *
 * The record takes its number first and is signed with the audit key over its content and that
 * number (see keys.ts), then goes in through `fazhi_audit_append`, the only way the
 * application's database role can add to the log.
 */
export async function audit(tx: Queryable, ctx: Ctx, entry: AuditEntry): Promise<void> {
  const key = auditKeys().current;
  const a = ctx.actor;
  const [next] = await rows<{ id: unknown }>(tx, sql`select nextval('audit_log_id_seq') as id`);
  const r: AuditRow = {
    id: Number(next!.id),
    orgId: ctx.orgId,
    at: new Date(),
    actorId: a?.officerId ?? entry.subject?.id ?? null,
    actorName: a?.name ?? entry.subject?.name ?? null,
    actorRole: a ? a.roles.join(',') : null,
    unitId: a?.unitId ?? entry.subject?.unitId ?? null,
    unitName: a?.unitName ?? entry.subject?.unitName ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    outcome: entry.outcome ?? 'success',
    summary: storedJson(entry.summary),
    clientIp: ctx.clientIp,
    keyId: key.id,
    mac: null,
  };
  const mac = recordMac(key, r);
  await tx.execute(
    sql`select fazhi_audit_append(${r.id}::bigint, ${r.orgId}::integer, ${r.at.toISOString()}::timestamptz,
      ${r.actorId}::integer, ${r.actorName}::text, ${r.actorRole}::text, ${r.unitId}::integer,
      ${r.unitName}::text, ${r.action}::text, ${r.targetType}::text, ${r.targetId}::text,
      ${r.outcome}::text, ${r.summary === null ? null : JSON.stringify(r.summary)}::jsonb,
      ${r.clientIp}::text, ${key.id}::text, ${mac}::text)`,
  );
}

/** Before/after summary of the fields that changed, for update records. */
export function changes<T extends Record<string, unknown>>(
  before: T,
  patch: Partial<T>,
  redact: readonly string[] = [],
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    const old = before[k];
    if (JSON.stringify(old) === JSON.stringify(v)) continue;
    b[k] = redact.includes(k) ? '***' : old;
    a[k] = redact.includes(k) ? '***' : v;
  }
  return { before: b, after: a };
}
