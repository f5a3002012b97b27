/**
 * Bodies are bounded before they are read (issue 12): a declared size above the limit is refused
 * at once, a chunked body is cut off once it passes the limit, and the answer names the limit.
 * An upload's body stays a stream until the route reads it, after the session check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EVIDENCE_UPLOAD_MB } from '../config.ts';
import { auditLog } from '../db/schema/index.ts';
import { read, type TestApp, testApp } from '../test-support/test-app.ts';
import { JSON_LIMIT, MB, UPLOAD_LIMIT } from './body-limit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
}, 120_000);
afterAll(() => t.close());

/** A body of `size` bytes sent in 64 kB chunks, without a Content-Length; counts what was pulled. */
function stream(size: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const pulled = { bytes: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= size) return controller.close();
      pulled.bytes += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { body, pulled };
}

const countAudit = async () => (await t.database.db.select().from(auditLog)).length;

describe('request body limits', () => {
  it('refuses a declared upload over the limit at once, naming the limit in the user’s language', async () => {
    const before = await countAudit();
    for (const [lang, words] of [
      ['zh-CN', '文件不能超过 25 MB'],
      ['en-US', 'A file may be at most 25 MB'],
    ] as const) {
      // before the session is looked at: nobody's body is read beyond the limit
      const res = await t.app.request('/api/incidents/imports', {
        method: 'POST',
        headers: {
          'accept-language': lang,
          'content-type': 'multipart/form-data; boundary=x',
          'content-length': String(UPLOAD_LIMIT + 1),
        },
        body: '--x--',
      });
      expect(res.status).toBe(413);
      expect((await read(res)).error.fields.file).toBe(words);
    }
    expect(await countAudit()).toBe(before);
  });

  it('gives evidence its own limit, the setting FAZHI_EVIDENCE_UPLOAD_MB (100 MB by default)', async () => {
    const at = (size: number) =>
      t.app.request('/api/cases/1/evidence', {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(size) },
        body: '--x--',
      });
    const over = await at(DEFAULT_EVIDENCE_UPLOAD_MB * MB + 1);
    expect(over.status).toBe(413);
    expect((await read(over)).error.fields.file).toBe(`文件不能超过 ${DEFAULT_EVIDENCE_UPLOAD_MB} MB`);
    // within it, the request goes on to the session check (nobody is signed in here)
    expect((await at(UPLOAD_LIMIT + 1)).status).toBe(401);
  });

  it('reads no chunked upload of a caller not signed in', async () => {
    const { body, pulled } = stream(UPLOAD_LIMIT * 4);
    const res = await t.app.request('/api/incidents/imports', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(401);
    expect(pulled.bytes).toBeLessThan(UPLOAD_LIMIT);
  });

  it('cuts off a chunked upload once it passes the limit, without reading the rest, even for a form parser', async () => {
    const command = await t.signIn('command');
    const { body, pulled } = stream(UPLOAD_LIMIT * 4);
    const res = await t.app.request('/api/incidents/imports', {
      method: 'POST',
      headers: {
        cookie: [...command.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': command.csrf,
        'content-type': 'multipart/form-data; boundary=x',
      },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await read(res)).error.fields.file).toBe('文件不能超过 25 MB');
    expect(pulled.bytes).toBeLessThan(UPLOAD_LIMIT * 2);
  });
  it('bounds any other body more tightly, and lets a body within the limit through', async () => {
    const big = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(JSON_LIMIT + 1) },
      body: '{}',
    });
    expect(big.status).toBe(413);
    expect((await read(big)).error.fields.body).toContain('8 MB');
    const small = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nobody', password: 'x' }),
    });
    expect(small.status).not.toBe(413);
  });
});
