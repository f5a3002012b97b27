import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { grantAppRole } from '../db/app-role.ts';
import { type Database, rows } from '../db/index.ts';
import { auditLog, auditSeals, units } from '../db/schema/index.ts';
import { systemCtx } from '../http/context.ts';
import { read, type TestApp, testApp } from '../test-support/test-app.ts';
import { sealPending } from './chain.ts';
import { auditKeys } from './keys.ts';
import { audit } from './record.ts';
import { verifyChain } from './verify.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const db = () => t.database.db;
const count = async () => (await db().select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n;

describe('audit trail', () => {
  it('writes one record with before/after in the same transaction as each change', async () => {
    const admin = await t.signIn('admin');
    const root = (
      await admin.json<{ items: { id: number; code: string }[] }>(admin.get('/api/units'))
    ).items.find((u) => u.code === 'BRANCH')!;
    const before = await count();
    const created = await admin.json<{ id: number }>(
      admin.post('/api/units', { parentId: root.id, code: 'AUD-1', name: '审计测试科', kind: 'office' }),
    );
    expect(await count()).toBe(before + 1);
    await admin.patch(`/api/units/${created.id}`, { name: '审计测试二科' });
    const [rec] = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'unit.update'))
      .orderBy(sql`id desc`)
      .limit(1);
    expect(rec).toMatchObject({
      actorName: '系统管理员',
      actorRole: 'sysadmin',
      unitName: '科技信息化科',
      targetType: 'unit',
      targetId: String(created.id),
      summary: { before: { name: '审计测试科' }, after: { name: '审计测试二科' } },
    });
  });

  it('changes nothing and records nothing when the input is invalid, naming the field', async () => {
    const admin = await t.signIn('admin');
    const before = await count();
    const unitsBefore = (await db().select().from(units)).length;
    const res = await admin.post('/api/units', { parentId: 1, code: '', name: 'x', kind: 'castle' });
    expect(res.status).toBe(400);
    const { error } = await read(res);
    expect(Object.keys(error.fields).sort()).toEqual(['code', 'kind', 'name']);
    expect(error.fields.kind).toBe('不是可选的值');
    // Only the sign-in of this test is new.
    expect(await count()).toBe(before);
    expect((await db().select().from(units)).length).toBe(unitsBefore);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit records in the database itself', async () => {
    const refused = async (statement: ReturnType<typeof sql>) => {
      const error = await db()
        .execute(statement)
        .then(
          () => null,
          (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
        );
      expect(error).toMatch(/append-only/);
    };
    await refused(sql`update audit_log set action = 'x'`);
    await refused(sql`delete from audit_log`);
    await refused(sql`truncate audit_log`);
    await sealPending(db());
    await refused(sql`delete from audit_seals`);
    await refused(sql`update audit_seals set hash = 'x'`);
  });

  it('chains every record and verifies the chain', async () => {
    await sealPending(db());
    const result = await verifyChain(db());
    expect(result).toMatchObject({ ok: true, problems: [], pending: 0 });
    expect(result.checked).toBe(await count());
  });

  it('verifies without writing: records just written stay pending', async () => {
    await write(t, 1);
    const seals = async () =>
      (await rows<{ n: number }>(db(), sql`select count(*)::int as n from audit_seals`))[0]!.n;
    const before = await seals();
    const result = await verifyChain(db());
    expect(result.ok).toBe(true);
    expect(result.pending).toBeGreaterThan(0);
    expect(await seals()).toBe(before);
  });
});

/** Does what a DBA with the owner's password could: switch the guard off for one statement. */
async function bypass(database: Database, statement: ReturnType<typeof sql>) {
  await database.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
  await database.db.execute(statement);
  await database.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
}

/** Records as the application writes them (a verification run is one). */
async function write(app: TestApp, n: number) {
  const d = app.database.db;
  // written an hour ago, so that a record left unsealed is overdue
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - 3600_000 });
  try {
    for (let i = 0; i < n; i++)
      await d.transaction((tx) =>
        audit(tx, systemCtx(tx, app.orgId), { action: 'audit.verify', targetType: 'audit' }),
      );
  } finally {
    vi.useRealTimers();
  }
}

/** A fresh branch whose log holds a few dozen records, all sealed. */
async function loggedApp(): Promise<TestApp> {
  const app = await testApp();
  await write(app, 12);
  await sealPending(app.database.db);
  return app;
}

/** A record as a forger would add it: every column filled in, the MAC made up or copied. */
const forged = (orgId: number, id: number, mac: string | null) =>
  sql`insert into audit_log (id, org_id, at, actor_name, action, outcome, key_id, mac)
      values (${id}, ${orgId}, now() - interval '1 hour', '法制支队', 'case.approve', 'success',
              ${auditKeys().current.id}, ${mac})`;

describe('records altered, deleted or inserted behind the application’s back', () => {
  it('are all named in one run, and the sealer never takes an inserted one into the chain', async () => {
    const t2 = await loggedApp();
    try {
      const d = t2.database;
      const ids = (
        await d.db.select({ id: auditLog.id, mac: auditLog.mac }).from(auditLog).orderBy(auditLog.id)
      ).map((r) => r);
      expect(ids.length).toBeGreaterThan(5);
      const [edited, deleted, copied] = [ids[1]!, ids[3]!, ids[4]!];
      await bypass(d, sql`update audit_log set summary = '{"forged":true}' where id = ${edited.id}`);
      await bypass(d, sql`delete from audit_log where id = ${deleted.id}`);
      // one with a made-up MAC, one replaying a genuine record's MAC under a new number
      const top = ids[ids.length - 1]!.id;
      await d.db.execute(forged(t2.orgId, top + 100, 'f'.repeat(64)));
      await d.db.execute(forged(t2.orgId, top + 101, copied.mac));
      await d.db.execute(forged(t2.orgId, top + 102, null));

      const refused: number[] = [];
      await sealPending(d.db, (bad) => refused.push(...bad));
      expect(refused).toEqual([top + 100, top + 101, top + 102]);
      const sealed = await rows<{ n: number }>(
        d.db,
        sql`select count(*)::int as n from audit_seals where audit_id >= ${top + 100}`,
      );
      expect(sealed[0]!.n).toBe(0);

      const result = await verifyChain(d.db);
      expect(result.ok).toBe(false);
      expect(result.problems).toEqual([
        { kind: 'altered', auditId: edited.id },
        { kind: 'deleted', auditId: deleted.id },
        { kind: 'inserted', auditId: top + 100 },
        { kind: 'inserted', auditId: top + 101 },
        { kind: 'inserted', auditId: top + 102 },
      ]);
      expect(result.checked).toBe(ids.length - 2);

      // the audit administrator's 校验审计链 finds the same, and the check is itself a record
      const auditor = await t2.signIn('auditor');
      const res = await auditor.json<{ ok: boolean; problems: unknown[] }>(auditor.get('/api/audit/verify'));
      expect(res.ok).toBe(false);
      expect(res.problems).toEqual(result.problems);
      const [check] = await d.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'audit.verify'))
        .orderBy(sql`id desc`)
        .limit(1);
      expect(check).toMatchObject({ outcome: 'failure', summary: { problemCount: 5 } });
    } finally {
      await t2.close();
    }
  });

  it('names a record whose seal was removed, and the gap a record removed with its seal leaves', async () => {
    const t2 = await loggedApp();
    try {
      const d = t2.database;
      const seals = await d.db.select().from(auditSeals).orderBy(auditSeals.seq);
      const [lostSeal, gone, after] = [seals[2]!, seals[5]!, seals[6]!];
      const off = async (statement: ReturnType<typeof sql>) => {
        await d.db.execute(sql`alter table audit_seals disable trigger audit_seals_append_only`);
        await d.db.execute(statement);
        await d.db.execute(sql`alter table audit_seals enable trigger audit_seals_append_only`);
      };
      await off(sql`delete from audit_seals where seq in (${lostSeal.seq}, ${gone.seq})`);
      await bypass(d, sql`delete from audit_log where id = ${gone.auditId}`);
      const result = await verifyChain(d.db);
      expect(result.problems).toEqual([
        { kind: 'unsealed', auditId: lostSeal.auditId },
        { kind: 'unchained', auditId: seals[3]!.auditId },
        { kind: 'unchained', auditId: after.auditId },
      ]);
    } finally {
      await t2.close();
    }
  });
});

describe('the application’s database role', () => {
  it('adds audit records only through fazhi_audit_append, and cannot change one', async () => {
    const role = `fazhi_app_${randomBytes(4).toString('hex')}`;
    const attempt = (statement: ReturnType<typeof sql>) =>
      db()
        .transaction(async (tx) => {
          await tx.execute(sql`create role ${sql.identifier(role)} nologin`);
          await grantAppRole(tx, role);
          await tx.execute(sql`set local role ${sql.identifier(role)}`);
          // the application's own path works under the role …
          await audit(tx, systemCtx(tx, t.orgId), { action: 'audit.verify', targetType: 'audit' });
          // … and the forger's does not
          await tx.execute(statement);
          return 'allowed';
        })
        .catch((e: Error & { cause?: Error }) => e.cause?.message ?? e.message);
    for (const statement of [
      forged(t.orgId, 999_999, 'f'.repeat(64)),
      sql`update audit_log set action = 'x'`,
      sql`delete from audit_seals`,
      sql`alter table audit_log disable trigger audit_log_append_only`,
    ])
      expect(await attempt(statement)).toMatch(/permission denied|must be owner/);
  });
});
