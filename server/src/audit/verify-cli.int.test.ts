import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../db/index.ts';
import { systemCtx } from '../http/context.ts';
import { prepareDatabase } from '../server.ts';
import { sealPending } from './chain.ts';
import { useAuditKeys, writeNewKeyFile } from './keys.ts';
import { audit } from './record.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/fazhi.js');
let dir: string;
const ids = { edited: 0, deleted: 0, inserted: 0 };

/** `fazhi audit verify` on an embedded database whose log was tampered with three ways. */
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fazhi-verify-'));
  useAuditKeys(writeNewKeyFile(path.join(dir, 'audit.key')));
  const database = await createDb({ dataDir: dir });
  try {
    await prepareDatabase(database, () => {});
    const db = database.db;
    for (let i = 0; i < 6; i++)
      await db.transaction((tx) =>
        audit(tx, systemCtx(tx, 1), { action: 'audit.verify', targetType: 'audit' }),
      );
    await sealPending(db);
    const rows = (await db.execute(sql`select id from audit_log order by id`)) as unknown as {
      rows: { id: unknown }[];
    };
    const all = rows.rows.map((r) => Number(r.id));
    [ids.edited, ids.deleted, ids.inserted] = [all[1]!, all[3]!, all[5]! + 10];
    await db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await db.execute(sql`update audit_log set outcome = 'failure' where id = ${ids.edited}`);
    await db.execute(sql`delete from audit_log where id = ${ids.deleted}`);
    await db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    await db.execute(
      sql`insert into audit_log (id, org_id, at, action, outcome) values (${ids.inserted}, 1, now(), 'case.approve', 'success')`,
    );
  } finally {
    await database.close();
  }
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]): { code: number; out: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, FAZHI_DATA_DIR: dir };
  delete env.DATABASE_URL;
  delete env.FAZHI_AUDIT_KEY_FILE;
  try {
    return {
      code: 0,
      out: execFileSync(process.execPath, [bin, 'audit', 'verify', ...args], { env, encoding: 'utf8' }),
    };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { code: err.status, out: err.stdout };
  }
}

describe('fazhi audit verify', () => {
  it('names an inserted, an edited and a deleted record in the same run, as JSON, and exits 1', () => {
    const { code, out } = run('--json');
    expect(code).toBe(1);
    const result = JSON.parse(out);
    expect(result).toMatchObject({ ok: false, checked: 4, pending: 0, problemCount: 3 });
    expect(result.problems).toEqual([
      { kind: 'altered', auditId: ids.edited },
      { kind: 'deleted', auditId: ids.deleted },
      { kind: 'inserted', auditId: ids.inserted },
    ]);
  });

  it('says the same in words after a first run, which changed nothing', () => {
    const { code, out } = run();
    expect(code).toBe(1);
    expect(out).toContain('audit chain BROKEN: 3 problem(s)');
    expect(out).toContain(`#${ids.edited}  altered: Record altered`);
    expect(out).toContain(`#${ids.deleted}  deleted: Record deleted`);
    expect(out).toContain(`#${ids.inserted}  inserted: Record inserted outside the application`);
  });

  it('refuses to run without the key rather than make one', () => {
    rmSync(path.join(dir, 'audit.key'));
    const env: NodeJS.ProcessEnv = { ...process.env, FAZHI_DATA_DIR: dir };
    delete env.DATABASE_URL;
    let stderr = '';
    try {
      execFileSync(process.execPath, [bin, 'audit', 'verify'], { env, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      stderr = (e as { stderr: string }).stderr;
    }
    expect(stderr).toContain('No audit key at');
  });
});
