/**
 * Reading and saving a year's report text. A year never saved reads as the text it starts from
 * (version 0): the latest earlier year's report with its years rebound, or the reference template
 * (dated.ts). Saving writes the text, keeps the version in annual_report_versions and audits it in
 * the same transaction. A save from a stale version answers 409. A report with a signing date
 * (成文日期: signed, 定稿) may hold no paragraph telling another year's events that was neither
 * rewritten nor confirmed (确认仍属实, confirm.ts).
 */
import {
  type AnnualReportResponse,
  type AnnualReportSaveRequest,
  carryConfirmations,
  type DatedFlag,
  datedFlags,
  metricById,
  openFlags,
  type ParagraphConfirmation,
  type ReportBlock,
  validateBlocks,
} from '@fazhi/common';
import { and, desc, eq } from 'drizzle-orm';
import { type AuditEntry, audit } from '../../../audit/record.ts';
import type { Queryable } from '../../../db/index.ts';
import { annualReports, annualReportVersions, officers } from '../../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../../http/context.ts';
import { AppError } from '../../../http/errors.ts';
import { datedSource, sourceInfo, sourceOf, startingContent } from './dated.ts';

export interface ReportContent {
  title: string;
  blocks: ReportBlock[];
  signature: string;
  signedOn: string | null;
}

/** Years a report may be written for: from 2000 to next year (a draft may start early). */
export function checkYear(year: number, today = new Date()): void {
  const next = Number(today.toISOString().slice(0, 4)) + 1;
  if (!Number.isInteger(year) || year < 2000 || year > next)
    throw new AppError('VALIDATION', { year: 'report.year' });
}

export async function savedRow(db: Queryable, orgId: number, year: number) {
  const [row] = await db
    .select()
    .from(annualReports)
    .where(and(eq(annualReports.orgId, orgId), eq(annualReports.year, year)));
  return row;
}

/** The text of a year's report: as saved, else the text it starts from. */
export async function loadContent(db: Queryable, orgId: number, year: number): Promise<ReportContent> {
  const row = await savedRow(db, orgId, year);
  if (!row) return startingContent(await sourceOf(db, orgId, year));
  return {
    title: row.title,
    blocks: row.blocks as ReportBlock[],
    signature: row.signature,
    signedOn: row.signedOn,
  };
}

export async function getReport(ctx: Ctx, year: number): Promise<AnnualReportResponse> {
  checkYear(year);
  const row = await savedRow(ctx.db, ctx.orgId, year);
  const from = await sourceOf(ctx.db, ctx.orgId, year);
  const source = sourceInfo(from, year);
  if (!row) {
    const content = startingContent(from);
    const flags = datedFlags(year, content.blocks, datedSource(source));
    return { year, ...content, version: 0, saved: false, updatedAt: null, versions: [], source, flags };
  }
  const versions = await ctx.db
    .select({ version: annualReportVersions.version, actorName: officers.name, at: annualReportVersions.at })
    .from(annualReportVersions)
    .leftJoin(officers, eq(officers.id, annualReportVersions.actorId))
    .where(and(eq(annualReportVersions.orgId, ctx.orgId), eq(annualReportVersions.reportId, row.id)))
    .orderBy(desc(annualReportVersions.version));
  return {
    year,
    title: row.title,
    blocks: row.blocks as ReportBlock[],
    signature: row.signature,
    signedOn: row.signedOn,
    version: row.version,
    saved: true,
    updatedAt: row.updatedAt.toISOString(),
    versions: versions.map((v) => ({ version: v.version, actorName: v.actorName, at: v.at.toISOString() })),
    source,
    flags: datedFlags(year, row.blocks as ReportBlock[], datedSource(source)),
  };
}

/** Unknown metric ids and stray braces, each under the field of its block (blocks.3.text). */
export function validateContent(input: Pick<ReportContent, 'title' | 'blocks'>): void {
  const isMetric = (id: string) => metricById(id) !== undefined;
  const problems = validateBlocks([{ heading: input.title, text: '' }, ...input.blocks], isMetric).map(
    (p) => {
      // Entry 0 is the title; the blocks follow it, so shift their index back by one.
      const m = /^blocks\.(\d+)\.(heading|text)$/.exec(p.field)!;
      const i = Number(m[1]);
      return { ...p, field: i === 0 ? 'title' : `blocks.${i - 1}.${m[2]}` };
    },
  );
  const ids = new Set<string>();
  const fields: Record<string, { key: string; params: Record<string, string> }> = {};
  for (const [i, b] of input.blocks.entries()) {
    if (ids.has(b.id)) fields[`blocks.${i}.id`] = { key: 'invalid', params: {} };
    ids.add(b.id);
  }
  for (const p of problems)
    fields[p.field] ??=
      p.kind === 'unknownMetric'
        ? { key: 'report.unknownMetric', params: { id: p.ref } }
        : { key: 'report.malformedReference', params: { ref: p.ref } };
  if (Object.keys(fields).length) throw new AppError('VALIDATION', fields);
}

/** How a save is audited: a plain save, or a restore naming the version it brought back. */
export interface SaveAudit {
  action: AuditEntry['action'];
  summary?: Record<string, unknown>;
  /** Texts whose confirmations the new text may keep besides the stored one's (a restored version). */
  earlier?: readonly (readonly ReportBlock[])[];
  /** The one confirmation this save adds (确认仍属实), to the block of that id. */
  confirm?: { blockId: string; confirmation: ParagraphConfirmation };
}

/** The signing date needs every flagged paragraph rewritten or confirmed (400 naming signedOn). */
function requireResolved(signedOn: string | null, flags: readonly DatedFlag[]): void {
  const open = openFlags(flags);
  if (signedOn && open.length)
    throw new AppError('VALIDATION', { signedOn: { key: 'report.datedOpen', params: { n: open.length } } });
}

/**
 * Saves a year's text in one transaction: the report row (inserted on the first save), its new
 * version in annual_report_versions and the audit record.
 */
export async function saveReport(
  ctx: Ctx,
  year: number,
  input: AnnualReportSaveRequest,
  db: Queryable = ctx.db,
  how: SaveAudit = { action: 'report.annual.save' },
): Promise<AnnualReportResponse> {
  checkYear(year);
  const actor = requireActor(ctx);
  validateContent(input);
  await db.transaction(async (tx) => {
    const row = await savedRow(tx, ctx.orgId, year);
    const current = row?.version ?? 0;
    if (input.version !== current) throw new AppError('CONFLICT');
    let blocks = carryConfirmations(input.blocks, [
      (row?.blocks ?? []) as ReportBlock[],
      ...(how.earlier ?? []),
    ]);
    const add = how.confirm;
    if (add)
      blocks = blocks.map((b) =>
        b.id === add.blockId ? { ...b, confirmed: [...(b.confirmed ?? []), add.confirmation] } : b,
      );
    // A confirmation only settles a flag, so it is never refused for the flags still open.
    if (!add) {
      const source = sourceInfo(await sourceOf(tx, ctx.orgId, year), year);
      requireResolved(input.signedOn, datedFlags(year, blocks, datedSource(source)));
    }
    const content = {
      title: input.title,
      blocks,
      signature: input.signature,
      signedOn: input.signedOn,
    };
    let reportId: number;
    const version = current + 1;
    if (!row) {
      const [created] = await tx
        .insert(annualReports)
        .values({ orgId: ctx.orgId, year, ...content, version, updatedBy: actor.officerId })
        .onConflictDoNothing()
        .returning({ id: annualReports.id });
      // Two first saves at once: the loser lost the race like any stale save.
      if (!created) throw new AppError('CONFLICT');
      reportId = created.id;
    } else {
      const [updated] = await tx
        .update(annualReports)
        .set({ ...content, version, updatedBy: actor.officerId, updatedAt: new Date() })
        .where(and(eq(annualReports.id, row.id), eq(annualReports.version, current)))
        .returning({ id: annualReports.id });
      if (!updated) throw new AppError('CONFLICT');
      reportId = updated.id;
    }
    await tx.insert(annualReportVersions).values({
      orgId: ctx.orgId,
      reportId,
      version,
      blocks,
      title: input.title,
      signature: input.signature,
      actorId: actor.officerId,
    });
    await audit(tx, ctx, {
      action: how.action,
      targetType: 'annual_report',
      targetId: reportId,
      summary: {
        year,
        version,
        blocks: input.blocks.length,
        ...(input.signedOn ? { signedOn: input.signedOn } : {}),
        ...how.summary,
      },
    });
  });
  return getReport(ctx, year);
}
