/**
 * Uploads are streamed to the file store (issue 12, item 5): an upload over its route's limit is
 * 413 and stores nothing, a file lands in 1 MB chunks and comes back byte-identical with its
 * SHA-256, and nothing — no chunk, no temporary file — outlives a failed upload.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../db/index.ts';
import { evidence, fileBlobs, fileChunks } from '../db/schema/index.ts';
import { createCase, signInAll } from '../modules/cases/case-fixtures.ts';
import { read, type TestApp, type TestClient, testApp } from '../test-support/test-app.ts';
import { clearStaleUploads } from './receive.ts';
import { CHUNK_BYTES, storeFile } from './store.ts';

const MB = 1024 * 1024;
/** A small evidence limit for the test, set like FAZHI_EVIDENCE_UPLOAD_MB. */
const EVIDENCE_LIMIT = 6 * MB;

let t: TestApp;
let officer: TestClient;
let tmpDir: string;
let caseId: number;

beforeAll(async () => {
  tmpDir = await mkdtemp(path.join(tmpdir(), 'fazhi-upload-test-'));
  t = await testApp({ uploads: { tmpDir, evidenceLimit: EVIDENCE_LIMIT } });
  [officer] = await signInAll(t, ['officer'] as const);
  caseId = (await createCase(officer, {})).id;
}, 120_000);
afterAll(async () => {
  await t.close();
  await rm(tmpDir, { recursive: true, force: true });
});

const counts = async () => {
  const [r] = await rows<{ blobs: number; chunks: number; evidence: number }>(
    t.database.db,
    sql`select (select count(*)::int from file_blobs) as blobs, (select count(*)::int from file_chunks) as chunks,
        (select count(*)::int from evidence) as evidence`,
  );
  return r!;
};
const leftovers = async () => (await readdir(tmpDir)).filter((f) => f.startsWith('upload-'));

function evidenceForm(data: Uint8Array, name = '现场执法记录仪视频.mp4') {
  const form = new FormData();
  form.append('description', '执法记录仪');
  form.append('file', new File([data], name, { type: 'video/mp4' }));
  return form;
}

/** A multipart body of one file of `size` bytes sent in 64 kB pieces, without a Content-Length. */
function chunkedUpload(size: number) {
  const boundary = 'fazhi-test-boundary';
  const head = new TextEncoder().encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
  );
  const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
  const piece = new Uint8Array(64 * 1024).fill(0x61);
  const pulled = { bytes: 0 };
  let sent = 0;
  let state: 'head' | 'data' | 'tail' | 'done' = 'head';
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state === 'head') {
        state = 'data';
        return controller.enqueue(head);
      }
      if (state === 'data') {
        const n = Math.min(piece.length, size - sent);
        sent += n;
        pulled.bytes += n;
        if (sent >= size) state = 'tail';
        return controller.enqueue(piece.subarray(0, n));
      }
      if (state === 'tail') {
        state = 'done';
        return controller.enqueue(tail);
      }
      controller.close();
    },
  });
  return { body, pulled, contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('uploads stream to the file store', () => {
  it('stores a file in chunks and downloads it byte-identical with its SHA-256', async () => {
    const data = randomBytes(200 * 1024);
    const res = await officer.request('POST', `/api/cases/${caseId}/evidence`, evidenceForm(data));
    expect(res.status).toBe(200);
    const e = await read(res);
    expect(e).toMatchObject({
      fileName: '现场执法记录仪视频.mp4',
      size: data.length,
      description: '执法记录仪',
    });
    expect(e.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    const [row] = await t.database.db.select().from(evidence).where(eq(evidence.id, e.id));
    const chunks = await t.database.db.select().from(fileChunks).where(eq(fileChunks.blobId, row!.blobId));
    expect(chunks).toHaveLength(1);
    const [blob] = await t.database.db.select().from(fileBlobs).where(eq(fileBlobs.id, row!.blobId));
    expect(blob).toMatchObject({ size: data.length, sha256: e.sha256 });

    const down = await officer.get(`/api/evidence/${e.id}/download`);
    expect(down.status).toBe(200);
    expect(down.headers.get('x-content-sha256')).toBe(e.sha256);
    expect(down.headers.get('content-length')).toBe(String(data.length));
    expect(Buffer.from(await down.arrayBuffer()).equals(data)).toBe(true);
    expect(await leftovers()).toEqual([]);
  });

  it('round-trips a file of several chunks (3.5 MB, the last one short)', async () => {
    const data = randomBytes(3.5 * MB);
    const e = await read(await officer.request('POST', `/api/cases/${caseId}/evidence`, evidenceForm(data)));
    const [row] = await t.database.db.select().from(evidence).where(eq(evidence.id, e.id));
    const chunks = await rows<{ seq: number; size: number }>(
      t.database.db,
      sql`select seq, octet_length(data) as size from file_chunks where blob_id = ${row!.blobId} order by seq`,
    );
    expect(chunks).toEqual([
      { seq: 0, size: CHUNK_BYTES },
      { seq: 1, size: CHUNK_BYTES },
      { seq: 2, size: CHUNK_BYTES },
      { seq: 3, size: CHUNK_BYTES / 2 },
    ]);
    const down = await officer.get(`/api/evidence/${e.id}/download`);
    const back = Buffer.from(await down.arrayBuffer());
    expect(back.equals(data)).toBe(true);
    expect(createHash('sha256').update(back).digest('hex')).toBe(e.sha256);
  });

  it('refuses evidence over its limit with 413 naming it, and stores nothing', async () => {
    const before = await counts();
    // declared too large: refused before the body is read
    const declared = await t.app.request(`/api/cases/${caseId}/evidence`, {
      method: 'POST',
      headers: {
        cookie: [...officer.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': officer.csrf,
        'accept-language': 'en-US',
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(EVIDENCE_LIMIT + 1),
      },
      body: '--x--',
    });
    expect(declared.status).toBe(413);
    expect((await read(declared)).error.fields.file).toBe('A file may be at most 6 MB');
    // sent without a length: cut off once past the limit, the rest never read
    const { body, pulled, contentType } = chunkedUpload(EVIDENCE_LIMIT * 4);
    const streamed = await t.app.request(`/api/cases/${caseId}/evidence`, {
      method: 'POST',
      headers: {
        cookie: [...officer.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': officer.csrf,
        'content-type': contentType,
      },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await read(streamed)).error.fields.file).toBe('文件不能超过 6 MB');
    expect(pulled.bytes).toBeLessThan(EVIDENCE_LIMIT * 2);
    expect(await counts()).toEqual(before);
    expect(await leftovers()).toEqual([]);
  });

  it('takes evidence above the general 25 MB upload limit when the setting allows it', async () => {
    const big = await testApp({ uploads: { tmpDir, evidenceLimit: 30 * MB } });
    try {
      const [who] = await signInAll(big, ['officer'] as const);
      const c = await createCase(who, {});
      const data = randomBytes(26 * MB);
      const res = await who.request('POST', `/api/cases/${c.id}/evidence`, evidenceForm(data));
      expect(res.status).toBe(200);
      expect((await read(res)).sha256).toBe(createHash('sha256').update(data).digest('hex'));
    } finally {
      await big.close();
    }
  }, 60_000);

  it('validates the text fields with the shared contract, naming the field', async () => {
    const form = evidenceForm(randomBytes(10));
    form.set('description', 'x'.repeat(1001));
    const res = await officer.request('POST', `/api/cases/${caseId}/evidence`, form);
    expect(res.status).toBe(400);
    expect(Object.keys((await read(res)).error.fields)).toEqual(['description']);
    expect(await leftovers()).toEqual([]);
  });

  it('refuses more files than the route takes, and NUL in a text field, naming the field', async () => {
    const two = evidenceForm(randomBytes(10));
    two.append('file', new File([randomBytes(10)], 'second.mp4'));
    const many = await officer.request('POST', `/api/cases/${caseId}/evidence`, two);
    expect(many.status).toBe(400);
    expect((await read(many)).error.fields.file).toBe('最多上传 1 个文件');
    const nul = evidenceForm(randomBytes(10));
    nul.set('description', 'a\u0000b');
    const res = await officer.request('POST', `/api/cases/${caseId}/evidence`, nul);
    expect(res.status).toBe(400);
    expect(Object.keys((await read(res)).error.fields)).toEqual(['description']);
    expect(await leftovers()).toEqual([]);
  });

  it('removes, at start, the temporary files a crash left behind, and only those', async () => {
    await writeFile(path.join(tmpDir, 'upload-left-by-a-crash'), 'x');
    await writeFile(path.join(tmpDir, 'upload-in-flight'), 'x');
    await utimes(path.join(tmpDir, 'upload-left-by-a-crash'), new Date(0), new Date(0));
    expect(await clearStaleUploads(tmpDir)).toBe(1);
    expect(await leftovers()).toEqual(['upload-in-flight']);
    await rm(path.join(tmpDir, 'upload-in-flight'));
  });

  it('leaves no chunk and no temporary file behind when the upload fails', async () => {
    const before = await counts();
    // the case does not exist: the service refuses after the file arrived on disk
    const res = await officer.request(
      'POST',
      '/api/cases/99999999/evidence',
      evidenceForm(randomBytes(2 * MB)),
    );
    expect(res.status).toBe(404);
    expect(await leftovers()).toEqual([]);
    // the transaction fails after the chunks were written: they go with it
    const file = path.join(tmpDir, 'store-test');
    const data = randomBytes(2.5 * MB);
    await writeFile(file, data);
    const failed = t.database.db.transaction(async (tx) => {
      await storeFile(tx, t.orgId, {
        path: file,
        size: data.length,
        sha256: createHash('sha256').update(data).digest('hex'),
      });
      throw new Error('the business insert failed');
    });
    await expect(failed).rejects.toThrow('the business insert failed');
    await rm(file);
    expect(await counts()).toEqual(before);
  });
});
