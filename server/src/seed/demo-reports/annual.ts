import {
  carriedPassages,
  chinaToday,
  datedFlags,
  deriveContent,
  type ParagraphConfirmation,
  type ReportBlock,
} from '@fazhi/common';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { annualReports, annualReportVersions, officers } from '../../db/schema/index.ts';
import { defaultContent } from '../../modules/reports/annual/dated.ts';
import { defaultSignedOn, TEMPLATE_YEAR } from '../../modules/reports/annual/template.ts';
import { rewriteForYear } from './annual-texts.ts';

/**
 * Two wording edits the legal detachment made to the 2021 report after its first save, so the
 * demo shows a version history (the figures stay references).
 */
const EDITS_2021: [from: string, to: string][] = [
  ['各项工作取得了新成绩。', '各项工作取得了新成绩，法治政府建设迈上新台阶。'],
  ['实现见警率、管事率、群众安全感提升', '实现见警率、管事率、群众安全感稳步提升'],
];

function edited(blocks: ReportBlock[]): ReportBlock[] {
  return blocks.map((b) => {
    let text = b.text;
    for (const [from, to] of EDITS_2021) text = text.replace(from, to);
    return { ...b, text };
  });
}

/**
 * The 2021 report is the reference text, which tells a few earlier events as background (the
 * COVID command set up in 2020 and still running, the case-management centre of 2016, the 2017
 * amendment of the 行政诉讼法, 决战脱贫攻坚): the detachment confirmed each as still true before
 * signing, as a signed report must.
 */
function confirmed(year: number, blocks: ReportBlock[], by: string, at: Date): ReportBlock[] {
  const flags = datedFlags(year, blocks, null);
  return blocks.map((b) => {
    const own: ParagraphConfirmation[] = flags
      .filter((f) => f.blockId === b.id)
      .map((f) => ({ text: f.text, by, at: at.toISOString() }));
    return own.length ? { ...b, confirmed: own } : b;
  });
}

interface Version {
  title: string;
  blocks: ReportBlock[];
  signature: string;
}

/**
 * The branch's annual reports from 2021 to the current year. 2021 is the reference template;
 * each later year starts from the year before (its years rebound, as a new report is created)
 * with the paragraphs about the earlier year's events rewritten for its own (annual-texts.ts),
 * and is signed in the January after it. The current year's report is the draft just started
 * from last year's: its carried-over dated paragraphs are flagged until the author rewrites
 * them. Deterministic: no randomness, fixed edit times.
 */
export async function seedDemoAnnualReports(tx: Queryable, orgId: number): Promise<void> {
  const [author] = await tx
    .select({ id: officers.id, name: officers.name })
    .from(officers)
    .where(and(eq(officers.orgId, orgId), eq(officers.username, 'legal')));
  if (!author) return;
  const current = Number(chinaToday().slice(0, 4));
  let previous: Version | undefined;
  for (let year = TEMPLATE_YEAR; year <= current; year++) {
    // A finished report was saved the day before it was signed; the current one is a draft.
    const at = (i: number) => new Date(`${year + 1}-01-0${8 + i}T10:00:00+08:00`);
    let versions: Version[];
    if (!previous) {
      const first = defaultContent();
      const second = { ...first, blocks: confirmed(year, edited(first.blocks), author.name, at(1)) };
      versions = [first, second];
    } else {
      const started = deriveContent(previous, year - 1);
      const blocks = year === current ? started.blocks : rewriteForYear(year, started.blocks);
      versions = [{ ...started, blocks }];
    }
    const last = versions[versions.length - 1]!;
    if (year !== current && datedFlags(year, last.blocks, sourceOf(previous, year)).some((f) => !f.confirmed))
      throw new Error(`demo report ${year}: a paragraph tells another year's events`);
    const [row] = await tx
      .insert(annualReports)
      .values({
        orgId,
        year,
        title: last.title,
        blocks: last.blocks,
        signature: last.signature,
        signedOn: year === current ? null : defaultSignedOn(year),
        version: versions.length,
        updatedBy: author.id,
        updatedAt: year === current ? new Date() : at(versions.length - 1),
      })
      .returning({ id: annualReports.id });
    await tx.insert(annualReportVersions).values(
      versions.map((v, i) => ({
        orgId,
        reportId: row!.id,
        version: i + 1,
        blocks: v.blocks,
        title: v.title,
        signature: v.signature,
        actorId: author.id,
        at: year === current ? new Date() : at(i),
      })),
    );
    previous = last;
  }
}

/** The source the server reads a year against: the year before, as it was saved. */
function sourceOf(previous: Version | undefined, year: number) {
  if (!previous) return null;
  const started = deriveContent(previous, year - 1);
  return { year: year - 1, paragraphs: new Set(carriedPassages(started.blocks, year - 1, year)) };
}
