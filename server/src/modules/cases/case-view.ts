/**
 * Reading a case: the scope check every case route starts with, the caller's rights on it, and
 * the full CaseResponse the web app draws its page and buttons from.
 */
import {
  actorOf,
  availableActions,
  type CaseAction,
  type CaseResponse,
  type CaseStatus,
  type CaseType,
  type ClockView,
  chinaToday,
  type DecisionKind,
  daysBetween,
  type Gate,
  maskIdNumber,
  maskPhone,
  type PartyResponse,
  ProposedDecision,
  ruleInForce,
  transition,
} from '@fazhi/common';
import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../db/index.ts';
import {
  auditLog,
  caseOffences,
  caseParties,
  cases,
  decisions,
  discussions,
  evidence,
  incidents,
  lawVersions,
  legalRules,
  offenceVersions,
  officers,
  penaltyItems,
  proceedings,
  publications,
  reviews,
  settings,
  units,
} from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { inScope } from '../platform/scope.ts';
import { gateChains, proceedingSteps, type Qualification, qualifies } from './state.ts';

export type CaseRow = typeof cases.$inferSelect;
export interface LoadedCase {
  c: CaseRow;
  unitPath: string;
  unitName: string;
}

/**
 * The scope test as a column rather than a filter: the row is then found by its primary key alone.
 * As a filter it let the planner walk cases(org_id, unit_id, …) instead when the table has no
 * statistics yet (the embedded database runs no autovacuum), reading the whole unit's cases.
 */
export const scopeColumn = (ctx: Ctx) =>
  sql<boolean>`${inScope(requireActor(ctx), cases.unitId, cases.orgId)}`.mapWith(Boolean);

/** The case if it lies in the caller's scope; otherwise 404, as if it did not exist. */
export async function findCase(ctx: Ctx, db: Queryable, id: number): Promise<LoadedCase> {
  const [row] = await db
    .select({ c: cases, unitPath: units.path, unitName: units.name, visible: scopeColumn(ctx) })
    .from(cases)
    .innerJoin(units, eq(units.id, cases.unitId))
    .where(eq(cases.id, id));
  if (!row?.visible) throw notFound();
  return { c: row.c, unitPath: row.unitPath, unitName: row.unitName };
}

export function clockView(
  rule: string | null,
  start: string | null,
  due: string | null,
  provisional: boolean,
  today = chinaToday(),
): ClockView {
  return {
    rule,
    start,
    due,
    provisional: due !== null && provisional,
    daysLeft: due ? daysBetween(today, due) : null,
    overdue: due ? today > due : false,
  };
}

export interface ReviewSettings {
  chains: Record<DecisionKind, Gate[]>;
  minLevel: Qualification;
}

const REVIEW_KEYS = ['review_gates', 'legal_gate_min_qualification'] as const;

/** The review settings from the two stored values (either may be absent). */
export function reviewSettingsOf(reviewGates: unknown, minQualification: unknown): ReviewSettings {
  const level =
    typeof minQualification === 'string'
      ? minQualification
      : (minQualification as { level?: string } | null | undefined)?.level;
  return {
    chains: gateChains(reviewGates ?? undefined),
    minLevel: level === 'basic' || level === 'advanced' ? level : 'intermediate',
  };
}

/** The branch's gate chains (`review_gates`) and the legal gate's qualification floor. */
export async function reviewSettings(db: Queryable, orgId: number): Promise<ReviewSettings> {
  const found = await db
    .select()
    .from(settings)
    .where(and(eq(settings.orgId, orgId), inArray(settings.key, [...REVIEW_KEYS])));
  const value = (k: string) => found.find((r) => r.key === k)?.value;
  return reviewSettingsOf(value('review_gates'), value('legal_gate_min_qualification'));
}

/**
 * The case columns, listed once: the transition path reads a case per request, and building the
 * same 30-column select through the query builder each time cost more CPU than the query itself.
 */
const CASE_COLUMNS = Object.entries(getTableColumns(cases));
const CASE_SELECT = sql.raw(CASE_COLUMNS.map(([, col]) => `"cases"."${col.name}"`).join(', '));

/** A raw row of CASE_SELECT as the query builder would have answered it. */
function caseRowOf(r: Record<string, unknown>): CaseRow {
  const out: Record<string, unknown> = {};
  for (const [key, col] of CASE_COLUMNS) {
    const v = r[col.name];
    out[key] = v === null || v === undefined ? null : col.mapFromDriverValue(v);
  }
  return out as CaseRow;
}

/**
 * A workflow action's one read: the case in the caller's scope (404 otherwise) with its unit, the
 * branch's review settings and the caller's qualification, so the transition itself needs no
 * other read. Settings are read live: a changed gate chain applies to the next action.
 */
export async function findCaseForAction(
  ctx: Ctx,
  db: Queryable,
  id: number,
): Promise<{ lc: LoadedCase; rs: ReviewSettings; level: string | null }> {
  const actor = requireActor(ctx);
  const setting = (key: (typeof REVIEW_KEYS)[number]) =>
    sql`(select ${settings.value} from ${settings} where ${settings.orgId} = ${cases.orgId} and ${settings.key} = ${key})`;
  const [row] = await rows<Record<string, unknown>>(
    db,
    sql`select ${CASE_SELECT}, ${units.path} as unit_path, ${units.name} as unit_name,
               ${inScope(actor, cases.unitId, cases.orgId)} as visible,
               ${setting('review_gates')} as review_gates,
               ${setting('legal_gate_min_qualification')} as min_qualification,
               (select ${officers.qualificationLevel} from ${officers} where ${officers.id} = ${actor.officerId}) as level
        from ${cases} inner join ${units} on ${units.id} = ${cases.unitId}
        where ${cases.id} = ${id}`,
  );
  // The scope is a column, not a filter, for the reason given at scopeColumn.
  if (!row?.visible) throw notFound();
  return {
    lc: { c: caseRowOf(row), unitPath: row.unit_path as string, unitName: row.unit_name as string },
    rs: reviewSettingsOf(row.review_gates, row.min_qualification),
    level: (row.level as string | null) ?? null,
  };
}

export async function qualificationOf(db: Queryable, officerId: number): Promise<string | null> {
  const [o] = await db
    .select({ level: officers.qualificationLevel })
    .from(officers)
    .where(eq(officers.id, officerId));
  return o?.level ?? null;
}

/**
 * The actions the caller may take now: the workflow table's `availableActions`, narrowed by the
 * permissions behind each kind of actor and by the legal gate's qualification floor.
 */
export async function actionsFor(
  ctx: Ctx,
  db: Queryable,
  lc: LoadedCase,
  rs?: ReviewSettings,
  /** The caller's qualification level when already read (findCaseForAction). */
  level?: string | null,
): Promise<CaseAction[]> {
  const actor = requireActor(ctx);
  const c = lc.c;
  const list = availableActions(
    {
      caseType: c.caseType as CaseType,
      status: c.status as CaseStatus,
      unitPath: lc.unitPath,
      currentGate: c.currentGate as Gate | null,
      proposedDecision: c.proposedDecision as DecisionKind | null,
    },
    actor,
  );
  const byBranchHead = (a: CaseAction) => {
    const t = transition(c.caseType as CaseType, c.status as CaseStatus, a);
    return t !== undefined && actorOf(t, c.proposedDecision as DecisionKind | null) === 'branch_head';
  };
  const out: CaseAction[] = [];
  let legalOk: boolean | undefined;
  for (const a of list) {
    if (a === 'approve' || a === 'send_back' || a === 'disagree') {
      if (!actor.permissions.has('case.review')) continue;
      if (c.currentGate === 'legal') {
        if (legalOk === undefined) {
          const settingsNow = rs ?? (await reviewSettings(db, c.orgId));
          const mine = level !== undefined ? level : await qualificationOf(db, actor.officerId);
          legalOk = qualifies(mine, settingsNow.minLevel);
        }
        if (!legalOk) continue;
      }
    } else if (byBranchHead(a)) {
      // The branch head's approvals, as the workflow table names them (立案 / 不予立案, 行政拘留).
      if (!actor.permissions.has('case.review')) continue;
    } else if (a === 'reopen' || a === 'record_feedback' || (a === 'decide' && c.caseType === 'criminal')) {
      if (!actor.permissions.has('case.legal')) continue;
    } else if (a === 'close' && c.caseType === 'criminal') {
      if (!actor.permissions.has('case.legal')) continue;
    } else if (!actor.permissions.has('case.write')) continue;
    out.push(a);
  }
  return out;
}

type PartyRow = typeof caseParties.$inferSelect;

export function partyView(p: PartyRow, reveal: boolean): PartyResponse {
  return {
    id: p.id,
    kind: p.kind as PartyResponse['kind'],
    role: p.role as PartyResponse['role'],
    name: p.name,
    idNumber: p.idNumber ? (reveal ? p.idNumber : maskIdNumber(p.idNumber)) : null,
    creditCode: p.creditCode,
    legalRepresentative: p.legalRepresentative,
    phone: p.phone ? (reveal ? p.phone : maskPhone(p.phone)) : null,
    address: p.address,
    masked: !reveal,
  };
}

type DecisionRow = typeof decisions.$inferSelect;
export function decisionView(d: DecisionRow, publicationId: number | null) {
  return {
    id: d.id,
    caseId: d.caseId,
    kind: d.kind as CaseResponse['decisions'][number]['kind'],
    docNo: d.docNo,
    fineAmount: d.fineAmount === null ? null : Number(d.fineAmount),
    detentionDays: d.detentionDays,
    confiscation: d.confiscation,
    penaltyItemCodes: d.penaltyItemCodes,
    partyId: d.partyId,
    facts: d.facts,
    reasoning: d.reasoning,
    decidedAt: d.decidedAt.toISOString(),
    decidedBy: d.decidedBy,
    status: d.status as 'effective' | 'changed' | 'revoked',
    statusChangedAt: d.statusChangedAt?.toISOString() ?? null,
    publicationId,
    actDate: d.actDate,
    // the ranges stay in the register: the decision carries what was applied and why
    lawBasis:
      ((d.lawBasis ?? null) as CaseResponse['decisions'][number]['lawBasis'])?.map(
        ({ range: _r, ...a }) => a,
      ) ?? null,
    lawNotices: (d.lawNotices ?? null) as CaseResponse['decisions'][number]['lawNotices'],
    offencePenalties: (d.offencePenalties ?? null) as CaseResponse['decisions'][number]['offencePenalties'],
    measures: (d.measures ?? null) as CaseResponse['decisions'][number]['measures'],
    guiltyPlea: d.guiltyPlea,
    revokeGround: d.revokeGround as CaseResponse['decisions'][number]['revokeGround'],
  };
}

/** The proposal stored on the submission row of a round (reviews.checklist = {proposal}). */
export function proposalOf(checklist: unknown): ProposedDecision | null {
  const raw = (checklist as { proposal?: unknown } | null)?.proposal;
  if (!raw) return null;
  const parsed = ProposedDecision.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

function noteOf(summary: unknown): string | null {
  const s = summary as Record<string, unknown> | null;
  const v = s?.reason ?? s?.reasons ?? s?.note;
  return typeof v === 'string' ? v : null;
}

/** The whole case as its page shows it; ID numbers masked unless `reveal`. */
export async function caseResponse(
  ctx: Ctx,
  db: Queryable,
  id: number,
  reveal = false,
): Promise<CaseResponse> {
  const actor = requireActor(ctx);
  const lc = await findCase(ctx, db, id);
  const c = lc.c;
  const rs = await reviewSettings(db, c.orgId);
  const [lead] = await db
    .select({ name: officers.name })
    .from(officers)
    .where(eq(officers.id, c.leadOfficerId));
  const incidentNo = c.incidentId
    ? ((
        await db.select({ no: incidents.incidentNo }).from(incidents).where(eq(incidents.id, c.incidentId))
      )[0]?.no ?? null)
    : null;
  const parties = await db
    .select()
    .from(caseParties)
    .where(eq(caseParties.caseId, id))
    .orderBy(asc(caseParties.id));
  const offences = await db
    .select({ p: penaltyItems })
    .from(caseOffences)
    .innerJoin(
      penaltyItems,
      and(eq(penaltyItems.orgId, caseOffences.orgId), eq(penaltyItems.code, caseOffences.penaltyItemCode)),
    )
    .where(eq(caseOffences.caseId, id))
    .orderBy(asc(penaltyItems.code));

  const files = await db
    .select({
      id: evidence.id,
      fileName: evidence.fileName,
      contentType: evidence.contentType,
      size: evidence.size,
      sha256: evidence.sha256,
      description: evidence.description,
      uploadedBy: evidence.uploadedBy,
      uploadedByName: officers.name,
      uploadedAt: evidence.uploadedAt,
    })
    .from(evidence)
    .leftJoin(officers, eq(officers.id, evidence.uploadedBy))
    .where(eq(evidence.caseId, id))
    .orderBy(asc(evidence.id));
  const talks = await db
    .select({ d: discussions, chairName: officers.name })
    .from(discussions)
    .leftJoin(officers, eq(officers.id, discussions.chairId))
    .where(eq(discussions.caseId, id))
    .orderBy(asc(discussions.heldAt));
  const acts = await db
    .select({ r: reviews, name: officers.name })
    .from(reviews)
    .leftJoin(officers, eq(officers.id, reviews.reviewerId))
    .where(eq(reviews.caseId, id))
    .orderBy(asc(reviews.id));
  const decs = await db
    .select({ d: decisions, pub: publications.id })
    .from(decisions)
    .leftJoin(publications, eq(publications.decisionId, decisions.id))
    .where(eq(decisions.caseId, id))
    .orderBy(asc(decisions.id));
  const procs = await db
    .select()
    .from(proceedings)
    .where(eq(proceedings.caseId, id))
    .orderBy(asc(proceedings.id));

  const trail = await db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      actorName: auditLog.actorName,
      summary: auditLog.summary,
    })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, 'case'), eq(auditLog.targetId, String(id))))
    .orderBy(asc(auditLog.id));

  const submissions = acts.filter((a) => a.r.outcome === 'submit');
  const latest = submissions.at(-1);
  const proposal = latest ? proposalOf(latest.r.checklist) : null;
  const receivedOn = new Date(c.receivedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const inForce = await articlesInForce(
    db,
    offences.map(({ p }) => p.name),
    proposal?.actDate ?? receivedOn,
  );
  const last = acts.at(-1)?.r;
  const returned =
    c.status === 'investigating' && last && (last.outcome === 'send_back' || last.outcome === 'disagree')
      ? last.reasons
      : null;
  const kind = (c.proposedDecision as DecisionKind | null) ?? proposal?.kind ?? null;
  const canWrite = actor.permissions.has('case.write');
  const who = { canWrite, isLegal: actor.permissions.has('case.legal') };
  return {
    id: c.id,
    caseNo: c.caseNo,
    caseType: c.caseType as CaseType,
    title: c.title,
    status: c.status as CaseStatus,
    unitId: c.unitId,
    unitName: lc.unitName,
    leadOfficerId: c.leadOfficerId,
    leadOfficerName: lead?.name ?? '',
    incidentId: c.incidentId,
    incidentNo,
    proposedDecision: c.proposedDecision as DecisionKind | null,
    currentGate: c.currentGate as Gate | null,
    reviewRound: c.reviewRound,
    major: c.major,
    inCentre: c.inCentre,
    complex: c.complex,
    receivedAt: c.receivedAt.toISOString(),
    clock: clockView(c.clockRule, c.clockStart, c.clockDue, c.clockProvisional),
    version: c.version,
    updatedAt: c.updatedAt.toISOString(),
    coOfficerIds: c.coOfficerIds,
    summary: c.summary,
    tags: c.tags,
    acceptedAt: c.acceptedAt?.toISOString() ?? null,
    periodExtendedDays: c.periodExtendedDays,
    periodExtensionsLeft: await extensionsLeft(db, c, procs),
    appraisalDays: c.appraisalDays,
    closedAt: c.closedAt?.toISOString() ?? null,
    gates: kind ? rs.chains[kind] : [],
    availableActions: await actionsFor(ctx, db, lc, rs),
    canReveal: canWrite,
    proposal,
    returnedReasons: returned ?? null,
    parties: parties.map((p) => partyView(p, reveal && canWrite)),
    offences: offences.map(({ p }) => ({
      code: p.code,
      name: p.name,
      law: p.law,
      // the article of the law version in force on the act date, where the register has the offence
      article: inForce.get(p.name) ?? p.article,
      penalties: p.penalties,
    })),
    evidence: files.map((f) => ({ ...f, uploadedAt: f.uploadedAt.toISOString() })),
    discussions: talks.map(({ d, chairName }) => ({
      id: d.id,
      heldAt: d.heldAt.toISOString(),
      chairId: d.chairId,
      chairName,
      opinions: d.opinions as { officerId: number | null; name: string; opinion: string }[],
      conclusion: d.conclusion,
      dissent: d.dissent,
      recordedBy: d.recordedBy,
    })),
    reviews: acts.map(({ r, name }) => ({
      id: r.id,
      round: r.round,
      gate: r.gate as Gate,
      reviewerId: r.reviewerId,
      reviewerName: name,
      outcome: r.outcome as 'submit' | 'approve' | 'send_back' | 'disagree',
      checklist:
        r.outcome === 'submit' ? null : (r.checklist as Record<string, { ok: boolean; note: string | null }>),
      reasons: r.reasons,
      proposal: r.outcome === 'submit' ? proposalOf(r.checklist) : null,
      actedAt: r.actedAt.toISOString(),
    })),
    decisions: decs.map(({ d, pub }) => decisionView(d, pub)),
    proceedings: procs.map((p) => ({
      id: p.id,
      kind: p.kind as CaseResponse['proceedings'][number]['kind'],
      status: p.status as 'open' | 'done',
      startedOn: p.startedOn,
      clock:
        p.status === 'open'
          ? clockView(p.clockRule, p.startedOn, p.dueOn, p.dueProvisional)
          : clockView(p.clockRule, p.startedOn, p.dueOn, p.dueProvisional, p.closedOn ?? undefined),
      closedOn: p.closedOn,
      detail: p.detail as Record<string, unknown>,
      outcome: p.outcome,
      availableSteps: proceedingSteps(p, who),
    })),
    history: trail.map((t) => ({
      at: t.at.toISOString(),
      action: t.action,
      actorName: t.actorName,
      note: noteOf(t.summary),
    })),
  };
}

/**
 * How many more times the administrative case period may be extended: the extension rule in force
 * when the period started (once; twice under the 2025 治安管理处罚法) less those recorded.
 */
async function extensionsLeft(db: Queryable, c: CaseRow, procs: { kind: string }[]): Promise<number> {
  if (c.caseType !== 'admin' || c.clockRule !== 'admin_case_period' || !c.clockStart) return 0;
  const versions = await db.select().from(legalRules).where(eq(legalRules.code, 'admin_case_extension'));
  const rule = ruleInForce(versions, 'admin_case_extension', c.clockStart);
  if (!rule) return 0;
  return Math.max(0, (rule.maxTimes ?? 1) - procs.filter((p) => p.kind === 'period_extension').length);
}

/**
 * The article of each offence under the law version in force on `date` (the law register), so a
 * 2026 case cites the 2025 治安管理处罚法's numbering rather than the dictionary's older one.
 */
async function articlesInForce(db: Queryable, names: string[], date: string): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const found = await rows<{ name: string; article: string }>(
    db,
    sql`select o.name, o.article from ${offenceVersions} o
        join ${lawVersions} l on l.id = o.version and l.superseded_at is null
        where o.superseded_at is null and o.case_type = 'admin'
          and o.name in (${sql.join(
            names.map((n) => sql`${n}`),
            sql`, `,
          )})
          and l.effective_from <= ${date}::date and (l.effective_until is null or ${date}::date < l.effective_until)`,
  );
  return new Map(found.map((r) => [r.name, r.article]));
}
