import { createHash, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The audit key: every audit record carries a MAC made with it by the transaction that wrote the
 * record, and every seal of the chain is keyed with it. The key lives in a file outside the
 * database, so whoever can write to the database (a DBA, a stolen database password, a restored
 * backup) cannot make a record or a seal that `fazhi audit verify` accepts.
 *
 * The key file holds one key per line (base64 of 32 random bytes, `#` starts a comment). The
 * first key signs; the others are retired keys kept to verify what they signed (rotation).
 */
export interface AuditKey {
  /** Names the key in the records it signed: the first 12 hex digits of its SHA-256. */
  id: string;
  secret: Buffer;
}

export interface AuditKeyring {
  current: AuditKey;
  byId: ReadonlyMap<string, AuditKey>;
  /** Where the keys came from, for messages. */
  source: string;
}

const KEY_BYTES = 32;

function keyOf(secret: Buffer): AuditKey {
  return { id: createHash('sha256').update(secret).digest('hex').slice(0, 12), secret };
}

export function parseKeyFile(text: string, source: string): AuditKeyring {
  const keys: AuditKey[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const secret = Buffer.from(line, 'base64');
    if (secret.length < KEY_BYTES || secret.toString('base64').replace(/=+$/, '') !== line.replace(/=+$/, ''))
      throw new Error(`${source}, line ${i + 1}: not a key (base64 of at least ${KEY_BYTES} bytes)`);
    keys.push(keyOf(secret));
  }
  const [current] = keys;
  if (!current) throw new Error(`${source}: no key in the file`);
  return { current, byId: new Map(keys.map((k) => [k.id, k])), source };
}

/** A new key file's text: one fresh key, with a comment on what it is. */
export function newKeyFileText(): string {
  return `# Fazhi audit key (first line signs; older keys below it only verify). Keep it outside the database.\n${randomBytes(KEY_BYTES).toString('base64')}\n`;
}

/** Writes a new key file readable by its owner only; refuses to overwrite one. */
export function writeNewKeyFile(file: string): AuditKeyring {
  if (existsSync(file)) throw new Error(`${file} exists already: an audit key is never overwritten`);
  mkdirSync(path.dirname(file), { recursive: true });
  const text = newKeyFileText();
  writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
  return parseKeyFile(text, file);
}

export interface KeySource {
  /** FAZHI_AUDIT_KEY_FILE, when set. */
  keyFile: string | undefined;
  dataDir: string;
  /** An embedded database that is starting may make its key; nothing else may. */
  mayCreate: boolean;
}

/** Where the key file is looked for: FAZHI_AUDIT_KEY_FILE, else `<data dir>/audit.key`. */
export function keyFilePath(s: KeySource): string {
  return path.resolve(s.keyFile ?? path.join(s.dataDir, 'audit.key'));
}

/**
 * Loads the audit key. An embedded database gets a key beside it on first start (the demo and a
 * single workstation); a PostgreSQL deployment must be given one (`fazhi audit keygen`), so that
 * every instance signs with the same key and none invents its own.
 */
export function loadAuditKeys(s: KeySource, log: (m: string) => void = console.log): AuditKeyring {
  const file = keyFilePath(s);
  if (!existsSync(file)) {
    if (!s.mayCreate || s.keyFile)
      throw new Error(
        `No audit key at ${file}. Create one with \`fazhi audit keygen --out ${file}\`, give every instance the same file, and set FAZHI_AUDIT_KEY_FILE (docs/operations.md#audit-key).`,
      );
    log(`new audit key written to ${file} (keep it with the data, outside backups of the database)`);
    return writeNewKeyFile(file);
  }
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0)
    log(`warning: the audit key ${file} is readable by other users; chmod 600 it`);
  return parseKeyFile(readFileSync(file, 'utf8'), file);
}

let ring: AuditKeyring | null = null;

/** Installs the keyring the process signs and verifies with (the server, the CLI, a test). */
export function useAuditKeys(keys: AuditKeyring): void {
  ring = keys;
}

export function auditKeys(): AuditKeyring {
  if (!ring) throw new Error('the audit key is not loaded (useAuditKeys) — audit records cannot be signed');
  return ring;
}

/** A fresh key held in memory only: tests and benchmarks, whose databases die with them. */
export function ephemeralAuditKeys(): AuditKeyring {
  return parseKeyFile(newKeyFileText(), 'memory');
}

export function hmac(key: AuditKey, ...parts: string[]): string {
  const h = createHmac('sha256', key.secret);
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('hex');
}
