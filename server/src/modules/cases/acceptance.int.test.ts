import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, incidents } from '../../db/schema/index.ts';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';
import {
  act,
  approvedFiling,
  auditCount,
  createCase,
  ID_1,
  newIncident,
  signInAll,
  validId,
} from './case-fixtures.ts';

let t: TestApp;
let officer: TestClient;
let legal: TestClient;
let head: TestClient;
let inspector: TestClient;

beforeAll(async () => {
  t = await testApp();
  [officer, legal, head, inspector] = await signInAll(t, ['officer', 'legal', 'head', 'inspector'] as const);
}, 120_000);
afterAll(() => t.close());

const disposal = async (id: number) =>
  (await t.database.db.select().from(incidents).where(eq(incidents.id, id)))[0]!.disposal;

describe('acceptance and registration', () => {
  it('opens an admin case from an incident on the 24-hour acceptance clock', async () => {
    const incidentId = await newIncident(t);
    const c = await createCase(officer, { incidentId, receivedAt: null });
    expect(c).toMatchObject({
      status: 'acceptance_review',
      incidentId,
      caseType: 'admin',
      unitName: '城关派出所',
    });
    expect(c.caseNo).toMatch(/^A2021\d{5}$/);
    expect(c.clock).toMatchObject({
      rule: 'acceptance_review',
      start: '2021-09-27',
      due: '2021-09-28',
      overdue: true,
    });
    expect(c.clock.daysLeft).toBeLessThan(0);
    expect(c.availableActions).toEqual(['accept', 'refuse', 'transfer', 'mediate']);
    expect(await disposal(incidentId)).toBe('case_opened');
    const [trail] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'incident'), eq(auditLog.targetId, String(incidentId))));
    expect(trail!.action).toBe('incident.disposal');
    // One incident, one case.
    const again = await officer.post('/api/cases', { caseType: 'admin', title: '重复', incidentId });
    expect(again.status).toBe(409);
  });

  it('runs a complex acceptance for 3 days, rolled over the National Day holiday', async () => {
    const c = await createCase(officer, { complex: true, receivedAt: '2021-09-28T09:00:00+08:00' });
    // 09-28 + 3 = 10-01, a holiday: the period ends on the first working day after it.
    expect(c.clock).toMatchObject({ rule: 'acceptance_review_complex', due: '2021-10-08' });
    // Flagged complex later, a case moves from the 24-hour clock to the 3-day one.
    const d = await createCase(officer, { receivedAt: '2021-09-28T09:00:00+08:00' });
    expect(d.clock).toMatchObject({ rule: 'acceptance_review', due: '2021-09-29' });
    const patched = await read(
      await officer.patch(`/api/cases/${d.id}`, { version: d.version, complex: true }),
    );
    expect(patched.clock).toMatchObject({ rule: 'acceptance_review_complex', due: '2021-10-08' });
    const stale = await officer.patch(`/api/cases/${d.id}`, { version: d.version, title: '过期页面' });
    expect(stale.status).toBe(409);
  });

  it('files criminal cases on the 3 / 7 / 30-day filing clocks', async () => {
    const base = { caseType: 'criminal', title: '入室盗窃案', receivedAt: '2021-03-01T09:00:00+08:00' };
    const a = await createCase(officer, base);
    expect(a.caseNo).toMatch(/^X2021\d{5}$/);
    expect(a).toMatchObject({ status: 'filing_review', clock: { rule: 'filing_review', due: '2021-03-04' } });
    const b = await createCase(officer, { ...base, filingClock: 'filing_review_lead' });
    expect(b.clock).toMatchObject({ rule: 'filing_review_lead', due: '2021-03-08' });
    // 30 days only with the branch head's approval, asked for on the case, never chosen at creation.
    const refused = await officer.post('/api/cases', { ...base, filingClock: 'filing_review_major' });
    expect(refused.status).toBe(400);
    expect((await read(refused)).error.fields.filingClock).toContain('分局领导批准');
    const m = await createCase(officer, { ...base, filingClock: 'filing_review_lead' });
    const asked = await act(officer, m.id, 'request_filing', {
      proposed: 'extend_review',
      reason: '案情重大复杂',
    });
    expect(asked.body.status).toBe('filing_approval');
    expect((await act(officer, m.id, 'extend_review', {})).status).toBe(403);
    const extended = await act(head, m.id, 'extend_review', { note: '同意延长' });
    expect(extended.body).toMatchObject({
      status: 'filing_review',
      major: true,
      clock: { rule: 'filing_review_major', due: '2021-03-31' },
    });
    expect(await auditCount(t, m.id, 'case.extend_review')).toBe(1);
    // Once only: asked again, the head cannot extend it twice.
    await act(officer, m.id, 'request_filing', { proposed: 'extend_review', reason: '再次延长' });
    expect((await act(head, m.id, 'extend_review', {})).status).toBe(409);
    const filed = await approvedFiling(officer, head, a.id, 'file', { filedOn: '2021-03-02' });
    expect(filed.body).toMatchObject({ status: 'investigating', clock: { rule: null } });
  });

  it('starts the administrative case period on acceptance, extends it and excludes appraisal days', async () => {
    const c = await createCase(officer, {});
    const future = await act(officer, c.id, 'accept', { acceptedOn: '2999-01-01' });
    expect(future.status).toBe(400);
    const accepted = await act(officer, c.id, 'accept', { acceptedOn: '2021-09-28' });
    expect(accepted.body).toMatchObject({
      status: 'investigating',
      clock: { rule: 'admin_case_period', start: '2021-09-28', due: '2021-10-28' },
    });
    // The next-higher organ approves; the legal detachment records its approval, the officer cannot.
    const approval = {
      reason: '案情复杂',
      approvingOrgan: '渝州市公安局',
      approverName: '陈局长',
      approvedOn: '2021-10-20',
      approvalRef: '渝州市公法审〔2021〕12号',
    };
    expect((await officer.post(`/api/cases/${c.id}/extend-period`, approval)).status).toBe(403);
    // Who, when and which document are required; the approval is not dated before the period or after today.
    for (const missing of ['approvingOrgan', 'approverName', 'approvedOn', 'approvalRef']) {
      const res = await legal.post(`/api/cases/${c.id}/extend-period`, { ...approval, [missing]: undefined });
      expect(res.status, missing).toBe(400);
      expect((await read(res)).error.fields[missing], missing).toBeTruthy();
    }
    for (const approvedOn of ['2021-09-27', '2999-01-01'])
      expect((await legal.post(`/api/cases/${c.id}/extend-period`, { ...approval, approvedOn })).status).toBe(
        400,
      );
    const ext = await read(await legal.post(`/api/cases/${c.id}/extend-period`, approval));
    // 09-28 + 60 = 11-27, a Saturday: the period ends on Monday 11-29.
    expect(ext.clock.due).toBe('2021-11-29');
    expect(ext.periodExtendedDays).toBe(30);
    const record = ext.proceedings.find((p: { kind: string }) => p.kind === 'period_extension');
    expect(record).toMatchObject({ startedOn: '2021-10-20' });
    expect(record.detail).toMatchObject({
      approvingOrgan: '渝州市公安局',
      approverName: '陈局长',
      approvedOn: '2021-10-20',
      approvalRef: '渝州市公法审〔2021〕12号',
      recordedByName: '周法明',
      reason: '案情复杂',
    });
    const [logged] = await t.database.db
      .select({ summary: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.period.extend'), eq(auditLog.targetId, String(c.id))));
    expect(logged!.summary).toMatchObject({
      approvingOrgan: '渝州市公安局',
      approverName: '陈局长',
      approvalRef: '渝州市公法审〔2021〕12号',
    });
    expect(
      (await legal.post(`/api/cases/${c.id}/extend-period`, { ...approval, reason: '再延' })).status,
    ).toBe(409);
    const appraised = await read(
      await officer.post(`/api/cases/${c.id}/appraisals`, {
        from: '2021-10-10',
        to: '2021-10-19',
        note: '伤情鉴定',
      }),
    );
    // Ten appraisal days do not count: 11-27 + 10 = 12-07.
    expect(appraised).toMatchObject({ appraisalDays: 10, clock: { due: '2021-12-07' } });
  });

  it('a period ending on a holiday rolls over to the next working day', async () => {
    const c = await createCase(officer, { receivedAt: '2021-08-31T09:00:00+08:00' });
    const accepted = await act(officer, c.id, 'accept', { acceptedOn: '2021-09-01' });
    expect(accepted.body.clock.due).toBe('2021-10-08');
  });

  it('refuse, transfer and mediate close the case and set the incident disposal', async () => {
    for (const [action, body, status, disp] of [
      ['refuse', { reason: '不属于公安机关职责范围' }, 'not_accepted', 'no_action'],
      [
        'transfer',
        { reason: '属市场监管部门管辖', transferTo: '渝州区市场监督管理局' },
        'transferred',
        'transferred',
      ],
      ['mediate', { reason: '双方达成调解协议' }, 'mediated', 'mediated'],
    ] as const) {
      const incidentId = await newIncident(t);
      const c = await createCase(officer, { incidentId });
      const r = await act(officer, c.id, action, body);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status, clock: { rule: null }, availableActions: [] });
      expect(r.body.history.at(-1)).toMatchObject({ action: `case.${action}`, note: body.reason });
      expect(await disposal(incidentId)).toBe(disp);
      // A closed case refuses every further action and changes nothing.
      const again = await act(officer, c.id, 'accept', {});
      expect(again.status).toBe(409);
      expect(await auditCount(t, c.id)).toBe(2);
    }
  });
});

describe('case particulars', () => {
  it('validates ID numbers and masks them unless revealed, which is audited', async () => {
    const c = await createCase(officer, {});
    const bad = await officer.post(`/api/cases/${c.id}/parties`, {
      kind: 'person',
      role: 'offender',
      name: '张三',
      idNumber: `${ID_1.slice(0, 17)}${ID_1.endsWith('0') ? '1' : '0'}`,
    });
    expect(bad.status).toBe(400);
    expect((await read(bad)).error.fields.idNumber).toContain('校验位');
    const added = await read(
      await officer.post(`/api/cases/${c.id}/parties`, {
        kind: 'person',
        role: 'offender',
        name: '张三',
        idNumber: ID_1.toLowerCase(),
        phone: '13812345678',
      }),
    );
    expect(added.parties[0]).toMatchObject({
      idNumber: `${ID_1.slice(0, 6)}********${ID_1.slice(-4)}`,
      phone: '138****5678',
      masked: true,
    });
    const list = await read(await officer.get(`/api/cases/${c.id}`));
    expect(list.parties[0].idNumber).not.toBe(ID_1);
    const before = await auditCount(t, c.id, 'case.party.reveal');
    const revealed = await read(await officer.get(`/api/cases/${c.id}?reveal=1`));
    expect(revealed.parties[0]).toMatchObject({ idNumber: ID_1, masked: false });
    expect(await auditCount(t, c.id, 'case.party.reveal')).toBe(before + 1);
    // Without case.write (the inspector reads across the branch) reveal is ignored.
    const insp = await read(await inspector.get(`/api/cases/${c.id}?reveal=1`));
    expect(insp.parties[0].masked).toBe(true);
    // No audit record holds the whole ID number.
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, String(c.id)));
    expect(JSON.stringify(rows)).not.toContain(ID_1);
    const org = await officer.post(`/api/cases/${c.id}/parties`, {
      kind: 'organisation',
      role: 'offender',
      name: '渝州某某网吧',
      creditCode: '91500112MA5U7AB12X',
    });
    expect(org.status).toBe(200);
    expect(validId('11010519900307123')).toBe(ID_1);
  });

  it('links offences from the dictionary and refuses unknown ones', async () => {
    const c = await createCase(officer, {});
    const dict = await read(await officer.get('/api/penalty-items?caseType=admin'));
    expect(dict.items.length).toBeGreaterThan(5);
    expect(dict.items.every((i: { caseType: string }) => i.caseType === 'admin')).toBe(true);
    const bad = await officer.put(`/api/cases/${c.id}/offences`, { codes: ['ZA-43-1', 'XF-264'] });
    expect(bad.status).toBe(400);
    const ok = await read(await officer.put(`/api/cases/${c.id}/offences`, { codes: ['ZA-43-1', 'ZA-26'] }));
    expect(ok.offences.map((o: { code: string }) => o.code)).toEqual(['ZA-26', 'ZA-43-1']);
    expect(ok.offences[1]).toMatchObject({ law: '治安管理处罚法', article: '第四十三条第一款' });
  });

  it('stores evidence with its SHA-256, never overwritten, and streams it back with the hash', async () => {
    const c = await createCase(officer, {});
    const upload = async (content: string) => {
      const form = new FormData();
      form.append('file', new File([content], '询问笔录.txt', { type: 'text/plain' }));
      form.append('description', '第一次询问');
      return officer.request('POST', `/api/cases/${c.id}/evidence`, form);
    };
    const first = await read(await upload('第一版'));
    const second = await read(await upload('第二版'));
    expect(first.id).not.toBe(second.id);
    expect(first.sha256).toBe(createHash('sha256').update('第一版').digest('hex'));
    const res = await officer.get(`/api/evidence/${first.id}/download`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-sha256')).toBe(first.sha256);
    expect(await res.text()).toBe('第一版');
    const view = await read(await officer.get(`/api/cases/${c.id}`));
    expect(view.evidence).toHaveLength(2);
    expect(view.evidence[0]).not.toHaveProperty('content');
    const empty = new FormData();
    expect((await officer.request('POST', `/api/cases/${c.id}/evidence`, empty)).status).toBe(400);
  });

  it('head and inspector read every case but take no handler action', async () => {
    const c = await createCase(officer, {});
    for (const who of [head, inspector]) {
      const v = await read(await who.get(`/api/cases/${c.id}`));
      expect(v.availableActions).toEqual([]);
      expect((await act(who, c.id, 'accept', {})).status).toBe(403);
    }
  });
});
