/**
 * 执法过错责任追究: a record opened from a confirmed violation (or directly for a case or an
 * officer) and decided with one of the measures of ACCOUNTABILITY_MEASURES.
 */
import type {
  AccountabilityCreateRequest,
  AccountabilityDecideRequest,
  AccountabilityListQuery,
  AccountabilityMeasure,
  AccountabilityResponse,
  AccountabilityStatus,
} from '@fazhi/common';
import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { audit } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import { accountabilityRecords, cases, officers, units } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { inScope } from '../platform/scope.ts';
import { findFinding } from './findings.service.ts';
import { inSubtree } from './findings-common.ts';

const a = accountabilityRecords;
const officer = alias(officers, 'acc_officer');
const opener = alias(officers, 'acc_opener');
const decider = alias(officers, 'acc_decider');

function baseQuery(db: Queryable) {
  return db
    .select({
      a,
      caseNo: cases.caseNo,
      unitName: units.name,
      officerName: officer.name,
      openedByName: opener.name,
      decidedByName: decider.name,
    })
    .from(a)
    .innerJoin(units, eq(units.id, a.unitId))
    .leftJoin(cases, eq(cases.id, a.caseId))
    .leftJoin(officer, eq(officer.id, a.officerId))
    .leftJoin(opener, eq(opener.id, a.openedBy))
    .leftJoin(decider, eq(decider.id, a.decidedBy));
}

function toResponse(r: Awaited<ReturnType<typeof baseQuery>>[number]): AccountabilityResponse {
  const x = r.a;
  return {
    id: x.id,
    findingId: x.findingId,
    caseId: x.caseId,
    caseNo: r.caseNo,
    unitId: x.unitId,
    unitName: r.unitName,
    officerId: x.officerId,
    officerName: r.officerName,
    fault: x.fault,
    status: x.status as AccountabilityStatus,
    measure: (x.measure as AccountabilityMeasure | null) ?? null,
    decisionNote: x.decisionNote,
    openedBy: r.openedByName ?? '',
    openedAt: x.openedAt.toISOString(),
    decidedBy: r.decidedByName,
    decidedAt: x.decidedAt?.toISOString() ?? null,
  };
}

async function one(ctx: Ctx, db: Queryable, id: number): Promise<AccountabilityResponse> {
  const actor = requireActor(ctx);
  const [row] = await baseQuery(db).where(and(eq(a.id, id), inScope(actor, a.unitId, a.orgId)));
  if (!row) throw notFound();
  return toResponse(row);
}

export const getAccountability = (ctx: Ctx, id: number) => one(ctx, ctx.db, id);

export async function listAccountability(ctx: Ctx, q: AccountabilityListQuery) {
  const actor = requireActor(ctx);
  const conds: SQL[] = [inScope(actor, a.unitId, a.orgId)];
  if (q.status) conds.push(eq(a.status, q.status));
  if (q.unit) conds.push(inSubtree(a.unitId, actor.orgId, q.unit));
  if (q.year) conds.push(sql`extract(year from ${a.openedAt} at time zone 'Asia/Shanghai') = ${q.year}`);
  if (q.findingId) conds.push(eq(a.findingId, q.findingId));
  const where = and(...conds);
  const [list, [total]] = await Promise.all([
    baseQuery(ctx.db)
      .where(where)
      .orderBy(sql`case when ${a.status} = 'open' then 0 else 1 end`, desc(a.openedAt), desc(a.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(a).where(where),
  ]);
  return { items: list.map(toResponse), total: total?.n ?? 0 };
}

export async function openAccountability(
  ctx: Ctx,
  input: AccountabilityCreateRequest,
): Promise<AccountabilityResponse> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    let unitId = input.unitId ?? null;
    let officerId = input.officerId ?? null;
    let caseId = input.caseId ?? null;
    if (input.findingId != null) {
      let finding: Awaited<ReturnType<typeof findFinding>>;
      try {
        finding = await findFinding(ctx, tx, input.findingId, true);
      } catch (e) {
        // A finding outside the scope is, for this form, an unknown one.
        if (e instanceof AppError) throw new AppError('VALIDATION', { findingId: 'invalid' });
        throw e;
      }
      // Only a violation the detachment confirmed after ordered rectification leads to 追究.
      if (!finding.confirmedViolation || finding.status !== 'corrected')
        throw new AppError('VALIDATION', { findingId: 'finding.notConfirmed' });
      const [existing] = await tx.select({ id: a.id }).from(a).where(eq(a.findingId, finding.id));
      if (existing) throw new AppError('DUPLICATE', { findingId: 'finding.hasAccountability' });
      unitId ??= finding.unitId;
      officerId ??= finding.officerId;
      caseId ??= finding.caseId;
    }
    if (caseId != null) {
      const [c] = await tx
        .select({ unitId: cases.unitId, leadOfficerId: cases.leadOfficerId })
        .from(cases)
        .where(and(eq(cases.id, caseId), inScope(actor, cases.unitId, cases.orgId)));
      if (!c) throw new AppError('VALIDATION', { caseId: 'supervision.case' });
      unitId ??= c.unitId;
      officerId ??= c.leadOfficerId;
    }
    if (officerId != null) {
      // 责任民警: the officer held responsible is a police officer (who may have left since).
      const [o] = await tx
        .select({ unitId: officers.unitId })
        .from(officers)
        .where(
          and(
            eq(officers.id, officerId),
            eq(officers.orgId, actor.orgId),
            eq(officers.personnelKind, 'police'),
          ),
        );
      if (!o) throw new AppError('VALIDATION', { officerId: 'officer.notPolice' });
      unitId ??= o.unitId;
    }
    const [u] = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.id, unitId ?? 0), inScope(actor, units.id, units.orgId)));
    if (!u) throw new AppError('VALIDATION', { unitId: 'supervision.unit' });
    const [row] = await tx
      .insert(a)
      .values({
        orgId: actor.orgId,
        findingId: input.findingId ?? null,
        caseId,
        unitId: u.id,
        officerId,
        fault: input.fault,
        status: 'open',
        openedBy: actor.officerId,
      })
      .returning({ id: a.id });
    await audit(tx, ctx, {
      action: 'supervision.accountability.open',
      targetType: 'accountability',
      targetId: row!.id,
      summary: { findingId: input.findingId ?? null, caseId, unitId: u.id, officerId },
    });
    return one(ctx, tx, row!.id);
  });
}

export async function decideAccountability(
  ctx: Ctx,
  id: number,
  input: AccountabilityDecideRequest,
): Promise<AccountabilityResponse> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(a)
      .where(and(eq(a.id, id), inScope(actor, a.unitId, a.orgId)))
      .for('update');
    if (!row) throw notFound();
    if (row.status !== 'open') throw new AppError('CONFLICT', { status: 'accountability.decided' });
    await tx
      .update(a)
      .set({
        status: 'decided',
        measure: input.measure,
        decisionNote: input.note,
        decidedBy: actor.officerId,
        decidedAt: new Date(),
      })
      .where(eq(a.id, id));
    await audit(tx, ctx, {
      action: 'supervision.accountability.decide',
      targetType: 'accountability',
      targetId: id,
      summary: { measure: input.measure, findingId: row.findingId, officerId: row.officerId },
    });
    return one(ctx, tx, id);
  });
}
