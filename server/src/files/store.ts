/**
 * The file store: a file's bytes in 1 MB chunks (file_chunks) under a blob (file_blobs) that
 * records its size and SHA-256. A file is written inside the caller's transaction a chunk at a
 * time from its temporary file and read back a chunk at a time, so memory holds a chunk or two
 * whatever the file's size. Blobs are never changed; a file removed (a submission's working
 * paper) takes its blob with it.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/index.ts';
import { fileBlobs, fileChunks } from '../db/schema/index.ts';

/** Bytes a chunk row holds: what one query carries, whatever the file's size. */
export const CHUNK_BYTES = 1024 * 1024;

/**
 * A chunk travels as base64 text, decoded and encoded by the database. PGlite turns a bytea
 * parameter or result into hex one byte at a time through JavaScript arrays (a second and tens of
 * MB for each MB); base64 is Node's own fast path, and the same on the pg driver.
 */
const chunkValue = (data: Buffer) => sql`decode(${data.toString('base64')}, 'base64')`;
const chunkText = sql<string>`encode(${fileChunks.data}, 'base64')`;

export interface StoredBlob {
  blobId: number;
  size: number;
  sha256: string;
}

/** Stores a received file (its temporary file) in the transaction `tx`. */
export async function storeFile(
  tx: Queryable,
  orgId: number,
  file: { path: string; size: number; sha256: string },
): Promise<StoredBlob> {
  const [blob] = await tx
    .insert(fileBlobs)
    .values({ orgId, size: file.size, sha256: file.sha256 })
    .returning({ id: fileBlobs.id });
  const blobId = blob!.id;
  const handle = await open(file.path, 'r');
  try {
    // One buffer, reused: each chunk is sent and done with before the next is read.
    const buffer = Buffer.alloc(CHUNK_BYTES);
    const hash = createHash('sha256');
    let size = 0;
    for (let seq = 0; ; seq++) {
      const { bytesRead } = await readFull(handle, buffer);
      if (bytesRead === 0) break;
      const data = buffer.subarray(0, bytesRead);
      hash.update(data);
      size += bytesRead;
      await tx.insert(fileChunks).values({ blobId, seq, data: chunkValue(data) });
      if (bytesRead < CHUNK_BYTES) break;
    }
    // The temporary file is what was measured on arrival; anything else is a fault, not a file.
    if (size !== file.size || hash.digest('hex') !== file.sha256)
      throw new Error(`upload ${file.path} changed on disk before it was stored`);
  } finally {
    await handle.close();
  }
  return { blobId, size: file.size, sha256: file.sha256 };
}

/** Stores bytes already in memory (a generated document, seed data): small files only. */
export async function storeBytes(tx: Queryable, orgId: number, data: Buffer): Promise<StoredBlob> {
  const sha256 = createHash('sha256').update(data).digest('hex');
  const [blob] = await tx
    .insert(fileBlobs)
    .values({ orgId, size: data.length, sha256 })
    .returning({ id: fileBlobs.id });
  const blobId = blob!.id;
  for (let seq = 0; seq * CHUNK_BYTES < data.length; seq++)
    await tx
      .insert(fileChunks)
      .values({ blobId, seq, data: chunkValue(data.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES)) });
  return { blobId, size: data.length, sha256 };
}

async function readFull(handle: Awaited<ReturnType<typeof open>>, buffer: Buffer) {
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return { bytesRead: filled };
}

/** Removes a blob and its chunks (after the row naming it is gone). */
export async function deleteBlob(tx: Queryable, blobId: number): Promise<void> {
  await tx.delete(fileBlobs).where(eq(fileBlobs.id, blobId));
}

/**
 * The blob's bytes as a stream, a chunk per query as the reader asks for more. A chunk missing
 * (the file was removed while it was read) fails the stream rather than end it short.
 */
export function blobStream(
  db: Queryable,
  blob: { blobId: number; size: number },
): ReadableStream<Uint8Array> {
  const chunks = Math.ceil(blob.size / CHUNK_BYTES);
  let seq = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (seq >= chunks) return controller.close();
        const [row] = await db
          .select({ data: chunkText })
          .from(fileChunks)
          .where(and(eq(fileChunks.blobId, blob.blobId), eq(fileChunks.seq, seq)));
        if (!row) throw new Error(`file ${blob.blobId}: chunk ${seq} is missing`);
        seq++;
        const data = Buffer.from(row.data, 'base64');
        controller.enqueue(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      },
    },
    { highWaterMark: 1 },
  );
}
