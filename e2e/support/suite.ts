import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { signedInUser, type UserSession } from './antd.ts';
import { launchBrowser, type RunningServer, screenshotDir, startServer } from './harness.ts';

/**
 * One browser-test file's server, browser and signed-in users, with its hooks: the server and
 * browser start before the tests; after a failed test each user's page is saved as
 * `<name>-failed-<n>.png` (what each was looking at); at the end everything is closed.
 */
export function browserSuite(name: string) {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const sessions: UserSession[] = [];
  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    for (const [i, s] of sessions.entries())
      await s.page
        .screenshot({ path: path.join(screenshotDir, `${name}-failed-${i}.png`), fullPage: true })
        .catch(() => undefined);
  });
  afterAll(async () => {
    for (const s of sessions) await s.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(x: T | undefined): T => {
    if (!x) throw new Error('the browser suite has not started');
    return x;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    /** A session to close at the end and screenshot on failure (a visitor's, say). */
    track(s: UserSession) {
      sessions.push(s);
      return s;
    },
    /** The API as the signed-in user of a context: its session cookie, and the CSRF echo on writes. */
    async api(context: BrowserContext) {
      const csrf = (await context.cookies()).find((c) => c.name === 'fazhi_csrf')?.value ?? '';
      const call = async <T>(method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown): Promise<T> => {
        const res = await context.request.fetch(`${started(server).baseUrl}${url}`, {
          method,
          data,
          headers: method === 'GET' ? {} : { 'X-CSRF-Token': csrf },
        });
        if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
        return (await res.json()) as T;
      };
      return {
        get: <T>(url: string) => call<T>('GET', url),
        post: <T>(url: string, data: unknown) => call<T>('POST', url, data),
        put: <T>(url: string, data: unknown) => call<T>('PUT', url, data),
      };
    },
    /** A new browser context signed in as the user. */
    async user(username: string): Promise<UserSession> {
      return this.track(await signedInUser(started(browser), started(server).baseUrl, username));
    },
  };
}
