/**
 * 执法监督 findings as the responsible units and the legal detachment see them: the filtered list
 * (scoped to the reader's units) and one finding with its rectification thread.
 */
import {
  availableFindingActions,
  chinaToday,
  closedReasonText,
  type FindingDetailResponse,
  type FindingEventKind,
  type FindingListQuery,
  type FindingResponse,
  type FindingSource,
  type FindingStatus,
  findingMessage,
  rectificationTimeliness,
  type Severity,
  verifyWaitDays,
} from '@fazhi/common';
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { containsPattern } from '../../db/like.ts';
import {
  accountabilityRecords,
  cases,
  findingEvents,
  findingFiles,
  incidents,
  officers,
  supervisionDocuments,
  supervisionFindings,
  units,
} from '../../db/schema/index.ts';
import { type Actor, type Ctx, requireActor } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { findingScope, inSubtree, overdueCond, type RuleInfo, ruleInfos, ruleOf } from './findings-common.ts';

/** Escapes LIKE wildcards so a search for "100%" means the text "100%". */

const f = supervisionFindings;

const columns = {
  f: supervisionFindings,
  incidentNo: incidents.incidentNo,
  caseNo: cases.caseNo,
  unitName: units.name,
  officerName: officers.name,
  hasAccountability: sql<boolean>`exists (select 1 from ${accountabilityRecords} where ${accountabilityRecords.findingId} = ${f.id})`,
};

function baseQuery(db: Queryable) {
  return db
    .select(columns)
    .from(f)
    .innerJoin(units, eq(units.id, f.unitId))
    .leftJoin(incidents, eq(incidents.id, f.incidentId))
    .leftJoin(cases, eq(cases.id, f.caseId))
    .leftJoin(officers, eq(officers.id, f.officerId));
}
type Row = Awaited<ReturnType<typeof baseQuery>>[number];

export function toFindingResponse(
  r: Row,
  rules: Map<string, RuleInfo>,
  actor: Actor,
  locale: Ctx['locale'],
  today: string,
): FindingResponse {
  const x = r.f;
  const rule = ruleOf(rules, x.ruleCode);
  const detail = (x.detail ?? {}) as Record<string, unknown>;
  const status = x.status as FindingStatus;
  const timing = { status, rectifyDueOn: x.rectifyDueOn, answeredAt: x.answeredAt, closedAt: x.closedAt };
  return {
    id: x.id,
    ruleCode: x.ruleCode,
    ruleName: locale === 'en-US' ? rule.nameEn : rule.nameZh,
    kind: rule.kind,
    severity: x.severity as Severity,
    status,
    source: x.source as FindingSource,
    subjectType: x.subjectType,
    subjectId: x.subjectId,
    incidentId: x.incidentId,
    incidentNo: r.incidentNo,
    caseId: x.caseId,
    caseNo: r.caseNo,
    unitId: x.unitId,
    unitName: r.unitName,
    officerId: x.officerId,
    officerName: r.officerName,
    message: findingMessage(
      {
        kind: rule.kind,
        ruleNameZh: rule.nameZh,
        ruleNameEn: rule.nameEn,
        detail,
        incidentNo: r.incidentNo,
        caseNo: r.caseNo,
      },
      locale,
    ),
    detail,
    occurredOn: x.occurredOn,
    raisedAt: x.raisedAt.toISOString(),
    rectifyDueOn: x.rectifyDueOn,
    ...rectificationTimeliness(timing, today),
    verifyWaitDays: verifyWaitDays(timing, today),
    confirmedViolation: x.confirmedViolation,
    returnCount: x.returnCount,
    answeredAt: x.answeredAt?.toISOString() ?? null,
    supervisedAt: x.supervisedAt?.toISOString() ?? null,
    closedAt: x.closedAt?.toISOString() ?? null,
    closedReason: closedReasonText(x.closedReason, locale),
    version: x.version,
    actions: availableFindingActions(
      { status, confirmedViolation: x.confirmedViolation, hasAccountability: Boolean(r.hasAccountability) },
      [...actor.permissions],
    ),
  };
}

/** The filter conditions of the list (and of the statistics' drill-downs), scope included. */
export function findingConditions(actor: Actor, q: Partial<FindingListQuery>, today: string): SQL[] {
  const conds: SQL[] = [findingScope(actor)];
  if (q.rule) conds.push(eq(f.ruleCode, q.rule));
  if (q.unit) conds.push(inSubtree(f.unitId, actor.orgId, q.unit));
  if (q.status) conds.push(inArray(f.status, q.status.split(',')));
  if (q.severity) conds.push(eq(f.severity, q.severity));
  if (q.source) conds.push(eq(f.source, q.source));
  if (q.from) conds.push(sql`${f.occurredOn} >= ${q.from}`);
  if (q.to) conds.push(sql`${f.occurredOn} <= ${q.to}`);
  if (q.overdue === 'true') conds.push(overdueCond(today));
  if (q.overdue === 'false') conds.push(sql`not (${overdueCond(today)})`);
  if (q.confirmed) conds.push(eq(f.confirmedViolation, q.confirmed === 'true'));
  if (q.supervised === 'true') conds.push(sql`${f.supervisedAt} is not null`);
  if (q.supervised === 'false') conds.push(sql`${f.supervisedAt} is null`);
  if (q.caseId) conds.push(eq(f.caseId, q.caseId));
  if (q.incidentId) conds.push(eq(f.incidentId, q.incidentId));
  return conds;
}

/**
 * Findings in the reader's scope: those still in progress first, then the closed ones; newest
 * first in each, so the list opens on current work rather than on years-old items.
 */
export async function listFindings(ctx: Ctx, q: FindingListQuery) {
  const actor = requireActor(ctx);
  const today = chinaToday();
  const conds = findingConditions(actor, q, today);
  if (q.q) {
    const t = containsPattern(q.q);
    conds.push(or(ilike(incidents.incidentNo, t), ilike(cases.caseNo, t), ilike(officers.name, t))!);
  }
  const where = and(...conds);
  const openFirst = sql`case when ${f.status} in ('open', 'answered') then 0 else 1 end`;
  const [list, [total], rules] = await Promise.all([
    baseQuery(ctx.db)
      .where(where)
      .orderBy(openFirst, desc(f.occurredOn), desc(f.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    // The joins matter to the count only when the search reads their columns.
    q.q
      ? ctx.db
          .select({ n: count() })
          .from(f)
          .leftJoin(incidents, eq(incidents.id, f.incidentId))
          .leftJoin(cases, eq(cases.id, f.caseId))
          .leftJoin(officers, eq(officers.id, f.officerId))
          .where(where)
      : ctx.db.select({ n: count() }).from(f).where(where),
    ruleInfos(ctx.db, actor.orgId),
  ]);
  return {
    items: list.map((r) => toFindingResponse(r, rules, actor, ctx.locale, today)),
    total: total?.n ?? 0,
  };
}

/** The finding if it is in the actor's scope; 404 otherwise. `lock` takes the row for update. */
export async function findFinding(ctx: Ctx, db: Queryable, id: number, lock = false) {
  const actor = requireActor(ctx);
  const q = db
    .select()
    .from(f)
    .where(and(eq(f.id, id), findingScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound();
  return row;
}

/** One finding with its events (and their files), documents and accountability record. */
export async function findingDetail(ctx: Ctx, db: Queryable, id: number): Promise<FindingDetailResponse> {
  const actor = requireActor(ctx);
  const today = chinaToday();
  const [row] = await baseQuery(db).where(and(eq(f.id, id), findingScope(actor)));
  if (!row) throw notFound();
  const [rules, events, files, docs, [acc]] = await Promise.all([
    ruleInfos(db, actor.orgId),
    db
      .select({ e: findingEvents, actorName: officers.name })
      .from(findingEvents)
      .leftJoin(officers, eq(officers.id, findingEvents.actorId))
      .where(eq(findingEvents.findingId, id))
      .orderBy(asc(findingEvents.at), asc(findingEvents.id)),
    db
      .select({
        id: findingFiles.id,
        eventId: findingFiles.eventId,
        fileName: findingFiles.fileName,
        contentType: findingFiles.contentType,
        size: findingFiles.size,
        sha256: findingFiles.sha256,
      })
      .from(findingFiles)
      .where(eq(findingFiles.findingId, id))
      .orderBy(asc(findingFiles.id)),
    db
      .select({
        id: supervisionDocuments.id,
        kind: supervisionDocuments.kind,
        docNo: supervisionDocuments.docNo,
        title: supervisionDocuments.title,
      })
      .from(supervisionDocuments)
      .where(
        and(
          eq(supervisionDocuments.orgId, actor.orgId),
          sql`${supervisionDocuments.findingIds} @> array[${id}]::bigint[]`,
        ),
      )
      .orderBy(asc(supervisionDocuments.issuedAt)),
    db
      .select({
        id: accountabilityRecords.id,
        status: accountabilityRecords.status,
        measure: accountabilityRecords.measure,
      })
      .from(accountabilityRecords)
      .where(eq(accountabilityRecords.findingId, id))
      .limit(1),
  ]);
  const rule = rules.get(row.f.ruleCode);
  return {
    ...toFindingResponse(row, rules, actor, ctx.locale, today),
    events: events.map(({ e, actorName }) => ({
      id: e.id,
      kind: e.kind as FindingEventKind,
      note: e.note,
      actorName,
      at: e.at.toISOString(),
      files: files.filter((x) => x.eventId === e.id).map(({ eventId: _, ...file }) => file),
    })),
    documents: docs,
    accountability: acc ?? null,
    rule: rule
      ? {
          code: rule.code,
          kind: rule.kind,
          nameZh: rule.nameZh,
          nameEn: rule.nameEn,
          legalBasis: rule.legalBasis,
          rectifyDays: rule.rectifyDays,
        }
      : null,
  };
}

export const getFinding = (ctx: Ctx, id: number) => findingDetail(ctx, ctx.db, id);

/** An evidence file of a finding in the caller's scope (404 otherwise). */
export async function getFindingFile(ctx: Ctx, findingId: number, fileId: number) {
  await findFinding(ctx, ctx.db, findingId);
  const [file] = await ctx.db
    .select()
    .from(findingFiles)
    .where(and(eq(findingFiles.id, fileId), eq(findingFiles.findingId, findingId)));
  if (!file) throw notFound();
  return file;
}
