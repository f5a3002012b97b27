/**
 * 线下办理: cases handled outside the online system, each with its report and reason. The quarterly
 * 线下办理案件情况统计表 the city bureau asks for is a statistics table of the metric catalogue
 * (reports/tables: offline.* metrics count these reports).
 */
import {
  chinaToday,
  OFFLINE_REASONS,
  type OfflineReason,
  type OfflineReportCreateRequest,
  type OfflineReportListQuery,
  type OfflineReportResponse,
} from '@fazhi/common';
import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../../audit/record.ts';
import { cases, officers, offlineReports, units } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { inScope } from '../platform/scope.ts';

// The table has one text column for the reason: the code, then the free text on the next line.
const packReason = (code: OfflineReason, detail: string | null) => (detail ? `${code}\n${detail}` : code);
function unpackReason(raw: string): { reason: OfflineReason; reasonDetail: string | null } {
  const [code = 'other', ...rest] = raw.split('\n');
  const reason = (OFFLINE_REASONS as readonly string[]).includes(code) ? (code as OfflineReason) : 'other';
  return { reason, reasonDetail: rest.length ? rest.join('\n') : reason === code ? null : raw };
}

const quarterRange = (year: number, quarter: number) => {
  const m = (quarter - 1) * 3 + 1;
  const end = new Date(Date.UTC(year, m + 2, 0)).toISOString().slice(0, 10);
  return { from: `${year}-${String(m).padStart(2, '0')}-01`, to: end };
};

export async function createOfflineReport(
  ctx: Ctx,
  input: OfflineReportCreateRequest,
): Promise<OfflineReportResponse> {
  const actor = requireActor(ctx);
  const unitId = input.unitId ?? actor.unitId;
  const reportedOn = input.reportedOn ?? chinaToday();
  if (reportedOn > chinaToday()) throw new AppError('VALIDATION', { reportedOn: 'case.date.future' });
  return ctx.db.transaction(async (tx) => {
    const [u] = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.id, unitId), inScope(actor, units.id, units.orgId)));
    if (!u) throw new AppError('VALIDATION', { unitId: 'notInList' });
    if (input.caseId) {
      const [c] = await tx
        .select({ id: cases.id })
        .from(cases)
        .where(and(eq(cases.id, input.caseId), inScope(actor, cases.unitId, cases.orgId)));
      if (!c) throw new AppError('VALIDATION', { caseId: 'notInList' });
    }
    const [row] = await tx
      .insert(offlineReports)
      .values({
        orgId: ctx.orgId,
        unitId,
        caseId: input.caseId,
        caseType: input.caseType,
        title: input.title,
        reason: packReason(input.reason, input.reasonDetail),
        reportedBy: actor.officerId,
        reportedOn,
      })
      .returning({ id: offlineReports.id });
    await audit(tx, ctx, {
      action: 'case.offline.report',
      targetType: 'offline_report',
      targetId: row!.id,
      summary: { unitId, caseType: input.caseType, title: input.title, reason: input.reason },
    });
    const { items } = await listOfflineReports(
      { ...ctx, db: tx as unknown as Ctx['db'] },
      {
        page: 1,
        pageSize: 1,
        id: row!.id,
      },
    );
    return items[0]!;
  });
}

export async function listOfflineReports(
  ctx: Ctx,
  q: z.infer<typeof OfflineReportListQuery> & { id?: number },
): Promise<{ items: OfflineReportResponse[]; total: number }> {
  const actor = requireActor(ctx);
  const conds: SQL[] = [inScope(actor, offlineReports.unitId, offlineReports.orgId)];
  if (q.id) conds.push(eq(offlineReports.id, q.id));
  if (q.unitId) conds.push(eq(offlineReports.unitId, q.unitId));
  if (q.year) {
    const r = q.quarter
      ? quarterRange(q.year, q.quarter)
      : { from: `${q.year}-01-01`, to: `${q.year}-12-31` };
    conds.push(gte(offlineReports.reportedOn, r.from), lte(offlineReports.reportedOn, r.to));
  }
  const where = and(...conds);
  const [total] = await ctx.db.select({ n: count() }).from(offlineReports).where(where);
  const rows = await ctx.db
    .select({ r: offlineReports, unitName: units.name, by: officers.name })
    .from(offlineReports)
    .innerJoin(units, eq(units.id, offlineReports.unitId))
    .leftJoin(officers, eq(officers.id, offlineReports.reportedBy))
    .where(where)
    .orderBy(desc(offlineReports.reportedOn), desc(offlineReports.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    items: rows.map(({ r, unitName, by }) => ({
      id: r.id,
      unitId: r.unitId,
      unitName,
      caseId: r.caseId,
      caseType: r.caseType as OfflineReportResponse['caseType'],
      title: r.title,
      ...unpackReason(r.reason),
      reportedBy: r.reportedBy,
      reportedByName: by,
      reportedOn: r.reportedOn,
    })),
    total: total?.n ?? 0,
  };
}
