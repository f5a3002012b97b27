/**
 * The rules and scans API: who may read and change what, parameter validation per kind, rule
 * versions, finding counts in the caller's scope, and a scan started from the API.
 */
import { addDays, chinaToday } from '@fazhi/common';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/index.ts';
import { auditLog, officers, supervisionFindings, units } from '../../db/schema/index.ts';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';

let t: TestApp;
let legal: TestClient;
let officer: TestClient;
let officer2: TestClient;

const body = (over: Record<string, unknown> = {}) => ({
  effectiveFrom: addDays(chinaToday(), 1),
  enabled: true,
  severity: 'high',
  rectifyDays: 7,
  params: { hours: 48, exemptDisposals: ['transferred'] },
  legalBasis: '《公安机关执法质量考评工作规定》',
  ...over,
});

beforeAll(async () => {
  t = await testApp();
  [legal, officer, officer2] = await Promise.all([
    t.signIn('legal'),
    t.signIn('officer'),
    t.signIn('officer2'),
  ]);
});
afterAll(() => t.close());

async function unitOf(code: string) {
  const [u] = await t.database.db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.orgId, t.orgId), eq(units.code, code)));
  return u!.id;
}

describe('GET /api/supervision/rules', () => {
  it('lists one rule per kind with the version in force and its defaults', async () => {
    const res = await legal.get('/api/supervision/rules');
    expect(res.status).toBe(200);
    const list = await read(res);
    expect(list.total).toBe(12);
    const iwc = list.items.find((r: { code: string }) => r.code === 'incident_without_case');
    expect(iwc).toMatchObject({
      kind: 'incident_without_case',
      nameZh: '有警无案（应立未立）',
      effectiveFrom: '2021-01-01',
      enabled: true,
      inForce: true,
      versions: 1,
      params: { hours: 24, exemptDisposals: ['transferred', 'mediated'] },
    });
    expect(iwc.legalBasis).toContain('公通字〔2015〕32号');
  });

  it('counts findings within the caller’s scope: the branch for the detachment, the unit for an officer', async () => {
    const [ps1, ps2] = [await unitOf('PS-01'), await unitOf('PS-02')];
    const finding = (unitId: number, key: string, status: string) => ({
      orgId: t.orgId,
      ruleCode: 'case_idle',
      problemKey: key,
      subjectType: 'case',
      subjectId: 1,
      unitId,
      severity: 'medium',
      occurredOn: '2025-06-01',
      rectifyDueOn: '2025-06-16',
      status,
    });
    await t.database.db
      .insert(supervisionFindings)
      .values([finding(ps1, 'a', 'open'), finding(ps1, 'b', 'corrected'), finding(ps2, 'c', 'answered')]);
    const count = async (c: TestClient) =>
      (await read(await c.get('/api/supervision/rules'))).items.find(
        (r: { code: string }) => r.code === 'case_idle',
      );
    expect(await count(legal)).toMatchObject({ openFindings: 2, totalFindings: 3 });
    expect(await count(officer)).toMatchObject({ openFindings: 1, totalFindings: 2 });
    expect(await count(officer2)).toMatchObject({ openFindings: 1, totalFindings: 1 });
  });

  it('is refused without supervision.read', async () => {
    const command = await t.signIn('command');
    expect((await command.get('/api/supervision/rules')).status).toBe(403);
  });
});

describe('PUT /api/supervision/rules/{code}', () => {
  it('needs supervision.manage', async () => {
    const res = await officer.put('/api/supervision/rules/incident_without_case', body());
    expect(res.status).toBe(403);
  });

  it('validates the parameters of the rule’s kind, naming the field, and changes nothing', async () => {
    const bad = async (params: Record<string, unknown>) => {
      const res = await legal.put('/api/supervision/rules/incident_without_case', body({ params }));
      expect(res.status).toBe(400);
      return (await read(res)).error.fields;
    };
    expect(Object.keys(await bad({ hours: 0 }))).toEqual(['params.hours']);
    expect(Object.keys(await bad({ hours: 'many' }))).toEqual(['params.hours']);
    expect(Object.keys(await bad({ exemptDisposals: ['lost'] }))).toEqual(['params.exemptDisposals.0']);
    expect(Object.keys(await bad({ days: 3 }))).toEqual(['params.days']);
    const past = await legal.put(
      '/api/supervision/rules/incident_without_case',
      body({ effectiveFrom: addDays(chinaToday(), -1) }),
    );
    expect(past.status).toBe(400);
    expect(Object.keys((await read(past)).error.fields)).toEqual(['effectiveFrom']);
    const versions = await read(await legal.get('/api/supervision/rules/incident_without_case/versions'));
    expect(versions.total).toBe(1);
    expect((await legal.put('/api/supervision/rules/no_such_rule', body())).status).toBe(404);
  });

  it('adds a version from a future date, then edits that version, and audits both', async () => {
    const tomorrow = addDays(chinaToday(), 1);
    const added = await legal.put('/api/supervision/rules/incident_without_case', body());
    expect(added.status).toBe(200);
    expect(await read(added)).toMatchObject({
      effectiveFrom: tomorrow,
      inForce: false,
      versions: 2,
      params: { hours: 48, exemptDisposals: ['transferred'] },
      nameZh: '有警无案（应立未立）',
    });
    const edited = await legal.put(
      '/api/supervision/rules/incident_without_case',
      body({ severity: 'low', params: { hours: 36 } }),
    );
    expect(await read(edited)).toMatchObject({ severity: 'low', versions: 2, params: { hours: 36 } });
    const list = await read(await officer.get('/api/supervision/rules/incident_without_case/versions'));
    expect(
      list.items.map((v: { effectiveFrom: string; inForce: boolean }) => [v.effectiveFrom, v.inForce]),
    ).toEqual([
      [tomorrow, false],
      ['2021-01-01', true],
    ]);
    // The list still shows the version in force today.
    const rules = await read(await legal.get('/api/supervision/rules'));
    expect(rules.items.find((r: { code: string }) => r.code === 'incident_without_case')).toMatchObject({
      effectiveFrom: '2021-01-01',
      versions: 2,
    });
    const audited = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(
        and(eq(auditLog.targetType, 'supervision_rule'), eq(auditLog.targetId, 'incident_without_case')),
      );
    expect(audited.map((a) => a.action)).toEqual(['supervision.rule.version', 'supervision.rule.update']);
  });
});

describe('scans', () => {
  it('starts a scan for the detachment only, which runs on and records its progress', async () => {
    expect((await officer.post('/api/supervision/scans', { mode: 'full' })).status).toBe(403);
    expect((await legal.post('/api/supervision/scans', { mode: 'sideways' })).status).toBe(400);
    const res = await legal.post('/api/supervision/scans', { mode: 'incremental' });
    expect(res.status).toBe(200);
    const started = await read(res);
    // No scan finished before: an incremental scan runs in full.
    expect(started).toMatchObject({ trigger: 'manual', mode: 'full', startedByName: '周法明' });
    let scan = started;
    for (let i = 0; i < 100 && scan.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      scan = await read(await officer.get(`/api/supervision/scans/${started.id}`));
    }
    expect(scan).toMatchObject({ status: 'done', progress: 1, error: null });
    expect(Object.keys(scan.counts.byRule)).toHaveLength(12);
    const list = await read(await officer.get('/api/supervision/scans'));
    expect(list.items[0].id).toBe(started.id);
    const [legalId] = await t.database.db
      .select({ id: officers.id })
      .from(officers)
      .where(eq(officers.username, 'legal'));
    const audited = await t.database.db
      .select({ action: auditLog.action, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'supervision_scan'), eq(auditLog.targetId, String(started.id))));
    expect(audited).toHaveLength(2);
    expect(audited.every((a) => a.actorId === legalId!.id)).toBe(true);
  });

  it('answers 409 while a scan of the branch runs', async () => {
    const [running] = await rows<{ id: number }>(
      t.database.db,
      sql`insert into supervision_scans (org_id, trigger, mode, status) values (${t.orgId}, 'schedule', 'full', 'running') returning id`,
    );
    const res = await legal.post('/api/supervision/scans', { mode: 'full' });
    expect(res.status).toBe(409);
    expect((await read(res)).error.fields.mode).toContain('正在进行');
    await t.database.db.execute(sql`update supervision_scans set status = 'done' where id = ${running!.id}`);
    expect((await legal.get('/api/supervision/scans/999999')).status).toBe(404);
  });
});
