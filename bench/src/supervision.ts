/**
 * `npm run bench -- supervision`: 执法监督 scans over a generated ten-year district history
 * (3,000,000 incidents, 400,000 cases and their reviews, decisions, publications, proceedings,
 * discussions and camera spot checks; see history.ts), against PostgreSQL (when
 * BENCH_DATABASE_URL or TEST_DATABASE_URL is set) and the embedded database. Figures:
 *  - full scan time (target ≤ 30 s), and as a ratio to the reference: one sequential scan of the
 *    incidents table in the same run, `select count(*), sum(length(narrative)) from incidents`
 *    with index, index-only and bitmap scans disabled (parallel workers as configured), warm
 *    cache, median of three runs after one warm-up
 *  - a second full scan straight after (idempotent: raises nothing new)
 *  - an incremental scan of one day's changes (target ≤ 1 s; the day is supervision-day.ts)
 *  - findings per second of the full scan, peak memory (this process's RSS, sampled every 50 ms)
 *  - where each scan's time goes: per rule, its statements by total time, and EXPLAIN ANALYZE
 *    of the slowest statement of a scan that missed its target.
 * BENCH_SCALE (default 1) shrinks the history (0.01 = 30,000 incidents); BENCH_EMBEDDED_SCALE
 * (default: BENCH_SCALE, at most 0.1) sets the embedded database's, 0 skips it; a database not
 * run keeps its result from the previous run. BENCH_GENERATE_ONLY=1 stops after the history is
 * generated (to time the generator alone).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { rows as query } from '../../server/src/db/index.ts';
import { runScan } from '../../server/src/modules/supervision/scan.service.ts';
import { seedDemo } from '../../server/src/seed/demo.ts';
import { prepareDatabase } from '../../server/src/server.ts';
import { generateHistory } from './history.ts';
import { mb, memoryPeak, round, timed } from './measure.ts';
import { REFERENCE_SQL, seqScanReference } from './seq-scan-reference.ts';
import { applyDay } from './supervision-day.ts';
import { explainAnalyze, statementProfiler } from './supervision-profile.ts';
import { type Result, summary } from './supervision-report.ts';
import { embeddedTarget, postgresTarget, type Target } from './targets.ts';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const EMBEDDED_SCALE = Number(process.env.BENCH_EMBEDDED_SCALE ?? Math.min(SCALE, 0.1));
const GENERATE_ONLY = process.env.BENCH_GENERATE_ONLY === '1';
const FULL_TARGET_MS = 30_000;
const INCREMENTAL_TARGET_MS = 1_000;

const log = (m: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`);

/** A scan with its peak memory and the time of each rule (between the scan's progress reports). */
async function scan(target: Target, orgId: number, mode: 'full' | 'incremental') {
  const memory = memoryPeak();
  const ruleMs: Record<string, number> = {};
  let last = performance.now();
  const out = await runScan(target.database.db, orgId, {
    mode,
    trigger: 'manual',
    onProgress(_progress, code) {
      const t = performance.now();
      if (code) ruleMs[code] = Math.round(t - last);
      last = t;
    },
  });
  return { ...out, ruleMs, peakRssMb: mb(memory.stop()) };
}

const scanFigures = (s: Awaited<ReturnType<typeof scan>>) => ({
  ms: Math.round(s.ms),
  raised: s.counts.raised,
  reopened: s.counts.reopened,
  resolved: s.counts.resolved,
  stillOpen: s.counts.stillOpen,
  examined: s.counts.examined,
  peakRssMb: s.peakRssMb,
  ruleMs: s.ruleMs,
});

async function runTarget(target: Target, scale: number): Promise<Result> {
  const overall = memoryPeak();
  const db = target.database.db;
  const incidents = Math.round(3_000_000 * scale);
  const cases = Math.round(400_000 * scale);
  log(`[${target.name}] migrate and seed the demo branch (no history)`);
  await prepareDatabase(target.database, () => {});
  const { orgId } = await seedDemo(db, { history: false });
  log(
    `[${target.name}] generate ten years: ${incidents.toLocaleString()} incidents, ${cases.toLocaleString()} cases`,
  );
  const now = new Date();
  const gen = await timed(() =>
    generateHistory(
      db,
      orgId,
      // The embedded database lives in WebAssembly memory: index builds get less of it.
      { incidents, cases, now, maintenanceWorkMem: target.name === 'embedded' ? '128MB' : '512MB' },
      log,
    ),
  );
  const history = gen.value;
  if (history.rows.incidents !== incidents || history.rows.cases !== cases)
    throw new Error(`history has ${history.rows.incidents} incidents and ${history.rows.cases} cases`);
  log(`[${target.name}] generated in ${Math.round(gen.ms / 1000)} s: ${JSON.stringify(history.rows)}`);
  const base = {
    database: target.name,
    scale,
    rows: history.rows,
    generation: { ms: Math.round(gen.ms), steps: history.steps },
  };
  if (GENERATE_ONLY) return { ...base, peakMemoryMb: mb(overall.stop()) };
  // The default rules are in force from 2021-01-01 (the first year the annual report covers):
  // moved back to the history's first day, every rule judges all ten years.
  const [first] = await query<{ day: string }>(
    db,
    sql`select ((min(received_at) at time zone 'Asia/Shanghai')::date)::text as day from incidents where org_id = ${orgId}`,
  );
  await db.execute(
    sql`update supervision_rules set effective_from = ${first!.day}::date where org_id = ${orgId}`,
  );
  const rules = await query<{ n: number }>(
    db,
    sql`select count(*)::int as n from supervision_rules where org_id = ${orgId} and enabled`,
  );

  log(`[${target.name}] reference: ${REFERENCE_SQL}`);
  const reference = await seqScanReference(target);
  const profiler = statementProfiler(target.database);
  const plans: { scan: string; sql: string; maxMs: number; plan: string[] }[] = [];
  /**
   * A scan, profiled; over its target, EXPLAIN ANALYZE of its slowest statement right after it
   * (replayed after its transaction's earlier statements and rolled back; the findings the scan
   * wrote are in place by then).
   */
  const profiled = async (label: string, mode: 'full' | 'incremental', targetMs: number) => {
    log(`[${target.name}] ${label}`);
    profiler.start();
    const out = await scan(target, orgId, mode);
    profiler.stop();
    const statements = profiler.top(10, 1500);
    log(
      `[${target.name}] ${label}: ${out.ms} ms, ${out.counts.raised} raised, ${out.counts.resolved} resolved`,
    );
    const st = profiler.slowest();
    if (out.ms > targetMs && st) {
      log(`[${target.name}] ${label} over target: EXPLAIN ANALYZE of its slowest statement`);
      const plan = await explainAnalyze(target.database, st).catch((e: unknown) => [String(e)]);
      plans.push({ scan: label, sql: st.text.replace(/\s+/g, ' ').trim(), maxMs: Math.round(st.ms), plan });
    }
    return { out, statements };
  };
  const { out: full, statements } = await profiled('full scan', 'full', FULL_TARGET_MS);
  const { out: rescan, statements: rescanStatements } = await profiled(
    'idempotent full rescan',
    'full',
    FULL_TARGET_MS,
  );
  const day = await applyDay(db, orgId, history.refs, scale);
  log(`[${target.name}] one day of changes: ${JSON.stringify(day.changed)}`);
  const { out: incremental, statements: incrementalStatements } = await profiled(
    'incremental scan',
    'incremental',
    INCREMENTAL_TARGET_MS,
  );
  const byRule = await query<{ rule: string; total: number; open: number }>(
    db,
    sql`select rule_code as rule, count(*)::int as total,
               count(*) filter (where status in ('open', 'answered'))::int as open
        from supervision_findings where org_id = ${orgId} group by rule_code order by rule_code`,
  );
  profiler.restore();
  return {
    ...base,
    measuredAt: now.toISOString(),
    rules: { enabled: Number(rules[0]!.n), effectiveFrom: first!.day },
    reference,
    fullScan: {
      ...scanFigures(full),
      targetMs: FULL_TARGET_MS,
      met: full.ms <= FULL_TARGET_MS,
      ratioToSeqScan: round(full.ms / reference.ms, 1),
      findingsPerSecond: Math.round(full.counts.raised / (full.ms / 1000)),
      byRule: full.counts.byRule,
    },
    rescan: {
      ...scanFigures(rescan),
      idempotent: rescan.counts.raised === 0 && rescan.counts.reopened === 0,
    },
    day,
    incrementalScan: {
      ...scanFigures(incremental),
      targetMs: INCREMENTAL_TARGET_MS,
      met: incremental.ms <= INCREMENTAL_TARGET_MS,
      byRule: incremental.counts.byRule,
    },
    findingsByRule: Object.fromEntries(
      byRule.map((r) => [r.rule, { total: Number(r.total), open: Number(r.open) }]),
    ),
    fullScanStatements: statements,
    rescanStatements,
    incrementalScanStatements: incrementalStatements,
    slowestStatementPlans: plans,
    peakMemoryMb: mb(overall.stop()),
  };
}

const results: Result[] = [];
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../results');
const file = path.join(dir, 'supervision.json');
/**
 * A database this run skips keeps its result from the previous run (each result carries the time
 * it was measured): a long embedded run need not be repeated to refresh PostgreSQL's figures.
 */
const previous: Result[] = (() => {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { results?: Result[] }).results ?? [];
  } catch {
    return [];
  }
})();
/** Written after each database, so a long run keeps what it measured if a later part fails. */
function write() {
  if (GENERATE_ONLY) return;
  const kept = previous.filter(
    (p) => !results.some((r) => r.database === p.database) && !runs.includes(p.database),
  );
  const all = [...results, ...kept].sort((a, b) => a.database.localeCompare(b.database)).reverse();
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, `${JSON.stringify({ reference: REFERENCE_SQL, results: all }, null, 2)}\n`);
  writeFileSync(path.join(dir, 'supervision.md'), summary(all));
}
async function measure(target: Target, scale: number) {
  try {
    results.push(await runTarget(target, scale));
  } catch (e) {
    log(`[${target.name}] failed: ${e instanceof Error ? e.stack : String(e)}`);
    results.push({
      database: target.name,
      scale,
      measuredAt: new Date().toISOString(),
      rows: {},
      generation: { ms: 0, steps: {} },
      error: e instanceof Error ? e.message : String(e),
      peakMemoryMb: mb(process.memoryUsage().rss),
    });
  } finally {
    await target.drop();
  }
  write();
}

const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
/** The databases this run measures (their previous results are replaced even if it fails). */
const runs = [...(url ? ['postgres'] : []), ...(EMBEDDED_SCALE > 0 ? ['embedded'] : [])];
if (url) await measure(await postgresTarget(url, 10), SCALE);
else log('no BENCH_DATABASE_URL / TEST_DATABASE_URL: PostgreSQL skipped');
if (EMBEDDED_SCALE > 0) await measure(await embeddedTarget(), EMBEDDED_SCALE);
process.stdout.write(GENERATE_ONLY ? `${JSON.stringify(results, null, 2)}\n` : summary(results));
process.exit(results.some((r) => r.error) ? 1 : 0);
