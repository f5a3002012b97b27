/**
 * Where a year's report text comes from, and which of its paragraphs tell another year's events.
 * A year never saved starts from the latest earlier year's report (its current version), its
 * literal years rebound to the new year; with no earlier report, from the reference template
 * (written for 2021). The same source tells which paragraphs were carried over unchanged, so
 * their dates without a year are read as the source year's (common/src/reports/annual-dated.ts).
 */
import {
  carriedPassages,
  type DatedFlag,
  type DatedSource,
  datedFlags,
  deriveContent,
  type ReportBlock,
  type ReportSource,
} from '@fazhi/common';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Queryable } from '../../../db/index.ts';
import { annualReports } from '../../../db/schema/index.ts';
import type { ReportContent } from './store.ts';
import { DEFAULT_BLOCKS, DEFAULT_SIGNATURE, DEFAULT_TITLE, TEMPLATE_YEAR } from './template.ts';

/** The reference template as a year's text: unsigned, a draft until the author dates it. */
export function defaultContent(): ReportContent {
  return {
    title: DEFAULT_TITLE,
    blocks: DEFAULT_BLOCKS.map((b) => ({ ...b })),
    signature: DEFAULT_SIGNATURE,
    signedOn: null,
  };
}

export interface TextSource {
  year: number;
  kind: ReportSource['kind'];
  content: ReportContent;
}

/** The latest earlier year's report, else the template (none for the template's own year). */
export async function sourceOf(db: Queryable, orgId: number, year: number): Promise<TextSource | null> {
  const [row] = await db
    .select()
    .from(annualReports)
    .where(and(eq(annualReports.orgId, orgId), lt(annualReports.year, year)))
    .orderBy(desc(annualReports.year))
    .limit(1);
  if (row)
    return {
      year: row.year,
      kind: 'report',
      content: {
        title: row.title,
        blocks: row.blocks as ReportBlock[],
        signature: row.signature,
        signedOn: row.signedOn,
      },
    };
  return year === TEMPLATE_YEAR ? null : { year: TEMPLATE_YEAR, kind: 'template', content: defaultContent() };
}

/** The text a year starts from before its first save. */
export function startingContent(source: TextSource | null): ReportContent {
  if (!source || source.kind === 'template') return defaultContent();
  return deriveContent(source.content, source.year);
}

/** What the editor needs to check carried-over paragraphs as they are typed. */
export function sourceInfo(source: TextSource | null, year: number): ReportSource | null {
  if (!source) return null;
  return {
    year: source.year,
    kind: source.kind,
    paragraphs: carriedPassages(startingContent(source).blocks, source.year, year),
  };
}

export function datedSource(info: ReportSource | null): DatedSource | null {
  return info ? { year: info.year, paragraphs: new Set(info.paragraphs) } : null;
}

/** The flags of a text of `year`, read against the year's source. */
export async function flagsOf(
  db: Queryable,
  orgId: number,
  year: number,
  blocks: readonly ReportBlock[],
): Promise<DatedFlag[]> {
  return datedFlags(year, blocks, datedSource(sourceInfo(await sourceOf(db, orgId, year), year)));
}
