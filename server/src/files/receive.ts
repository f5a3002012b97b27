/**
 * A multipart upload, streamed: each file goes to a temporary file on disk as it arrives, its
 * SHA-256 and size taken on the way, so the server holds a few 64 kB pieces of it at a time
 * instead of the whole body. The request's own limit is enforced as bytes arrive (body-limit.ts,
 * 413); a per-file limit stops writing one byte past it, for the service to refuse by size.
 * Text fields come back as strings for the route to validate with the shared contract.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import Busboy from '@fastify/busboy';
import type { Context } from 'hono';
import { AppError } from '../http/errors.ts';

/** A file of the form, waiting on disk to be stored (or refused). */
export interface ReceivedFile {
  field: string;
  name: string;
  type: string;
  /** Bytes received; one more than the per-file limit when the file was larger. */
  size: number;
  sha256: string;
  /** The temporary file; removed when the upload is done with, whatever the outcome. */
  path: string;
}

export interface ReceivedForm {
  fields: Record<string, string[]>;
  files: ReceivedFile[];
}

export interface ReceiveOptions {
  tmpDir: string;
  /** The fields that carry files; a file in any other field is read past and dropped. */
  fileFields: readonly string[];
  maxFiles: number;
  /** Largest file kept whole; a larger one is cut at this + 1 byte (its size says so). */
  maxFileBytes: number;
}

/** Text fields are short (a note, a version): 64 kB each, 20 of them at most. */
const FIELD_MAX = 64 * 1024;
const FIELDS_MAX = 20;

/**
 * Removes temporary files a crash left behind: those untouched for an hour (an upload in flight,
 * of this or another instance sharing the folder, is written to as it arrives). Run at start.
 */
export async function clearStaleUploads(tmpDir: string, now = Date.now()): Promise<number> {
  const names = await readdir(tmpDir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names.filter((n) => n.startsWith('upload-'))) {
    const file = path.join(tmpDir, name);
    const info = await stat(file).catch(() => null);
    if (info && now - info.mtimeMs > 3600_000) {
      await rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}

/** The first value of a text field, if it was sent. */
export const fieldValue = (form: ReceivedForm, name: string): string | undefined => form.fields[name]?.[0];

/** A refusal naming the field: a body that is not a well-formed multipart form, or a NUL in text. */
const invalid = (field: string, key = 'invalid') => new AppError('VALIDATION', { [field]: key });

/**
 * Receives the form, calls `use` with it, and removes its temporary files afterwards — after
 * success, a refusal or a failed transaction alike.
 */
export async function withUpload<T>(
  c: Context,
  options: ReceiveOptions,
  use: (form: ReceivedForm) => Promise<T>,
): Promise<T> {
  const files: ReceivedFile[] = [];
  try {
    return await use(await receiveInto(c, options, files));
  } finally {
    await Promise.all(files.map((f) => rm(f.path, { force: true })));
  }
}

async function receiveInto(
  c: Context,
  options: ReceiveOptions,
  files: ReceivedFile[],
): Promise<ReceivedForm> {
  const contentType = c.req.header('content-type') ?? '';
  const body = c.req.raw.body;
  if (!body || !contentType.toLowerCase().startsWith('multipart/form-data'))
    throw invalid('Content-Type', 'contentType');
  await mkdir(options.tmpDir, { recursive: true });
  const fields: Record<string, string[]> = {};
  const writes: Promise<void>[] = [];
  const streams: Readable[] = [];
  let parser: ReturnType<typeof Busboy>;
  try {
    parser = Busboy({
      headers: { 'content-type': contentType },
      limits: {
        files: options.maxFiles,
        fileSize: options.maxFileBytes + 1,
        fields: FIELDS_MAX,
        fieldSize: FIELD_MAX,
      },
    });
  } catch {
    throw invalid('Content-Type', 'contentType');
  }
  let refusal: AppError | null = null;
  const refuse = (error: AppError) => {
    refusal ??= error;
    parser.destroy(error);
  };
  parser.on('filesLimit', () =>
    refuse(
      new AppError('VALIDATION', {
        [options.fileFields[0] ?? 'file']: { key: 'file.tooMany', params: { max: options.maxFiles } },
      }),
    ),
  );
  parser.on('field', (name, value, _nameCut, valueCut) => {
    if (valueCut)
      refuse(new AppError('VALIDATION', { [name]: { key: 'tooLong', params: { max: FIELD_MAX } } }));
    // PostgreSQL refuses NUL in text: named here (400), as the validation hook does for JSON
    else if (value.includes('\u0000') || name.includes('\u0000'))
      refuse(invalid(name.replaceAll('\u0000', '\\u0000'), 'nul'));
    else fields[name] = [...(fields[name] ?? []), value];
  });
  parser.on('file', (field, stream, name, _encoding, type) => {
    if (!options.fileFields.includes(field)) {
      stream.resume();
      return;
    }
    if (name.includes('\u0000')) {
      stream.resume();
      refuse(invalid(field, 'nul'));
      return;
    }
    const file: ReceivedFile = {
      field,
      name,
      type,
      size: 0,
      sha256: '',
      path: path.join(options.tmpDir, `upload-${randomUUID()}`),
    };
    files.push(file);
    streams.push(stream);
    const hash = createHash('sha256');
    const measure = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        file.size += chunk.length;
        done(null, chunk);
      },
    });
    const written = pipeline(stream, measure, createWriteStream(file.path, { flags: 'wx' })).then(() => {
      file.sha256 = hash.digest('hex');
    });
    // A failed write (disk full) stops the parse, which would otherwise wait on it forever.
    written.catch((e: unknown) => parser.destroy(e as Error));
    writes.push(written);
  });
  const source = Readable.fromWeb(body as WebReadableStream<Uint8Array>);
  try {
    await pipeline(source, parser);
    await Promise.all(writes);
  } catch (e) {
    source.destroy();
    for (const s of streams) s.destroy();
    await Promise.allSettled(writes);
    if (refusal) throw refusal;
    // 413 from the body's limit; a system error (disk full) is the server's, a 500
    if (e instanceof AppError || (e as NodeJS.ErrnoException).syscall) throw e;
    throw invalid('body');
  }
  return { fields, files };
}

/**
 * The OpenAPI description of a multipart body. A plain schema, not zod: the OpenAPI router
 * validates a zod form schema by reading the whole body into memory first, which an upload
 * must never do — its text fields are validated by the route instead.
 */
export function multipartBody(
  properties: Record<
    string,
    { type: 'string'; format?: 'binary' } | { type: 'array'; items: { type: 'string'; format: 'binary' } }
  >,
  required: string[],
) {
  return {
    content: { 'multipart/form-data': { schema: { type: 'object' as const, properties, required } } },
    required: true,
  };
}
