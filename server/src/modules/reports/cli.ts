import type { Database } from '../../db/index.ts';
import { checkFile } from './checker/check-file.ts';

/**
 * `fazhi report check FILE` and `fazhi report build …`. `check` prints the findings as a JSON
 * array ({kind, message, excerpts …}) and answers exit code 1 when there is any, so a script can
 * stop on a report that contradicts itself.
 */
export async function reportCommand(
  sub: string | undefined,
  args: { file?: string; year?: string; out?: string },
  openDatabase: () => Promise<Database>,
): Promise<number> {
  void openDatabase;
  if (sub === 'check') {
    if (!args.file) {
      console.error('usage: fazhi report check FILE (.docx or .txt)');
      return 2;
    }
    const findings = await checkFile(args.file);
    process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
    return findings.length ? 1 : 0;
  }
  console.error('usage: fazhi report check FILE | fazhi report build --year YYYY --out FILE.docx');
  return 2;
}
