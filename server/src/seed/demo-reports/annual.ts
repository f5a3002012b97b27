import { chinaToday, type ReportBlock } from '@fazhi/common';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { annualReports, annualReportVersions, officers } from '../../db/schema/index.ts';
import { defaultContent } from '../../modules/reports/annual/store.ts';

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
 * The branch's annual reports from 2021 to the current year, each from the default template (the
 * current year's as the draft being written). Deterministic: no randomness, fixed edit times.
 */
export async function seedDemoAnnualReports(tx: Queryable, orgId: number): Promise<void> {
  const [author] = await tx
    .select({ id: officers.id })
    .from(officers)
    .where(and(eq(officers.orgId, orgId), eq(officers.username, 'legal')));
  if (!author) return;
  const current = Number(chinaToday().slice(0, 4));
  for (let year = 2021; year <= current; year++) {
    const first = defaultContent(year);
    const versions = year === 2021 ? [first, { ...first, blocks: edited(first.blocks) }] : [first];
    const last = versions[versions.length - 1]!;
    // A finished report was saved the day before it was signed; the current one is a draft.
    const at = (i: number) => new Date(`${year + 1}-01-0${8 + i}T10:00:00+08:00`);
    const [row] = await tx
      .insert(annualReports)
      .values({
        orgId,
        year,
        title: last.title,
        blocks: last.blocks,
        signature: last.signature,
        signedOn: year === current ? null : last.signedOn,
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
  }
}
