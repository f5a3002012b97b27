import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { type App, createApp } from '../../http/app.ts';
import { DEMO_PASSWORD } from '../../seed/demo.ts';
import { type TestApp, testApp } from '../../test-support/test-app.ts';
import { fromLoopbackPage } from './routes/auth.routes.ts';

let t: TestApp;
let app: App;
beforeAll(async () => {
  t = await testApp();
  // The server as an operator starts it with no cookie setting at all.
  app = createApp({ database: t.database, config: { ...loadConfig({}), version: 'test' }, orgId: t.orgId });
});
afterAll(() => t.close());

const signIn = async (headers: Record<string, string> = {}) => {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ username: 'legal', password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie();
};

describe('Secure cookies', () => {
  it('are on by default and off only when plain HTTP is configured', () => {
    expect(loadConfig({}).secureCookies).toBe(true);
    expect(loadConfig({ FAZHI_SECURE_COOKIES: 'true' }).secureCookies).toBe(true);
    expect(loadConfig({ FAZHI_SECURE_COOKIES: 'false' }).secureCookies).toBe(false);
  });

  it('marks the session and CSRF cookies Secure by default', async () => {
    const origins: Record<string, string>[] = [
      {},
      { Origin: 'https://fazhi.example.gov.cn' },
      { Origin: 'http://fazhi.lan:3000' },
    ];
    for (const headers of origins) {
      const cookies = await signIn(headers);
      expect(cookies).toHaveLength(2);
      for (const c of cookies) expect(c).toMatch(/;\s*Secure/);
    }
  });

  it('leaves Secure off for a browser page on http://localhost, whose cookies never leave the machine', async () => {
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:40123', 'http://[::1]:3000']) {
      for (const c of await signIn({ Origin: origin })) expect(c).not.toMatch(/Secure/);
    }
  });

  it('judges loopback by the whole host name', () => {
    expect(fromLoopbackPage('http://localhost.attacker.example')).toBe(false);
    expect(fromLoopbackPage('http://127.0.0.1.nip.io')).toBe(false);
    expect(fromLoopbackPage('https://localhost')).toBe(false);
    expect(fromLoopbackPage('null')).toBe(false);
    expect(fromLoopbackPage(undefined)).toBe(false);
    expect(fromLoopbackPage('http://127.0.0.1')).toBe(true);
  });
});
