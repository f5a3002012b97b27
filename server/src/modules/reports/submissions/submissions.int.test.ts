import { addDays, chinaToday, METRICS } from '@fazhi/common';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, collectionRounds, submissions, units } from '../../../db/schema/index.ts';
import { seedDemoSubmissions } from '../../../seed/demo-reports/submissions.ts';
import { read, type TestApp, type TestClient } from '../../../test-support/test-app.ts';
import { metricValues } from '../metrics/index.ts';
import { REFERENCE_2021 } from './reference-2021.ts';
import { submissionsTestApp } from './test-setup.ts';

let t: TestApp;
let legal: TestClient;
let command: TestClient;
let unithead: TestClient;
let unitlegal: TestClient;
let officer: TestClient;
const today = chinaToday();
/** The metrics 指挥中心 owes, from the catalogue. */
const zhMetrics = METRICS.filter(
  (m) => m.source.kind === 'submitted' && m.source.ownerUnitCode === 'OFFICE-ZH',
);
const owners = new Set(
  METRICS.flatMap((m) => (m.source.kind === 'submitted' ? [m.source.ownerUnitCode] : [])),
);
let roundId = 0;
let formId = 0;

const valuesFor = (base: number) =>
  Object.fromEntries(
    zhMetrics.map((m, i) => [m.id, { value: m.unit === '%' ? 50 : base + i, note: `说明${i}` }]),
  );

async function form(c: TestClient = command) {
  return read(await c.get(`/api/reports/submissions/${formId}`));
}

beforeAll(async () => {
  t = await submissionsTestApp();
  legal = await t.signIn('legal');
  command = await t.signIn('command');
  unithead = await t.signIn('unithead');
  unitlegal = await t.signIn('unitlegal');
  officer = await t.signIn('officer');
}, 120_000);
afterAll(() => t?.close());

describe('数据填报 workflow', () => {
  it('opens a round with one form per owning department', async () => {
    expect(zhMetrics.length).toBeGreaterThan(0);
    const res = await legal.post('/api/reports/collections', {
      title: '2026年度法治政府建设数据填报',
      period: '2026',
      dueOn: addDays(today, 10),
    });
    expect(res.status).toBe(200);
    const body = await read(res);
    roundId = body.id;
    expect(body.total).toBe(owners.size);
    expect(body.forms.map((f: { unitCode: string }) => f.unitCode).sort()).toEqual([...owners].sort());
    expect(body.late).toBe(0);
    const mine = await read(await command.get('/api/reports/submissions?mine=true'));
    expect(mine.items).toHaveLength(1);
    formId = mine.items[0].id;
    expect(mine.items[0].metricCount).toBe(zhMetrics.length);
    // A department cannot open rounds.
    expect(
      (await command.post('/api/reports/collections', { title: 'x', period: '2026', dueOn: today })).status,
    ).toBe(403);
  });

  it('refuses bad values naming the field and changes nothing', async () => {
    const before = await form();
    const id = zhMetrics[0]!.id;
    const res = await command.put(`/api/reports/submissions/${formId}`, {
      version: before.version,
      values: { ...valuesFor(5), [id]: { value: -1, note: '' } },
    });
    expect(res.status).toBe(400);
    expect(Object.keys((await read(res)).error.fields)).toEqual([`values.${id}.value`]);
    const unknown = await command.put(`/api/reports/submissions/${formId}`, {
      version: before.version,
      values: { 'no.such.metric': { value: 1, note: '' } },
    });
    expect((await read(unknown)).error.fields).toHaveProperty(['values.no.such.metric.value']);
    const after = await form();
    expect(after.version).toBe(before.version);
    expect(after.rows.every((r: { value: number | null }) => r.value === null)).toBe(true);
    // Signing an incomplete form names the empty values.
    const sign = await unithead.post(`/api/reports/submissions/${formId}/sign`, { version: before.version });
    expect(sign.status).toBe(400);
    expect((await read(sign)).error.fields).toHaveProperty([`values.${id}.value`]);
  });

  it('fill → sign → return → fill → sign → accept, with versions and audit per step', async () => {
    let f = await form();
    const save1 = await command.put(`/api/reports/submissions/${formId}`, {
      version: f.version,
      values: valuesFor(10),
    });
    expect(save1.status).toBe(200);
    f = await read(save1);
    expect(f.status).toBe('draft');
    expect(f.actions).toEqual(['save', 'attach']);
    // A stale version is refused.
    expect((await command.put(`/api/reports/submissions/${formId}`, { version: 1, values: {} })).status).toBe(
      409,
    );
    // Only the head signs.
    expect(
      (await officer.post(`/api/reports/submissions/${formId}/sign`, { version: f.version })).status,
    ).toBe(403);
    expect(
      (await command.post(`/api/reports/submissions/${formId}/sign`, { version: f.version })).status,
    ).toBe(403);
    f = await read(await unithead.post(`/api/reports/submissions/${formId}/sign`, { version: f.version }));
    expect(f.status).toBe('signed');
    // A signed form cannot be overwritten.
    expect(
      (await command.put(`/api/reports/submissions/${formId}`, { version: f.version, values: valuesFor(1) }))
        .status,
    ).toBe(409);
    expect((await read(await legal.get(`/api/reports/submissions/${formId}`))).actions).toEqual([
      'accept',
      'return',
    ]);
    const ret = await legal.post(`/api/reports/submissions/${formId}/return`, {
      version: f.version,
      reason: '数据口径有误',
    });
    f = await read(ret);
    expect(f.status).toBe('returned');
    expect(f.returnReason).toBe('数据口径有误');
    f = await read(
      await command.put(`/api/reports/submissions/${formId}`, { version: f.version, values: valuesFor(20) }),
    );
    expect(f.status).toBe('draft');
    f = await read(await unithead.post(`/api/reports/submissions/${formId}/sign`, { version: f.version }));
    f = await read(await legal.post(`/api/reports/submissions/${formId}/accept`, { version: f.version }));
    expect(f.status).toBe('accepted');
    // The accepted value is the one the report's metrics read for the period.
    const [mv] = await metricValues(t.database.db, t.orgId, '2026', [zhMetrics[0]!.id]);
    expect(mv).toMatchObject({ value: f.rows[0].value, status: 'submitted', submissionId: formId });
    expect(f.rows[0].value).toBe(zhMetrics[0]!.unit === '%' ? 50 : 20);
    expect(f.versions.map((v: { status: string }) => v.status)).toEqual([
      'accepted',
      'signed',
      'draft',
      'returned',
      'signed',
      'draft',
      'draft',
    ]);
    // The first save's values are kept in its version.
    expect(f.versions[5].values[zhMetrics[1]?.id ?? zhMetrics[0]!.id].value).toBe(
      zhMetrics[1] ? (zhMetrics[1].unit === '%' ? 50 : 11) : 10,
    );
    const audits = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'submission'), eq(auditLog.targetId, String(formId))))
      .orderBy(auditLog.id);
    expect(audits.map((a) => a.action)).toEqual(
      ['save', 'sign', 'return', 'save', 'sign', 'accept'].map((a) => `report.submission.${a}`),
    );
  });

  it('keeps a department out of other departments’ forms', async () => {
    expect((await unitlegal.get(`/api/reports/submissions/${formId}`)).status).toBe(404);
    expect((await read(await unitlegal.get('/api/reports/submissions'))).items).toHaveLength(0);
    expect((await officer.get(`/api/reports/submissions/${formId}`)).status).toBe(403);
    // 督察支队 fills its own forms but cannot see 指挥中心's, though its role reads the branch.
    const inspector = await t.signIn('inspector');
    expect((await inspector.get(`/api/reports/submissions/${formId}`)).status).toBe(404);
    expect((await read(await legal.get(`/api/reports/submissions?roundId=${roundId}`))).items).toHaveLength(
      owners.size,
    );
  });

  it('stores attachments with their SHA-256', async () => {
    const res = await legal.post(`/api/reports/collections`, {
      title: '2026年第四季度数据填报',
      period: '2026-Q4',
      dueOn: today,
    });
    const round = await read(res);
    const zh = round.forms.find((f: { unitCode: string }) => f.unitCode === 'OFFICE-ZH');
    const fd = new FormData();
    fd.append('files', new File([new TextEncoder().encode('统计表')], '统计表.txt', { type: 'text/plain' }));
    const up = await read(await command.post(`/api/reports/submissions/${zh.submissionId}/files`, fd));
    expect(up.files).toHaveLength(1);
    const dl = await command.get(`/api/reports/submissions/${zh.submissionId}/files/${up.files[0].id}`);
    expect(dl.headers.get('X-Content-SHA256')).toBe(up.files[0].sha256);
    expect(await dl.text()).toBe('统计表');
    expect(
      (await unitlegal.get(`/api/reports/submissions/${zh.submissionId}/files/${up.files[0].id}`)).status,
    ).toBe(404);
  });

  it('flags late forms, reminds them and shows them in 待办', async () => {
    const [round] = await t.database.db
      .select({ id: collectionRounds.id })
      .from(collectionRounds)
      .where(eq(collectionRounds.period, '2026-Q4'));
    let detail = await read(await legal.get(`/api/reports/collections/${round!.id}`));
    expect(detail.late).toBe(0);
    await t.database.db
      .update(collectionRounds)
      .set({ dueOn: addDays(today, -1) })
      .where(eq(collectionRounds.id, round!.id));
    const zh = detail.forms.find((f: { unitCode: string }) => f.unitCode === 'OFFICE-ZH');
    expect((await command.post(`/api/reports/collections/${round!.id}/remind`)).status).toBe(403);
    const remind = await read(await legal.post(`/api/reports/collections/${round!.id}/remind`));
    expect(remind.reminded).toBe(owners.size);
    const rows = await t.database.db.select().from(submissions).where(eq(submissions.roundId, round!.id));
    expect(rows.filter((r) => r.remindedAt !== null)).toHaveLength(owners.size);
    // 指挥中心's late form is in its 待办 as overdue and reminded.
    const tasks = await read(await command.get('/api/tasks'));
    const task = tasks.items.find((x: { id: string }) => x.id === `reports.submission.${zh.submissionId}`);
    expect(task).toMatchObject({ severity: 'overdue', due: addDays(today, -1) });
    expect(task.detail).toContain('催报');

    // Once signed it is no longer late, leaves the department's 待办 and enters the detachment's.
    let f = await read(
      await command.put(`/api/reports/submissions/${zh.submissionId}`, {
        version: zh.version,
        values: valuesFor(1),
      }),
    );
    f = await read(
      await unithead.post(`/api/reports/submissions/${zh.submissionId}/sign`, { version: f.version }),
    );
    expect(f.late).toBe(false);
    detail = await read(await legal.get(`/api/reports/collections/${round!.id}`));
    expect(detail.late).toBe(owners.size - 1);
    expect(detail.forms.find((x: { unitCode: string }) => x.unitCode === 'OFFICE-ZH').late).toBe(false);
    expect(detail.forms.find((x: { unitCode: string }) => x.unitCode === 'DET-ZA').late).toBe(true);
    const list = await read(await legal.get('/api/reports/collections'));
    expect(list.items.find((x: { id: number }) => x.id === round!.id)).toMatchObject({
      submitted: 1,
      late: owners.size - 1,
    });
    const after = await read(await command.get('/api/tasks'));
    expect(after.items.map((x: { id: string }) => x.id)).not.toContain(
      `reports.submission.${zh.submissionId}`,
    );
    const legalTasks = await read(await legal.get('/api/tasks'));
    expect(legalTasks.items.map((x: { id: string }) => x.id)).toContain(`reports.review.${zh.submissionId}`);
  });

  it('seeds the demo rounds: accepted years with the reference figures, an open quarter in every state', async () => {
    const started = Date.now();
    await t.database.db.transaction((tx) => seedDemoSubmissions(tx, t.orgId));
    expect(Date.now() - started).toBeLessThan(2000);
    const id = zhMetrics[0]!.id;
    const [v2021] = await metricValues(t.database.db, t.orgId, '2021', [id]);
    expect(v2021!.value).toBe(REFERENCE_2021[id]);
    const [v2022] = await metricValues(t.database.db, t.orgId, '2022', [id]);
    expect(Math.abs(v2022!.value! - REFERENCE_2021[id]!)).toBeLessThanOrEqual(REFERENCE_2021[id]! * 0.15 + 1);
    const rounds = await read(await legal.get('/api/reports/collections'));
    const years = rounds.items.filter((r: { title: string }) => r.title.includes('年度法治政府建设数据填报'));
    expect(years.filter((r: { status: string }) => r.status === 'closed')).toHaveLength(
      Number(today.slice(0, 4)) - 2021,
    );
    const open = rounds.items.find((r: { title: string }) => r.title.includes('季度法治建设数据填报'));
    const detail = await read(await legal.get(`/api/reports/collections/${open.id}`));
    const states = new Set(detail.forms.map((f: { status: string }) => f.status));
    expect([...states].sort()).toEqual(['accepted', 'draft', 'returned', 'signed']);
    expect(detail.late).toBeGreaterThan(0);
  });

  it('refuses to close a round with forms not accepted', async () => {
    const res = await legal.post(`/api/reports/collections/${roundId}/close`);
    expect(res.status).toBe(409);
    expect((await read(await legal.get(`/api/reports/collections/${roundId}`))).status).toBe('open');
  });

  it('gives 法制支队 the metrics of a department the branch does not have, and says so', async () => {
    const itOwned = METRICS.filter(
      (m) => m.source.kind === 'submitted' && m.source.ownerUnitCode === 'OFFICE-IT',
    );
    expect(itOwned.length).toBeGreaterThan(0);
    await t.database.db
      .update(units)
      .set({ active: false })
      .where(and(eq(units.orgId, t.orgId), eq(units.code, 'OFFICE-IT')));
    const round = await read(
      await legal.post('/api/reports/collections', {
        title: '补充填报',
        period: '2026',
        dueOn: addDays(today, 3),
      }),
    );
    expect(round.fallbackOwners).toEqual(['OFFICE-IT']);
    expect(round.forms.map((f: { unitCode: string }) => f.unitCode)).not.toContain('OFFICE-IT');
    const fz = round.forms.find((f: { unitCode: string }) => f.unitCode === 'DET-FZ');
    const own = METRICS.filter((m) => m.source.kind === 'submitted' && m.source.ownerUnitCode === 'DET-FZ');
    expect(fz.metricCount).toBe(own.length + itOwned.length);
  });
});
