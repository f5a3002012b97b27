/**
 * Once per browser-test run: the demo branch is loaded into one embedded database, which every
 * spec's server then starts from a copy of (a directory copy takes a second; loading the demo
 * takes half a minute each time). The copy is what a fresh `npm start` would have loaded.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-e2e-template-'));
  const env: NodeJS.ProcessEnv = { ...process.env, FAZHI_DATA_DIR: dir };
  delete env.DATABASE_URL;
  execFileSync(process.execPath, [path.join(root, 'server/bin/fazhi.js'), 'seed', '--demo'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // The test workers start after this and inherit the environment (see harness.startServer).
  process.env.FAZHI_E2E_TEMPLATE = dir;
  return () => {
    delete process.env.FAZHI_E2E_TEMPLATE;
    rmSync(dir, { recursive: true, force: true });
  };
}
