import type { AuditQuery, AuditRecordResponse, Locale } from '@fazhi/common';
import { addDays, auditActionName, roleListName, say } from '@fazhi/common';
import { and, count, desc, eq, gte, ilike, lt, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { sealPending } from '../../audit/chain.ts';
import { audit } from '../../audit/record.ts';
import { verifyChain } from '../../audit/verify.ts';
import { containsPattern, prefixPattern } from '../../db/like.ts';
import { auditLog, auditSeals } from '../../db/schema/index.ts';
import type { Ctx } from '../../http/context.ts';
import { writeSheet } from '../../platform-io/excel.ts';
import { nameOf, targetLabel, targetNames } from './audit-targets.ts';

type Filters = Omit<z.infer<typeof AuditQuery>, 'page' | 'pageSize'>;

/** Filters on dates are in China Standard Time, the day the officer saw on the clock. */
function where(ctx: Ctx, f: Filters): SQL {
  const conds: SQL[] = [eq(auditLog.orgId, ctx.orgId)];
  if (f.from) conds.push(gte(auditLog.at, new Date(`${f.from}T00:00:00+08:00`)));
  if (f.to) conds.push(lt(auditLog.at, new Date(`${addDays(f.to, 1)}T00:00:00+08:00`)));
  if (f.actor)
    conds.push(
      or(ilike(auditLog.actorName, containsPattern(f.actor)), sql`${auditLog.actorId}::text = ${f.actor}`)!,
    );
  if (f.action) conds.push(ilike(auditLog.action, prefixPattern(f.action)));
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
  const names = await targetNames(
    ctx.db,
    ctx.orgId,
    rows.map((r) => r.a),
    ctx.locale,
  );
  return { items: rows.map((r) => toResponse(r.a, r.sealed, names)), total: total?.n ?? 0 };
}

function toResponse(
  a: typeof auditLog.$inferSelect,
  sealed: boolean,
  names: Map<string, string>,
): AuditRecordResponse {
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
    targetName: nameOf(names, a),
    outcome: a.outcome as AuditRecordResponse['outcome'],
    summary: a.summary,
    clientIp: a.clientIp,
    sealed,
  };
}

type Row = AuditRecordResponse;
/** The export's columns: what the page shows, with names instead of codes. */
const EXPORT_COLUMNS: [
  zh: string,
  en: string,
  width: number,
  value: (r: Row, l: Locale) => string | number | null,
][] = [
  ['编号', 'No.', 10, (r) => r.id],
  [
    '时间',
    'Time',
    22,
    (r, l) => new Date(r.at).toLocaleString(l, { timeZone: 'Asia/Shanghai', hour12: false }),
  ],
  ['操作人', 'Actor', 16, (r) => r.actorName],
  ['角色', 'Roles', 24, (r, l) => (r.actorRole ? say(roleListName(r.actorRole), l) : null)],
  ['单位', 'Unit', 24, (r) => r.unitName],
  ['操作', 'Action', 24, (r, l) => say(auditActionName(r.action), l)],
  ['对象', 'Target', 36, (r, l) => targetLabel(r, l)],
  ['结果', 'Outcome', 10, (r, l) => say(r.outcome === 'success' ? SUCCESS : FAILURE, l)],
  ['摘要', 'Summary', 60, (r) => (r.summary === null ? '' : JSON.stringify(r.summary))],
  ['客户端地址', 'Client address', 18, (r) => r.clientIp],
];
const SUCCESS = { zh: '成功', en: 'Success' };
const FAILURE = { zh: '失败', en: 'Failure' };

/** The matching records as an .xlsx workbook in the user's language. */
export function auditWorkbook(ctx: Ctx, f: Filters): Promise<Buffer> {
  const en = ctx.locale === 'en-US';
  return writeSheet(
    en ? 'Audit log' : '审计日志',
    EXPORT_COLUMNS.map(([zh, enHeader, width, value]) => ({
      header: en ? enHeader : zh,
      width,
      value: (r: Row) => value(r, ctx.locale),
    })),
    auditForExport(ctx, f),
  );
}

/** Streams matching records in batches for export; the export itself is audited. */
async function* auditForExport(ctx: Ctx, f: Filters): AsyncGenerator<AuditRecordResponse[]> {
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
    const names = await targetNames(ctx.db, ctx.orgId, rows, ctx.locale);
    yield rows.map((r) => toResponse(r, true, names));
    before = rows[rows.length - 1]!.id;
  }
}

export async function verifyAudit(ctx: Ctx) {
  const result = await verifyChain(ctx.db);
  await ctx.db.transaction((tx) =>
    audit(tx, ctx, {
      action: 'audit.verify',
      targetType: 'audit',
      outcome: result.ok ? 'success' : 'failure',
      summary: {
        checked: result.checked,
        problemCount: result.problemCount,
        problems: result.problems.slice(0, 20),
      },
    }),
  );
  return result;
}
