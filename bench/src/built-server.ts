import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The built server as `npm start` runs it, in its own process, on a data folder: plain HTTP on
 * the loopback, no daily jobs competing with what is measured. Returns when it answers.
 */
export async function startBuiltServer(dataDir: string, env: NodeJS.ProcessEnv = {}) {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...env,
    PORT: String(port),
    FAZHI_DATA_DIR: dataDir,
    FAZHI_SCHEDULER: 'off',
    // the API sign-in sends no Origin: say it is plain HTTP (docs/operations.md, Secure cookies)
    FAZHI_SECURE_COOKIES: 'false',
  };
  delete childEnv.DATABASE_URL;
  delete childEnv.FAZHI_AUDIT_KEY_FILE;
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'server/bin/fazhi.js'), 'serve'], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const up = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    pid: child.pid!,
    startMs: Math.round(performance.now() - t0),
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    },
  };
}
