/**
 * Supervision scans (执法监督巡查): every rule of the branch over incidents and cases, merged into
 * findings (rules/engine.ts merges one rule code in one statement). A full scan examines every
 * record; an incremental one only what changed since the last finished scan plus what crossed
 * a time threshold since (each rule says which). One scan per branch at a time; each rule is
 * its own transaction, so a long scan neither holds one giant transaction nor loses the rules
 * already done when a later one fails. The daily job `supervision.scan` runs after the day's
 * samples (order 900).
 */
import { emptyScanCounts, type ScanCounts, type ScanMode, type ScanTrigger } from '@fazhi/common';
import { sql } from 'drizzle-orm';
import { audit } from '../../audit/record.ts';
import { type Db, type Queryable, rows } from '../../db/index.ts';
import { type Ctx, systemCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { INSTANCE, registerDailyJob } from './daily.ts';
import { loadRuleSets, type RuleSet, scanRule } from './rules/engine.ts';

export interface ScanOptions {
  mode: ScanMode;
  trigger: ScanTrigger;
  startedBy?: number | null;
  /** The instant the scan judges from (tests, the benchmark); default: now. */
  now?: Date;
  /** The China-time day of a scheduled scan (its exactly-once key). */
  scheduledFor?: string;
  onProgress?: (progress: number, ruleCode: string) => void;
}

export interface ScanResult {
  scanId: number;
  counts: ScanCounts;
  ms: number;
}

/** A scan still "running" after this long died with its instance; a new one may start. */
const STALE_MINUTES = 60;

/** Where the last finished scan left off: the instant it judged from. */
export async function lastFinishedScan(q: Queryable, orgId: number): Promise<Date | null> {
  const [row] = await rows<{ at: string | Date }>(
    q,
    sql`select started_at as at from supervision_scans where org_id = ${orgId} and status = 'done'
        order by started_at desc limit 1`,
  );
  return row ? new Date(row.at) : null;
}

export interface ScanOnOptions {
  mode: ScanMode;
  now: Date;
  /** Incremental: examine records changed after this instant. */
  since?: Date | null;
  raisedAt?: 'now' | 'occurrence';
  /** Count the subjects a full scan examined (default true; the demo seed skips it). */
  countExamined?: boolean;
  onRule?: (done: number, total: number, code: string, counts: ScanCounts) => Promise<void> | void;
}

/**
 * The scan itself on `q` (the database or an open transaction): every rule code, counts summed.
 * An incremental scan runs a rule changed since `since` in full, so new parameters apply to
 * every record at once.
 */
export async function scanOn(q: Queryable, orgId: number, o: ScanOnOptions): Promise<ScanCounts> {
  const sets = await loadRuleSets(q, orgId);
  const counts = emptyScanCounts();
  const since = o.mode === 'incremental' ? (o.since ?? null) : null;
  const prepared = new Map<RuleSet, Record<string, unknown>>();
  for (const set of sets) prepared.set(set, (await set.impl.prepare?.(q, orgId)) ?? {});
  for (const [i, set] of sets.entries()) {
    const ruleSince = since && set.updatedAt <= since ? since : null;
    const c = await scanRule(q, set, {
      orgId,
      now: o.now,
      since: ruleSince,
      raisedAt: o.raisedAt ?? 'now',
      prepared: prepared.get(set) ?? {},
      countExamined: o.countExamined,
    });
    counts.examined += c.examined;
    counts.raised += c.raised;
    counts.reopened += c.reopened;
    counts.stillOpen += c.stillOpen;
    counts.resolved += c.resolved;
    counts.byRule[set.code] = { raised: c.raised, resolved: c.resolved, open: 0 };
    await o.onRule?.(i + 1, sets.length, set.code, counts);
  }
  const open = await rows<{ code: string; n: number }>(
    q,
    sql`select rule_code as code, count(*)::int as n from supervision_findings
        where org_id = ${orgId} and status in ('open', 'answered') group by rule_code`,
  );
  for (const r of open) {
    const b = counts.byRule[r.code];
    if (b) b.open = Number(r.n);
  }
  return counts;
}

/**
 * Registers a scan as running, or refuses (409) while another scan of the branch runs. The
 * transaction-level advisory lock makes check-and-insert atomic across server instances. A
 * scheduled scan claims its day's row; null when that day's scan already ran or runs.
 */
async function beginScan(db: Db, ctx: Ctx, orgId: number, o: ScanOptions, now: Date) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('supervision.scan'), ${orgId})`);
    await tx.execute(
      sql`update supervision_scans set status = 'failed', finished_at = now(), error = 'abandoned'
          where org_id = ${orgId} and status = 'running'
            and started_at < now() - make_interval(mins => ${STALE_MINUTES}::int)`,
    );
    const [running] = await rows<{ id: number }>(
      tx,
      sql`select id from supervision_scans where org_id = ${orgId} and status = 'running' limit 1`,
    );
    if (running) throw new AppError('CONFLICT', { mode: 'supervision.scan.running' });
    const since = o.mode === 'incremental' ? await lastFinishedScan(tx, orgId) : null;
    const mode: ScanMode = o.mode === 'incremental' && !since ? 'full' : o.mode;
    const values = sql`${orgId}, ${o.trigger}, ${mode}, ${o.scheduledFor ?? null}::date,
      ${since ? since.toISOString() : null}::timestamptz, 'running', ${now.toISOString()}::timestamptz,
      ${o.startedBy ?? null}::int, ${INSTANCE}`;
    const [row] = await rows<{ id: number }>(
      tx,
      o.scheduledFor
        ? sql`insert into supervision_scans (org_id, trigger, mode, scheduled_for, since, status, started_at, started_by, instance)
              values (${values})
              on conflict (org_id, scheduled_for) do update set status = 'running', mode = excluded.mode,
                since = excluded.since, started_at = excluded.started_at, finished_at = null, error = null,
                progress = 0, counts = '{}'::jsonb, instance = excluded.instance
              where supervision_scans.status = 'failed'
              returning id`
        : sql`insert into supervision_scans (org_id, trigger, mode, scheduled_for, since, status, started_at, started_by, instance)
              values (${values}) returning id`,
    );
    if (!row) return null;
    const scanId = Number(row.id);
    await audit(tx, ctx, {
      action: 'supervision.scan.start',
      targetType: 'supervision_scan',
      targetId: scanId,
      summary: {
        mode,
        trigger: o.trigger,
        since: since?.toISOString() ?? null,
        scheduledFor: o.scheduledFor,
      },
    });
    return { scanId, mode, since };
  });
}

/** Runs a registered scan to its end, recording progress, counts or the error. */
async function executeScan(
  db: Db,
  ctx: Ctx,
  orgId: number,
  begun: { scanId: number; mode: ScanMode; since: Date | null },
  o: ScanOptions,
  now: Date,
): Promise<ScanResult> {
  const t0 = performance.now();
  const { scanId } = begun;
  try {
    const counts = await scanOn(db, orgId, {
      mode: begun.mode,
      now,
      since: begun.since,
      async onRule(done, total, code, partial) {
        const progress = Math.min(done / total, 0.999);
        await db.execute(
          sql`update supervision_scans set progress = ${progress.toFixed(3)}::numeric, counts = ${JSON.stringify(partial)}::jsonb
              where id = ${scanId}`,
        );
        o.onProgress?.(progress, code);
      },
    });
    const ms = Math.round(performance.now() - t0);
    await db.transaction(async (tx) => {
      await tx.execute(
        sql`update supervision_scans set status = 'done', progress = 1, finished_at = now(),
              counts = ${JSON.stringify(counts)}::jsonb where id = ${scanId}`,
      );
      await audit(tx, ctx, {
        action: 'supervision.scan.finish',
        targetType: 'supervision_scan',
        targetId: scanId,
        summary: {
          mode: begun.mode,
          ms,
          examined: counts.examined,
          raised: counts.raised,
          reopened: counts.reopened,
          resolved: counts.resolved,
        },
      });
    });
    o.onProgress?.(1, '');
    return { scanId, counts, ms };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    await db.transaction(async (tx) => {
      await tx.execute(
        sql`update supervision_scans set status = 'failed', finished_at = now(), error = ${message.slice(0, 1000)}
            where id = ${scanId}`,
      );
      await audit(tx, ctx, {
        action: 'supervision.scan.finish',
        targetType: 'supervision_scan',
        targetId: scanId,
        outcome: 'failure',
        summary: { mode: begun.mode, error: message.slice(0, 500) },
      });
    });
    throw e;
  }
}

/**
 * Runs a scan of the branch now and waits for it (the daily job, the benchmark, tests). An
 * incremental scan with no finished scan before it runs in full. 409 CONFLICT while another
 * scan of the branch runs.
 */
export async function runScan(db: Db, orgId: number, o: ScanOptions, ctx?: Ctx): Promise<ScanResult> {
  const now = o.now ?? new Date();
  const actx = ctx ?? systemCtx(db, orgId);
  const begun = await beginScan(db, actx, orgId, o, now);
  if (!begun) throw new AppError('CONFLICT', { scheduledFor: 'supervision.scan.done' });
  return executeScan(db, actx, orgId, begun, o, now);
}

/**
 * Starts a scan for a user and returns at once: the scan runs on in this process and records
 * its progress on its row (GET /api/supervision/scans/{id}).
 */
export async function startScan(ctx: Ctx, mode: ScanMode): Promise<number> {
  const now = new Date();
  const o: ScanOptions = { mode, trigger: 'manual', startedBy: ctx.actor?.officerId ?? null };
  const begun = await beginScan(ctx.db, ctx, ctx.orgId, o, now);
  if (!begun) throw new AppError('CONFLICT');
  void executeScan(ctx.db, ctx, ctx.orgId, begun, o, now).catch((e: unknown) =>
    console.error(`supervision scan ${begun.scanId} failed`, e),
  );
  return begun.scanId;
}

/**
 * A full scan at least this often: changes that touch no updated_at (the category dictionary,
 * an officer's qualification, a fix made straight in the database) are seen by full scans only.
 */
const FULL_EVERY_DAYS = 7;

/**
 * The daily scan: incremental since the last finished scan; full when there is none or the
 * last full one is a week old.
 */
export async function dailyScan(db: Db, orgId: number, day: string): Promise<Record<string, unknown>> {
  const [full] = await rows<{ at: string | Date }>(
    db,
    sql`select max(started_at) as at from supervision_scans
        where org_id = ${orgId} and status = 'done' and mode = 'full'`,
  );
  const lastFull = full?.at ? new Date(full.at) : null;
  const mode: ScanMode =
    lastFull && Date.now() - lastFull.getTime() < FULL_EVERY_DAYS * 86_400_000 ? 'incremental' : 'full';
  try {
    const r = await runScan(db, orgId, { mode, trigger: 'schedule', scheduledFor: day });
    return { scanId: r.scanId, mode, ms: r.ms, raised: r.counts.raised, resolved: r.counts.resolved };
  } catch (e) {
    // Another instance already ran this day's scan (its row is done or running): nothing to do.
    if (e instanceof AppError && e.fields.scheduledFor) return { skipped: true };
    throw e;
  }
}

// The scan reads the day's camera spot checks, so it runs after the other daily jobs.
registerDailyJob({ name: 'supervision.scan', order: 900, run: dailyScan });
