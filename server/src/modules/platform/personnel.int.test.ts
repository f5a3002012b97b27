/**
 * Only police officers are officers: the stationed lawyer (郑律师, the demo's mediator account)
 * and other non-police staff appear in no officer picker, are refused in every officer field,
 * hold no case-handling role and count in no officer figure or ranking.
 */
import { chinaToday } from '@fazhi/common';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/index.ts';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';
import { createCase, newIncident, signInAll } from '../cases/case-fixtures.ts';
import { closedCase, unitIdsOf } from '../evaluation/test-fixtures.ts';
import { metricRecords } from '../reports/metrics/registry.ts';
import { metricValues } from '../reports/metrics/values.ts';

let t: TestApp;
let officer: TestClient;
let legal: TestClient;
let admin: TestClient;
let security: TestClient;
let lawyerId = 0;
let officerId = 0;
let u: Record<string, number> = {};
// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions
type Body = any;

const idOf = async (username: string) =>
  Number(
    (await rows<{ id: number }>(t.database.db, sql`select id from officers where username = ${username}`))[0]!
      .id,
  );

beforeAll(async () => {
  t = await testApp();
  [officer, legal, admin, security] = await signInAll(t, ['officer', 'legal', 'admin', 'security'] as const);
  lawyerId = await idOf('mediator');
  officerId = await idOf('officer');
  u = await unitIdsOf(t);
}, 60_000);
afterAll(() => t.close());

describe('the kind of person', () => {
  it('is shown and kept on the account: the stationed lawyer is not a police officer', async () => {
    const lawyer = await read(await admin.get(`/api/officers/${lawyerId}`));
    expect(lawyer).toMatchObject({ name: '郑律师', personnelKind: 'lawyer' });
    expect((await read(await admin.get(`/api/officers/${officerId}`))).personnelKind).toBe('police');
    const made = await admin.post('/api/officers', {
      badgeNo: '790001',
      name: '钱辅警',
      username: 'fujing01',
      password: 'Aux@2026strong',
      unitId: u['PS-01'],
      personnelKind: 'auxiliary',
    });
    expect(made.status).toBe(200);
    const aux = await read(made);
    expect(aux.personnelKind).toBe('auxiliary');
    const kinds = await read(await admin.get('/api/officers?kind=auxiliary&pageSize=500'));
    expect(kinds.items.map((o: Body) => o.name)).toEqual(['钱辅警']);
    const bad = await admin.patch(`/api/officers/${aux.id}`, { personnelKind: 'pilot' });
    expect(bad.status).toBe(400);
    expect((await read(bad)).error.fields).toHaveProperty('personnelKind');
  });

  it('keeps case-handling and review roles for police officers', async () => {
    const res = await security.put(`/api/officers/${lawyerId}/roles`, { roles: ['mediator', 'officer'] });
    expect(res.status).toBe(400);
    expect((await read(res)).error.fields.roles).toContain('民警');
    // A case officer cannot be turned into a non-police account while holding the role.
    const turn = await admin.patch(`/api/officers/${officerId}`, { personnelKind: 'civilian' });
    expect(turn.status).toBe(400);
    expect((await read(turn)).error.fields).toHaveProperty('personnelKind');
    expect((await read(await admin.get(`/api/officers/${officerId}`))).personnelKind).toBe('police');
  });
});

describe('officer pickers', () => {
  it('offer police officers only', async () => {
    // The pickers' query (出警民警, co-officers, chairs …), as the officer of the lawyer's station.
    const picked = await read(await officer.get('/api/officers?kind=police&q=郑&pageSize=50'));
    expect(picked.items.map((o: Body) => o.name)).not.toContain('郑律师');
    const branch = await read(await legal.get('/api/officers?kind=police&pageSize=500'));
    expect(branch.total).toBeGreaterThan(300);
    expect(branch.items.every((o: Body) => o.personnelKind === 'police')).toBe(true);
    expect(branch.items.map((o: Body) => o.id)).not.toContain(lawyerId);
  });

  it('refuse the lawyer as 出警民警, co-officer or discussion chair, naming the field', async () => {
    const incident = await officer.post('/api/incidents', {
      source: '110',
      receivedAt: '2021-03-04T08:30:00+08:00',
      categoryCode: 'ZA-DO',
      place: '渝州区城关街道解放路1号',
      narrative: '报警称在解放路被人殴打',
      unitId: u['PS-01'],
      officerIds: [officerId, lawyerId],
    });
    expect(incident.status).toBe(400);
    expect((await read(incident)).error.fields.officerIds).toContain('民警');

    const refused = await officer.post('/api/cases', {
      caseType: 'admin',
      title: '李某殴打他人案',
      receivedAt: '2021-09-27T10:00:00+08:00',
      coOfficerIds: [lawyerId],
    });
    expect(refused.status).toBe(400);
    expect((await read(refused)).error.fields).toHaveProperty('coOfficerIds');

    const c = await createCase(officer, { incidentId: await newIncident(t), coOfficerIds: [] });
    const edit = await officer.patch(`/api/cases/${c.id}`, { version: c.version, coOfficerIds: [lawyerId] });
    expect(edit.status).toBe(400);
    expect((await read(edit)).error.fields).toHaveProperty('coOfficerIds');

    const talk = await officer.post(`/api/cases/${c.id}/discussions`, {
      heldAt: '2021-09-29T10:00:00+08:00',
      chairId: lawyerId,
      opinions: [
        { officerId, name: '李建军', opinion: '同意' },
        { officerId: null, name: '郑律师', opinion: '同意' },
      ],
      conclusion: '同意处罚',
    });
    expect(talk.status).toBe(400);
    expect((await read(talk)).error.fields).toHaveProperty('chairId');
  });
});

describe('officer figures', () => {
  it('count police officers only: 实有民警 and 通过法律职业资格考试', async () => {
    const year = chinaToday().slice(0, 4);
    const ids = ['officers.total', 'qualification.legal_profession_passed'];
    const values = await metricValues(t.database.db, t.orgId, year, ids);
    for (const id of ids) {
      const records = await metricRecords(t.database.db, t.orgId, id, year, { pageSize: 1000 });
      expect(records.items.length, id).toBe(records.total);
      expect(
        records.items.map((r) => r.name),
        id,
      ).not.toContain('郑律师');
      expect(values.find((v) => v.id === id)?.value, id).toBe(records.total);
    }
    const [police] = await rows<{ n: string }>(
      t.database.db,
      sql`select count(*) n from officers where org_id = ${t.orgId} and active and personnel_kind = 'police'`,
    );
    expect(values.find((v) => v.id === 'officers.total')?.value).toBe(Number(police!.n));
  });

  it('rank police officers only in the quality evaluation (法制之星)', async () => {
    // A case once led by the lawyer (recorded before leads had to be police): it scores for its
    // unit, but ranks no one.
    for (const [lead, day] of [
      [lawyerId, '04-10'],
      [lawyerId, '05-10'],
      [officerId, '04-20'],
      [officerId, '05-20'],
    ] as const)
      await closedCase(t, u['PS-01']!, lead, `2022-${day}T10:00:00+08:00`);
    const round = await read(
      await legal.post('/api/evaluation/rounds', { year: 2022, quarter: 2, perUnit: 4 }),
    );
    expect(round.samples).toHaveLength(4);
    for (const s of round.samples)
      expect(
        (await legal.post(`/api/evaluation/samples/${s.id}/score`, { version: s.version, deductions: [] }))
          .status,
      ).toBe(200);
    expect((await legal.post(`/api/evaluation/rounds/${round.id}/publish`)).status).toBe(200);
    const ranking = await read(await legal.get('/api/evaluation/rankings?year=2022&minSamples=1'));
    expect(ranking.units.find((x: Body) => x.unitId === u['PS-01'])?.samples).toBe(4);
    expect(ranking.officers.map((o: Body) => o.officerId)).toEqual([officerId]);
    const awards = await read(await legal.post('/api/evaluation/awards/propose', { year: 2022 }));
    const stars = awards.items.filter((a: Body) => a.kind === 'legal_star').map((a: Body) => a.officerId);
    expect(stars).not.toContain(lawyerId);
  });
});
