/** The report benchmark's result shape and its markdown summary. */

import type { Reference } from './seq-scan-reference.ts';
import type { StatementStat } from './supervision-profile.ts';

export interface BuildFigures {
  ms: number;
  peakRssMb: number;
}

export interface Result {
  database: string;
  scale: number;
  /** When this database was measured (results of a database a run skips are kept). */
  measuredAt?: string;
  /** The report's year: the last full calendar year of the history. */
  year?: number;
  rows: Record<string, number>;
  generation: { ms: number; steps: Record<string, number> };
  reference?: Reference;
  build?: {
    targetMs: number;
    /** The first build in the process (modules loaded, plans not cached): */
    cold: BuildFigures;
    /** Three builds straight after: */
    warmRunsMs: number[];
    warmMedianMs: number;
    met: boolean;
    ratioToSeqScan: number;
    /** Figure references the report prints (every occurrence), as buildAnnualReport counts them. */
    figures: number;
    /** Distinct metric ids referenced with no value for the year (printed as 【待填报】). */
    missing: number;
    missingIds: string[];
    docxBytes: number;
    markdownChars: number;
    peakRssMb: number;
  };
  /** metricValues alone for the year (what part of a build is computing the figures). */
  metrics?: {
    ms: number;
    total: number;
    byStatus: Record<string, number>;
    /** Computed metrics whose value came out null (no denominator …). */
    computedNull: number;
  };
  /** checkYear: the checker over the built text with Fazhi's records as `known`. */
  check?: { ms: number; findings: number; byKind: Record<string, number> };
  buildStatements?: StatementStat[];
  slowestStatementPlan?: { sql: string; maxMs: number; plan: string[] };
  error?: string;
  peakMemoryMb: number;
}

const s = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

export function summary(results: Result[]): string {
  const lines = [
    `# Annual report benchmark — ${new Date().toISOString().slice(0, 16)}Z`,
    '',
    '`buildAnnualReport(db, orgId, year)` (server/src/modules/reports/annual/) for the last full',
    'year of a generated ten-year district history (bench/src/history.ts), target ≤ 10 s.',
    '',
  ];
  for (const r of results) {
    lines.push(
      `## ${r.database} — scale ${r.scale}${r.measuredAt ? ` (measured ${r.measuredAt.slice(0, 16)}Z)` : ''}`,
      '',
    );
    lines.push(
      `History: ${Object.entries(r.rows)
        .map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`)
        .join(', ')}; generated in ${s(r.generation.ms)}.`,
      '',
    );
    if (r.error) {
      lines.push(`**Failed:** ${r.error}`, '');
      continue;
    }
    const b = r.build;
    if (r.reference)
      lines.push(
        `Reference (same run): \`${r.reference.sql}\`, ${r.reference.settings}: **${r.reference.ms} ms** (incidents heap ${r.reference.incidentsHeapMb} MB, database ${r.reference.databaseMb} MB).`,
        '',
      );
    if (b)
      lines.push(
        '| figure | value |',
        '|---|---|',
        `| year | ${r.year} |`,
        `| cold build (first in process) | ${s(b.cold.ms)} |`,
        `| warm build, median of 3 | **${s(b.warmMedianMs)}** (${b.warmRunsMs.map((x) => s(x)).join(', ')}) |`,
        `| target ≤ ${s(b.targetMs)} | ${b.met ? 'met' : '**missed**'} |`,
        `| ratio to the reference | ${b.ratioToSeqScan}× |`,
        `| figures printed (every {{metric}} occurrence) / metrics without a value | ${b.figures} / ${b.missing} |`,
        `| .docx size | ${(b.docxBytes / 1024).toFixed(0)} KB |`,
        `| Markdown | ${b.markdownChars.toLocaleString('en-US')} characters |`,
        `| peak RSS during the builds | ${b.peakRssMb} MB |`,
        `| peak RSS of the whole run | ${r.peakMemoryMb} MB |`,
        '',
      );
    if (r.metrics)
      lines.push(
        `metricValues alone: ${s(r.metrics.ms)} for ${r.metrics.total} metrics (${Object.entries(
          r.metrics.byStatus,
        )
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')}; ${r.metrics.computedNull} computed metrics null).`,
        '',
      );
    if (r.check)
      lines.push(
        `Consistency check of the built text: ${s(r.check.ms)}, ${r.check.findings} findings${
          r.check.findings
            ? ` (${Object.entries(r.check.byKind)
                .map(([k, v]) => `${v} ${k}`)
                .join(', ')})`
            : ''
        }.`,
        '',
      );
    if (b?.missingIds.length) lines.push(`Missing: ${b.missingIds.join(', ')}`, '');
    if (r.buildStatements?.length) {
      lines.push(
        'Cold build, statements by total time:',
        '',
        '| total ms | calls | max ms | SQL |',
        '|---|---|---|---|',
      );
      for (const st of r.buildStatements)
        lines.push(
          `| ${st.totalMs} | ${st.calls} | ${st.maxMs} | \`${st.sql.slice(0, 160).replace(/\|/g, '\\|')}\` |`,
        );
      lines.push('');
    }
  }
  return `${lines.join('\n')}\n`;
}
