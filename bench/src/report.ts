/**
 * `npm run bench -- report`: builds the 法治政府建设年度报告 (annual report) with
 * `buildAnnualReport(db, orgId, year)` for the last full year of the supervision benchmark's
 * generated ten-year district history (3,000,000 incidents, 400,000 cases with their reviews,
 * decisions, publications …; history.ts), on PostgreSQL (BENCH_DATABASE_URL or
 * TEST_DATABASE_URL: a database is created and dropped) and on the embedded database. Figures:
 *  - build time: the first build in the process (cold), then the median of three more (warm);
 *    target ≤ 10 s, and as a ratio to the reference measured in the same run (the supervision
 *    benchmark's sequential scan of incidents, report-reference.ts)
 *  - figures computed and the ids of those missing, the .docx size, peak memory (RSS sampled
 *    every 50 ms) during the builds and over the run
 *  - metricValues alone for the year (the share of a build spent computing figures), the
 *    consistency check of the built text (time, findings by kind), and the
 *    cold build's statements by total time, with EXPLAIN ANALYZE of its slowest over target.
 * BENCH_SCALE (default 1) shrinks the history; BENCH_EMBEDDED_SCALE (default: BENCH_SCALE, at
 * most 0.1) sets the embedded database's, 0 skips it; BENCH_REPORT_YEAR overrides the year. A
 * database a run skips keeps its previous result.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAnnualReport, checkYear } from '../../server/src/modules/reports/annual/build.ts';
import { metricValues } from '../../server/src/modules/reports/metrics/index.ts';
import { seedDemo } from '../../server/src/seed/demo.ts';
import { prepareDatabase } from '../../server/src/server.ts';
import { generateHistory } from './history.ts';
import { mb, memoryPeak, round, timed } from './measure.ts';
import { type Result, summary } from './report-summary.ts';
import { REFERENCE_SQL, seqScanReference } from './seq-scan-reference.ts';
import { explainAnalyze, statementProfiler } from './supervision-profile.ts';
import { embeddedTarget, postgresTarget, type Target } from './targets.ts';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const EMBEDDED_SCALE = Number(process.env.BENCH_EMBEDDED_SCALE ?? Math.min(SCALE, 0.1));
const TARGET_MS = 10_000;
const WARM_RUNS = 3;

const log = (m: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`);

/** The last calendar year (in China Standard Time, the branch's) that ended before `now`. */
export function lastFullYear(now: Date): number {
  const cst = new Date(now.getTime() + 8 * 3600_000);
  return cst.getUTCFullYear() - 1;
}

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
      { incidents, cases, now, maintenanceWorkMem: target.name === 'embedded' ? '128MB' : '512MB' },
      log,
    ),
  );
  const history = gen.value;
  log(`[${target.name}] generated in ${Math.round(gen.ms / 1000)} s: ${JSON.stringify(history.rows)}`);
  const year = Number(process.env.BENCH_REPORT_YEAR ?? lastFullYear(now));
  const base = {
    database: target.name,
    scale,
    measuredAt: now.toISOString(),
    year,
    rows: history.rows,
    generation: { ms: Math.round(gen.ms), steps: history.steps },
  };

  log(`[${target.name}] reference: ${REFERENCE_SQL}`);
  const reference = await seqScanReference(target);

  const builds = memoryPeak();
  const profiler = statementProfiler(target.database);
  log(`[${target.name}] cold build of the ${year} report`);
  profiler.start();
  const coldMemory = memoryPeak();
  const cold = await timed(() => buildAnnualReport(db, orgId, year));
  const coldRss = mb(coldMemory.stop());
  profiler.stop();
  const statements = profiler.top(10, 1500);
  const slowest = profiler.slowest();
  log(
    `[${target.name}] cold build: ${Math.round(cold.ms)} ms, ${cold.value.figures} figures, ${cold.value.missing.length} missing`,
  );
  const warmRuns: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++)
    warmRuns.push((await timed(() => buildAnnualReport(db, orgId, year))).ms);
  const warmMedian = [...warmRuns].sort((a, b) => a - b)[Math.floor(WARM_RUNS / 2)]!;
  log(`[${target.name}] warm builds: ${warmRuns.map((x) => Math.round(x)).join(', ')} ms`);
  const buildRss = mb(builds.stop());

  let plan: Result['slowestStatementPlan'];
  if (cold.ms > TARGET_MS && slowest) {
    log(`[${target.name}] cold build over target: EXPLAIN ANALYZE of its slowest statement`);
    plan = {
      sql: slowest.text.replace(/\s+/g, ' ').trim(),
      maxMs: Math.round(slowest.ms),
      plan: await explainAnalyze(target.database, slowest).catch((e: unknown) => [String(e)]),
    };
  }
  profiler.restore();

  const values = await timed(() => metricValues(db, orgId, String(year)));
  const byStatus: Record<string, number> = {};
  for (const v of values.value) byStatus[v.status] = (byStatus[v.status] ?? 0) + 1;
  // The consistency check the app runs before export (checker over the built text, Fazhi's
  // records as `known`): not part of the build, timed on its own.
  const check = await timed(() => checkYear(db, orgId, year));
  const byKind: Record<string, number> = {};
  for (const f of check.value) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  const { docx, markdown, figures, missing } = cold.value;
  if (docx.subarray(0, 2).toString('latin1') !== 'PK')
    throw new Error('the built .docx is not a zip package');
  return {
    ...base,
    reference,
    build: {
      targetMs: TARGET_MS,
      cold: { ms: Math.round(cold.ms), peakRssMb: coldRss },
      warmRunsMs: warmRuns.map((x) => Math.round(x)),
      warmMedianMs: Math.round(warmMedian),
      met: cold.ms <= TARGET_MS && warmMedian <= TARGET_MS,
      ratioToSeqScan: round(warmMedian / reference.ms, 1),
      figures,
      missing: missing.length,
      missingIds: missing,
      docxBytes: docx.length,
      markdownChars: markdown.length,
      peakRssMb: buildRss,
    },
    metrics: {
      ms: Math.round(values.ms),
      total: values.value.length,
      byStatus,
      computedNull: values.value.filter((v) => v.status === 'computed' && v.value === null).length,
    },
    check: { ms: Math.round(check.ms), findings: check.value.length, byKind },
    buildStatements: statements,
    ...(plan ? { slowestStatementPlan: plan } : {}),
    peakMemoryMb: mb(overall.stop()),
  };
}

const results: Result[] = [];
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../results');
const file = path.join(dir, 'report.json');
const previous: Result[] = (() => {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { results?: Result[] }).results ?? [];
  } catch {
    return [];
  }
})();
const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
/** The databases this run measures (their previous results are replaced even if it fails). */
const runs = [...(url ? ['postgres'] : []), ...(EMBEDDED_SCALE > 0 ? ['embedded'] : [])];
/** Written after each database, so a long run keeps what it measured if a later part fails. */
function write() {
  const kept = previous.filter((p) => !runs.includes(p.database));
  const all = [...results, ...kept].sort((a, b) => b.database.localeCompare(a.database));
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify({ reference: REFERENCE_SQL, targetMs: TARGET_MS, results: all }, null, 2)}\n`,
  );
  writeFileSync(path.join(dir, 'report.md'), summary(all));
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

if (url) await measure(await postgresTarget(url, 10), SCALE);
else log('no BENCH_DATABASE_URL / TEST_DATABASE_URL: PostgreSQL skipped');
if (EMBEDDED_SCALE > 0) await measure(await embeddedTarget(), EMBEDDED_SCALE);
process.stdout.write(summary(results));
process.exit(results.some((r) => r.error) ? 1 : 0);
