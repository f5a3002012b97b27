import type { AuditAction, AuditTargetType } from '@fazhi/common';
import type { Queryable } from '../db/index.ts';
import { auditLog } from '../db/schema/index.ts';
import type { Ctx } from '../http/context.ts';

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
 */
export async function audit(tx: Queryable, ctx: Ctx, entry: AuditEntry): Promise<void> {
  const a = ctx.actor;
  await tx.insert(auditLog).values({
    orgId: ctx.orgId,
    actorId: a?.officerId ?? entry.subject?.id ?? null,
    actorName: a?.name ?? entry.subject?.name ?? null,
    actorRole: a ? a.roles.join(',') : null,
    unitId: a?.unitId ?? entry.subject?.unitId ?? null,
    unitName: a?.unitName ?? entry.subject?.unitName ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    outcome: entry.outcome ?? 'success',
    summary: entry.summary ?? null,
    clientIp: ctx.clientIp,
  });
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
