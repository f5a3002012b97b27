import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { bytea, tstz } from './columns.ts';
import { orgIdColumn } from './platform.ts';

/**
 * The content of an uploaded file (evidence, rectification evidence, a submission's attachment),
 * kept apart from what the file is: written once, never changed, read back in chunks. The rows
 * that name a file (evidence, finding_files, submission_files) point here by `blob_id`.
 */
export const fileBlobs = pgTable(
  'file_blobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgIdColumn(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [check('file_blobs_size', sql`${t.size} >= 0`)],
);

/**
 * The bytes of a blob in order, at most 1 MB a row: a file of any size is written and read a
 * chunk at a time, so neither the server nor a bytea parameter ever holds the whole of it.
 */
export const fileChunks = pgTable(
  'file_chunks',
  {
    blobId: bigint('blob_id', { mode: 'number' })
      .notNull()
      .references(() => fileBlobs.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.blobId, t.seq] })],
);
