/**
 * Issuing the numbered supervision documents (执法建议书, 督办通知书, 执法质量通报): the number is
 * taken, the .docx built and stored with its SHA-256 in one transaction, so a document on file is
 * exactly what was issued. `issueDocument` is shared by the API and the demo seed.
 */
import { createHash } from 'node:crypto';
import {
  chinaToday,
  closedReasonText,
  type FindingStatus,
  findingMessage,
  isValidIsoDate,
  type SupervisionDocKind,
  type SupervisionDocumentCreateRequest,
  type SupervisionDocumentListQuery,
  type SupervisionDocumentResponse,
} from '@fazhi/common';
import { and, count, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { audit } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import {
  cases,
  incidents,
  officers,
  supervisionDocuments,
  supervisionFindings,
  units,
} from '../../db/schema/index.ts';
import { type Actor, type Ctx, requireActor } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { buildOfficialDocx, DOCX, type OfficialDocument } from '../../platform-io/docx.ts';
import { inScope } from '../platform/scope.ts';
import {
  branchName,
  bulletinDocument,
  type DocFinding,
  documentTitle,
  supervisionDocNo,
  unitDocument,
} from './documents.ts';
import { inSubtree, ruleInfos, ruleOf } from './findings-common.ts';
import { markSupervised } from './rectification.service.ts';
import { aggregateFindings } from './stats.service.ts';

const f = supervisionFindings;
const d = supervisionDocuments;

/** The findings matching `where`, as documents print them (always in Chinese). */
async function docFindings(db: Queryable, orgId: number, where: SQL): Promise<DocFinding[]> {
  const [list, rules] = await Promise.all([
    db
      .select({ f, unitName: units.name, incidentNo: incidents.incidentNo, caseNo: cases.caseNo })
      .from(f)
      .innerJoin(units, eq(units.id, f.unitId))
      .leftJoin(incidents, eq(incidents.id, f.incidentId))
      .leftJoin(cases, eq(cases.id, f.caseId))
      .where(and(eq(f.orgId, orgId), where))
      .orderBy(units.sortOrder, f.occurredOn, f.id),
    ruleInfos(db, orgId),
  ]);
  return list.map((r) => {
    const rule = ruleOf(rules, r.f.ruleCode);
    return {
      id: r.f.id,
      unitName: r.unitName,
      message: findingMessage(
        {
          kind: rule.kind,
          ruleNameZh: rule.nameZh,
          ruleNameEn: rule.nameEn,
          detail: (r.f.detail ?? {}) as Record<string, unknown>,
          incidentNo: r.incidentNo,
          caseNo: r.caseNo,
        },
        'zh-CN',
      ),
      occurredOn: r.f.occurredOn,
      rectifyDueOn: r.f.rectifyDueOn,
      status: r.f.status as FindingStatus,
      answeredAt: r.f.answeredAt,
      closedAt: r.f.closedAt,
      confirmedViolation: r.f.confirmedViolation,
      closedReason: closedReasonText(r.f.closedReason, 'zh-CN'),
    };
  });
}

export interface Issuer {
  officerId: number;
  /** Limits the addressed unit and findings to this actor's scope (none for the seed). */
  actor?: Actor;
}

/** A numbered document whose text is ready, before its .docx is built and stored. */
export interface PreparedDocument {
  values: Omit<typeof d.$inferInsert, 'content' | 'sha256'>;
  doc: OfficialDocument;
  /** Findings a 督办通知书 marks supervised when stored. */
  supervise: number[];
}

/**
 * Checks the input, takes the number (the year of `at`) and writes the text. Throws VALIDATION
 * naming the field when the unit or findings do not fit; the caller's transaction then rolls
 * back and the number is given back.
 */
export async function prepareDocument(
  tx: Queryable,
  orgId: number,
  issuer: Issuer,
  input: SupervisionDocumentCreateRequest,
  at: Date,
): Promise<PreparedDocument> {
  const issuedOn = chinaToday(at);
  const year = Number(issuedOn.slice(0, 4));
  const organ = await branchName(tx, orgId);
  const kind = input.kind;
  const base = {
    orgId,
    kind,
    year,
    body: { requirements: input.requirements ?? null, deadline: input.deadline ?? null },
    issuedBy: issuer.officerId,
    issuedAt: at,
  };
  if (kind === 'quality_bulletin') {
    const from = input.periodFrom!;
    const to = input.periodTo!;
    const where = and(eq(f.orgId, orgId), sql`${f.occurredOn} between ${from} and ${to}`)!;
    const [stats, findings] = await Promise.all([
      aggregateFindings(tx, orgId, where, 'zh-CN', issuedOn),
      docFindings(tx, orgId, where),
    ]);
    const docNo = await supervisionDocNo(tx, orgId, kind, year);
    return {
      values: {
        ...base,
        docNo,
        title: documentTitle(kind, null, from, to),
        unitId: null,
        periodFrom: from,
        periodTo: to,
        findingIds: findings.map((x) => x.id),
      },
      doc: bulletinDocument({
        organ,
        docNo,
        issuedOn,
        periodFrom: from,
        periodTo: to,
        stats,
        findings,
        requirements: input.requirements,
      }),
      supervise: [],
    };
  }
  const unitCond = and(eq(units.id, input.unitId!), eq(units.orgId, orgId));
  const [u] = await tx
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(issuer.actor ? and(unitCond, inScope(issuer.actor, units.id, units.orgId)) : unitCond);
  if (!u) throw new AppError('VALIDATION', { unitId: 'supervision.unit' });
  const ids = [...new Set(input.findingIds!)];
  // The findings must be the unit's (or its sub-units'); a 督办 presses only open ones.
  const conds = [inArray(f.id, ids), inSubtree(f.unitId, orgId, u.id)];
  if (kind === 'supervise_notice') conds.push(inArray(f.status, ['open', 'answered']));
  const findings = await docFindings(tx, orgId, and(...conds)!);
  if (findings.length !== ids.length) throw new AppError('VALIDATION', { findingIds: 'finding.notOfUnit' });
  const findingIds = findings.map((x) => x.id);
  const docNo = await supervisionDocNo(tx, orgId, kind, year);
  return {
    values: {
      ...base,
      docNo,
      title: documentTitle(kind, u.name),
      unitId: u.id,
      periodFrom: null,
      periodTo: null,
      findingIds,
    },
    doc: unitDocument({
      kind,
      organ,
      docNo,
      issuedOn,
      unitName: u.name,
      findings,
      requirements: input.requirements,
      deadline: input.deadline,
    }),
    supervise: kind === 'supervise_notice' ? findingIds : [],
  };
}

/** Stores the prepared document with its .docx bytes and SHA-256; a 督办 marks its findings. */
export async function storeDocument(
  tx: Queryable,
  p: PreparedDocument,
  content: Buffer,
): Promise<{ id: number; docNo: string; findingIds: number[] }> {
  const v = p.values;
  const [row] = await tx
    .insert(d)
    .values({ ...v, content, sha256: createHash('sha256').update(content).digest('hex') })
    .returning({ id: d.id });
  if (p.supervise.length)
    await markSupervised(
      tx,
      v.orgId,
      p.supervise,
      v.issuedBy,
      `督办通知书 ${v.docNo}`,
      v.issuedAt ?? new Date(),
    );
  return { id: row!.id, docNo: v.docNo, findingIds: v.findingIds ?? [] };
}

/** Numbers, builds and stores one document issued at `at`. */
export async function issueDocument(
  tx: Queryable,
  orgId: number,
  issuer: Issuer,
  input: SupervisionDocumentCreateRequest,
  at: Date,
): Promise<{ id: number; docNo: string; findingIds: number[] }> {
  const p = await prepareDocument(tx, orgId, issuer, input, at);
  return storeDocument(tx, p, await buildOfficialDocx(p.doc));
}

const listColumns = {
  id: d.id,
  kind: d.kind,
  docNo: d.docNo,
  title: d.title,
  year: d.year,
  unitId: d.unitId,
  unitName: units.name,
  periodFrom: d.periodFrom,
  periodTo: d.periodTo,
  findingIds: d.findingIds,
  issuedAt: d.issuedAt,
  issuedBy: officers.name,
  sha256: d.sha256,
  size: sql<number>`octet_length(${d.content})`,
};

function listQuery(db: Queryable) {
  return db
    .select(listColumns)
    .from(d)
    .leftJoin(units, eq(units.id, d.unitId))
    .leftJoin(officers, eq(officers.id, d.issuedBy));
}

const toResponse = (r: Awaited<ReturnType<typeof listQuery>>[number]): SupervisionDocumentResponse => ({
  ...r,
  kind: r.kind as SupervisionDocKind,
  unitName: r.unitName ?? null,
  findingIds: r.findingIds.map(Number),
  issuedAt: r.issuedAt.toISOString(),
  issuedBy: r.issuedBy ?? '',
  size: Number(r.size),
});

/** Branch-wide documents (通报) reach everyone; unit documents only their unit's readers. */
const docScope = (actor: Actor): SQL =>
  and(eq(d.orgId, actor.orgId), or(isNull(d.unitId), inScope(actor, d.unitId, d.orgId)))!;

export async function createDocument(
  ctx: Ctx,
  input: SupervisionDocumentCreateRequest,
): Promise<SupervisionDocumentResponse> {
  const actor = requireActor(ctx);
  for (const k of ['periodFrom', 'periodTo', 'deadline'] as const) {
    const v = input[k];
    if (v !== undefined && !isValidIsoDate(v)) throw new AppError('VALIDATION', { [k]: 'date' });
  }
  return ctx.db.transaction(async (tx) => {
    const issued = await issueDocument(
      tx,
      actor.orgId,
      { officerId: actor.officerId, actor },
      input,
      new Date(),
    );
    await audit(tx, ctx, {
      action: 'supervision.document.issue',
      targetType: 'supervision_document',
      targetId: issued.id,
      summary: {
        kind: input.kind,
        docNo: issued.docNo,
        unitId: input.unitId ?? null,
        findings: issued.findingIds.length,
        periodFrom: input.periodFrom ?? null,
        periodTo: input.periodTo ?? null,
      },
    });
    const [row] = await listQuery(tx).where(eq(d.id, issued.id));
    return toResponse(row!);
  });
}

export async function listDocuments(ctx: Ctx, q: SupervisionDocumentListQuery) {
  const actor = requireActor(ctx);
  const conds: SQL[] = [docScope(actor)];
  if (q.kind) conds.push(eq(d.kind, q.kind));
  if (q.year) conds.push(eq(d.year, q.year));
  if (q.unit) conds.push(inSubtree(d.unitId, actor.orgId, q.unit));
  const where = and(...conds);
  const [list, [total]] = await Promise.all([
    listQuery(ctx.db)
      .where(where)
      .orderBy(desc(d.issuedAt), desc(d.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(d).where(where),
  ]);
  return { items: list.map(toResponse), total: total?.n ?? 0 };
}

export async function getDocument(ctx: Ctx, id: number): Promise<SupervisionDocumentResponse> {
  const actor = requireActor(ctx);
  const [row] = await listQuery(ctx.db).where(and(eq(d.id, id), docScope(actor)));
  if (!row) throw notFound();
  return toResponse(row);
}

/** The .docx as issued, with its file name and SHA-256. */
export async function getDocumentFile(ctx: Ctx, id: number) {
  const actor = requireActor(ctx);
  const [row] = await ctx.db
    .select({ docNo: d.docNo, title: d.title, content: d.content, sha256: d.sha256 })
    .from(d)
    .where(and(eq(d.id, id), docScope(actor)));
  if (!row) throw notFound();
  return { ...row, fileName: `${row.title}（${row.docNo}）.docx`, contentType: DOCX };
}
