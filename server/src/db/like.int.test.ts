import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read, type TestApp, testApp } from '../test-support/test-app.ts';
import { officers, penaltyItems } from './schema/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  const db = t.database.db;
  await db.update(officers).set({ name: '刘%洋' }).where(eq(officers.username, 'officer2'));
  await db.update(officers).set({ name: '郑_律师' }).where(eq(officers.username, 'mediator'));
  const [item] = await db.select().from(penaltyItems).limit(1);
  await db
    .update(penaltyItems)
    .set({ name: `${item!.name}_100%` })
    .where(and(eq(penaltyItems.orgId, item!.orgId), eq(penaltyItems.code, item!.code)));
});
afterAll(() => t.close());

const names = (body: { items: { name: string }[] }) => body.items.map((x) => x.name);

describe('a search for % or _ finds only the records that contain it', () => {
  it('officers', async () => {
    const legal = await t.signIn('legal');
    const q = async (s: string) =>
      names(await read(await legal.get(`/api/officers?q=${encodeURIComponent(s)}`)));
    expect(await q('%')).toEqual(['刘%洋']);
    expect(await q('_')).toEqual(['郑_律师']);
  });

  it('penalty items', async () => {
    const legal = await t.signIn('legal');
    const q = async (s: string) =>
      names(await read(await legal.get(`/api/penalty-items?q=${encodeURIComponent(s)}`)));
    for (const s of ['%', '_']) {
      const found = await q(s);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/_100%$/);
    }
  });

  it('the audit trail by actor and by action', async () => {
    await t.signIn('officer2');
    const auditor = await t.signIn('auditor');
    const q = async (s: string) =>
      (await read(await auditor.get(`/api/audit?${s}`))).items.map((x: { actorName: string }) => x.actorName);
    const byActor = await q(`actor=${encodeURIComponent('%')}`);
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((n: string) => n === '刘%洋')).toBe(true);
    expect(await q(`action=${encodeURIComponent('_')}`)).toEqual([]);
  });
});
