/**
 * The one entry for every workflow action on a case: `actOnCase(ctx, caseId, action, body)`.
 * It checks the action against the workflow table and the caller's rights on the server, applies
 * the transition in one transaction guarded by the case's version (and gate), and writes exactly
 * one audit record on the case per transition.
 */
import {
  actorOf,
  CASE_ACTION_BODIES,
  type CaseAction,
  type CaseResponse,
  type CaseStatus,
  type CaseType,
  type DecisionKind,
  GATE_ROLE,
  type Gate,
  QUALIFICATION_NAMES,
  transition,
} from '@fazhi/common';
import { and, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import { audit } from '../../audit/record.ts';
import { type Queryable, rows } from '../../db/index.ts';
import { cases, reviews } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { AppError, validationError } from '../../http/errors.ts';
import { type Effect, HANDLERS, type Step } from './action-effects.ts';
import {
  actionsFor,
  caseResponse,
  findCaseForAction,
  type LoadedCase,
  type ReviewSettings,
} from './case-view.ts';
import { nextState, qualifies } from './state.ts';

const isUniqueViolation = (e: unknown): boolean => {
  for (let x: unknown = e, i = 0; x && i < 4; i++, x = (x as { cause?: unknown }).cause)
    if ((x as { code?: unknown }).code === '23505') return true;
  return false;
};

async function refusal(
  ctx: Ctx,
  tx: Queryable,
  lc: LoadedCase,
  action: CaseAction,
  rs: ReviewSettings,
  level: string | null,
) {
  const actor = requireActor(ctx);
  const gateAction = action === 'approve' || action === 'send_back' || action === 'disagree';
  if (gateAction) {
    // The gate this reviewer could act at was just passed by someone else: a conflict, not a refusal.
    const mine = (Object.entries(GATE_ROLE) as [Gate, string][])
      .filter(([g, role]) => g !== 'officer' && actor.roles.includes(role as never))
      .map(([g]) => g);
    if (mine.length) {
      const [done] = await tx
        .select({ id: reviews.id })
        .from(reviews)
        .where(
          and(eq(reviews.caseId, lc.c.id), eq(reviews.round, lc.c.reviewRound), inArray(reviews.gate, mine)),
        );
      if (done) return new AppError('CONFLICT');
    }
  }
  if (gateAction && lc.c.currentGate === 'legal' && actor.roles.includes('legal')) {
    if (!qualifies(level, rs.minLevel))
      return new AppError('FORBIDDEN', {
        action: {
          key: 'case.gate.qualification',
          params: {
            levelZh: QUALIFICATION_NAMES[rs.minLevel].zh,
            levelEn: QUALIFICATION_NAMES[rs.minLevel].en,
          },
        },
      });
  }
  return new AppError('FORBIDDEN', { action: 'case.action.notYours' });
}

const CASE_COLUMNS = getTableColumns(cases);

/**
 * The SET list of a case update, each value encoded by its column as the query builder would:
 * built directly because this runs on every transition and the builder's CPU cost showed in the
 * benchmark (see bench/src/core.ts).
 */
function setClause(patch: Partial<typeof cases.$inferInsert>): SQL {
  const parts: SQL[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const col = CASE_COLUMNS[key as keyof typeof CASE_COLUMNS];
    parts.push(sql`${sql.identifier(col.name)} = ${value === null ? null : sql.param(value, col)}`);
  }
  return sql.join(parts, sql`, `);
}

/** Where a transition left the case. */
export interface ActResult {
  id: number;
  status: CaseStatus;
  currentGate: Gate | null;
  reviewRound: number;
  version: number;
}

/**
 * Applies one workflow action (see the module comment) in one transaction and answers where the
 * case now stands: the lean form for batch callers and the benchmark.
 */
export async function applyCaseAction(
  ctx: Ctx,
  caseId: number,
  action: CaseAction,
  body: Record<string, unknown> = {},
): Promise<ActResult> {
  const version = typeof body.version === 'number' ? body.version : undefined;
  try {
    return await ctx.db.transaction(async (tx) => {
      const tctx: Ctx = { ...ctx, db: tx as unknown as Ctx['db'] };
      // One read: the case, the branch's review settings and the caller's qualification.
      const { lc, rs, level } = await findCaseForAction(tctx, tx, caseId);
      const c = lc.c;
      // A stale page (the case moved on since it was read) conflicts before anything else.
      if (version !== undefined && version !== c.version) throw new AppError('CONFLICT');
      const state = {
        caseType: c.caseType as CaseType,
        status: c.status as CaseStatus,
        currentGate: c.currentGate as Gate | null,
        reviewRound: c.reviewRound,
      };
      if (!nextState(state, action, ['officer', 'unit_legal']))
        throw new AppError('CONFLICT', { action: 'case.action.status' });
      // A step the workflow keeps for other proposals (a penalty is decided only after 告知).
      const t = transition(state.caseType, state.status, action);
      if (t && actorOf(t, c.proposedDecision as DecisionKind | null) === null)
        throw new AppError('CONFLICT', {
          action: action === 'decide' ? 'case.inform.required' : 'case.action.status',
        });
      if (!(await actionsFor(tctx, tx, lc, rs, level)).includes(action))
        throw await refusal(tctx, tx, lc, action, rs, level);
      // The body is judged last: outside the scope it is a 404, out of turn a 409/403, whatever it says.
      const parsed = CASE_ACTION_BODIES[action].safeParse(body);
      if (!parsed.success) throw validationError(parsed.error.issues);

      const handler = HANDLERS[action] as (s: Step, b: unknown) => Promise<Effect>;
      const effect = await handler({ tx, ctx: tctx, lc, rs }, parsed.data);
      const gates = effect.gates ?? (c.proposedDecision ? rs.chains[c.proposedDecision as DecisionKind] : []);
      const next = nextState(state, action, gates);
      if (!next) throw new AppError('CONFLICT', { action: 'case.action.status' });
      // Optimistic lock: a concurrent act on the same case (or gate) finds no row and conflicts.
      const guarded = sql`update ${cases}
          set ${setClause({
            ...effect.patch,
            status: next.status,
            currentGate: next.currentGate,
            reviewRound: next.reviewRound,
            version: c.version + 1,
            updatedAt: new Date(),
          })}
          where ${cases.id} = ${c.id} and ${cases.version} = ${c.version} and ${cases.status} = ${c.status}
            and ${c.currentGate ? sql`${cases.currentGate} = ${c.currentGate}` : sql`${cases.currentGate} is null`}
          returning ${cases.id}`;
      const r = effect.review;
      // A gate act writes its review row in the same statement, only if the update went through:
      // every gate's hot path, one round trip fewer (see bench/src/core.ts).
      const updated = await rows<{ id: number }>(
        tx,
        r
          ? sql`with moved as (${guarded})
                insert into ${reviews} (org_id, case_id, round, gate, reviewer_id, outcome, checklist, reasons)
                select ${c.orgId}, moved.id, ${c.reviewRound}, ${c.currentGate}, ${requireActor(ctx).officerId},
                       ${r.outcome}, ${sql.param(r.checklist, reviews.checklist)}, ${r.reasons}
                from moved
                returning case_id as id`
          : guarded,
      );
      if (updated.length === 0) throw new AppError('CONFLICT');
      const written = effect.write ? await effect.write(next.reviewRound) : undefined;
      await audit(tx, tctx, {
        action: `case.${action}`,
        targetType: 'case',
        targetId: c.id,
        summary: {
          from: { status: c.status, gate: c.currentGate },
          to: { status: next.status, gate: next.currentGate },
          ...effect.summary,
          ...written,
        },
      });
      return {
        id: c.id,
        status: next.status,
        currentGate: next.currentGate,
        reviewRound: next.reviewRound,
        version: c.version + 1,
      };
    });
  } catch (e) {
    // The unique (case, round, gate) index: the other reviewer got there first.
    if (isUniqueViolation(e)) throw new AppError('CONFLICT');
    throw e;
  }
}

/**
 * The action endpoint: applies the action, then reads the case as the caller now sees it (after
 * commit, so the row lock is held only for the transition itself).
 */
export async function actOnCase(
  ctx: Ctx,
  caseId: number,
  action: CaseAction,
  body: Record<string, unknown> = {},
): Promise<CaseResponse> {
  await applyCaseAction(ctx, caseId, action, body);
  return caseResponse(ctx, ctx.db, caseId);
}
