import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, units } from '../db/schema/index.ts';
import { read, type TestApp, testApp } from '../test-support/test-app.ts';
import { sealPending, verifyChain } from './chain.ts';

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
    expect(result).toMatchObject({ ok: true, brokenAt: null });
    expect(result.checked).toBe(await count());
  });

  it('names the first edited, deleted or inserted record when someone bypasses the guard', async () => {
    await sealPending(db());
    const ids = (await db().select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id)).map((r) => r.id);
    const bypass = async (statement: ReturnType<typeof sql>) => {
      await db().execute(sql`alter table audit_log disable trigger audit_log_append_only`);
      await db().execute(statement);
      await db().execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    };
    expect(ids.length).toBeGreaterThan(4);
    const [edited, deleted] = [ids[1]!, ids[3]!];
    await bypass(sql`update audit_log set summary = '{"forged":true}' where id = ${edited}`);
    expect(await verifyChain(db())).toMatchObject({ ok: false, brokenAt: edited, reason: 'record altered' });
    await bypass(sql`delete from audit_log where id = ${edited}`);
    expect(await verifyChain(db())).toMatchObject({ ok: false, brokenAt: edited, reason: 'record deleted' });
    await bypass(sql`delete from audit_log where id = ${deleted}`);
    expect((await verifyChain(db())).brokenAt).toBe(edited);
  });
});

describe('inserted records', () => {
  it('flags a record inserted behind the application’s back', async () => {
    const t2 = await testApp();
    try {
      await sealPending(t2.database.db);
      expect((await verifyChain(t2.database.db)).ok).toBe(true);
      await t2.database.db
        .insert(auditLog)
        .values({ orgId: t2.orgId, action: 'forged', at: new Date(Date.now() - 3600_000) });
      const [forged] = await t2.database.db.select().from(auditLog).where(eq(auditLog.action, 'forged'));
      expect(await verifyChain(t2.database.db)).toMatchObject({ ok: false, brokenAt: forged!.id });
    } finally {
      await t2.close();
    }
  });
});
