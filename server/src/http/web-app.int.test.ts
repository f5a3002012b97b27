import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createDb, type Database } from '../db/index.ts';
import { type App, createApp } from './app.ts';
import { IMMUTABLE } from './web-app.ts';

// A built web app as `vite build` leaves it: index.html, a hashed chunk with the .br and .gz the
// build writes beside it, and a hashed stylesheet without them (compressed on first request).
const INDEX = `<!doctype html><html><head><title>法治</title></head><body><div id="root">${'<div class="b"></div>'.repeat(60)}</div></body></html>`;
const CHUNK = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{id:${i},name:"警情${i}"}`).join(',')}];`;
const CSS = `.fz-panel{background:#fff}${'.fz-x{margin:0 auto;padding:16px 20px}'.repeat(60)}`;

let dist: string;
let database: Database;
let app: App;

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'fazhi-web-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), INDEX);
  writeFileSync(path.join(dist, 'assets/index-B3x9kQ.js'), CHUNK);
  writeFileSync(path.join(dist, 'assets/index-B3x9kQ.js.br'), brotliCompressSync(CHUNK));
  writeFileSync(path.join(dist, 'assets/index-B3x9kQ.js.gz'), gzipSync(CHUNK));
  writeFileSync(path.join(dist, 'assets/index-Cq1Zt0.css'), CSS);
  database = await createDb({ dataDir: 'memory://' });
  app = createApp({
    database,
    config: { version: loadConfig().version, secureCookies: false, trustProxy: false },
    orgId: 0,
    webDist: dist,
  });
});

afterAll(async () => {
  await database.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (p: string, headers: Record<string, string> = {}) => app.request(p, { headers });
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('the built web app', () => {
  it('sends a hashed chunk in brotli, or gzip, as the browser accepts, and as it is otherwise', async () => {
    const br = await get('/assets/index-B3x9kQ.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(brotliDecompressSync(await bytes(br)).toString()).toBe(CHUNK);

    const gz = await get('/assets/index-B3x9kQ.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gz)).toString()).toBe(CHUNK);

    // brotli refused outright: gzip, though brotli is preferred
    const noBr = await get('/assets/index-B3x9kQ.js', { 'accept-encoding': 'br;q=0, gzip;q=0.5' });
    expect(noBr.headers.get('content-encoding')).toBe('gzip');

    for (const headers of [{}, { 'accept-encoding': 'identity' }] as Record<string, string>[]) {
      const plain = await get('/assets/index-B3x9kQ.js', headers);
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(plain.headers.get('vary')).toBe('Accept-Encoding');
      expect((await bytes(plain)).toString()).toBe(CHUNK);
      expect(plain.headers.get('content-length')).toBe(String(Buffer.byteLength(CHUNK)));
    }
  });

  it('compresses a file the build left uncompressed', async () => {
    const res = await get('/assets/index-Cq1Zt0.css', { 'accept-encoding': 'br' });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('content-type')).toMatch(/^text\/css/);
    expect(brotliDecompressSync(await bytes(res)).toString()).toBe(CSS);
  });

  it('lets browsers keep hashed assets for a year and answers a revalidation with 304', async () => {
    const res = await get('/assets/index-B3x9kQ.js', { 'accept-encoding': 'br' });
    expect(res.headers.get('cache-control')).toBe(IMMUTABLE);
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const again = await get('/assets/index-B3x9kQ.js', { 'accept-encoding': 'br', 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect((await bytes(again)).length).toBe(0);
    // the gzip bytes are another representation: a cache holding them gets them anew
    const other = await get('/assets/index-B3x9kQ.js', { 'accept-encoding': 'gzip', 'if-none-match': etag! });
    expect(other.status).toBe(200);
  });

  it('makes browsers revalidate index.html, so a new release is picked up at once', async () => {
    const res = await get('/', { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(gunzipSync(await bytes(res)).toString()).toBe(INDEX);
    const again = await get('/', { 'accept-encoding': 'gzip', 'if-none-match': res.headers.get('etag')! });
    expect(again.status).toBe(304);
  });

  it('serves every page and the API under a strict Content-Security-Policy', async () => {
    for (const p of ['/', '/cases/1', '/public/publicity', '/api/health', '/api/docs']) {
      const csp = (await get(p)).headers.get('content-security-policy') ?? '';
      expect(csp, p).toContain("script-src 'self'");
      expect(csp, p).toContain("frame-ancestors 'none'");
      expect(csp, p).toContain("object-src 'none'");
      expect(csp, p).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval)/);
    }
    // the API reference loads its scripts from files too, none inline
    const docs = await (await get('/api/docs')).text();
    expect(docs).not.toMatch(/<script>/);
    expect((await get('/api/docs/init.js')).headers.get('content-type')).toMatch(/javascript/);
  });

  it('answers every route of the app with index.html, but a missing chunk with 404', async () => {
    for (const route of ['/cases/1', '/tasks', '/public/publicity', '/index.html']) {
      const res = await get(route);
      expect(res.status, route).toBe(200);
      expect(res.headers.get('cache-control'), route).toBe('no-cache');
      expect(await res.text(), route).toBe(INDEX);
    }
    // a chunk of an older release: not HTML the browser would try to run as JavaScript
    expect((await get('/assets/index-Old123.js')).status).toBe(404);
    // the API keeps its own answers
    const api = await get('/api/no-such-thing');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('API answers over a real socket', () => {
  let base: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        base = `http://127.0.0.1:${info.port}`;
        resolve();
      });
      close = () => new Promise<void>((done) => server.close(() => done()));
    });
  });
  afterAll(() => close());

  it('gzips large JSON and leaves small JSON as it is', async () => {
    // Node's fetch decodes gzip itself: the header says what went over the wire
    const large = await fetch(`${base}/api/openapi.json`, { headers: { 'accept-encoding': 'gzip' } });
    expect(large.headers.get('content-encoding')).toBe('gzip');
    expect(large.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await large.json()) as { openapi: string }).openapi).toBe('3.1.0');

    const small = await fetch(`${base}/api/health`, { headers: { 'accept-encoding': 'gzip' } });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(((await small.json()) as { status: string }).status).toBe('ok');
  });
});
