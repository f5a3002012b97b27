import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/index.ts';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';

let t: TestApp;
let officer: TestClient;
let officer2: TestClient;
let head: TestClient;
let command: TestClient;
let unit: (code: string) => number;

const count = async (table = 'incidents') =>
  Number((await rows<{ n: string }>(t.database.db, sql.raw(`select count(*) as n from ${table}`)))[0]!.n);

const incident = (over: Record<string, unknown> = {}) => ({
  source: '110',
  receivedAt: '2021-03-04T08:30:00+08:00',
  callerName: '张三丰',
  callerPhone: '138 1234 5678',
  categoryCode: 'XS-DQ',
  place: '渝州区龙溪街道松石北路128号',
  narrative: '报警人称其停放在小区楼下的电动车被盗，价值约三千元。',
  unitId: unit('PS-01'),
  tags: ['反诈'],
  ...over,
});

beforeAll(async () => {
  t = await testApp();
  officer = await t.signIn('officer');
  officer2 = await t.signIn('officer2');
  head = await t.signIn('head');
  command = await t.signIn('command');
  const units = await rows<{ id: number; code: string }>(
    t.database.db,
    sql`select id, code from units where org_id = ${t.orgId}`,
  );
  unit = (code) => Number(units.find((u) => u.code === code)!.id);
});
afterAll(() => t.close());

describe('recording an incident', () => {
  it('numbers it per branch and year, keeps the caller whole for its handlers, and audits it', async () => {
    const res = await officer.post('/api/incidents', incident());
    expect(res.status).toBe(200);
    const a = await read(res);
    expect(a.incidentNo).toMatch(/^J2021\d{6}$/);
    expect(a.callerPhone).toBe('13812345678');
    expect(a.callerName).toBe('张三丰');
    expect(a.callerMasked).toBe(false);
    expect(a).toMatchObject({
      categoryName: '盗窃',
      parentCategoryName: '刑事',
      disposal: 'pending',
      version: 1,
    });

    const b = await read(await officer.post('/api/incidents', incident({ sourceId: 'S-2' })));
    expect(Number(b.incidentNo.slice(5))).toBe(Number(a.incidentNo.slice(5)) + 1);
    const c = await read(
      await officer.post('/api/incidents', incident({ receivedAt: '2021-12-31T23:30:00+08:00' })),
    );
    expect(c.incidentNo.slice(0, 5)).toBe('J2021'); // China year, though UTC is still the 31st too
    const d = await read(
      await officer.post('/api/incidents', incident({ receivedAt: '2021-12-31T16:30:00Z' })),
    );
    expect(d.incidentNo.slice(0, 5)).toBe('J2022'); // 00:30 on 1 January in China

    const audits = await rows<{ action: string; summary: { after: Record<string, unknown> } }>(
      t.database.db,
      sql`select action, summary from audit_log where target_type = 'incident' and target_id = ${String(a.id)}`,
    );
    expect(audits.map((r) => r.action)).toEqual(['incident.create']);
    expect(audits[0]!.summary.after.callerPhone).toBe('138****5678');
  });

  it('shows the caller masked to readers who do not handle incidents', async () => {
    const a = await read(await command.post('/api/incidents', incident({ sourceId: 'S-mask' })));
    const seen = await read(await head.get(`/api/incidents/${a.id}`));
    expect(seen).toMatchObject({ callerMasked: true, callerName: '张**', callerPhone: '138****5678' });
    const whole = await read(await command.get(`/api/incidents/${a.id}`));
    expect(whole).toMatchObject({ callerMasked: false, callerPhone: '13812345678' });
  });

  it('refuses bad input naming each field, in the caller’s language, and changes nothing', async () => {
    const before = [await count(), await count('audit_log')];
    const res = await officer.post(
      '/api/incidents',
      incident({ callerPhone: '12345', categoryCode: 'NOPE', unitId: unit('PS-02'), sourceId: 'S-2' }),
    );
    expect(res.status).toBe(400);
    const body = await read(res);
    expect(body.error.fields.callerPhone).toBeDefined();
    // the phone fails the schema, before the dictionary is read; then the dictionary checks
    const res2 = await officer.post(
      '/api/incidents',
      incident({ categoryCode: 'NOPE', unitId: unit('PS-02'), sourceId: 'S-2' }),
    );
    const body2 = await read(res2);
    expect(res2.status).toBe(400);
    expect(body2.error.fields).toEqual({
      categoryCode: '警情类别不存在或已停用',
      unitId: '单位不存在或不在您的管辖范围内',
      sourceId: '该接警单编号已录入',
    });
    officer.language = 'en-US';
    const res3 = await officer.post('/api/incidents', incident({ receivedAt: '2099-01-01T00:00:00+08:00' }));
    officer.language = 'zh-CN';
    expect((await read(res3)).error.fields).toEqual({ receivedAt: 'Cannot be in the future' });
    expect([await count(), await count('audit_log')]).toEqual(before);
  });

  it('offers the category dictionary as a tree', async () => {
    const body = await read(await officer.get('/api/incidents/categories'));
    const xs = body.items.find((c: { code: string }) => c.code === 'XS');
    expect(xs.nameZh).toBe('刑事');
    expect(xs.children.map((c: { code: string }) => c.code)).toContain('XS-DQ');
  });
});

describe('listing and searching', () => {
  // the demo branch has incidents of its own: every query here also searches a marker phrase
  const MARK = encodeURIComponent('弹奏钢琴');
  let id: number;
  let other: number;
  beforeAll(async () => {
    const a = await read(
      await officer.post(
        '/api/incidents',
        incident({
          sourceId: 'S-list',
          categoryCode: 'JF-LL',
          place: '渝州区双龙湖街道翡翠湾畔小区',
          narrative: '楼上住户深夜弹奏钢琴扰民，双方发生口角。',
          receivedAt: '2021-05-01T23:59:00+08:00',
          cameraRecorded: true,
          tags: ['涉企'],
          disposal: 'mediated',
          disposedAt: '2021-05-02T01:00:00+08:00',
        }),
      ),
    );
    id = a.id;
    const b = await read(
      await officer.post(
        '/api/incidents',
        incident({ sourceId: 'S-list2', source: 'walk_in', narrative: '报警人称邻居弹奏钢琴时其手机被盗。' }),
      ),
    );
    other = b.id;
  });

  const ids = async (client: TestClient, query: string) =>
    (await read(await client.get(`/api/incidents?q=${MARK}&${query}`))).items.map(
      (i: { id: number }) => i.id,
    );

  it('finds Chinese substrings of the narrative and the place, newest first, masked', async () => {
    const body = await read(await officer.get(`/api/incidents?q=${encodeURIComponent('弹奏钢琴扰民')}`));
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ id, callerName: '张**', callerPhone: '138****5678' });
    const place = await read(await officer.get(`/api/incidents?q=${encodeURIComponent('翡翠湾畔')}`));
    expect(place.items.map((i: { id: number }) => i.id)).toEqual([id]);
    expect((await read(await officer.get(`/api/incidents?q=${encodeURIComponent('100%')}`))).total).toBe(0);
    const no = (await read(await officer.get(`/api/incidents/${id}`))).incidentNo as string;
    for (const q of [no.toLowerCase(), 'S-list'])
      expect(
        (await read(await officer.get(`/api/incidents?q=${q}`))).items.map((i: { id: number }) => i.id),
      ).toEqual([id]);
    expect(await ids(officer, '')).toEqual([id, other]); // 2021-05-01 after 2021-03-04
    const all = await read(await officer.get('/api/incidents?pageSize=100'));
    const times = all.items.map((i: { receivedAt: string }) => i.receivedAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('filters by China dates, unit subtree, category with sub-categories, source, disposal, tag and camera', async () => {
    expect(await ids(officer, 'from=2021-05-01&to=2021-05-01')).toEqual([id]);
    expect(await ids(officer, 'from=2021-05-02&to=2021-05-02')).toEqual([]);
    expect(await ids(officer, 'to=2021-04-30')).toEqual([other]);
    expect(await ids(officer, 'categoryCode=JF')).toEqual([id]);
    expect(await ids(officer, 'categoryCode=XS')).toEqual([other]);
    expect(await ids(officer, 'categoryCode=XS-DQ')).toEqual([other]);
    expect(await ids(officer, `tag=${encodeURIComponent('涉企')}`)).toEqual([id]);
    expect(await ids(officer, 'camera=yes')).toEqual([id]);
    expect(await ids(officer, 'camera=unknown')).toEqual([other]);
    expect(await ids(officer, 'disposal=mediated')).toEqual([id]);
    expect(await ids(officer, 'source=walk_in')).toEqual([other]);
    expect(await ids(command, `unitId=${unit('BRANCH')}`)).toEqual([id, other]);
    expect(await ids(command, `unitId=${unit('PS-01')}`)).toEqual([id, other]);
    expect(await ids(command, `unitId=${unit('PS-02')}`)).toEqual([]);
  });

  it('hides other units’ incidents: 404 on the detail and absent from lists', async () => {
    expect((await officer2.get(`/api/incidents/${id}`)).status).toBe(404);
    expect((await officer2.patch(`/api/incidents/${id}`, { version: 1, disposal: 'no_action' })).status).toBe(
      404,
    );
    expect(await ids(officer2, '')).toEqual([]);
    const page = await read(await officer2.get('/api/incidents?pageSize=500'));
    expect(page.items.every((i: { unitId: number }) => i.unitId === unit('PS-02'))).toBe(true);
    expect(await ids(head, '')).toEqual([id, other]);
  });
});

describe('recording the disposal later', () => {
  it('updates with the version seen, refuses a stale version with 409, and audits the change', async () => {
    const a = await read(await officer.post('/api/incidents', incident({ sourceId: 'S-upd' })));
    const res = await officer.patch(`/api/incidents/${a.id}`, {
      version: 1,
      disposal: 'handled_on_scene',
      disposalNote: '现场调查，已登记',
      cameraRecorded: true,
      cameraEvidenceRef: 'ZFJLY-001',
      tags: ['反诈', '涉企'],
    });
    expect(res.status).toBe(200);
    const b = await read(res);
    expect(b).toMatchObject({ version: 2, disposal: 'handled_on_scene', cameraRecorded: true });
    expect(b.disposedAt).not.toBeNull();

    const stale = await officer.patch(`/api/incidents/${a.id}`, { version: 1, disposal: 'no_action' });
    expect(stale.status).toBe(409);
    expect((await read(stale)).error.code).toBe('CONFLICT');
    expect((await read(await officer.get(`/api/incidents/${a.id}`))).disposal).toBe('handled_on_scene');

    const early = await officer.patch(`/api/incidents/${a.id}`, {
      version: 2,
      disposedAt: '2021-03-04T08:00:00+08:00',
    });
    expect((await read(early)).error.fields).toEqual({ disposedAt: '处理时间不能早于接警时间' });

    const audits = await rows<{ action: string; summary: { before: object; after: object } }>(
      t.database.db,
      sql`select action, summary from audit_log where target_type = 'incident' and target_id = ${String(a.id)} order by id`,
    );
    expect(audits.map((r) => r.action)).toEqual(['incident.create', 'incident.update']);
    expect(audits[1]!.summary.before).toMatchObject({ disposal: 'pending' });
    expect(audits[1]!.summary.after).toMatchObject({ disposal: 'handled_on_scene' });
  });

  it('refuses users without incident.write', async () => {
    const a = await read(await officer.post('/api/incidents', incident({ sourceId: 'S-perm' })));
    expect((await head.patch(`/api/incidents/${a.id}`, { version: 1, disposal: 'no_action' })).status).toBe(
      403,
    );
    expect((await head.post('/api/incidents', incident({ sourceId: 'S-perm2' }))).status).toBe(403);
  });
});
