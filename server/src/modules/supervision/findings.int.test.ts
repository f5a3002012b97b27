import { addDays, chinaToday } from '@fazhi/common';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  cases,
  findingEvents,
  incidentCategories,
  incidents,
  officers,
  supervisionFindings,
  units,
} from '../../db/schema/index.ts';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';

let t: TestApp;
let legal: TestClient;
let officer: TestClient;
let unitlegal: TestClient;
let officer2: TestClient;
const unitIds: Record<string, number> = {};
let officerId = 0;
let category = '';
let seq = 0;
const today = chinaToday();

async function incident(unit = 'PS-01'): Promise<{ id: number; no: string }> {
  const n = ++seq;
  const no = `J2026T${String(n).padStart(5, '0')}`;
  const [row] = await t.database.db
    .insert(incidents)
    .values({
      orgId: t.orgId,
      incidentNo: no,
      source: '110',
      receivedAt: new Date(`${addDays(today, -5)}T08:00:00+08:00`),
      categoryCode: category,
      place: '测试路1号',
      narrative: '测试警情',
      unitId: unitIds[unit]!,
      officerIds: [officerId],
      disposal: 'mediated',
    })
    .returning({ id: incidents.id });
  return { id: row!.id, no };
}

/** A finding as a scan leaves it, inserted directly so these tests do not depend on the rules. */
async function finding(
  o: {
    unit?: string;
    status?: string;
    occurredOn?: string;
    rectifyDueOn?: string;
    ruleCode?: string;
    incidentId?: number;
    detail?: Record<string, unknown>;
    answeredAt?: Date;
  } = {},
): Promise<number> {
  const [row] = await t.database.db
    .insert(supervisionFindings)
    .values({
      orgId: t.orgId,
      ruleCode: o.ruleCode ?? 'incident_without_case',
      problemKey: `test:${++seq}`,
      subjectType: o.incidentId ? 'incident' : 'unit',
      subjectId: o.incidentId ?? unitIds[o.unit ?? 'PS-01']!,
      incidentId: o.incidentId ?? null,
      unitId: unitIds[o.unit ?? 'PS-01']!,
      officerId,
      severity: 'medium',
      detail: o.detail ?? { hours: 52 },
      occurredOn: o.occurredOn ?? addDays(today, -3),
      status: o.status ?? 'open',
      rectifyDueOn: o.rectifyDueOn ?? addDays(today, 7),
      answeredAt: o.answeredAt ?? null,
    })
    .returning({ id: supervisionFindings.id });
  return row!.id;
}

const findingRow = async (id: number) =>
  (await t.database.db.select().from(supervisionFindings).where(eq(supervisionFindings.id, id)))[0]!;
const eventCount = async (id: number) =>
  (await t.database.db.select({ n: count() }).from(findingEvents).where(eq(findingEvents.findingId, id)))[0]!
    .n;
const auditFor = async (id: number) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetType, 'finding'), eq(auditLog.targetId, String(id))))
    .orderBy(auditLog.id);

function answerForm(note: string | null, version: number, files: { name: string; text: string }[] = []) {
  const form = new FormData();
  if (note !== null) form.set('note', note);
  form.set('version', String(version));
  for (const f of files) form.append('files', new File([f.text], f.name, { type: 'text/plain' }));
  return form;
}

beforeAll(async () => {
  t = await testApp();
  for (const u of await t.database.db.select().from(units).where(eq(units.orgId, t.orgId)))
    unitIds[u.code] = u.id;
  officerId = (await t.database.db.select().from(officers).where(eq(officers.username, 'officer')))[0]!.id;
  category = (await t.database.db.select().from(incidentCategories).limit(1))[0]!.code;
  legal = await t.signIn('legal');
  officer = await t.signIn('officer');
  unitlegal = await t.signIn('unitlegal');
  officer2 = await t.signIn('officer2');
}, 60_000);
afterAll(() => t?.close());

describe('rectification workflow', () => {
  it('answer with a file → return → answer → verify corrected and confirmed → accountability', async () => {
    const inc = await incident();
    const id = await finding({ incidentId: inc.id });

    const list = await read(await officer.get(`/api/supervision/findings?status=open&q=${inc.no}`));
    expect(list.total).toBe(1);
    const item = list.items[0];
    expect(item.id).toBe(id);
    expect(item.message).toBe(`警情 ${inc.no} 接警超过 52 小时仍未受案立案`);
    expect(item.unitName).toBeTruthy();
    expect(item.incidentNo).toBe(inc.no);
    expect(item.actions).toEqual(['answer']);

    // 1. The unit answers with evidence.
    let res = await unitlegal.post(
      `/api/supervision/findings/${id}/answer`,
      answerForm('已补录受案登记表并对民警批评教育', 1, [{ name: '受案登记表.txt', text: '受案登记表内容' }]),
    );
    expect(res.status).toBe(200);
    let detail = await read(res);
    expect(detail.status).toBe('answered');
    expect(detail.version).toBe(2);
    const answered = detail.events.find((e: { kind: string }) => e.kind === 'answered');
    expect(answered.note).toBe('已补录受案登记表并对民警批评教育');
    expect(answered.actorName).toBe('王晓丽');
    expect(answered.files).toHaveLength(1);
    const file = answered.files[0];
    expect(file.fileName).toBe('受案登记表.txt');
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    const dl = await officer.get(`/api/supervision/findings/${id}/files/${file.id}`);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('X-Content-SHA256')).toBe(file.sha256);
    expect(await dl.text()).toBe('受案登记表内容');
    expect(detail.actions).toEqual([]); // the unit cannot verify its own answer

    // 2. The detachment sends it back with a new deadline.
    const due = addDays(today, 5);
    res = await legal.post(`/api/supervision/findings/${id}/verify`, {
      version: 2,
      outcome: 'returned',
      note: '未附受案回执，请补充',
      rectifyDueOn: due,
    });
    expect(res.status).toBe(200);
    detail = await read(res);
    expect(detail).toMatchObject({ status: 'open', returnCount: 1, rectifyDueOn: due, version: 3 });

    // 3. The unit answers again, 4. the detachment verifies it as corrected and a violation.
    res = await unitlegal.post(`/api/supervision/findings/${id}/answer`, answerForm('已补充受案回执', 3));
    expect(res.status).toBe(200);
    res = await legal.post(`/api/supervision/findings/${id}/verify`, {
      version: 4,
      outcome: 'corrected',
      note: '整改到位',
      confirmedViolation: true,
    });
    expect(res.status).toBe(200);
    detail = await read(res);
    expect(detail).toMatchObject({ status: 'corrected', confirmedViolation: true, closedReason: '整改到位' });
    expect(detail.closedAt).toBeTruthy();
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual([
      'answered',
      'returned',
      'answered',
      'corrected',
      'confirmed',
    ]);
    expect(detail.actions).toEqual(['accountability']);

    // 5. 执法过错责任追究 from the confirmed violation, then decided.
    res = await legal.post('/api/supervision/accountability', { findingId: id, fault: '接警后未及时受案' });
    expect(res.status).toBe(200);
    const acc = await read(res);
    expect(acc).toMatchObject({ findingId: id, status: 'open', officerName: '李建军', openedBy: '周法明' });
    const again = await legal.post('/api/supervision/accountability', { findingId: id, fault: '重复启动' });
    expect(again.status).toBe(409);
    res = await legal.post(`/api/supervision/accountability/${acc.id}/decide`, {
      measure: 'criticism',
      note: '经委员会研究，给予批评教育',
    });
    expect(res.status).toBe(200);
    expect(await read(res)).toMatchObject({ status: 'decided', measure: 'criticism', decidedBy: '周法明' });
    expect(
      (
        await legal.post(`/api/supervision/accountability/${acc.id}/decide`, {
          measure: 'admonition',
          note: '再次',
        })
      ).status,
    ).toBe(409);
    detail = await read(await legal.get(`/api/supervision/findings/${id}`));
    expect(detail.accountability).toMatchObject({ id: acc.id, status: 'decided', measure: 'criticism' });
    expect(detail.actions).toEqual([]);
    // The unit sees its record; another unit does not.
    expect((await read(await unitlegal.get(`/api/supervision/accountability?findingId=${id}`))).total).toBe(
      1,
    );
    expect((await officer2.get(`/api/supervision/accountability/${acc.id}`)).status).toBe(404);

    // One audit record per step, each in the step's transaction.
    expect((await auditFor(id)).map((a) => a.action)).toEqual([
      'supervision.finding.answer',
      'supervision.finding.return',
      'supervision.finding.answer',
      'supervision.finding.correct',
    ]);
    const accAudit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'accountability'), eq(auditLog.targetId, String(acc.id))))
      .orderBy(auditLog.id);
    expect(accAudit.map((a) => a.action)).toEqual([
      'supervision.accountability.open',
      'supervision.accountability.decide',
    ]);
  });

  it('refuses accountability for a finding that is not a confirmed violation', async () => {
    const id = await finding({ status: 'corrected' });
    const res = await legal.post('/api/supervision/accountability', { findingId: id, fault: '某过错事实' });
    expect(res.status).toBe(400);
    expect((await read(res)).error.fields.findingId).toContain('认定违规');
  });

  it('dismisses an open finding with a reason', async () => {
    const id = await finding();
    const res = await legal.post(`/api/supervision/findings/${id}/verify`, {
      version: 1,
      outcome: 'dismissed',
      note: '经核实已依法受案，系数据延迟',
    });
    expect(res.status).toBe(200);
    expect(await read(res)).toMatchObject({ status: 'dismissed', confirmedViolation: false });
  });
});

describe('every error path changes nothing', () => {
  it('stale version, wrong state, missing note, other unit, no permission, past deadline', async () => {
    const id = await finding();
    await unitlegal.post(`/api/supervision/findings/${id}/answer`, answerForm('第一次反馈', 1));
    const before = await findingRow(id);
    const events = await eventCount(id);
    const audits = (await auditFor(id)).length;

    const expectUnchanged = async () => {
      expect(await findingRow(id)).toEqual(before);
      expect(await eventCount(id)).toBe(events);
      expect((await auditFor(id)).length).toBe(audits);
    };

    // stale version
    let res = await legal.post(`/api/supervision/findings/${id}/verify`, {
      version: 1,
      outcome: 'corrected',
      note: '',
    });
    expect(res.status).toBe(409);
    await expectUnchanged();
    // wrong state: answering an answered finding
    res = await unitlegal.post(`/api/supervision/findings/${id}/answer`, answerForm('再次反馈', 2));
    expect(res.status).toBe(409);
    expect((await read(res)).error.fields.status).toBeTruthy();
    await expectUnchanged();
    // missing note names the field (answer and return)
    res = await unitlegal.post(`/api/supervision/findings/${id}/answer`, answerForm(null, 2));
    expect(res.status).toBe(400);
    expect(Object.keys((await read(res)).error.fields)).toEqual(['note']);
    res = await legal.post(`/api/supervision/findings/${id}/verify`, {
      version: 2,
      outcome: 'returned',
      note: '',
    });
    expect(res.status).toBe(400);
    expect((await read(res)).error.fields.note).toBe('必填');
    await expectUnchanged();
    // a deadline in the past
    res = await legal.post(`/api/supervision/findings/${id}/verify`, {
      version: 2,
      outcome: 'returned',
      note: '请补充',
      rectifyDueOn: addDays(today, -1),
    });
    expect(res.status).toBe(400);
    expect((await read(res)).error.fields.rectifyDueOn).toBeTruthy();
    await expectUnchanged();
    // another unit's finding does not exist for PS-02
    expect((await officer2.get(`/api/supervision/findings/${id}`)).status).toBe(404);
    res = await officer2.post(`/api/supervision/findings/${id}/answer`, answerForm('不是我的', 2));
    expect(res.status).toBe(404);
    await expectUnchanged();
    // an officer cannot verify
    res = await officer.post(`/api/supervision/findings/${id}/verify`, {
      version: 2,
      outcome: 'corrected',
      note: '',
    });
    expect(res.status).toBe(403);
    await expectUnchanged();
    // an open finding cannot be verified as corrected (the unit has not answered)
    const open = await finding();
    res = await legal.post(`/api/supervision/findings/${open}/verify`, {
      version: 1,
      outcome: 'corrected',
      note: '',
    });
    expect(res.status).toBe(409);
    expect((await findingRow(open)).status).toBe('open');
  });
});

describe('manual findings', () => {
  it('records a finding by hand for a unit with the default deadline', async () => {
    const res = await legal.post('/api/supervision/findings', {
      unitId: unitIds['PS-02'],
      severity: 'high',
      description: '案卷中询问笔录未由被询问人签名',
    });
    expect(res.status).toBe(200);
    const d = await read(res);
    expect(d).toMatchObject({ source: 'manual', status: 'open', severity: 'high', ruleCode: 'manual' });
    expect(d.message).toContain('案卷中询问笔录未由被询问人签名');
    expect(d.rectifyDueOn).toBe(addDays(today, 10));
    expect(d.events.map((e: { kind: string }) => e.kind)).toEqual(['raised']);
    const bad = await legal.post('/api/supervision/findings', {
      ruleCode: 'nope',
      unitId: 1,
      description: '某问题描述',
    });
    expect(bad.status).toBe(400);
    expect((await read(bad)).error.fields.ruleCode).toBeTruthy();
    expect(
      (await officer.post('/api/supervision/findings', { unitId: 1, description: '某问题描述' })).status,
    ).toBe(403);
  });
});

describe('statistics and 待办', () => {
  it('stats totals agree with the list totals of the same filters', async () => {
    const from = addDays(today, -400);
    await finding({
      unit: 'PS-02',
      status: 'open',
      occurredOn: addDays(today, -40),
      rectifyDueOn: addDays(today, -2),
    });
    await finding({
      unit: 'PS-02',
      status: 'answered',
      occurredOn: addDays(today, -20),
      answeredAt: new Date(),
    });
    const stats = await read(await legal.get(`/api/supervision/stats?from=${from}&to=${today}`));
    const total = async (qs: string) =>
      (await read(await legal.get(`/api/supervision/findings?from=${from}&to=${today}&${qs}`))).total;
    expect(stats.totals.found).toBe(await total(''));
    expect(stats.totals.corrected).toBe(await total('status=corrected'));
    expect(stats.totals.confirmed).toBe(await total('confirmed=true'));
    expect(stats.totals.open).toBe(await total('status=open,answered'));
    expect(stats.totals.overdue).toBe(await total('overdue=true'));
    expect(stats.totals.overdue).toBeGreaterThan(0);
    expect(stats.totals.dismissed).toBe(await total('status=dismissed'));
    const sum = (xs: { count: number }[]) => xs.reduce((s, x) => s + x.count, 0);
    expect(sum(stats.byRule)).toBe(stats.totals.found);
    expect(sum(stats.byUnit)).toBe(stats.totals.found);
    expect(stats.byMonth.reduce((s: number, m: { found: number }) => s + m.found, 0)).toBe(
      stats.totals.found,
    );
    const ps2 = stats.byUnit.find((u: { unitId: number }) => u.unitId === unitIds['PS-02']);
    expect(ps2.count).toBe(await total(`unit=${unitIds['PS-02']}`));
    // A unit reader's stats cover only the unit.
    const own = await read(await officer2.get(`/api/supervision/stats?from=${from}&to=${today}`));
    expect(own.totals.found).toBe(ps2.count);
    expect((await legal.get(`/api/supervision/stats?from=${today}&to=${from}`)).status).toBe(400);
  });

  it('待办: the unit sees its open findings, the detachment the answers to verify', async () => {
    const overdue = await finding({ rectifyDueOn: addDays(today, -1), occurredOn: addDays(today, -15) });
    const answered = await finding({ status: 'answered', answeredAt: new Date() });
    const tasks = (await read(await officer.get('/api/tasks'))).items;
    const mine = tasks.find((x: { link: string }) => x.link === `/supervision/findings/${overdue}`);
    expect(mine).toMatchObject({ module: 'supervision', severity: 'overdue', due: addDays(today, -1) });
    const legalTasks = (await read(await legal.get('/api/tasks'))).items;
    expect(legalTasks.some((x: { link: string }) => x.link === `/supervision/findings/${answered}`)).toBe(
      true,
    );
    // Another unit's officer does not see PS-01's finding.
    const other = (await read(await officer2.get('/api/tasks'))).items;
    expect(other.some((x: { link: string }) => x.link === `/supervision/findings/${overdue}`)).toBe(false);
  });
});

describe('committee meetings', () => {
  it('records topic reports, cases studied and decisions, and refuses unknown references', async () => {
    const [c] = await t.database.db
      .insert(cases)
      .values({
        orgId: t.orgId,
        caseNo: 'A2026TEST01',
        caseType: 'admin',
        unitId: unitIds['PS-01']!,
        leadOfficerId: officerId,
        title: '某疑难案件',
        status: 'investigating',
        receivedAt: new Date(),
      })
      .returning({ id: cases.id });
    const body = {
      heldOn: '2026-03-20',
      title: '2026年第一季度执法监督委员会会议',
      topicReports: [{ title: '关于受案立案情况的专题报告', reporter: '周法明' }],
      caseIds: [c!.id],
      decisions: [{ text: '城关派出所一周内完成整改', ownerUnitId: unitIds['PS-01'], dueOn: '2026-03-27' }],
      minutes: '会议研究了……',
    };
    let res = await legal.post('/api/supervision/committee/meetings', body);
    expect(res.status).toBe(200);
    const m = await read(res);
    expect(m.cases).toEqual([{ id: c!.id, caseNo: 'A2026TEST01', title: '某疑难案件' }]);
    expect(m.decisions[0].ownerUnitName).toBeTruthy();
    expect(m.recordedBy).toBe('周法明');
    res = await legal.put(`/api/supervision/committee/meetings/${m.id}`, {
      ...body,
      caseIds: [c!.id, 99_999_999],
    });
    expect(res.status).toBe(400);
    expect((await read(res)).error.fields['caseIds.1']).toBeTruthy();
    res = await legal.put(`/api/supervision/committee/meetings/${m.id}`, {
      ...body,
      minutes: '修改后的纪要',
    });
    expect((await read(res)).minutes).toBe('修改后的纪要');
    const list = await read(await legal.get('/api/supervision/committee/meetings?year=2026'));
    expect(list).toMatchObject({ total: 1, topicReports: 1, casesStudied: 1 });
    expect((await officer.post('/api/supervision/committee/meetings', body)).status).toBe(403);
  });
});
