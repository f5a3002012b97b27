/** The supervision benchmark's result shape and its markdown summary. */
import type { DayResult } from './supervision-day.ts';
import type { StatementStat } from './supervision-profile.ts';

interface ScanFigures {
  ms: number;
  raised: number;
  reopened: number;
  resolved: number;
  stillOpen: number;
  examined: number;
  peakRssMb: number;
  /** Milliseconds per rule code. */
  ruleMs: Record<string, number>;
}

export interface Result {
  database: string;
  scale: number;
  /** When this database was measured (results of a database a run skips are kept). */
  measuredAt?: string;
  rows: Record<string, number>;
  generation: { ms: number; steps: Record<string, number> };
  rules?: { enabled: number; effectiveFrom: string };
  reference?: {
    sql: string;
    settings: string;
    ms: number;
    runsMs: number[];
    incidentsHeapMb: number;
    databaseMb: number;
  };
  fullScan?: ScanFigures & {
    targetMs: number;
    met: boolean;
    ratioToSeqScan: number;
    findingsPerSecond: number;
    byRule: unknown;
  };
  rescan?: ScanFigures & { idempotent: boolean };
  day?: DayResult;
  incrementalScan?: ScanFigures & { targetMs: number; met: boolean; byRule: unknown };
  findingsByRule?: Record<string, { total: number; open: number }>;
  fullScanStatements?: StatementStat[];
  rescanStatements?: StatementStat[];
  incrementalScanStatements?: StatementStat[];
  /** EXPLAIN ANALYZE of the slowest statement of each scan that missed its target. */
  slowestStatementPlans?: { scan: string; sql: string; maxMs: number; plan: string[] }[];
  /** The run failed at this database: what was measured before is lost, the message is kept. */
  error?: string;
  peakMemoryMb: number;
}

const s = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

export function summary(results: Result[]): string {
  const lines = [
    `# Supervision benchmark — ${new Date().toISOString().slice(0, 16)}Z`,
    '',
    'A generated ten-year district history (bench/src/history.ts) scanned by the 执法监督 rules.',
    'Reference: one sequential scan of the incidents table in the same run,',
    '`select count(*), sum(length(narrative)) from incidents` with index, index-only and bitmap scans',
    'disabled (parallel workers as the server allows), warm cache, median of three after a warm-up.',
    '',
    `| figure | target | ${results.map((r) => `${r.database} (scale ${r.scale})`).join(' | ')} |`,
    `|---|---|${results.map(() => '---|').join('')}`,
  ];
  /** A figure per database; scan figures of a database that failed or only generated show '—'. */
  const row = (name: string, target: string, f: (r: Result) => string) => {
    const shown = (r: Result) =>
      r.fullScan || name === 'measured at' || name === 'error' || (name.startsWith('history') && !r.error);
    lines.push(`| ${name} | ${target} | ${results.map((r) => (shown(r) ? f(r) : '—')).join(' | ')} |`);
  };
  row('measured at', '', (r) => (r.measuredAt ? `${r.measuredAt.slice(0, 16).replace('T', ' ')} UTC` : '—'));
  if (results.some((r) => r.error)) row('error', '', (r) => r.error ?? '');
  row(
    'history: incidents / cases',
    '',
    (r) => `${r.rows.incidents?.toLocaleString()} / ${r.rows.cases?.toLocaleString()}`,
  );
  row('history: reviews / decisions / publications / proceedings / camera checks', '', (r) =>
    [r.rows.reviews, r.rows.decisions, r.rows.publications, r.rows.proceedings, r.rows.camera_checks]
      .map((n) => n?.toLocaleString())
      .join(' / '),
  );
  row('history: generated in', '', (r) => s(r.generation.ms));
  row(
    'reference: seq scan of incidents',
    '',
    (r) => `${r.reference!.ms} ms (${r.reference!.incidentsHeapMb} MB heap)`,
  );
  row('full scan', '≤ 30 s', (r) => `${s(r.fullScan!.ms)}${r.fullScan!.met ? '' : ' ✗'}`);
  row('full scan ÷ seq scan of incidents', '', (r) => `${r.fullScan!.ratioToSeqScan}×`);
  row(
    'full scan: findings raised (per second)',
    '',
    (r) => `${r.fullScan!.raised.toLocaleString()} (${r.fullScan!.findingsPerSecond.toLocaleString()}/s)`,
  );
  row(
    'idempotent full rescan: time, raised',
    'raises 0',
    (r) => `${s(r.rescan!.ms)}, ${r.rescan!.raised} raised, ${r.rescan!.reopened} reopened`,
  );
  row(
    'one day of changes',
    '',
    (r) =>
      `${r.day!.changed.incidentsNew} incidents, ${r.day!.changed.casesNew} new cases, ${['submitted', 'approved', 'decided', 'closed'].reduce((n, k) => n + (r.day!.changed[k] ?? 0), 0)} cases moved on`,
  );
  row(
    'incremental scan of the day',
    '≤ 1 s',
    (r) => `${s(r.incrementalScan!.ms)}${r.incrementalScan!.met ? '' : ' ✗'}`,
  );
  row(
    'incremental: raised / resolved',
    '',
    (r) => `${r.incrementalScan!.raised} / ${r.incrementalScan!.resolved}`,
  );
  row('peak memory during the full scan (RSS)', '', (r) => `${r.fullScan!.peakRssMb} MB`);
  row('peak memory of the run (RSS)', '', (r) => `${r.peakMemoryMb} MB`);
  row('rules (all in force from)', '', (r) => `${r.rules!.enabled} (${r.rules!.effectiveFrom})`);
  for (const r of results) {
    if (!r.findingsByRule) continue;
    lines.push(
      '',
      `## By rule — ${r.database}`,
      '',
      '| rule | findings | open | full scan ms | rescan ms | incremental ms |',
      '|---|---|---|---|---|---|',
    );
    const byRule = r.findingsByRule;
    const codes = [...new Set([...Object.keys(r.fullScan?.ruleMs ?? {}), ...Object.keys(byRule)])].sort();
    for (const rule of codes) {
      const f = byRule[rule] ?? { total: 0, open: 0 };
      const ms = (x?: ScanFigures) => String(x?.ruleMs[rule] ?? '—');
      lines.push(
        `| ${rule} | ${f.total.toLocaleString()} | ${f.open.toLocaleString()} | ${ms(r.fullScan)} | ${ms(r.rescan)} | ${ms(r.incrementalScan)} |`,
      );
    }
  }
  for (const r of results)
    for (const p of r.slowestStatementPlans ?? [])
      lines.push(
        '',
        `## Slowest statement of the ${p.scan} (${p.maxMs} ms) — ${r.database}`,
        '',
        '```',
        p.sql,
        '',
        ...p.plan,
        '```',
      );
  return `${lines.join('\n')}\n`;
}
