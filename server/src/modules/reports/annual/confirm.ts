/**
 * 确认仍属实: the author states that a heading or paragraph flagged as telling another year's
 * events holds for this year as worded (a standing arrangement since 2017, a regulation revised in
 * 2021 and still in force). The confirmation is saved as a new version of the text — the report's
 * history shows it — and audited as `report.annual.confirm` in the same transaction. It binds to
 * the exact wording: an edit of the paragraph drops it (annual-dated.ts, carryConfirmations).
 */
import {
  type AnnualReportConfirmRequest,
  type AnnualReportResponse,
  passagesOf,
  type ReportBlock,
} from '@fazhi/common';
import { type Ctx, requireActor } from '../../../http/context.ts';
import { AppError } from '../../../http/errors.ts';
import { flagsOf } from './dated.ts';
import { checkYear, savedRow, saveReport } from './store.ts';

export async function confirmParagraph(
  ctx: Ctx,
  year: number,
  input: AnnualReportConfirmRequest,
): Promise<AnnualReportResponse> {
  checkYear(year);
  const actor = requireActor(ctx);
  const row = await savedRow(ctx.db, ctx.orgId, year);
  // A confirmation binds to a saved wording: the text a year starts from is saved first.
  if (!row) throw new AppError('VALIDATION', { version: 'report.confirmUnsaved' });
  if (input.version !== row.version) throw new AppError('CONFLICT');
  const blocks = row.blocks as ReportBlock[];
  const block = blocks.find((b) => b.id === input.blockId);
  const text = input.text.trim();
  const passage = block && passagesOf(block).find((p) => p.field === input.field && p.text === text);
  if (!block || !passage) throw new AppError('VALIDATION', { text: 'report.confirmNoParagraph' });
  const flag = (await flagsOf(ctx.db, ctx.orgId, year, blocks)).find(
    (f) => f.blockId === block.id && f.field === passage.field && f.text === text,
  );
  if (!flag) throw new AppError('VALIDATION', { text: 'report.confirmNotFlagged' });
  if (flag.confirmed) throw new AppError('VALIDATION', { text: 'report.confirmAlready' });
  return saveReport(
    ctx,
    year,
    {
      version: row.version,
      title: row.title,
      blocks,
      signature: row.signature,
      signedOn: row.signedOn,
    },
    ctx.db,
    {
      action: 'report.annual.confirm',
      summary: {
        blockId: block.id,
        field: passage.field,
        paragraph: passage.paragraph,
        spans: flag.spans.map((s) => s.text),
        excerpt: text.slice(0, 120),
      },
      confirm: {
        blockId: block.id,
        confirmation: { text, by: actor.name, at: new Date().toISOString() },
      },
    },
  );
}
