/**
 * `npm run bench -- core`: the enforcement core on a generated district year, against PostgreSQL
 * (when BENCH_DATABASE_URL or TEST_DATABASE_URL is set) and the embedded database. Each figure
 * is a ratio to a reference measured in the same run on the same database:
 *  - incident import rows/s ÷ plain COPY rows/s into the same table (target ≥ 0.5)
 *  - review-gate transitions/s with 100 concurrent reviewers ÷ a bare three-statement
 *    transaction (update case, insert review, insert audit) at the same concurrency (target ≥ 0.4)
 *  - 待办 and case-list p95 (targets 20 ms and 50 ms), peak memory.
 * BENCH_SCALE (default 1) shrinks the year for a quick run: 0.1 = 30,000 incidents.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REVIEW_CHECKLIST } from '@fazhi/common';
import { eq, sql } from 'drizzle-orm';
import { rows as query } from '../../server/src/db/index.ts';
import { officers, units } from '../../server/src/db/schema/index.ts';
import type { Ctx } from '../../server/src/http/context.ts';
import { applyCaseAction } from '../../server/src/modules/cases/actions.service.ts';
import { listCases } from '../../server/src/modules/cases/cases.service.ts';
import { importIncidentRows } from '../../server/src/modules/incidents/import/load-rows.ts';
import type { IncidentImportRow } from '../../server/src/modules/incidents/import/validate-rows.ts';
import { loadActor } from '../../server/src/modules/platform/actor.ts';
import { myTasks } from '../../server/src/modules/platform/tasks.service.ts';
import { seedDemo } from '../../server/src/seed/demo.ts';
import { prepareDatabase } from '../../server/src/server.ts';
import { COPY_COLUMNS, generateIncidents, incidentsCsv } from './generate.ts';
import { mb, memoryPeak, percentile, pool, round, timed } from './measure.ts';
import { embeddedTarget, postgresTarget, type Target } from './targets.ts';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const INCIDENTS = Math.round(300_000 * SCALE);
const CASES = Math.round(40_000 * SCALE);
const TRANSITIONS = Math.round(2_000 * Math.max(SCALE, 0.25));
const REVIEWERS = 100;
const QUERY_RUNS = 200;
const YEAR = 2025;

const log = (m: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`);

async function ctxFor(target: Target, username: string): Promise<Ctx> {
  const db = target.database.db;
  const [o] = await db.select({ id: officers.id }).from(officers).where(eq(officers.username, username));
  const record = await loadActor(db, o!.id);
  return { db, orgId: record!.actor.orgId, locale: 'zh-CN', clientIp: '127.0.0.1', actor: record!.actor };
}

/**
 * Cases with review histories, written in bulk (set-up, not measured). They are closed, so, as
 * closing does in the application, they carry no running clock (clock rule, start and due null).
 */
async function generateCases(target: Target, orgId: number, unitIds: number[], leadId: number) {
  const db = target.database.db;
  await db.execute(sql`
    insert into cases (org_id, case_no, case_type, unit_id, lead_officer_id, title, status, proposed_decision,
                       current_gate, review_round, received_at, accepted_at, clock_rule, clock_start, clock_due, closed_at)
    select ${orgId}, 'B' || ${YEAR} || lpad(g::text, 7, '0'), 'admin',
           (${sql.param(unitIds)}::int[])[1 + g % ${unitIds.length}], ${leadId},
           '生成案件 ' || g, 'closed', 'fine', null, 1,
           make_timestamptz(${YEAR}, 1, 1, 9, 0, 0, 'Asia/Shanghai') + (g % 360) * interval '1 day',
           make_timestamptz(${YEAR}, 1, 1, 10, 0, 0, 'Asia/Shanghai') + (g % 360) * interval '1 day',
           null::text, null::date, null::date,
           make_timestamptz(${YEAR}, 1, 20, 10, 0, 0, 'Asia/Shanghai') + (g % 340) * interval '1 day'
    from generate_series(1, ${CASES}) g`);
  await db.execute(sql`
    insert into reviews (org_id, case_id, round, gate, reviewer_id, outcome, checklist, acted_at)
    select c.org_id, c.id, 1, gate, ${leadId}, case when gate = 'officer' then 'submit' else 'approve' end, '{}'::jsonb,
           c.accepted_at + (ord || ' hours')::interval
    from cases c, unnest(array['officer','unit_legal','unit_head','legal']) with ordinality as u(gate, ord)
    where c.case_no like 'B%'`);
  // A year of cases arrives over a year: PostgreSQL's autovacuum would have analysed them long
  // since. Bulk-written in seconds, they are analysed here so plans are not made blind.
  await db.execute(sql`analyze cases, reviews`);
}

/** Cases waiting at the unit legal officer's gate of 城关派出所, one per measured transition. */
async function casesAtGate(
  target: Target,
  orgId: number,
  unitId: number,
  leadId: number,
  prefix: string,
  n: number,
) {
  const ids = await query<{ id: number }>(
    target.database.db,
    sql`insert into cases (org_id, case_no, case_type, unit_id, lead_officer_id, title, status, proposed_decision,
                           current_gate, review_round, received_at, accepted_at)
        select ${orgId}, ${prefix} || lpad(g::text, 7, '0'), 'admin', ${unitId}, ${leadId}, '待审核案件 ' || g,
               'in_review', 'warning', 'unit_legal', 1, now(), now()
        from generate_series(1, ${n}) g returning id`,
  );
  return ids.map((r) => Number(r.id));
}

async function runTarget(target: Target) {
  const memory = memoryPeak();
  const db = target.database.db;
  log(`[${target.name}] migrate and seed the demo branch`);
  await prepareDatabase(target.database, () => {});
  const { orgId } = await seedDemo(db);
  const unitRows = await db
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(eq(units.orgId, orgId));
  const unitIds = new Map(unitRows.map((u) => [u.code, u.id]));
  const stationCodes = unitRows.filter((u) => /^PS-\d\d$/.test(u.code)).map((u) => u.code);

  // 1. Import against plain COPY, same table, same data shape. COPY goes first; its rows are
  // removed and the table vacuumed so the import meets the same indexes and no more rows.
  log(`[${target.name}] COPY ${INCIDENTS} incidents (reference)`);
  const copyRows = generateIncidents(INCIDENTS, YEAR, stationCodes, 'COPY-', 11);
  const csv = incidentsCsv(copyRows, orgId, unitIds, 'JC');
  const copy = await timed(() => target.copy('incidents', COPY_COLUMNS, csv));
  await db.execute(sql`delete from incidents where source_id like 'COPY-%'`);
  await db.execute(sql`vacuum analyze incidents`);
  log(`[${target.name}] import ${INCIDENTS} incidents through the import path`);
  const importRows: IncidentImportRow[] = generateIncidents(INCIDENTS, YEAR, stationCodes, 'IMP-', 11).map(
    (x) => ({
      sourceId: x.sourceId,
      source: '110',
      receivedAt: new Date(x.receivedAt),
      callerName: x.callerName,
      callerPhone: x.callerPhone,
      categoryCode: x.categoryCode,
      place: x.place,
      narrative: x.narrative,
      unitId: unitIds.get(x.unitCode)!,
      disposal: x.disposal as IncidentImportRow['disposal'],
      disposalNote: null,
      disposedAt: null,
      cameraRecorded: null,
      cameraEvidenceRef: null,
      tags: [],
    }),
  );
  const imported = await timed(() => importIncidentRows(db, orgId, importRows));
  const copyRate = INCIDENTS / (copy.ms / 1000);
  const importRate = INCIDENTS / (imported.ms / 1000);

  // 2. Review-gate transitions with 100 concurrent reviewers against a bare transaction.
  log(`[${target.name}] generate ${CASES} cases with review histories`);
  const ps01 = unitIds.get('PS-01')!;
  const officer = await ctxFor(target, 'officer');
  await generateCases(target, orgId, [...unitIds.values()], officer.actor!.officerId);
  const reviewer = await ctxFor(target, 'unitlegal');
  const gateIds = await casesAtGate(target, orgId, ps01, officer.actor!.officerId, 'G', TRANSITIONS);
  const bareIds = await casesAtGate(target, orgId, ps01, officer.actor!.officerId, 'R', TRANSITIONS);
  const checklist = Object.fromEntries(REVIEW_CHECKLIST.map((k) => [k, { ok: true, note: null }]));
  log(`[${target.name}] ${TRANSITIONS} gate approvals, ${REVIEWERS} concurrent reviewers`);
  const bareStart = performance.now();
  const bareLatencies = await pool(TRANSITIONS, REVIEWERS, async (i) => {
    const id = bareIds[i]!;
    await db.transaction(async (tx) => {
      await tx.execute(
        sql`update cases set version = version + 1, current_gate = 'unit_head' where id = ${id}`,
      );
      await tx.execute(sql`insert into reviews (org_id, case_id, round, gate, reviewer_id, outcome)
                           values (${orgId}, ${id}, 1, 'unit_legal', ${reviewer.actor!.officerId}, 'approve')`);
      await tx.execute(sql`insert into audit_log (org_id, action, target_type, target_id)
                           values (${orgId}, 'bench.bare', 'case', ${String(id)})`);
    });
  });
  const bareMs = performance.now() - bareStart;
  const gateStart = performance.now();
  const gateLatencies = await pool(TRANSITIONS, REVIEWERS, async (i) => {
    await applyCaseAction(reviewer, gateIds[i]!, 'approve', { checklist, reasons: null });
  });
  const gateMs = performance.now() - gateStart;
  const [moved] = await query<{ n: number }>(
    db,
    sql`select count(*)::int as n from cases where case_no like 'G%' and current_gate = 'unit_head'`,
  );
  if (Number(moved!.n) !== TRANSITIONS)
    throw new Error(`only ${moved!.n} of ${TRANSITIONS} approvals took effect`);

  // 3. The queries people wait on every day.
  log(`[${target.name}] 待办 and case-list latency, ${QUERY_RUNS} runs each`);
  const legal = await ctxFor(target, 'legal');
  const tasks: number[] = [];
  const lists: number[] = [];
  for (let i = 0; i < QUERY_RUNS; i++) {
    tasks.push((await timed(() => myTasks(reviewer))).ms);
    lists.push((await timed(() => listCases(legal, { page: 1 + (i % 5), pageSize: 20 }))).ms);
  }

  const peak = memory.stop();
  return {
    database: target.name,
    incidents: INCIDENTS,
    cases: CASES,
    import: {
      rows: INCIDENTS,
      copyMs: round(copy.ms, 0),
      importMs: round(imported.ms, 0),
      copyRowsPerSecond: round(copyRate, 0),
      importRowsPerSecond: round(importRate, 0),
      ratioToCopy: round(importRate / copyRate),
      target: 0.5,
    },
    reviewGate: {
      transitions: TRANSITIONS,
      concurrency: REVIEWERS,
      perSecond: round(TRANSITIONS / (gateMs / 1000), 0),
      bareTransactionsPerSecond: round(TRANSITIONS / (bareMs / 1000), 0),
      ratioToBareTransaction: round(TRANSITIONS / gateMs / (TRANSITIONS / bareMs)),
      p50Ms: round(percentile(gateLatencies, 50), 1),
      p99Ms: round(percentile(gateLatencies, 99), 1),
      bareP50Ms: round(percentile(bareLatencies, 50), 1),
      bareP99Ms: round(percentile(bareLatencies, 99), 1),
      target: 0.4,
    },
    queries: {
      tasksP95Ms: round(percentile(tasks, 95), 1),
      tasksTargetMs: 20,
      caseListP95Ms: round(percentile(lists, 95), 1),
      caseListTargetMs: 50,
    },
    peakMemoryMb: mb(peak),
  };
}

function summary(results: Awaited<ReturnType<typeof runTarget>>[]): string {
  const lines = [
    `# Core benchmark — ${new Date().toISOString().slice(0, 16)}Z`,
    '',
    `A generated district year: ${INCIDENTS.toLocaleString()} incidents, ${CASES.toLocaleString()} cases with review histories.`,
    '',
    `| figure | target | ${results.map((r) => r.database).join(' | ')} |`,
    `|---|---|${results.map(() => '---|').join('')}`,
  ];
  const row = (name: string, target: string, f: (r: (typeof results)[number]) => string) =>
    lines.push(`| ${name} | ${target} | ${results.map(f).join(' | ')} |`);
  row(
    'import ÷ COPY (rows/s)',
    '≥ 0.5',
    (r) => `${r.import.ratioToCopy} (${r.import.importRowsPerSecond} ÷ ${r.import.copyRowsPerSecond})`,
  );
  row(
    'gate transitions ÷ bare tx (100 reviewers)',
    '≥ 0.4',
    (r) =>
      `${r.reviewGate.ratioToBareTransaction} (${r.reviewGate.perSecond} ÷ ${r.reviewGate.bareTransactionsPerSecond}/s)`,
  );
  row('gate transition p50 / p99', '', (r) => `${r.reviewGate.p50Ms} / ${r.reviewGate.p99Ms} ms`);
  row('待办 p95', '≤ 20 ms', (r) => `${r.queries.tasksP95Ms} ms`);
  row('case list p95', '≤ 50 ms', (r) => `${r.queries.caseListP95Ms} ms`);
  row('peak memory (bench process incl. server code)', '', (r) => `${r.peakMemoryMb} MB`);
  return `${lines.join('\n')}\n`;
}

const results = [];
const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (url) {
  const t = await postgresTarget(url, 20);
  try {
    results.push(await runTarget(t));
  } finally {
    await t.drop();
  }
} else {
  log('no BENCH_DATABASE_URL / TEST_DATABASE_URL: PostgreSQL skipped');
}
const e = await embeddedTarget();
try {
  results.push(await runTarget(e));
} finally {
  await e.drop();
}
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../results');
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'core.json'), `${JSON.stringify({ scale: SCALE, results }, null, 2)}\n`);
writeFileSync(path.join(dir, 'core.md'), summary(results));
process.stdout.write(summary(results));
process.exit(0);
