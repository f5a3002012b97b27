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
  uploads: UploadSettings;
}

/** Where uploads wait while they arrive, and how large evidence may be (docs/operations.md). */
export interface UploadSettings {
  /**
   * Folder of the temporary files an upload streams into before it is stored in the database;
   * FAZHI_UPLOAD_TMP_DIR, by default `tmp` in the data folder (on disk: /tmp may be in memory).
   */
  tmpDir: string;
  /**
   * The largest evidence upload in bytes (执法记录仪 audio and video run large):
   * FAZHI_EVIDENCE_UPLOAD_MB, 100 by default. Other uploads keep the general 25 MB.
   */
  evidenceLimit: number;
}

export const DEFAULT_EVIDENCE_UPLOAD_MB = 100;

function evidenceMb(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_EVIDENCE_UPLOAD_MB;
  const mb = Number(value);
  if (!Number.isInteger(mb) || mb < 1 || mb > 2000)
    throw new Error(`FAZHI_EVIDENCE_UPLOAD_MB must be a whole number of MB from 1 to 2000, not "${value}"`);
  return mb;
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
    uploads: {
      tmpDir: path.resolve(env.FAZHI_UPLOAD_TMP_DIR || path.join(env.FAZHI_DATA_DIR ?? './data', 'tmp')),
      evidenceLimit: evidenceMb(env.FAZHI_EVIDENCE_UPLOAD_MB) * 1024 * 1024,
    },
  };
}
