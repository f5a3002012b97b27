import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const rootPkg = require('../../package.json') as { version: string };

/** Everything the server reads from the environment, in one place (documented in the README). */
export interface Config {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  version: string;
  /**
   * Cookies get `Secure` (sent over HTTPS only). On unless FAZHI_SECURE_COOKIES=false says the
   * server runs on plain HTTP for development; a browser on http://localhost is let in anyway.
   */
  secureCookies: boolean;
  /** Trust X-Forwarded-For for the client address (only behind a proxy you run). */
  trustProxy: boolean;
  /** Run the daily jobs (supervision scan, camera sample, call-backs) in this instance. */
  scheduler: boolean;
  /** FAZHI_AUDIT_KEY_FILE: the audit key file (default `<data dir>/audit.key`, see audit/keys.ts). */
  auditKeyFile: string | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.FAZHI_DATA_DIR ?? './data'),
    version: rootPkg.version,
    secureCookies: env.FAZHI_SECURE_COOKIES !== 'false',
    trustProxy: env.FAZHI_TRUST_PROXY === 'true',
    scheduler: env.FAZHI_SCHEDULER !== 'off',
    auditKeyFile: env.FAZHI_AUDIT_KEY_FILE || undefined,
  };
}
