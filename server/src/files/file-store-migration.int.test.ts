/**
 * The migration that brought the file store moves the files kept in bytea columns into it: each
 * becomes a blob of 1 MB chunks with its size and SHA-256, the row points at it, and the bytes
 * read back the same — an empty file included (a blob without chunks).
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, rows } from '../db/index.ts';
import { testDatabase } from '../test-support/test-app.ts';

const migrations = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');
const journal = JSON.parse(readFileSync(path.join(migrations, 'meta/_journal.json'), 'utf8')) as {
  entries: { tag: string }[];
};
const tags = journal.entries.map((e) => e.tag);
const storeAt = tags.findIndex((t) => t.endsWith('_file_store'));

async function apply(database: Database, tag: string) {
  const text = readFileSync(path.join(migrations, `${tag}.sql`), 'utf8');
  for (const statement of text.split('--> statement-breakpoint'))
    if (statement.trim()) await database.db.execute(sql.raw(statement));
}

const MB = 1024 * 1024;
const files = {
  evidence: randomBytes(2.5 * MB),
  submission: Buffer.from('部门自查表'),
  finding: Buffer.alloc(0),
};
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
  for (const tag of tags.slice(0, storeAt)) await apply(database, tag);
  const db = database.db;
  await db.execute(sql`insert into orgs (id, code, name) values (1, 'T', '测试分局')`);
  const row = (b: Buffer) => sql`'f', 'application/octet-stream', ${b.length}, ${sha(b)},
    decode(${b.toString('base64')}, 'base64'), 7`;
  await db.execute(sql`insert into evidence (org_id, case_id, file_name, content_type, size, sha256, content,
    uploaded_by) values (1, 11, ${row(files.evidence)})`);
  await db.execute(sql`insert into submission_files (org_id, submission_id, file_name, content_type, size, sha256,
    content, uploaded_by) values (1, 22, ${row(files.submission)})`);
  await db.execute(sql`insert into finding_files (org_id, finding_id, file_name, content_type, size, sha256,
    content, uploaded_by) values (1, 33, ${row(files.finding)})`);
  await apply(database, tags[storeAt]!);
}, 120_000);
afterAll(() => database.close());

describe('the file store migration', () => {
  it.each([
    ['evidence', files.evidence, 3],
    ['submission_files', files.submission, 1],
    ['finding_files', files.finding, 0],
  ] as const)('moves %s into blobs of 1 MB chunks, byte for byte', async (table, bytes, chunks) => {
    const [r] = await rows<{ size: number; sha256: string; chunks: number; content: string | null }>(
      database.db,
      sql`select b.size::int as size, b.sha256, (select count(*)::int from file_chunks c where c.blob_id = b.id) as chunks,
            (select encode(string_agg(c.data, ''::bytea order by c.seq), 'base64') from file_chunks c
              where c.blob_id = b.id) as content
          from ${sql.identifier(table)} f join file_blobs b on b.id = f.blob_id`,
    );
    expect(r).toMatchObject({ size: bytes.length, sha256: sha(bytes), chunks });
    expect(Buffer.from(r!.content ?? '', 'base64').equals(bytes)).toBe(true);
  });

  it('drops the bytea columns', async () => {
    const left = await rows(
      database.db,
      sql`select table_name from information_schema.columns
          where column_name = 'content' and table_name in ('evidence', 'submission_files', 'finding_files')`,
    );
    expect(left).toEqual([]);
  });
});
