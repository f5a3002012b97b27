import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useAuditKeys, writeNewKeyFile } from '../../server/src/audit/keys.ts';
import { createDb } from '../../server/src/db/index.ts';
import { seedDemo } from '../../server/src/seed/demo.ts';
import { prepareDatabase } from '../../server/src/server.ts';

/**
 * A fresh data folder holding an embedded database with the demo branch and its audit key, as a
 * first `npm start` leaves it: the benches load it here, then start the built server on it in
 * its own process (loading takes minutes on a busy machine, past any start-up limit).
 */
export async function demoDataDir(prefix: string, opts: { history?: boolean } = {}): Promise<string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), prefix));
  // the key the server will find beside its database (FAZHI_DATA_DIR/audit.key)
  useAuditKeys(writeNewKeyFile(path.join(dataDir, 'audit.key')));
  const database = await createDb({ dataDir });
  try {
    await prepareDatabase(database, () => {});
    await seedDemo(database.db, opts);
  } finally {
    await database.close();
  }
  return dataDir;
}
