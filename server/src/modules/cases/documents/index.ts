/**
 * The decision documents (行政处罚决定书, 不予立案通知书, 提请批准逮捕书 …): one template per
 * kind, pure over the data loaded here once, laid out by the shared official-document builder.
 * Personal data is printed whole on the document served to the party and masked on a copy for
 * anyone else.
 */
import type { CoerciveMeasure, DecisionRowKind } from '@fazhi/common';
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/index.ts';
import { caseParties, evidence, legalRules, penaltyItems, proceedings } from '../../../db/schema/index.ts';
import { buildOfficialDocx } from '../../../platform-io/docx.ts';
import { chinaDateOf } from '../cases.service.ts';
import { branchName, DOC_WORDS } from '../numbers.ts';
import { adminPenalty } from './admin-penalty.ts';
import { arrestRequest } from './arrest-request.ts';
import { caseRevoked } from './case-revoked.ts';
import type { Case, Decision, DocContext, PenaltyNotice, Template } from './common.ts';
import { notFiled } from './not-filed.ts';
import { prosecutionOpinion } from './prosecution-opinion.ts';

export type { DocContext } from './common.ts';

/** One template per decision kind. */
export const TEMPLATES: { [K in DecisionRowKind]: Template } = {
  warning: adminPenalty,
  fine: adminPenalty,
  detention: adminPenalty,
  confiscation: adminPenalty,
  no_penalty: adminPenalty,
  arrest_request: arrestRequest,
  prosecution_transfer: prosecutionOpinion,
  case_revoked: caseRevoked,
  not_filed: notFiled,
};

export interface DocumentInput {
  decision: Decision;
  caseRow: Case;
  masked: boolean;
}

/** The last 处罚前告知 on the case up to the decision date, with how any hearing ended. */
async function penaltyNotice(
  db: Queryable,
  caseId: number,
  decidedOn: string,
): Promise<PenaltyNotice | null> {
  const [n] = await db
    .select()
    .from(proceedings)
    .where(
      and(
        eq(proceedings.caseId, caseId),
        eq(proceedings.kind, 'penalty_notice'),
        lte(proceedings.startedOn, decidedOn),
      ),
    )
    .orderBy(desc(proceedings.id))
    .limit(1);
  if (!n) return null;
  const [h] = await db
    .select({ outcome: proceedings.outcome, kind: proceedings.kind, detail: proceedings.detail })
    .from(proceedings)
    .where(
      and(
        eq(proceedings.caseId, caseId),
        inArray(proceedings.kind, ['hearing', 'hearing_window']),
        sql`(${proceedings.detail} ->> 'noticeId')::int = ${n.id}`,
      ),
    )
    .orderBy(desc(proceedings.id))
    .limit(1);
  const detail = n.detail as Partial<PenaltyNotice>;
  return {
    informedOn: n.startedOn,
    statement: detail.statement === 'stated' ? 'stated' : 'waived',
    statementReview: detail.statementReview ?? null,
    hearing: detail.hearing ?? null,
    hearingOutcome: h ? `${h.kind}:${h.outcome ?? ''}` : null,
    publicNotice: (detail as { method?: string }).method === 'public_notice',
    hearingHeldOn: (h?.detail as { schedule?: { heldOn?: string } } | undefined)?.schedule?.heldOn ?? null,
  };
}

/** Everything a template reads, in one pass over the database. */
export async function loadDocumentContext(
  db: Queryable,
  { decision: d, caseRow: c, masked }: DocumentInput,
): Promise<DocContext> {
  const organ = await branchName(db, d.orgId);
  const parties = await db
    .select()
    .from(caseParties)
    .where(eq(caseParties.caseId, c.id))
    .orderBy(asc(caseParties.id));
  // Names and descriptions only: the files' contents stay in the database.
  const files = await db
    .select({ fileName: evidence.fileName, description: evidence.description })
    .from(evidence)
    .where(eq(evidence.caseId, c.id))
    .orderBy(asc(evidence.uploadedAt), asc(evidence.id));
  const items = d.penaltyItemCodes.length
    ? await db.select().from(penaltyItems).where(eq(penaltyItems.orgId, d.orgId))
    : [];
  const rules = await db.select().from(legalRules);
  return {
    decision: d,
    caseRow: c,
    organ,
    decidedOn: chinaDateOf(d.decidedAt),
    receivedOn: chinaDateOf(c.receivedAt),
    filedOn: c.caseType === 'criminal' && c.acceptedAt ? chinaDateOf(c.acceptedAt) : null,
    party: parties.find((p) => p.id === d.partyId),
    parties,
    evidence: files,
    // In the order the decision lists them.
    // The article of the law version that applied (从旧兼从轻), where the decision recorded it.
    items: d.penaltyItemCodes.flatMap((code) =>
      items
        .filter((i) => i.code === code)
        .map((i) => {
          const applied = ((d.lawBasis ?? []) as { offence: string; law: string; article: string }[]).find(
            (a) => a.offence === i.name,
          );
          return applied ? { ...i, law: applied.law, article: applied.article } : i;
        }),
    ),
    rules,
    masked,
    notice: await penaltyNotice(db, c.id, chinaDateOf(d.decidedAt)),
    measures: (d.measures ?? []) as CoerciveMeasure[],
    guiltyPlea: d.guiltyPlea ?? null,
  };
}

/** The .docx of a decision from its loaded context, and its file name. */
export async function renderDecisionDocument(ctx: DocContext) {
  const d = ctx.decision;
  const template = TEMPLATES[d.kind as DecisionRowKind] ?? adminPenalty;
  const docName = DOC_WORDS[d.kind as DecisionRowKind]?.docName ?? '决定书';
  const spec = template(ctx);
  const buffer = await buildOfficialDocx({
    issuer: ctx.organ,
    title: docName,
    docNo: d.docNo,
    docNoAlign: 'right',
    addressee: spec.addressee,
    body: spec.body,
    signature: { organ: ctx.organ, date: ctx.decidedOn },
    note: spec.note,
  });
  return { buffer, fileName: `${docName}-${d.docNo}.docx` };
}

/** The .docx of a decision, and its file name. */
export async function decisionDocument(db: Queryable, input: DocumentInput) {
  return renderDecisionDocument(await loadDocumentContext(db, input));
}
