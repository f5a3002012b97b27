import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read, type TestApp, type TestClient, testApp } from '../test-support/test-app.ts';

/** Malformed input answers 400 (or 415) naming the field, never 500 (issue 12, item 3). */
let t: TestApp;
let admin: TestClient;
let officer: TestClient;
beforeAll(async () => {
  t = await testApp();
  admin = await t.signIn('admin');
  officer = await t.signIn('officer');
});
afterAll(() => t.close());

/** A request whose body goes as it is, not as JSON. */
const raw = (c: TestClient, method: string, path: string, body: string, type: string) =>
  t.app.request(path, {
    method,
    body,
    headers: {
      'Content-Type': type,
      'X-CSRF-Token': c.csrf,
      Cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'Accept-Language': 'en-US',
    },
  });

describe('a body the operation cannot read', () => {
  it('answers 400 naming the body for malformed JSON', async () => {
    const res = await raw(admin, 'POST', '/api/units', '{"name": "x",', 'application/json');
    expect(res.status).toBe(400);
    expect((await read(res)).error).toMatchObject({
      code: 'VALIDATION',
      fields: { body: 'The request body is not valid JSON' },
    });
  });

  it('answers 415 naming the content type for a JSON operation sent as text', async () => {
    const res = await raw(admin, 'POST', '/api/units', '{"name":"x"}', 'text/plain');
    expect(res.status).toBe(415);
    expect((await read(res)).error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(
      (await read(await raw(admin, 'POST', '/api/units', 'a=1', 'application/x-www-form-urlencoded'))).error
        .fields,
    ).toHaveProperty('Content-Type');
  });
});

describe('a NUL character', () => {
  it('in a JSON field answers 400 naming the field', async () => {
    const res = await admin.post('/api/units', {
      parentId: 1,
      code: 'X\u0000',
      name: '测试单位',
      kind: 'station',
    });
    expect(res.status).toBe(400);
    expect((await read(res)).error.fields).toEqual({ code: '不能包含空字符（\\u0000）' });
  });

  it('in a query answers 400 naming the parameter, anonymous public portal included', async () => {
    const anonymous = t.client();
    const res = await anonymous.get('/api/public/publicity?q=%00');
    expect(res.status).toBe(400);
    expect(Object.keys((await read(res)).error.fields)).toEqual(['q']);
    const mine = await officer.get('/api/incidents?q=ab%00c');
    expect(mine.status).toBe(400);
    expect(Object.keys((await read(mine)).error.fields)).toEqual(['q']);
  });
});

describe('an impossible date', () => {
  it('in a query answers 400 naming the parameter', async () => {
    for (const [c, path, field] of [
      [officer, '/api/incidents?from=2021-02-30', 'from'],
      [t.client(), '/api/calendar/deadline?from=2021-02-30&workdays=3', 'from'],
      [t.client(), '/api/calendar/deadline?from=2023-02-29&days=1', 'from'],
    ] as const) {
      const res = await c.get(path);
      expect(res.status, path).toBe(400);
      expect((await read(res)).error.fields).toEqual({ [field]: '日期不存在（如 2 月 30 日）' });
    }
    expect((await t.client().get('/api/calendar/deadline?from=2024-02-29&days=1')).status).toBe(200);
  });
});
