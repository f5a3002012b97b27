import { BUILT_IN_ROLES, CASE_DATA_PERMISSIONS } from '@fazhi/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../seed/demo.ts';
import { type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';

let t: TestApp;
const clients = new Map<string, TestClient>();
let ids: { ps01Officer: number; ps02Officer: number; ps01AreaOfficer: number; ps01: number; ps02: number };

beforeAll(async () => {
  t = await testApp();
  for (const a of DEMO_ACCOUNTS) clients.set(a.username, await t.signIn(a.username));
  const legal = clients.get('legal')!;
  const find = async (q: string) =>
    (
      await legal.json<{ items: { id: number; unitId: number }[] }>(
        legal.get(`/api/officers?q=${encodeURIComponent(q)}`),
      )
    ).items[0]!;
  const units = (await legal.json<{ items: { id: number; code: string }[] }>(legal.get('/api/units'))).items;
  const unit = (code: string) => units.find((u) => u.code === code)!.id;
  const areaOfficer = (
    await legal.json<{ items: { id: number }[] }>(legal.get(`/api/officers?unitId=${unit('PS-01-A1')}`))
  ).items[0]!;
  ids = {
    ps01Officer: (await find('officer')).id,
    ps02Officer: (await find('officer2')).id,
    ps01AreaOfficer: areaOfficer.id,
    ps01: unit('PS-01'),
    ps02: unit('PS-02'),
  };
});
afterAll(() => t.close());

describe('every route declares who may call it', () => {
  it('has x-access on every operation of the OpenAPI document', async () => {
    const doc = await t
      .client()
      .json<{ paths: Record<string, Record<string, { 'x-access'?: string }>> }>(
        t.client().get('/api/openapi.json'),
      );
    const ops = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.entries(methods).map(([m, op]) => ({ p, m, access: op['x-access'] })),
    );
    expect(ops.length).toBeGreaterThan(30);
    expect(ops.filter((o) => !o.access)).toEqual([]);
  });

  it('keeps the system administrator away from case data and audit (三员分立)', () => {
    const sysadmin = BUILT_IN_ROLES.find((r) => r.code === 'sysadmin')!;
    expect(sysadmin.permissions.filter((p) => CASE_DATA_PERMISSIONS.includes(p))).toEqual([]);
    expect(sysadmin.permissions).not.toContain('audit.read');
  });
});

// Expected status of each call for each demo account: the permission matrix of the platform.
const MATRIX: { call: string; allowed: string[] }[] = [
  {
    call: 'GET /api/units',
    allowed: [
      'admin',
      'security',
      'auditor',
      'legal',
      'head',
      'officer',
      'unitlegal',
      'unithead',
      'officer2',
      'command',
      'inspector',
      'mediator',
    ],
  },
  {
    call: 'GET /api/officers',
    allowed: [
      'admin',
      'security',
      'legal',
      'head',
      'officer',
      'unitlegal',
      'unithead',
      'officer2',
      'command',
      'inspector',
    ],
  },
  { call: 'GET /api/roles', allowed: ['admin', 'security'] },
  { call: 'GET /api/settings/security', allowed: ['security'] },
  { call: 'GET /api/audit', allowed: ['auditor'] },
  { call: 'GET /api/audit/export', allowed: ['auditor'] },
  { call: 'GET /api/units/import-template', allowed: ['admin'] },
  { call: 'GET /api/officers/import-template', allowed: ['admin'] },
  { call: 'GET /api/tasks', allowed: DEMO_ACCOUNTS.map((a) => a.username) },
];

describe('permission matrix', () => {
  for (const { call, allowed } of MATRIX) {
    it(call, async () => {
      const [method, path] = call.split(' ') as [string, string];
      const result: Record<string, number> = {};
      for (const [name, c] of clients) result[name] = (await c.request(method, path)).status;
      const expected = Object.fromEntries(
        [...clients.keys()].map((n) => [n, allowed.includes(n) ? 200 : 403]),
      );
      expect(result).toEqual(expected);
    });
  }

  it('refuses role assignment to all but the security administrator', async () => {
    for (const [name, c] of clients) {
      const status = (await c.put(`/api/officers/${ids.ps01AreaOfficer}/roles`, { roles: ['officer'] }))
        .status;
      expect([name, status]).toEqual([name, name === 'security' ? 200 : 403]);
    }
  });

  it('answers 401 without a session', async () => {
    expect((await t.client().get('/api/units')).status).toBe(401);
  });
});

describe('data scope', () => {
  it('a station officer sees officers of their own unit only; others are 404', async () => {
    const c = clients.get('officer')!;
    expect((await c.get(`/api/officers/${ids.ps01Officer}`)).status).toBe(200);
    expect((await c.get(`/api/officers/${ids.ps02Officer}`)).status).toBe(404);
    expect((await c.get(`/api/officers/${ids.ps01AreaOfficer}`)).status).toBe(404);
    const list = await c.json<{ items: { unitId: number }[]; total: number }>(
      c.get('/api/officers?pageSize=500'),
    );
    expect(list.total).toBeGreaterThan(0);
    expect(new Set(list.items.map((o) => o.unitId))).toEqual(new Set([ids.ps01]));
    const units = await c.json<{ items: { id: number }[] }>(c.get('/api/units'));
    expect(units.items.map((u) => u.id)).toEqual([ids.ps01]);
  });

  it('a unit head sees their subtree (the station and its police areas) and not the next station', async () => {
    const c = clients.get('unithead')!;
    expect((await c.get(`/api/officers/${ids.ps01AreaOfficer}`)).status).toBe(200);
    expect((await c.get(`/api/officers/${ids.ps02Officer}`)).status).toBe(404);
    const units = await c.json<{ items: { id: number; code: string }[] }>(c.get('/api/units'));
    expect(units.items.map((u) => u.code).sort()).toEqual(['PS-01', 'PS-01-A1', 'PS-01-A2']);
  });

  it('the legal detachment reads the whole branch', async () => {
    const c = clients.get('legal')!;
    for (const id of Object.values(ids).slice(0, 3))
      expect((await c.get(`/api/officers/${id}`)).status).toBe(200);
    const units = await c.json<{ items: unknown[] }>(c.get('/api/units'));
    expect(units.items.length).toBeGreaterThan(60);
  });

  it('counts 41 case-handling units in the demo branch', async () => {
    const units = await clients
      .get('legal')!
      .json<{ items: { caseHandling: boolean }[] }>(clients.get('legal')!.get('/api/units'));
    expect(units.items.filter((u) => u.caseHandling)).toHaveLength(41);
  });
});
