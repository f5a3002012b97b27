import type { Context } from 'hono';
import type { Queryable } from '../db/index.ts';
import { blobStream } from './store.ts';

/** A stored file as a download, streamed from the store with its length and SHA-256. */
export function storedFileDownload(
  c: Context,
  db: Queryable,
  file: { contentType: string; fileName: string; size: number; sha256: string; blobId: number },
): Response {
  c.header('Content-Type', file.contentType);
  c.header('Content-Length', String(file.size));
  c.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  c.header('X-Content-SHA256', file.sha256);
  return c.body(blobStream(db, file), 200);
}
