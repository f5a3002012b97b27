/**
 * Document numbers of decisions (文号). Numbers are per
 * branch, per year and per document kind, gap-free (`nextNumber` in the caller's transaction).
 */
import type { DecisionRowKind } from '@fazhi/common';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { orgs } from '../../db/schema/index.ts';
import { nextNumber } from '../platform/numbers.ts';

/** 机关代字 and 文书代字 of each decision's document. */
export const DOC_WORDS: Record<DecisionRowKind, { seq: string; word: string; docName: string }> = {
  warning: { seq: 'doc_admin_penalty', word: '（治）行罚决字', docName: '行政处罚决定书' },
  fine: { seq: 'doc_admin_penalty', word: '（治）行罚决字', docName: '行政处罚决定书' },
  confiscation: { seq: 'doc_admin_penalty', word: '（治）行罚决字', docName: '行政处罚决定书' },
  detention: { seq: 'doc_admin_penalty', word: '（治）行罚决字', docName: '行政处罚决定书' },
  no_penalty: { seq: 'doc_no_penalty', word: '（治）不罚决字', docName: '不予行政处罚决定书' },
  arrest_request: { seq: 'doc_arrest_request', word: '（刑）提捕字', docName: '提请批准逮捕书' },
  prosecution_transfer: { seq: 'doc_prosecution', word: '（刑）诉字', docName: '起诉意见书' },
  case_revoked: { seq: 'doc_case_revoked', word: '（刑）撤案字', docName: '撤销案件决定书' },
  not_filed: { seq: 'doc_not_filed', word: '（刑）不立字', docName: '不予立案通知书' },
};

export async function branchName(db: Queryable, orgId: number): Promise<string> {
  const [o] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, orgId));
  return o?.name ?? '';
}

/** 渝州公（治）行罚决字〔2021〕第00012号: the branch name's first two characters + 公. */
export async function decisionDocNo(
  tx: Queryable,
  orgId: number,
  kind: DecisionRowKind,
  year: number,
): Promise<string> {
  const w = DOC_WORDS[kind];
  const n = await nextNumber(tx, orgId, w.seq, year);
  const prefix = [...(await branchName(tx, orgId))].slice(0, 2).join('');
  return `${prefix}公${w.word}〔${year}〕第${String(n).padStart(5, '0')}号`;
}
