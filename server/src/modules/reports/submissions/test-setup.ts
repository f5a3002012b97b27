import { and, eq } from 'drizzle-orm';
import { officers, units } from '../../../db/schema/index.ts';
import { type TestApp, testApp } from '../../../test-support/test-app.ts';

/**
 * TESTS ONLY. The demo app for 数据填报 tests: 指挥中心 has a filler among the demo accounts
 * (command) but no head, so `unithead` is moved there to sign its forms.
 */
export async function submissionsTestApp(): Promise<TestApp> {
  const t = await testApp();
  const [zh] = await t.database.db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.orgId, t.orgId), eq(units.code, 'OFFICE-ZH')));
  if (!zh) throw new Error('the demo has no 指挥中心 (OFFICE-ZH)');
  await t.database.db.update(officers).set({ unitId: zh.id }).where(eq(officers.username, 'unithead'));
  return t;
}
