/**
 * A year without its State Council holiday notice never blocks a legal act: the clock counts on
 * the statutory holidays, marked provisional (暂定) wherever it shows; loading the notice recounts
 * it in the same transaction, audited, and tells the clock's owner when the date moved.
 *
 * Date-independent: the test removes this year's and next year's notices from its database, so
 * every clock started today is provisional — in December as in June.
 */
import { addDays, chinaToday, isoYear, type TaskResponse } from '@fazhi/common';
import { and, eq, gte, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, cases, holidayCalendar, holidayYears } from '../../db/schema/index.ts';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';
import { act, createCase, newIncident, signInAll } from '../cases/case-fixtures.ts';

let t: TestApp;
let admin: TestClient;
let officer: TestClient;
let officer2: TestClient;
const today = chinaToday();
const year = isoYear(today);

beforeAll(async () => {
  t = await testApp();
  const db = t.database.db;
  await db.delete(holidayCalendar).where(gte(holidayCalendar.date, `${year}-01-01`));
  await db.delete(holidayYears).where(gte(holidayYears.year, year));
  [admin, officer, officer2] = await signInAll(t, ['admin', 'officer', 'officer2'] as const);
});
afterAll(() => t.close());

const tasksOf = async (c: TestClient) => (await read(await c.get('/api/tasks'))).items as TaskResponse[];
let caseId: number;
let provisionalDue: string;

describe('a clock reaching a year without a holiday notice', () => {
  it('lets the officer accept the case today, its 30-day period marked provisional', async () => {
    const incidentId = await newIncident(t, 'PS-01', new Date(Date.now() - 3_600_000).toISOString());
    const c = await createCase(officer, { incidentId, receivedAt: undefined });
    expect(c.clock.provisional).toBe(false); // 24 hours: counted in hours, no calendar needed
    const accepted = await act(officer, c.id, 'accept', { acceptedOn: today });
    expect(accepted.status).toBe(200);
    const clock = accepted.body.clock;
    expect(clock).toMatchObject({ rule: 'admin_case_period', start: today, provisional: true });
    // Thirty days on, moved past a weekend (no 调休 known): never earlier than day 30.
    expect(clock.due >= addDays(today, 30)).toBe(true);
    expect([0, 6]).not.toContain(new Date(`${clock.due}T00:00:00Z`).getUTCDay());
    caseId = c.id;
    provisionalDue = clock.due;

    const listed = await read(await officer.get('/api/cases?pageSize=200'));
    const row = listed.items.find((x: { id: number }) => x.id === caseId);
    expect(row.clock).toMatchObject({ due: provisionalDue, provisional: true });
    const task = (await tasksOf(officer)).find((x) => x.link === `/cases/${caseId}`);
    expect(task).toMatchObject({ due: provisionalDue, dueProvisional: true });
    expect(task!.detail).toContain('暂定');
  });

  it('answers the deadline calculator with provisional: true instead of an error', async () => {
    const res = await t.client().get(`/api/calendar/deadline?from=${today}&workdays=5`);
    expect(res.status).toBe(200);
    expect(await read(res)).toMatchObject({ provisional: true });
  });

  it('reminds the system administrator to load the notice of this year', async () => {
    const ids = (await tasksOf(admin)).map((x) => x.id);
    expect(ids).toContain(`calendar.${year}`);
  });

  it('recounts the clock when the notice is loaded, audits it and tells its owner once', async () => {
    // A notice that makes the provisional due date a day off: the period now ends a day later
    // or more (the next working day), and it is no longer provisional within the loaded year.
    const dueYear = isoYear(provisionalDue);
    const loadedYears = dueYear === year ? [year] : [year, dueYear];
    let loaded = { recounted: 0, moved: 0 };
    for (const y of loadedYears) {
      const days = y === dueYear ? [{ date: provisionalDue, kind: 'holiday', name: '测试假日' }] : [];
      const res = await admin.post('/api/calendar/years', {
        year: y,
        source: '国办发明电（测试）',
        days: days.length ? days : [{ date: `${y}-01-01`, kind: 'holiday', name: '元旦' }],
      });
      expect(res.status).toBe(200);
      const r = await read(res);
      loaded = { recounted: loaded.recounted + r.recounted, moved: loaded.moved + r.moved };
    }
    expect(loaded.moved).toBeGreaterThanOrEqual(1);
    const [c] = await t.database.db.select().from(cases).where(eq(cases.id, caseId));
    expect(c!.clockDue! > provisionalDue).toBe(true);
    expect(c!.clockProvisional).toBe(isoYear(c!.clockDue!) > dueYear);

    const [record] = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'clock.recount'),
          eq(auditLog.targetType, 'case'),
          eq(auditLog.targetId, String(caseId)),
        ),
      );
    expect(record!.summary).toMatchObject({
      before: { due: provisionalDue, provisional: true },
      after: { due: c!.clockDue },
    });

    // The owner sees the move in 待办 (nobody else does) until they acknowledge it.
    const moved = (await tasksOf(officer)).find((x) => x.id.startsWith('clock.'));
    expect(moved).toMatchObject({ link: `/cases/${caseId}`, due: c!.clockDue });
    expect(moved!.detail).toContain(provisionalDue);
    expect((await tasksOf(officer2)).some((x) => x.id.startsWith('clock.'))).toBe(false);
    expect((await officer2.post(moved!.dismiss!, {})).status).toBe(404);
    expect((await officer.post(moved!.dismiss!, {})).status).toBe(200);
    expect((await tasksOf(officer)).some((x) => x.id === moved!.id)).toBe(false);
    const [ack] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'clock.acknowledge'), eq(auditLog.targetId, String(caseId))));
    expect(ack!.n).toBe(1);
  });
});
