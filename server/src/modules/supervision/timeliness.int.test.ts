/**
 * 逾期 is the unit's lateness, judged when it answered; the wait for verification is the legal
 * detachment's own clock. The same rule in the list and its filter, the detail, 待办, the
 * statistics and the 执法质量通报.
 */
import { addDays, chinaToday, DEFAULT_SUPERVISION_SETTINGS } from '@fazhi/common';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supervisionFindings, units } from '../../db/schema/index.ts';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';

let t: TestApp;
let legal: TestClient;
let unitlegal: TestClient;
let unitId = 0;
let seq = 0;
const today = chinaToday();
const { verifyDays } = DEFAULT_SUPERVISION_SETTINGS;
// The findings of these tests arose in a month nobody else uses, so the statistics are theirs.
const FROM = '2024-06-01';
const TO = '2024-06-30';

/** A China-time instant `days` before today. */
const daysAgo = (days: number) => new Date(`${addDays(today, -days)}T10:00:00+08:00`);

async function finding(o: { status: string; dueAgo: number; answeredAgo?: number; caseNo: string }) {
  const [row] = await t.database.db
    .insert(supervisionFindings)
    .values({
      orgId: t.orgId,
      ruleCode: 'repeated_send_backs',
      problemKey: `timeliness:${++seq}`,
      subjectType: 'unit',
      subjectId: unitId,
      unitId,
      severity: 'medium',
      detail: { caseNo: o.caseNo, sendBacks: 3 },
      occurredOn: '2024-06-10',
      status: o.status,
      rectifyDueOn: addDays(today, -o.dueAgo),
      answeredAt: o.answeredAgo === undefined ? null : daysAgo(o.answeredAgo),
    })
    .returning({ id: supervisionFindings.id });
  return row!.id;
}

const detail = async (id: number) => read(await legal.get(`/api/supervision/findings/${id}`));
const listIds = async (c: TestClient, qs: string) =>
  (await read(await c.get(`/api/supervision/findings?from=${FROM}&to=${TO}&pageSize=100&${qs}`))).items.map(
    (x: { id: number }) => x.id,
  );
const tasks = async (c: TestClient) =>
  (await read(await c.get('/api/tasks'))).items as {
    link: string;
    title: string;
    severity: string;
    due: string | null;
  }[];

async function verify(id: number) {
  const { version } = await detail(id);
  const res = await legal.post(`/api/supervision/findings/${id}/verify`, { version, outcome: 'corrected' });
  expect(res.status).toBe(200);
  return read(res);
}

async function bulletinText() {
  const res = await legal.post('/api/supervision/documents', {
    kind: 'quality_bulletin',
    periodFrom: FROM,
    periodTo: TO,
  });
  expect(res.status).toBe(200);
  const doc = await read(res);
  const file = await legal.get(`/api/supervision/documents/${doc.id}/file`);
  const zip = await JSZip.loadAsync(Buffer.from(await file.arrayBuffer()));
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

let onTime = 0; // answered 5 days before a deadline 20 days ago, still waiting for verification
let late = 0; // answered 3 days after a deadline 10 days ago
let open = 0; // never answered, deadline 4 days ago
let fresh = 0; // answered yesterday, deadline ahead

beforeAll(async () => {
  t = await testApp();
  unitId = (await t.database.db.select().from(units).where(eq(units.code, 'PS-01')))[0]!.id;
  legal = await t.signIn('legal');
  unitlegal = await t.signIn('unitlegal');
  onTime = await finding({ status: 'answered', dueAgo: 20, answeredAgo: 25, caseNo: 'A2024-TL-ONTIME' });
  late = await finding({ status: 'answered', dueAgo: 10, answeredAgo: 7, caseNo: 'A2024-TL-LATE' });
  open = await finding({ status: 'open', dueAgo: 4, caseNo: 'A2024-TL-OPEN' });
  fresh = await finding({ status: 'answered', dueAgo: -5, answeredAgo: 1, caseNo: 'A2024-TL-FRESH' });
}, 60_000);
afterAll(() => t?.close());

describe('逾期 is judged when the unit answered', () => {
  it('answered before the deadline: never overdue, however long the verification waits', async () => {
    const d = await detail(onTime);
    expect(d).toMatchObject({ status: 'answered', overdue: false, daysLate: 0, verifyWaitDays: 25 });
    expect(await listIds(legal, 'overdue=true')).not.toContain(onTime);
    expect(await listIds(legal, 'overdue=false')).toContain(onTime);
  });

  it('answered after it: overdue by the days to the answer, not growing', async () => {
    const d = await detail(late);
    // 10 days have passed since the deadline; the unit answered 3 days after it.
    expect(d).toMatchObject({ status: 'answered', overdue: true, daysLate: 3, daysLeft: null });
    expect(await listIds(legal, 'overdue=true')).toContain(late);
  });

  it('still open: overdue by the days to today', async () => {
    expect(await detail(open)).toMatchObject({ status: 'open', overdue: true, daysLate: 4, daysLeft: null });
    expect(await detail(fresh)).toMatchObject({ overdue: false, daysLate: 0, verifyWaitDays: 1 });
  });

  it('the statistics and the 通报 count the same findings as overdue', async () => {
    const stats = await read(await legal.get(`/api/supervision/stats?from=${FROM}&to=${TO}`));
    expect(stats.totals).toMatchObject({ found: 4, open: 4, overdue: 2 });
    expect((await listIds(legal, 'overdue=true')).sort()).toEqual([late, open].sort());
    const text = await bulletinText();
    const overdueSection = text.slice(text.indexOf('四、逾期整改问题'), text.indexOf('五、典型问题'));
    expect(overdueSection).toContain('A2024-TL-OPEN');
    expect(overdueSection).toContain('逾期4天未整改');
    expect(overdueSection).toContain('A2024-TL-LATE');
    expect(overdueSection).toContain('逾期3天反馈整改，待核查');
    expect(overdueSection).not.toContain('A2024-TL-ONTIME');
    expect(overdueSection).not.toContain('A2024-TL-FRESH');
    expect(text).toContain('尚在整改中4起，其中逾期2起');
  });
});

describe('the wait for verification is the detachment’s clock', () => {
  it('shows in the detachment’s 待办, overdue for it past its days, and nowhere for the unit', async () => {
    const legalTasks = await tasks(legal);
    const waiting = legalTasks.find((x) => x.link === `/supervision/findings/${onTime}`);
    expect(waiting).toMatchObject({
      severity: 'overdue',
      title: '整改反馈待核查 25 天，已超核查期限',
      due: addDays(today, -25 + verifyDays),
    });
    const justIn = legalTasks.find((x) => x.link === `/supervision/findings/${fresh}`);
    expect(justIn?.severity).not.toBe('overdue');
    expect(justIn?.title).toBe('整改反馈待核查 1 天');
    // The unit answered: nothing is left for it to do, and nothing is held against it.
    const mine = await tasks(unitlegal);
    for (const id of [onTime, late, fresh])
      expect(mine.some((x) => x.link === `/supervision/findings/${id}`)).toBe(false);
    expect(mine.find((x) => x.link === `/supervision/findings/${open}`)).toMatchObject({
      severity: 'overdue',
      title: '执法问题逾期未整改',
    });
  });

  it('verified late, an answer in time stays on time; a late one keeps its days, closed', async () => {
    const a = await verify(onTime);
    expect(a).toMatchObject({ status: 'corrected', overdue: false, daysLate: 0, verifyWaitDays: null });
    const b = await verify(late);
    expect(b).toMatchObject({ status: 'corrected', overdue: false, daysLate: 3 });
    const stats = await read(await legal.get(`/api/supervision/stats?from=${FROM}&to=${TO}`));
    expect(stats.totals).toMatchObject({ corrected: 2, open: 2, overdue: 1 });
    expect(stats.rectification).toMatchObject({ closed: 2, onTime: 1, late: 1, onTimeRate: 0.5 });
    expect(await listIds(legal, 'overdue=true')).toEqual([open]);
  });
});
