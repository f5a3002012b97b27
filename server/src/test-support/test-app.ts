import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { authenticator } from 'otplib';
import pg from 'pg';
import { ephemeralAuditKeys, useAuditKeys } from '../audit/keys.ts';
import type { UploadSettings } from '../config.ts';
import { createDb, type Database } from '../db/index.ts';
import { officers } from '../db/schema/index.ts';
import { type App, createApp } from '../http/app.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, seedDemo } from '../seed/demo.ts';
import { prepareDatabase } from '../server.ts';

// Every test file signs its audit records with a key of its own, held in memory.
useAuditKeys(ephemeralAuditKeys());

/**
 * A database for one test file: PGlite in memory, or a fresh PostgreSQL database when
 * FAZHI_TEST_DB=postgres and TEST_DATABASE_URL are set (CI runs both).
 */
export async function testDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (process.env.FAZHI_TEST_DB !== 'postgres' || !url) return createDb({ dataDir: 'memory://' });
  const name = `fazhi_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await createDb({ databaseUrl: u.toString(), poolSize: 5 });
  return {
    ...database,
    async close() {
      await database.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export interface TestApp {
  app: App;
  database: Database;
  orgId: number;
  client(): TestClient;
  signIn(username: string, password?: string): Promise<TestClient>;
  /** A TOTP code of the demo secret that the account has not used yet (codes are good once). */
  totpCode(username: string, secret?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The app on a migrated database holding the demo branch; with `history`, also the demo year
 * of enforcement work (slower: only tests that read it ask for it).
 */
export async function testApp({
  history = false,
  uploads,
}: {
  history?: boolean;
  uploads?: UploadSettings;
} = {}): Promise<TestApp> {
  const database = await testDatabase();
  await prepareDatabase(database, () => {});
  const { orgId } = await seedDemo(database.db, { history });
  const app = createApp({
    database,
    config: { version: 'test', secureCookies: false, trustProxy: false },
    orgId,
    ...(uploads ? { uploads } : {}),
  });
  const client = () => new TestClient(app);
  /** The secrets of accounts the helper enrolled (the demo accounts have DEMO_TOTP_SECRET). */
  const secrets = new Map<string, string>();
  async function totpCode(username: string, secret = secrets.get(username) ?? DEMO_TOTP_SECRET) {
    const [o] = await database.db
      .select({ last: officers.totpLastStep })
      .from(officers)
      .where(eq(officers.username, username));
    const now = () => Math.floor(Date.now() / 30_000);
    const step = Math.max(now(), (o?.last ?? 0) + 1);
    // The server accepts one step of drift; a later step than that waits for the clock.
    while (step > now() + 1) await new Promise((r) => setTimeout(r, 250));
    return authenticator.clone({ epoch: step * 30_000 }).generate(secret);
  }
  /**
   * Every account that reads case data has a second factor, and a code is good once: signing in
   * as the same account again within 30 seconds would wait for the next code. Test set-up is not
   * what the replay check is about (second-factor.int.test.ts is), so it forgets the account's
   * last used step before a sign-in.
   */
  const rewindTotp = (username: string) =>
    database.db.update(officers).set({ totpLastStep: null }).where(eq(officers.username, username));
  const signingIn = new Map<string, Promise<void>>();
  async function signInOnce(username: string, password: string): Promise<TestClient> {
    const c = client();
    const res = await c.post('/api/auth/login', { username, password });
    const body = (await res.json()) as { secondFactor?: string; user?: unknown };
    if (body.secondFactor === 'totp') {
      await rewindTotp(username);
      const r2 = await c.post('/api/auth/totp', { code: await totpCode(username) });
      if (r2.status !== 200) throw new Error(`totp for ${username}: ${r2.status} ${await r2.text()}`);
    } else if (body.secondFactor === 'enrol') {
      // An account made by the test, whose role requires a second factor: enrol the demo secret.
      const setup = await c.post('/api/account/totp/setup');
      const { secret } = (await setup.json()) as { secret: string };
      secrets.set(username, secret);
      const r2 = await c.post('/api/account/totp/enable', { code: authenticator.generate(secret) });
      if (r2.status !== 200) throw new Error(`enrolment of ${username}: ${r2.status} ${await r2.text()}`);
    } else if (!body.user) throw new Error(`sign-in of ${username}: ${res.status} ${JSON.stringify(body)}`);
    return c;
  }
  return {
    app,
    database,
    orgId,
    client,
    totpCode,
    async signIn(username, password = DEMO_PASSWORD) {
      // One sign-in of an account at a time: each claims a TOTP step (see rewindTotp).
      const done = signingIn.get(username) ?? Promise.resolve();
      const mine = done.then(() => signInOnce(username, password));
      signingIn.set(
        username,
        mine.then(
          () => {},
          () => {},
        ),
      );
      return mine;
    },
    close: () => database.close(),
  };
}

/** A browser-like client: keeps cookies and sends the CSRF token on state-changing calls. */
export class TestClient {
  cookies = new Map<string, string>();
  language = 'zh-CN';
  constructor(private readonly app: App) {}

  get csrf() {
    return this.cookies.get('fazhi_csrf') ?? '';
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const h: Record<string, string> = {
      'Accept-Language': this.language,
      Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      ...headers,
    };
    let payload: FormData | string | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      h['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    if (method !== 'GET' && !('X-CSRF-Token' in headers) && this.csrf) h['X-CSRF-Token'] = this.csrf;
    const res = await this.app.request(path, { method, headers: h, body: payload });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [k, ...v] = pair!.split('=');
      const value = v.join('=');
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(k!.trim());
      else this.cookies.set(k!.trim(), value);
    }
    return res;
  }

  get = (path: string, headers?: Record<string, string>) => this.request('GET', path, undefined, headers);
  post = (path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', path, body ?? {}, headers);
  put = (path: string, body?: unknown) => this.request('PUT', path, body);
  patch = (path: string, body?: unknown) => this.request('PATCH', path, body);

  async json<T = Record<string, unknown>>(res: Response | Promise<Response>): Promise<T> {
    return (await (await res).json()) as T;
  }
}

/** A response body as tests read it: any JSON shape, checked by the assertions that follow. */
// biome-ignore lint/suspicious/noExplicitAny: tests assert the shape of what they read
export const read = (res: Response): Promise<any> => res.json();
