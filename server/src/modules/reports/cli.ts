import { writeFile } from 'node:fs/promises';
import type { Database } from '../../db/index.ts';
import { firstOrgId } from '../../seed/org.ts';
import { prepareDatabase } from '../../server.ts';
import { buildAnnualReport, checkText } from './annual/build.ts';
import { checkFile, readReportText } from './checker/check-file.ts';

const USAGE = 'usage: fazhi report check FILE [--year YYYY] | fazhi report build --year YYYY --out FILE.docx';

function parseYear(year: string | undefined): number | null {
  if (!year || !/^\d{4}$/.test(year)) return null;
  return Number(year);
}

/** Runs `work` on the branch of the configured database, migrated first; closes it after. */
async function withBranch<T>(
  openDatabase: () => Promise<Database>,
  work: (database: Database, orgId: number) => Promise<T>,
): Promise<T | null> {
  const database = await openDatabase();
  try {
    await prepareDatabase(database, () => {});
    const orgId = await firstOrgId(database.db);
    if (orgId === null) return null;
    return await work(database, orgId);
  } finally {
    await database.close();
  }
}

/**
 * `fazhi report check FILE` and `fazhi report build …`. `check` prints the findings as a JSON
 * array ({kind, message, excerpts …}) and answers exit code 1 when there is any, so a script can
 * stop on a report that contradicts itself. Without --year it reads no database (a check of a
 * file anyone sends); with --year it also compares the figures with the branch's records of that
 * year. `build` writes the year's report as .docx and prints how many figures it holds.
 */
export async function reportCommand(
  sub: string | undefined,
  args: { file?: string; year?: string; out?: string },
  openDatabase: () => Promise<Database>,
): Promise<number> {
  if (sub === 'check') {
    if (!args.file) {
      console.error(
        'usage: fazhi report check FILE (.docx or .txt) [--year YYYY to compare with the records]',
      );
      return 2;
    }
    const year = parseYear(args.year);
    if (args.year !== undefined && year === null) {
      console.error('--year: a year such as 2021');
      return 2;
    }
    let findings = year === null ? await checkFile(args.file) : null;
    if (year !== null) {
      const text = await readReportText(args.file);
      findings = await withBranch(openDatabase, (d, orgId) => checkText(d.db, orgId, text, year));
      if (findings === null) {
        console.error('the database holds no branch: run `fazhi seed` first');
        return 2;
      }
    }
    process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
    return findings?.length ? 1 : 0;
  }
  if (sub === 'build') {
    const year = parseYear(args.year);
    if (year === null || !args.out) {
      console.error('usage: fazhi report build --year YYYY --out FILE.docx');
      return 2;
    }
    const out = args.out;
    const built = await withBranch(openDatabase, (d, orgId) => buildAnnualReport(d.db, orgId, year));
    if (built === null) {
      console.error('the database holds no branch: run `fazhi seed` first');
      return 2;
    }
    await writeFile(out, built.docx);
    const summary = { year, out, bytes: built.docx.length, figures: built.figures, missing: built.missing };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return 0;
  }
  console.error(USAGE);
  return 2;
}
