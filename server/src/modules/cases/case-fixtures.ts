/**
 * Helpers for the cases module's integration tests: incidents straight into the table, cases
 * through the API, a full checklist, valid ID numbers.
 */
import { type DecisionKind, idNumberCheckDigit, REVIEW_CHECKLIST } from '@fazhi/common';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { auditLog, incidents, reviews, units } from '../../db/schema/index.ts';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';

/**
 * A test file's app and the demo users it signs in: ready from `beforeAll`, closed `afterAll`.
 * Read them as `s.t`, `s.users.officer` … inside the tests.
 */
export function caseTestApp<const N extends readonly string[]>(names: N) {
  const s = { users: {} } as { t: TestApp; users: Record<N[number], TestClient> };
  beforeAll(async () => {
    s.t = await testApp();
    const signed = await signInAll(s.t, names);
    names.forEach((n: N[number], i) => {
      s.users[n] = signed[i]!;
    });
  }, 120_000);
  afterAll(() => s.t.close());
  return s;
}

/** Signs in several demo users at once, typed as a tuple. */
export async function signInAll<const N extends readonly string[]>(
  t: TestApp,
  names: N,
): Promise<{ [K in keyof N]: TestClient }> {
  return (await Promise.all(names.map((n) => t.signIn(n)))) as { [K in keyof N]: TestClient };
}

export const validId = (first17: string) => first17 + idNumberCheckDigit(first17);
export const ID_1 = validId('11010519900307123');

/** Every point answered: all 符合, or all 存在问题 with a note (a problem must say what it is). */
export function checklist(ok = true, note: string | null = ok ? null : '证据不足，须补充') {
  return Object.fromEntries(REVIEW_CHECKLIST.map((k) => [k, { ok, note }]));
}

export async function unitId(t: TestApp, code: string): Promise<number> {
  const [u] = await t.database.db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.orgId, t.orgId), eq(units.code, code)));
  return u!.id;
}

let seq = 0;
export async function newIncident(t: TestApp, unitCode = 'PS-01', receivedAt = '2021-09-27T10:00:00+08:00') {
  seq++;
  const [row] = await t.database.db
    .insert(incidents)
    .values({
      orgId: t.orgId,
      incidentNo: `T${Date.now()}${seq}`,
      source: '110',
      receivedAt: new Date(receivedAt),
      callerName: '王某',
      categoryCode: 'ZA-DO',
      place: '城关镇解放路1号',
      narrative: '报警称在解放路被人殴打',
      unitId: await unitId(t, unitCode),
    })
    .returning({ id: incidents.id });
  return row!.id;
}

export async function auditCount(t: TestApp, caseId: number, action?: string): Promise<number> {
  const conds = [eq(auditLog.targetType, 'case'), eq(auditLog.targetId, String(caseId))];
  if (action) conds.push(eq(auditLog.action, action));
  const [r] = await t.database.db
    .select({ n: count() })
    .from(auditLog)
    .where(and(...conds));
  return r!.n;
}

export async function createCase(c: TestClient, body: Record<string, unknown>) {
  const res = await c.post('/api/cases', {
    caseType: 'admin',
    title: '李某殴打他人案',
    receivedAt: '2021-09-27T10:00:00+08:00',
    ...body,
  });
  const json = await read(res);
  if (res.status !== 200) throw new Error(`create case: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export async function act(c: TestClient, id: number, action: string, body: Record<string, unknown> = {}) {
  const res = await c.post(`/api/cases/${id}/actions/${action}`, body);
  return { status: res.status, body: await read(res) };
}

/**
 * 呈请 then 批准: the officer proposes 立案 or 不予立案, the branch head (`head`) approves it with
 * `body` (程序规定 art.178). Answers the branch head's act.
 */
export async function approvedFiling(
  officer: TestClient,
  head: TestClient,
  id: number,
  decision: 'file' | 'refuse_filing',
  body: Record<string, unknown> = {},
) {
  const asked = await act(officer, id, 'request_filing', {
    proposed: decision,
    reason: decision === 'file' ? '有犯罪事实需要追究刑事责任' : '没有犯罪事实',
    complainantPartyId: body.complainantPartyId ?? null,
  });
  if (asked.status !== 200) return asked;
  return act(head, id, decision, body);
}

/** An accepted admin case with a person party and an offence, ready for submission. */
export async function readyAdminCase(t: TestApp, officer: TestClient, extra: Record<string, unknown> = {}) {
  const created = await createCase(officer, extra);
  const accepted = await act(officer, created.id, 'accept', { acceptedOn: '2021-09-28' });
  if (accepted.status !== 200) throw new Error(`accept: ${JSON.stringify(accepted.body)}`);
  const withParty = await read(
    await officer.post(`/api/cases/${created.id}/parties`, {
      kind: 'person',
      role: 'offender',
      name: '张三丰',
      idNumber: ID_1,
      phone: '13812345678',
      address: '重庆市渝北区龙溪街道松石北路128号',
    }),
  );
  // 殴打他人 and 扰乱单位秩序: the second is one a warning is lawful for.
  await officer.put(`/api/cases/${created.id}/offences`, { codes: ['ZA-43-1', 'ZA-23'] });
  void t;
  return { id: created.id as number, partyId: withParty.parties[0].id as number };
}

/** 处罚前告知 by `officer` on `on`: the party waives the statement and any hearing (extra overrides). */
export async function inform(
  officer: TestClient,
  id: number,
  on: string,
  extra: Record<string, unknown> = {},
) {
  const r = await act(officer, id, 'inform', {
    informedOn: on,
    statement: 'waived',
    hearing: 'waived',
    ...extra,
  });
  if (r.status !== 200) throw new Error(`inform: ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

/**
 * A lawful proposal of the kind under 治安管理处罚法 (2012, the act dates of these cases): 殴打他人
 * (一般) is detention 5–10 days with a fine of 200–500; (情节较轻) a fine up to 500; a warning is
 * lawful for 扰乱单位秩序, not for 殴打他人.
 */
export function proposal(kind: DecisionKind, partyId: number | null, extra: Record<string, unknown> = {}) {
  return {
    kind,
    fineAmount: kind === 'fine' ? 500 : kind === 'detention' ? 200 : null,
    detentionDays: kind === 'detention' ? 5 : null,
    penaltyItemCodes: [kind === 'warning' ? 'ZA-23' : 'ZA-43-1'],
    tier: kind === 'fine' ? 'minor' : 'ordinary',
    partyId,
    facts: '2021年9月27日10时许，张三丰在解放路因琐事殴打王某，致其轻微伤。',
    reasoning: '',
    ...extra,
  };
}

/** Dates a case's review acts on a past day, so a decision may be dated after them in the past. */
export async function backdateReviews(t: TestApp, caseId: number, date: string) {
  await t.database.db
    .update(reviews)
    .set({ actedAt: new Date(`${date}T09:00:00+08:00`) })
    .where(eq(reviews.caseId, caseId));
}
