/** Closed cases and lookups for the evaluation integration tests (test-only). */
import { and, eq } from 'drizzle-orm';
import { auditLog, cases, officers, units } from '../../db/schema/index.ts';
import type { TestApp } from '../../test-support/test-app.ts';

let seq = 0;

export async function unitIdsOf(t: TestApp): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const u of await t.database.db.select().from(units).where(eq(units.orgId, t.orgId)))
    out[u.code] = u.id;
  return out;
}

/** The unit's first officer, as the lead officer of the test cases. */
export async function leadOfficerOf(t: TestApp, unitId: number): Promise<number> {
  const [o] = await t.database.db
    .select({ id: officers.id })
    .from(officers)
    .where(and(eq(officers.orgId, t.orgId), eq(officers.unitId, unitId)))
    .orderBy(officers.id)
    .limit(1);
  return o!.id;
}

/** A case of `unitId` closed at `closedAt` (an ISO instant), or still open when null. */
export async function closedCase(
  t: TestApp,
  unitId: number,
  officerId: number,
  closedAt: string | null,
): Promise<number> {
  const n = ++seq;
  const [c] = await t.database.db
    .insert(cases)
    .values({
      orgId: t.orgId,
      caseNo: `EVAL-TEST-${n}`,
      caseType: n % 3 === 0 ? 'criminal' : 'admin',
      unitId,
      leadOfficerId: officerId,
      title: `考评测试案件 ${n}`,
      status: closedAt ? 'closed' : 'investigating',
      receivedAt: new Date(closedAt ? Date.parse(closedAt) - 20 * 86_400_000 : Date.now()),
      closedAt: closedAt ? new Date(closedAt) : null,
    })
    .returning({ id: cases.id });
  return c!.id;
}

export async function auditOf(t: TestApp, action: string, targetId: number | string) {
  return t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, String(targetId))));
}
