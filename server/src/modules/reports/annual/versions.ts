/**
 * 版本记录: the saved versions of a year's report. A version's text can be read, previewed with
 * today's figures, compared with the current text, and restored — restoring saves the old text
 * as a new version (the history is never rewritten), with the usual version check and audit.
 * The signing date is not kept per version: previews and restores use the current one.
 */
import type {
  AnnualReportCompareResponse,
  AnnualReportResponse,
  AnnualReportVersionResponse,
  PreviewResponse,
  ReportBlock,
} from '@fazhi/common';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../../db/index.ts';
import { annualReportVersions, officers } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../http/context.ts';
import { AppError, notFound } from '../../../http/errors.ts';
import { flagsOf } from './dated.ts';
import { previewOf, renderReport } from './render.ts';
import { checkYear, savedRow, saveReport } from './store.ts';
import { diffReports } from './versions-diff.ts';

interface VersionText {
  reportId: number;
  currentVersion: number;
  signedOn: string | null;
  version: number;
  title: string;
  blocks: ReportBlock[];
  signature: string;
  actorName: string | null;
  at: Date;
}

/** A saved version of the year's report; 404 for a year never saved or a version it does not have. */
async function loadVersion(
  db: Queryable,
  orgId: number,
  year: number,
  version: number,
): Promise<VersionText> {
  checkYear(year);
  const report = await savedRow(db, orgId, year);
  if (!report || !Number.isInteger(version)) throw notFound();
  const [row] = await db
    .select({
      version: annualReportVersions.version,
      title: annualReportVersions.title,
      blocks: annualReportVersions.blocks,
      signature: annualReportVersions.signature,
      actorName: officers.name,
      at: annualReportVersions.at,
    })
    .from(annualReportVersions)
    .leftJoin(officers, eq(officers.id, annualReportVersions.actorId))
    .where(
      and(
        eq(annualReportVersions.orgId, orgId),
        eq(annualReportVersions.reportId, report.id),
        eq(annualReportVersions.version, version),
      ),
    );
  if (!row) throw notFound();
  return {
    ...row,
    blocks: row.blocks as ReportBlock[],
    reportId: report.id,
    currentVersion: report.version,
    signedOn: report.signedOn,
  };
}

export async function getVersion(
  ctx: Ctx,
  year: number,
  version: number,
): Promise<AnnualReportVersionResponse> {
  const v = await loadVersion(ctx.db, ctx.orgId, year, version);
  return {
    year,
    version: v.version,
    title: v.title,
    blocks: v.blocks,
    signature: v.signature,
    actorName: v.actorName,
    at: v.at.toISOString(),
    currentVersion: v.currentVersion,
  };
}

/** The version's text rendered with the year's figures as they are today (the preview's path). */
export async function previewVersion(ctx: Ctx, year: number, version: number): Promise<PreviewResponse> {
  const v = await loadVersion(ctx.db, ctx.orgId, year, version);
  const r = await renderReport(ctx.db, ctx.orgId, year, {
    title: v.title,
    blocks: v.blocks,
    signature: v.signature,
    signedOn: v.signedOn,
  });
  return previewOf(r, await flagsOf(ctx.db, ctx.orgId, year, v.blocks));
}

/** The version (old) against the current text (new), block by block. */
export async function compareVersion(
  ctx: Ctx,
  year: number,
  version: number,
): Promise<AnnualReportCompareResponse> {
  const v = await loadVersion(ctx.db, ctx.orgId, year, version);
  const current = await savedRow(ctx.db, ctx.orgId, year);
  if (!current) throw notFound();
  const diff = diffReports(v, {
    title: current.title,
    blocks: current.blocks as ReportBlock[],
    signature: current.signature,
  });
  return { year, version: v.version, currentVersion: current.version, ...diff };
}

/**
 * Saves the version's text as a new version. `expected` is the current version the user saw: a
 * save since then answers 409, as a stale save does. Restoring the current version is refused
 * (it would only repeat it). The text is validated as any save: a metric since dropped from the
 * catalogue names its block.
 */
export async function restoreVersion(
  ctx: Ctx,
  year: number,
  version: number,
  expected: number,
): Promise<AnnualReportResponse> {
  const v = await loadVersion(ctx.db, ctx.orgId, year, version);
  if (expected !== v.currentVersion) throw new AppError('CONFLICT');
  if (version === v.currentVersion) throw new AppError('VALIDATION', { version: 'report.restoreCurrent' });
  return saveReport(
    ctx,
    year,
    { version: expected, title: v.title, blocks: v.blocks, signature: v.signature, signedOn: v.signedOn },
    ctx.db,
    { action: 'report.annual.restore', summary: { restoredFrom: version }, earlier: [v.blocks] },
  );
}
