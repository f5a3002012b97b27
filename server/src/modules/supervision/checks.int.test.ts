import { addDays, chinaToday, DEFAULT_SUPERVISION_SETTINGS, type SupervisionSettings } from '@fazhi/common';
import { and, eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  callbacks,
  cameraChecks,
  incidents,
  officers,
  settings,
  units,
} from '../../db/schema/index.ts';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';
import { cameraCandidates, drawCameraSample } from './checks.jobs.ts';
import { runDailyJobs } from './daily.ts';

let t: TestApp;
let command: TestClient;
let inspector: TestClient;
let officer: TestClient;
let officer2: TestClient;
let legal: TestClient;
const unit: Record<string, number> = {};
let anOfficer = 0;
let seq = 0;

/** One incident as the incidents module leaves it after disposal. */
async function incident(o: {
  day: string;
  unit?: string;
  hour?: number;
  category?: string;
  disposal?: string;
  phone?: string | null;
  officers?: number[];
}) {
  const n = ++seq;
  const [row] = await t.database.db
    .insert(incidents)
    .values({
      orgId: t.orgId,
      incidentNo: `TCHK${String(n).padStart(6, '0')}`,
      source: '110',
      receivedAt: new Date(`${o.day}T${String(o.hour ?? 10).padStart(2, '0')}:30:00+08:00`),
      callerName: '张三丰',
      callerPhone: o.phone === undefined ? '13812345678' : o.phone,
      categoryCode: o.category ?? 'ZA-DO',
      place: '城关街道人民路 1 号',
      narrative: '测试警情',
      unitId: unit[o.unit ?? 'PS-01']!,
      officerIds: o.officers ?? [anOfficer],
      disposal: o.disposal ?? 'handled_on_scene',
    })
    .returning({ id: incidents.id });
  return row!.id;
}

async function many(count: number, o: Parameters<typeof incident>[0]) {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) ids.push(await incident({ ...o, hour: o.hour ?? i % 24 }));
  return ids;
}

async function setSettings(patch: Partial<SupervisionSettings>) {
  const value = { ...DEFAULT_SUPERVISION_SETTINGS, ...patch };
  await t.database.db
    .insert(settings)
    .values({ orgId: t.orgId, key: 'supervision', value })
    .onConflictDoUpdate({ target: [settings.orgId, settings.key], set: { value } });
}

const checksOf = (day: string) =>
  t.database.db
    .select()
    .from(cameraChecks)
    .where(and(eq(cameraChecks.orgId, t.orgId), eq(cameraChecks.sampleDay, day)));

beforeAll(async () => {
  t = await testApp();
  for (const u of await t.database.db.select().from(units).where(eq(units.orgId, t.orgId)))
    unit[u.code] = u.id;
  const [o] = await t.database.db
    .select({ id: officers.id })
    .from(officers)
    .where(eq(officers.username, 'officer'));
  anOfficer = o!.id;
  command = await t.signIn('command');
  inspector = await t.signIn('inspector');
  officer = await t.signIn('officer');
  officer2 = await t.signIn('officer2');
  legal = await t.signIn('legal');
}, 60_000);
afterAll(() => t?.close());

describe('body-camera sample', () => {
  const day = '2025-06-10';

  it('draws the setting’s count from the previous day’s eligible incidents, spread over the units', async () => {
    const eligible = [
      ...(await many(30, { day, unit: 'PS-01' })),
      ...(await many(20, { day, unit: 'PS-02', disposal: 'case_opened' })),
      ...(await many(10, { day, unit: 'PS-03', disposal: 'mediated' })),
    ];
    // Not eligible: transferred, undisposed, a category without the camera duty, no officer,
    // and the minutes on either side of the day.
    await many(3, { day, disposal: 'transferred' });
    await many(2, { day, disposal: 'pending' });
    await many(3, { day, category: 'QZ-KS' });
    await many(2, { day, officers: [] });
    await incident({ day: addDays(day, -1), hour: 23 });
    await incident({ day: addDays(day, 1), hour: 0 });

    const results = await runDailyJobs(t.database.db, t.orgId, addDays(day, 1), 'test-a');
    expect(results.find((r) => r.job === 'camera.sample')).toMatchObject({ ran: true });
    const rows = await checksOf(day);
    expect(rows).toHaveLength(DEFAULT_SUPERVISION_SETTINGS.cameraSampleSize);
    expect(rows.every((r) => eligible.includes(r.incidentId) && r.result === 'pending')).toBe(true);
    const per = (code: string) => rows.filter((r) => r.unitId === unit[code]).length;
    // 40 × 30/60, 40 × 20/60 = 13.3, 40 × 10/60 = 6.7: the seat left over goes to the largest remainder.
    expect([per('PS-01'), per('PS-02'), per('PS-03')]).toEqual([20, 13, 7]);

    // Deterministic: the same candidates and seed draw the same incidents, whatever their order.
    const candidates = await cameraCandidates(t.database.db, t.orgId, day);
    expect(candidates).toHaveLength(60);
    const again = drawCameraSample(t.orgId, day, [...candidates].reverse(), 40).map((c) => c.id);
    expect(again).toEqual(rows.map((r) => r.incidentId).sort((a, b) => a - b));
  });

  it('runs each job once per day, however often the scheduler calls', async () => {
    const before = (await checksOf(day)).length;
    const second = await runDailyJobs(t.database.db, t.orgId, addDays(day, 1), 'test-b');
    expect(second.find((r) => r.job === 'camera.sample')).toEqual({ job: 'camera.sample', ran: false });
    expect(second.find((r) => r.job === 'callback.tasks')).toEqual({ job: 'callback.tasks', ran: false });
    expect((await checksOf(day)).length).toBe(before);
  });

  it('draws by hand only once (idempotent) and the same sample after a reset', async () => {
    const first = (await checksOf(day)).map((r) => r.incidentId).sort((a, b) => a - b);
    const res = await read(await command.post('/api/supervision/camera-checks/sample', { day }));
    expect(res).toMatchObject({ day, drawn: false, eligible: 60, count: 40 });
    await t.database.db
      .delete(cameraChecks)
      .where(and(eq(cameraChecks.orgId, t.orgId), eq(cameraChecks.sampleDay, day)));
    const redrawn = await read(await command.post('/api/supervision/camera-checks/sample', { day }));
    expect(redrawn).toMatchObject({ drawn: true, count: 40 });
    expect((await checksOf(day)).map((r) => r.incidentId).sort((a, b) => a - b)).toEqual(first);
  });

  it('takes every eligible incident on a quiet day, and refuses a day that is not over', async () => {
    const quiet = '2025-06-12';
    const ids = await many(5, { day: quiet, unit: 'PS-02' });
    const res = await read(await command.post('/api/supervision/camera-checks/sample', { day: quiet }));
    expect(res).toMatchObject({ drawn: true, eligible: 5, count: 5 });
    expect((await checksOf(quiet)).map((r) => r.incidentId).sort((a, b) => a - b)).toEqual(ids);

    const today = await command.post('/api/supervision/camera-checks/sample', { day: chinaToday() });
    expect(today.status).toBe(400);
    expect((await read(today)).error.fields.day).toBeTruthy();
  });

  it('lets only the command centre record results; the bulletin agrees with the rows', async () => {
    const list = await read(await command.get(`/api/supervision/camera-checks?day=${day}&pageSize=100`));
    expect(list.total).toBe(40);
    expect(list.counts).toMatchObject({ total: 40, pending: 40 });
    const [a, b, c] = list.items;
    expect(
      (await officer.post(`/api/supervision/camera-checks/${a.id}`, { result: 'recorded' })).status,
    ).toBe(403);
    expect((await officer.get(`/api/supervision/camera-checks?day=${day}`)).status).toBe(403);

    expect(
      (await command.post(`/api/supervision/camera-checks/${a.id}`, { result: 'recorded' })).status,
    ).toBe(200);
    await command.post(`/api/supervision/camera-checks/${b.id}`, { result: 'partial', note: '中途中断' });
    const done = await read(
      await command.post(`/api/supervision/camera-checks/${c.id}`, {
        result: 'not_recorded',
        note: '未开启',
      }),
    );
    expect(done).toMatchObject({ result: 'not_recorded', note: '未开启', checkedBy: '孙明' });
    // A correction is audited with before and after.
    await command.post(`/api/supervision/camera-checks/${a.id}`, { result: 'partial', note: '复核后更正' });
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'camera.check'), eq(auditLog.targetId, String(a.id))))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(entry!.summary).toMatchObject({ before: { result: 'recorded' }, after: { result: 'partial' } });

    const bulletin = await read(await legal.get(`/api/supervision/camera-checks/bulletin?day=${day}`));
    const counted = await t.database.db
      .select({
        unitId: cameraChecks.unitId,
        result: cameraChecks.result,
        n: sql<number>`count(*)::int`,
      })
      .from(cameraChecks)
      .where(and(eq(cameraChecks.orgId, t.orgId), eq(cameraChecks.sampleDay, day)))
      .groupBy(cameraChecks.unitId, cameraChecks.result);
    const n = (unitId: number | null, result: string) =>
      counted
        .filter((r) => (unitId === null || r.unitId === unitId) && r.result === result)
        .reduce((s, r) => s + r.n, 0);
    for (const u of bulletin.units) {
      expect(u).toMatchObject({
        recorded: n(u.unitId, 'recorded'),
        partial: n(u.unitId, 'partial'),
        notRecorded: n(u.unitId, 'not_recorded'),
        pending: n(u.unitId, 'pending'),
      });
      expect(u.sampled).toBe(u.recorded + u.partial + u.notRecorded + u.pending);
    }
    expect(bulletin.totals).toMatchObject({
      sampled: 40,
      recorded: 0,
      partial: 2,
      notRecorded: 1,
      pending: 37,
    });
    expect(bulletin.totals.openRate).toBeCloseTo(2 / 3);
    expect(bulletin.totals.fullRate).toBe(0);
    expect(bulletin.failures.map((f: { id: number }) => f.id).sort()).toEqual([a.id, b.id, c.id].sort());

    // A station officer reads their unit's part of it; the mediator has no business there.
    expect((await officer2.get(`/api/supervision/camera-checks/bulletin?day=${day}`)).status).toBe(200);
    const mediator = await t.signIn('mediator');
    expect((await mediator.get(`/api/supervision/camera-checks/bulletin?day=${day}`)).status).toBe(403);
  });

  it('cuts the bulletin to a station reader’s own unit; branch-wide roles see every unit', async () => {
    const d = '2025-06-16';
    const ps1 = await many(3, { day: d, unit: 'PS-01' });
    const ps2 = await many(3, { day: d, unit: 'PS-02' });
    expect((await command.post('/api/supervision/camera-checks/sample', { day: d })).status).toBe(200);
    const checks = await checksOf(d);
    expect(checks).toHaveLength(6);
    for (const incidentId of [ps1[0], ps2[0]]) {
      const check = checks.find((c) => c.incidentId === incidentId)!;
      await command.post(`/api/supervision/camera-checks/${check.id}`, { result: 'not_recorded' });
    }
    const bulletinOf = async (c: TestClient) =>
      read(await c.get(`/api/supervision/camera-checks/bulletin?day=${d}`));

    const branch = await bulletinOf(legal);
    expect(branch.units.map((u: { unitId: number }) => u.unitId).sort()).toEqual(
      [unit['PS-01'], unit['PS-02']].sort(),
    );
    expect(branch.failures).toHaveLength(2);

    // officer2 (刘洋, PS-02) has supervision.read with the scope of his unit.
    const own = await bulletinOf(officer2);
    expect(own.units.map((u: { unitId: number }) => u.unitId)).toEqual([unit['PS-02']]);
    expect(own.totals).toMatchObject({ sampled: 3, notRecorded: 1, pending: 2 });
    expect(own.failures.map((f: { incidentId: number }) => f.incidentId)).toEqual([ps2[0]]);
    expect(JSON.stringify(own)).not.toContain('城关派出所');
    const xlsx = await officer2.get(`/api/supervision/camera-checks/bulletin.xlsx?day=${d}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect(wb.worksheets[1]!.rowCount).toBe(2);
  });

  it('exports the bulletin as a workbook that opens', async () => {
    const res = await command.get(`/api/supervision/camera-checks/bulletin.xlsx?day=${day}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const [summary, failures] = wb.worksheets;
    expect(summary!.getRow(1).getCell(1).value).toBe('单位');
    // header + three units + 合计
    expect(summary!.rowCount).toBe(5);
    expect(summary!.getRow(5).getCell(1).value).toBe('合计');
    expect(summary!.getRow(5).getCell(2).value).toBe(40);
    expect(failures!.rowCount).toBe(4);
  });
});

describe('call-backs', () => {
  const day = '2025-07-01';
  const taskDay = addDays(day, 1);
  let burglaries: number[] = [];

  it('calls back every burglary and a sample of the other incidents with a number', async () => {
    await setSettings({ callbackSampleRate: 0.25 });
    burglaries = [
      ...(await many(3, { day, category: 'XS-RSDQ' })),
      await incident({ day, category: 'XS-RSDQ', phone: null, disposal: 'pending' }),
    ];
    const others = await many(40, { day, unit: 'PS-01' });
    const noPhone = await many(5, { day, phone: null });
    const pending = await many(3, { day, disposal: 'pending' });

    await runDailyJobs(t.database.db, t.orgId, taskDay, 'test-a');
    const rows = await t.database.db
      .select()
      .from(callbacks)
      .where(and(eq(callbacks.orgId, t.orgId), eq(callbacks.createdOn, taskDay)));
    const of = (reason: string) => rows.filter((r) => r.reason === reason).map((r) => r.incidentId);
    expect(of('burglary').sort()).toEqual([...burglaries].sort());
    expect(of('sample')).toHaveLength(10);
    expect(of('sample').every((id) => others.includes(id))).toBe(true);
    expect(rows.some((r) => noPhone.includes(r.incidentId) || pending.includes(r.incidentId))).toBe(false);

    // Another instance, the same day: nothing more.
    const again = await runDailyJobs(t.database.db, t.orgId, taskDay, 'test-b');
    expect(again.find((r) => r.job === 'callback.tasks')?.ran).toBe(false);
    const [count] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(callbacks)
      .where(eq(callbacks.createdOn, taskDay));
    expect(count!.n).toBe(14);
  });

  const callbackOf = async (incidentId: number) => {
    const [row] = await t.database.db.select().from(callbacks).where(eq(callbacks.incidentId, incidentId));
    return row!;
  };

  it('masks the caller in lists and shows the number only to the inspector calling, audited', async () => {
    const cb = await callbackOf(burglaries[0]!);
    const list = await read(await inspector.get(`/api/supervision/callbacks?status=pending&pageSize=100`));
    const item = list.items.find((i: { id: number }) => i.id === cb.id);
    expect(item).toMatchObject({ callerName: '张**', callerPhone: '138****5678', actions: ['call'] });
    expect(JSON.stringify(list)).not.toContain('13812345678');

    const contact = await read(await inspector.post(`/api/supervision/callbacks/${cb.id}/contact`));
    expect(contact).toMatchObject({ callerName: '张三丰', callerPhone: '13812345678' });
    const revealed = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'callback.contact.reveal'), eq(auditLog.targetId, String(cb.id))));
    expect(revealed).toHaveLength(1);
    expect((await officer.post(`/api/supervision/callbacks/${cb.id}/contact`)).status).toBe(403);
  });

  it('keeps an unreachable caller pending until the third attempt; no number closes it at once', async () => {
    const cb = await callbackOf(burglaries[1]!);
    for (const attempt of [1, 2, 3]) {
      const res = await read(
        await inspector.post(`/api/supervision/callbacks/${cb.id}/result`, { status: 'unreachable' }),
      );
      expect(res).toMatchObject({ attempts: attempt, status: attempt < 3 ? 'pending' : 'unreachable' });
    }
    expect(
      (await inspector.post(`/api/supervision/callbacks/${cb.id}/result`, { status: 'unreachable' })).status,
    ).toBe(409);
    const silent = await callbackOf(burglaries[3]!);
    const res = await read(
      await inspector.post(`/api/supervision/callbacks/${silent.id}/result`, { status: 'unreachable' }),
    );
    expect(res).toMatchObject({ attempts: 1, status: 'unreachable', hasPhone: false });
  });

  it('names the missing field and changes nothing on bad input', async () => {
    const cb = await callbackOf(burglaries[2]!);
    const noSatisfaction = await inspector.post(`/api/supervision/callbacks/${cb.id}/result`, {
      status: 'done',
    });
    expect(noSatisfaction.status).toBe(400);
    expect(Object.keys((await read(noSatisfaction)).error.fields)).toEqual(['satisfaction']);
    const noNote = await inspector.post(`/api/supervision/callbacks/${cb.id}/result`, {
      status: 'done',
      satisfaction: 'dissatisfied',
    });
    expect(Object.keys((await read(noNote)).error.fields)).toEqual(['note']);
    expect(await callbackOf(burglaries[2]!)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('opens 二次查办 on a dissatisfied answer; only the incident’s unit closes it', async () => {
    const cb = await callbackOf(burglaries[2]!);
    const answered = await read(
      await inspector.post(`/api/supervision/callbacks/${cb.id}/result`, {
        status: 'done',
        satisfaction: 'dissatisfied',
        note: '出警慢',
      }),
    );
    const due = addDays(chinaToday(), DEFAULT_SUPERVISION_SETTINGS.followUpDays);
    expect(answered).toMatchObject({ status: 'done', followUpStatus: 'open', followUpDueOn: due });

    // PS-02 does not see PS-01's call-back, and cannot close it.
    const theirs = await read(await officer2.get('/api/supervision/callbacks?followUp=open'));
    expect(theirs.items.some((i: { id: number }) => i.id === cb.id)).toBe(false);
    expect(
      (await officer2.post(`/api/supervision/callbacks/${cb.id}/follow-up`, { result: '已处理' })).status,
    ).toBe(404);
    // The inspectorate calls; it does not handle the follow-up.
    expect(
      (await inspector.post(`/api/supervision/callbacks/${cb.id}/follow-up`, { result: '已处理' })).status,
    ).toBe(403);

    const mine = await read(await officer.get('/api/supervision/callbacks?followUp=open'));
    expect(mine.items.find((i: { id: number }) => i.id === cb.id)?.actions).toEqual(['followUp']);
    const tasks = await read(await officer.get('/api/tasks'));
    expect(tasks.items.some((x: { id: string }) => x.id === 'callback.followUps')).toBe(true);

    const closed = await read(
      await officer.post(`/api/supervision/callbacks/${cb.id}/follow-up`, { result: '已上门说明情况' }),
    );
    expect(closed).toMatchObject({
      followUpStatus: 'done',
      followUpResult: '已上门说明情况',
      followUpBy: '李建军',
    });
    expect(closed.followUpClosedAt).toBeTruthy();
    expect(
      (await officer.post(`/api/supervision/callbacks/${cb.id}/follow-up`, { result: '再次' })).status,
    ).toBe(409);
  });

  it('shows an overdue 二次查办 in the filter and in the unit’s 待办', async () => {
    const [cb] = await t.database.db
      .select()
      .from(callbacks)
      .where(and(eq(callbacks.createdOn, taskDay), eq(callbacks.reason, 'sample')))
      .limit(1);
    await t.database.db
      .update(callbacks)
      .set({
        status: 'done',
        satisfaction: 'dissatisfied',
        followUpStatus: 'open',
        followUpDueOn: '2025-07-09',
      })
      .where(eq(callbacks.id, cb!.id));
    const late = await read(await officer.get('/api/supervision/callbacks?followUp=overdue'));
    expect(late.items.map((i: { id: number }) => i.id)).toContain(cb!.id);
    expect(late.items.every((i: { followUpOverdue: boolean }) => i.followUpOverdue)).toBe(true);
    expect(late.counts.followUpOverdue).toBeGreaterThanOrEqual(1);
    const tasks = await read(await officer.get('/api/tasks'));
    expect(tasks.items.find((x: { id: string }) => x.id === 'callback.followUps')?.severity).toBe('overdue');
  });
});

describe('待办 and settings', () => {
  it('gives the command centre today’s checks and the inspectorate its calls', async () => {
    const yesterday = addDays(chinaToday(), -1);
    await many(3, { day: yesterday, unit: 'PS-02', category: 'XS-RSDQ' });
    await command.post('/api/supervision/camera-checks/sample', { day: yesterday });
    const mine = await read(await command.get('/api/tasks'));
    expect(mine.items.find((x: { id: string }) => x.id === 'camera.today')?.title).toContain('3');
    const calls = await read(await inspector.get('/api/tasks'));
    expect(calls.items.some((x: { id: string }) => x.id === 'callback.pending')).toBe(true);
  });

  it('validates the settings naming the field and audits the change', async () => {
    const bad = await legal.put('/api/supervision/settings', {
      ...DEFAULT_SUPERVISION_SETTINGS,
      cameraSampleSize: 5000,
      callbackSampleRate: 2,
    });
    expect(bad.status).toBe(400);
    expect(Object.keys((await read(bad)).error.fields).sort()).toEqual([
      'callbackSampleRate',
      'cameraSampleSize',
    ]);
    expect((await command.put('/api/supervision/settings', DEFAULT_SUPERVISION_SETTINGS)).status).toBe(403);

    const next = { ...DEFAULT_SUPERVISION_SETTINGS, cameraSampleSize: 30, followUpDays: 5 };
    expect(await read(await legal.put('/api/supervision/settings', next))).toEqual(next);
    expect(await read(await inspector.get('/api/supervision/settings'))).toEqual(next);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.action, ['settings.supervision.update']))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(entry!.summary).toMatchObject({
      before: { cameraSampleSize: 40, followUpDays: 7 },
      after: { cameraSampleSize: 30, followUpDays: 5 },
    });
  });
});
