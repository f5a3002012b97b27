import { readFile } from 'node:fs/promises';
import { PenaltyCheckRequest } from '@fazhi/common';
import type { Database } from '../../db/index.ts';
import { prepareDatabase } from '../../server.ts';
import { penaltyCheck } from './register.service.ts';

/**
 * `fazhi law check FILE.json`: the body of `POST /api/law/penalty-check` in a file, checked
 * against the database's law register. Prints the answer as JSON; exit 1 when the proposal is
 * unlawful, 2 when the file is not a valid body (the fields named on stderr).
 */
export async function lawCommand(
  sub: string | undefined,
  file: string | undefined,
  lang: string | undefined,
  openDatabase: () => Promise<Database>,
): Promise<number> {
  if (sub !== 'check' || !file) {
    console.error('usage: fazhi law check FILE.json [--lang zh-CN|en-US]');
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    console.error(`${file}: ${e instanceof Error ? e.message : e}`);
    return 2;
  }
  const body = PenaltyCheckRequest.safeParse(raw);
  if (!body.success) {
    for (const i of body.error.issues) console.error(`${i.path.join('.') || '(body)'}: ${i.message}`);
    return 2;
  }
  const database = await openDatabase();
  try {
    await prepareDatabase(database, () => {});
    const locale = lang === 'en-US' ? 'en-US' : 'zh-CN';
    const result = await penaltyCheck({ db: database.db, locale }, body.data);
    console.log(JSON.stringify(result, null, 2));
    return result.lawful ? 0 : 1;
  } finally {
    await database.close();
  }
}
