import net from 'node:net';
import { authenticator } from 'otplib';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, type Database } from '../db/index.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, seedDemo } from '../seed/demo.ts';
import { prepareDatabase } from '../server.ts';
import { read, TestClient, testDatabase } from '../test-support/test-app.ts';
import { createApp } from './app.ts';

/** A database outage answers 503 with Retry-After, and the app recovers without a restart (issue 12, item 7). */

const config = { version: 'test', secureCookies: false, trustProxy: false };

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function expectUnavailable(res: Response, body: { error: { code: string; message: string } }) {
  expect(res.status).toBe(503);
  expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(body.error.code).toBe('DATABASE_UNAVAILABLE');
}

describe('a PostgreSQL server that is not there', () => {
  // Works on both test runs: no server listens on the port, so the driver's connect is refused.
  let database: Database;
  afterAll(() => database?.close());

  it('answers 503 with Retry-After and a bilingual message, and health reports the database down', async () => {
    database = await createDb({ databaseUrl: `postgres://fazhi@127.0.0.1:${await closedPort()}/fazhi` });
    const app = createApp({ database, config, orgId: 1 });
    const health = await app.request('/api/health');
    const body = await read(health);
    expectUnavailable(health, body);
    expect(body).toMatchObject({ status: 'down', database: 'postgres' });
    expect(body.error.message).toContain('数据库暂时无法连接');

    const english = await app.request('/api/public/publicity', { headers: { 'Accept-Language': 'en-US' } });
    const en = await read(english);
    expectUnavailable(english, en);
    expect(en.error.message).toContain('The database cannot be reached');

    // A signed-in browser's first step (the session lookup) fails the same way.
    const withSession = await app.request('/api/auth/me', { headers: { Cookie: 'fazhi_session=abc' } });
    expectUnavailable(withSession, await read(withSession));
  });
});

/**
 * A TCP relay in front of the test PostgreSQL that can be stopped (connections cut, new ones
 * refused) and started again on the same port, as a database restart looks to the server.
 */
class Relay {
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();
  port = 0;
  constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {}

  async start() {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async stop() {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server?.close(resolve));
    this.server = null;
  }
}

const pgUrl = process.env.FAZHI_TEST_DB === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;

// The embedded database runs inside the server process and cannot become unreachable: the
// outage and recovery run on the PostgreSQL test run only.
describe.skipIf(!pgUrl)('PostgreSQL going away and coming back', () => {
  let direct: Database;
  let relayed: Database;
  let relay: Relay;
  afterAll(async () => {
    await relayed?.close();
    await relay?.stop().catch(() => {});
    await direct?.close();
  });

  it('answers 503 while it is down and serves again once it is back, without a restart', async () => {
    direct = await testDatabase();
    await prepareDatabase(direct, () => {});
    const { orgId } = await seedDemo(direct.db, { history: false });
    const current = new URL(await databaseUrlOf(direct));
    relay = new Relay(current.hostname, Number(current.port || 5432));
    await relay.start();
    current.hostname = '127.0.0.1';
    current.port = String(relay.port);
    relayed = await createDb({ databaseUrl: current.toString(), poolSize: 3 });
    const app = createApp({ database: relayed, config, orgId });
    const officer = new TestClient(app);
    const login = await read(
      await officer.post('/api/auth/login', { username: 'officer', password: DEMO_PASSWORD }),
    );
    if (login.secondFactor === 'totp')
      await officer.post('/api/auth/totp', { code: authenticator.generate(DEMO_TOTP_SECRET) });
    expect((await officer.get('/api/incidents')).status).toBe(200);

    await relay.stop();
    for (const path of ['/api/incidents', '/api/auth/me', '/api/health']) {
      const res = await officer.get(path);
      expectUnavailable(res, await read(res));
    }

    await relay.start();
    expect((await officer.get('/api/health')).status).toBe(200);
    expect((await officer.get('/api/incidents')).status).toBe(200);
  });
});

/** The URL testDatabase() made for this file (its pool keeps it in its options). */
async function databaseUrlOf(database: Database): Promise<string> {
  const pool = (database.db as unknown as { $client: { options: { connectionString: string } } }).$client;
  return pool.options.connectionString;
}
