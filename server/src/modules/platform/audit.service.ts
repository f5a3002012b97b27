import type { AuditQuery, AuditRecordResponse } from '@fazhi/common';
import { addDays } from '@fazhi/common';
import { and, count, desc, eq, gte, ilike, lt, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { sealPending, verifyChain } from '../../audit/chain.ts';
import { audit } from '../../audit/record.ts';
import { auditLog, auditSeals } from '../../db/schema/index.ts';
import type { Ctx } from '../../http/context.ts';

type Filters = Omit<z.infer<typeof AuditQuery>, 'page' | 'pageSize'>;

/** Filters on dates are in China Standard Time, the day the officer saw on the clock. */
function where(ctx: Ctx, f: Filters): SQL {
  const conds: SQL[] = [eq(auditLog.orgId, ctx.orgId)];
  if (f.from) conds.push(gte(auditLog.at, new Date(`${f.from}T00:00:00+08:00`)));
  if (f.to) conds.push(lt(auditLog.at, new Date(`${addDays(f.to, 1)}T00:00:00+08:00`)));
  if (f.actor)
    conds.push(or(ilike(auditLog.actorName, `%${f.actor}%`), sql`${auditLog.actorId}::text = ${f.actor}`)!);
  if (f.action) conds.push(ilike(auditLog.action, `${f.action}%`));
  if (f.targetType) conds.push(eq(auditLog.targetType, f.targetType));
  if (f.targetId) conds.push(eq(auditLog.targetId, f.targetId));
  if (f.outcome) conds.push(eq(auditLog.outcome, f.outcome));
  return and(...conds)!;
}

export async function listAudit(ctx: Ctx, q: z.infer<typeof AuditQuery>) {
  await sealPending(ctx.db);
  const w = where(ctx, q);
  const [total] = await ctx.db.select({ n: count() }).from(auditLog).where(w);
  const rows = await ctx.db
    .select({ a: auditLog, sealed: sql<boolean>`${auditSeals.seq} is not null` })
    .from(auditLog)
    .leftJoin(auditSeals, eq(auditSeals.auditId, auditLog.id))
    .where(w)
    .orderBy(desc(auditLog.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map((r) => toResponse(r.a, r.sealed)), total: total?.n ?? 0 };
}

function toResponse(a: typeof auditLog.$inferSelect, sealed: boolean): AuditRecordResponse {
  return {
    id: a.id,
    at: a.at.toISOString(),
    actorId: a.actorId,
    actorName: a.actorName,
    actorRole: a.actorRole,
    unitName: a.unitName,
    action: a.action,
    targetType: a.targetType,
    targetId: a.targetId,
    outcome: a.outcome as AuditRecordResponse['outcome'],
    summary: a.summary,
    clientIp: a.clientIp,
    sealed,
  };
}

/** Streams matching records in batches for export; the export itself is audited. */
export async function* auditForExport(ctx: Ctx, f: Filters): AsyncGenerator<AuditRecordResponse[]> {
  await ctx.db.transaction((tx) =>
    audit(tx, ctx, { action: 'audit.export', targetType: 'audit', summary: { filters: f } }),
  );
  const w = where(ctx, f);
  let before = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const rows = await ctx.db
      .select()
      .from(auditLog)
      .where(and(w, lt(auditLog.id, before)))
      .orderBy(desc(auditLog.id))
      .limit(2000);
    if (rows.length === 0) return;
    yield rows.map((r) => toResponse(r, true));
    before = rows[rows.length - 1]!.id;
  }
}

export async function verifyAudit(ctx: Ctx) {
  await sealPending(ctx.db);
  const result = await verifyChain(ctx.db);
  await ctx.db.transaction((tx) =>
    audit(tx, ctx, {
      action: 'audit.verify',
      targetType: 'audit',
      outcome: result.ok ? 'success' : 'failure',
      summary: { ...result },
    }),
  );
  return result;
}
