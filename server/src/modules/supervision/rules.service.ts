/**
 * Supervision rules as the branch configures them (versions with effective dates) and the scans
 * that ran them. Rules are branch-wide reference: every supervision reader sees all of them,
 * with finding counts inside the reader's own data scope. Changing a rule adds a version from a
 * date not yet past (or edits such a version), never rewrites what was in force.
 */
import {
  chinaToday,
  RULE_KINDS,
  RULE_PARAM_SCHEMAS,
  RULE_SCOPES,
  type RuleKind,
  type RuleListQuery,
  type RuleListResponse,
  type RuleResponse,
  type RuleUpdateRequest,
  SCAN_MODES,
  SCAN_TRIGGERS,
  type ScanCounts,
  type ScanListQuery,
  type ScanListResponse,
  type ScanResponse,
  SEVERITIES,
} from '@fazhi/common';
import { and, asc, eq, sql } from 'drizzle-orm';
import { audit, changes } from '../../audit/record.ts';
import { rows } from '../../db/index.ts';
import { supervisionFindings, supervisionRules } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { AppError, notFound, validationError } from '../../http/errors.ts';
import { inScope } from '../platform/scope.ts';

type RuleRow = typeof supervisionRules.$inferSelect;

const pick = <T extends readonly string[]>(list: T, v: string, fallback: T[number]): T[number] =>
  (list as readonly string[]).includes(v) ? (v as T[number]) : fallback;

/** The version in force today: the newest already effective, else the earliest (not yet in force). */
function inForce(versions: RuleRow[], today: string): RuleRow {
  const sorted = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return sorted.filter((v) => v.effectiveFrom <= today).pop() ?? sorted[0]!;
}

function toResponse(
  r: RuleRow,
  current: boolean,
  n: { open: number; total: number; versions: number },
): RuleResponse {
  return {
    id: r.id,
    code: r.code,
    kind: pick(RULE_KINDS, r.kind, 'incident_without_case'),
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    legalBasis: r.legalBasis,
    severity: pick(SEVERITIES, r.severity, 'medium'),
    scope: pick(RULE_SCOPES, r.scope, 'case'),
    params: (r.params ?? {}) as Record<string, unknown>,
    effectiveFrom: r.effectiveFrom,
    enabled: r.enabled,
    rectifyDays: r.rectifyDays,
    inForce: current,
    updatedAt: r.updatedAt.toISOString(),
    openFindings: n.open,
    totalFindings: n.total,
    versions: n.versions,
  };
}

/** Findings per rule code in the caller's scope: open (open/answered) and all. */
async function findingCounts(ctx: Ctx, code?: string) {
  const actor = requireActor(ctx);
  const conds = [inScope(actor, supervisionFindings.unitId, supervisionFindings.orgId)];
  if (code) conds.push(eq(supervisionFindings.ruleCode, code));
  const found = await ctx.db
    .select({
      code: supervisionFindings.ruleCode,
      total: sql<number>`count(*)::int`,
      open: sql<number>`(count(*) filter (where ${supervisionFindings.status} in ('open', 'answered')))::int`,
    })
    .from(supervisionFindings)
    .where(and(...conds))
    .groupBy(supervisionFindings.ruleCode);
  return new Map(found.map((f) => [f.code, { open: Number(f.open), total: Number(f.total) }]));
}

async function versionsOf(ctx: Ctx, code?: string): Promise<RuleRow[]> {
  const conds = [eq(supervisionRules.orgId, ctx.orgId)];
  if (code) conds.push(eq(supervisionRules.code, code));
  return ctx.db
    .select()
    .from(supervisionRules)
    .where(and(...conds))
    .orderBy(asc(supervisionRules.code), asc(supervisionRules.effectiveFrom));
}

/** GET /api/supervision/rules: each rule code with the version in force and its counts. */
export async function listRules(ctx: Ctx, q: RuleListQuery): Promise<RuleListResponse> {
  const today = chinaToday();
  const all = await versionsOf(ctx);
  const counts = await findingCounts(ctx);
  const byCode = new Map<string, RuleRow[]>();
  for (const r of all) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
  const items = [...byCode.values()]
    .map((versions) => {
      const cur = inForce(versions, today);
      const n = counts.get(cur.code) ?? { open: 0, total: 0 };
      return toResponse(cur, true, { ...n, versions: versions.length });
    })
    // The order of RULE_KINDS (the issue's order), then by code.
    .sort((a, b) => RULE_KINDS.indexOf(a.kind) - RULE_KINDS.indexOf(b.kind) || a.code.localeCompare(b.code));
  return { items: items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: items.length };
}

/** GET /api/supervision/rules/{code}/versions: newest first, counts by each version's window. */
export async function listRuleVersions(ctx: Ctx, code: string): Promise<RuleListResponse> {
  const actor = requireActor(ctx);
  const today = chinaToday();
  const versions = await versionsOf(ctx, code);
  if (!versions.length) throw notFound();
  const cur = inForce(versions, today);
  const perDay = await ctx.db
    .select({
      from: sql<string>`${supervisionFindings.occurredOn}`,
      total: sql<number>`count(*)::int`,
      open: sql<number>`(count(*) filter (where ${supervisionFindings.status} in ('open', 'answered')))::int`,
    })
    .from(supervisionFindings)
    .where(
      and(
        inScope(actor, supervisionFindings.unitId, supervisionFindings.orgId),
        eq(supervisionFindings.ruleCode, code),
      ),
    )
    .groupBy(supervisionFindings.occurredOn);
  const items = versions.map((v, i) => {
    const to = versions[i + 1]?.effectiveFrom ?? null;
    const n = { open: 0, total: 0, versions: versions.length };
    for (const d of perDay) {
      const day = String(d.from).slice(0, 10);
      if (day >= v.effectiveFrom && (to === null || day < to)) {
        n.open += Number(d.open);
        n.total += Number(d.total);
      }
    }
    return toResponse(v, v.id === cur.id, n);
  });
  items.reverse();
  return { items, total: items.length };
}

/** The parameters checked against the kind's schema; errors name `params.<field>`. */
function checkParams(kind: RuleKind, params: Record<string, unknown>): Record<string, unknown> {
  const parsed = RULE_PARAM_SCHEMAS[kind].safeParse(params);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  // An unknown key is reported on the key itself, as a value not in the list.
  const issues: Parameters<typeof validationError>[0][number][] = [];
  for (const i of parsed.error.issues) {
    if (i.code === 'unrecognized_keys')
      for (const k of i.keys) issues.push({ ...i, code: 'invalid_value', path: ['params', ...i.path, k] });
    else issues.push({ ...i, path: ['params', ...i.path] });
  }
  throw validationError(issues);
}

/**
 * PUT /api/supervision/rules/{code}: a version from `effectiveFrom` (today or later). The same
 * date as a version not yet past edits it; a new date adds a version (names, kind and scope
 * carried over from the version in force).
 */
export async function updateRule(ctx: Ctx, code: string, input: RuleUpdateRequest): Promise<RuleResponse> {
  requireActor(ctx);
  const today = chinaToday();
  return ctx.db.transaction(async (t) => {
    const tx = t as unknown as Ctx['db'];
    const tctx = { ...ctx, db: tx };
    // Serialises concurrent edits of one rule code (there is no version column to compare).
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext('supervision.rule'), hashtext(${`${ctx.orgId}:${code}`}))`,
    );
    const versions = await versionsOf(tctx, code);
    if (!versions.length) throw notFound();
    const cur = inForce(versions, today);
    const kind = pick(RULE_KINDS, cur.kind, 'incident_without_case');
    const params = checkParams(kind, input.params);
    if (input.effectiveFrom < today)
      throw new AppError('VALIDATION', { effectiveFrom: 'supervision.rule.past' });
    const same = versions.find((v) => v.effectiveFrom === input.effectiveFrom);
    const values = {
      enabled: input.enabled,
      severity: input.severity,
      rectifyDays: input.rectifyDays,
      params,
      legalBasis: input.legalBasis,
      updatedAt: new Date(),
    };
    let saved: RuleRow;
    if (same) {
      [saved] = (await tx
        .update(supervisionRules)
        .set(values)
        .where(eq(supervisionRules.id, same.id))
        .returning()) as [RuleRow];
      await audit(tx, ctx, {
        action: 'supervision.rule.update',
        targetType: 'supervision_rule',
        targetId: code,
        summary: {
          effectiveFrom: input.effectiveFrom,
          ...changes(same as unknown as Record<string, unknown>, { ...values, updatedAt: undefined }),
        },
      });
    } else {
      [saved] = (await tx
        .insert(supervisionRules)
        .values({
          orgId: ctx.orgId,
          code,
          kind: cur.kind,
          nameZh: cur.nameZh,
          nameEn: cur.nameEn,
          scope: cur.scope,
          effectiveFrom: input.effectiveFrom,
          ...values,
        })
        .returning()) as [RuleRow];
      await audit(tx, ctx, {
        action: 'supervision.rule.version',
        targetType: 'supervision_rule',
        targetId: code,
        summary: {
          effectiveFrom: input.effectiveFrom,
          ...changes(cur as unknown as Record<string, unknown>, { ...values, updatedAt: undefined }),
        },
      });
    }
    const counts = (await findingCounts(tctx, code)).get(code) ?? { open: 0, total: 0 };
    const all = await versionsOf(tctx, code);
    return toResponse(saved, inForce(all, today).id === saved.id, { ...counts, versions: all.length });
  });
}

// ---- scans ------------------------------------------------------------------------------------

const SCAN_SELECT = sql`select s.*, o.name as started_by_name from supervision_scans s
  left join officers o on o.id = s.started_by`;

function scanResponse(r: Record<string, unknown>): ScanResponse {
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  const counts = (r.counts ?? {}) as Partial<ScanCounts>;
  return {
    id: Number(r.id),
    trigger: pick(SCAN_TRIGGERS, String(r.trigger), 'manual'),
    mode: pick(SCAN_MODES, String(r.mode), 'full'),
    status: pick(['running', 'done', 'failed'] as const, String(r.status), 'failed'),
    scheduledFor: r.scheduled_for ? String(r.scheduled_for).slice(0, 10) : null,
    startedAt: iso(r.started_at)!,
    finishedAt: iso(r.finished_at),
    startedBy: r.started_by === null || r.started_by === undefined ? null : Number(r.started_by),
    startedByName: (r.started_by_name as string | null) ?? null,
    progress: Number(r.progress ?? 0),
    since: iso(r.since),
    counts: {
      examined: counts.examined ?? 0,
      raised: counts.raised ?? 0,
      reopened: counts.reopened ?? 0,
      stillOpen: counts.stillOpen ?? 0,
      resolved: counts.resolved ?? 0,
      byRule: counts.byRule ?? {},
    },
    error: (r.error as string | null) ?? null,
  };
}

/** GET /api/supervision/scans: newest first. */
export async function listScans(ctx: Ctx, q: ScanListQuery): Promise<ScanListResponse> {
  const found = await rows<Record<string, unknown>>(
    ctx.db,
    sql`${SCAN_SELECT} where s.org_id = ${ctx.orgId} order by s.started_at desc, s.id desc
        limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  const [n] = await rows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from supervision_scans where org_id = ${ctx.orgId}`,
  );
  return { items: found.map(scanResponse), total: Number(n?.n ?? 0) };
}

export async function getScan(ctx: Ctx, id: number): Promise<ScanResponse> {
  const [r] = await rows<Record<string, unknown>>(
    ctx.db,
    sql`${SCAN_SELECT} where s.org_id = ${ctx.orgId} and s.id = ${id}`,
  );
  if (!r) throw notFound();
  return scanResponse(r);
}
