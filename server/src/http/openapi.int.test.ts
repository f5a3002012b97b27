import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createDb, type Database } from '../db/index.ts';
import { createApp } from './app.ts';

let database: Database;
beforeAll(async () => {
  database = await createDb({ dataDir: 'memory://' });
});
afterAll(() => database.close());

it('keeps docs/openapi.json in step with the routes (regenerate with `npm run openapi`)', async () => {
  const app = createApp({
    database,
    config: { version: loadConfig().version, secureCookies: false, trustProxy: false },
    orgId: 0,
  });
  const live = await (await app.request('/api/openapi.json')).json();
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/openapi.json');
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(live);
  const docs = await app.request('/api/docs');
  expect(await docs.text()).toContain('swagger-ui');
});
