import { sql } from 'drizzle-orm';
import { audit } from '../../../audit/record.ts';
import { type Db, rows as sqlRows, type Tx } from '../../../db/index.ts';
import type { Ctx } from '../../../http/context.ts';
import { AppError } from '../../../http/errors.ts';
import { chinaYear, formatIncidentNo } from '../incident-time.ts';
import { isUniqueViolation } from '../incidents.service.ts';
import {
  type IncidentImportRecord,
  type IncidentImportRow,
  type Progress,
  type ValidateOptions,
  validateIncidentRecords,
} from './validate-rows.ts';

/**
 * Rows per statement. Each statement sends one array per column and unnests them server-side:
 * one round trip and one plan per 5,000 rows. Measured on both drivers it loads as fast as
 * COPY into the incidents table (whose trigram indexes dominate the cost), and it is one code
 * path for node-postgres and PGlite alike.
 */
export const LOAD_CHUNK = 5_000;
const ANALYZE_AFTER = 10_000;

export interface ImportResult {
  imported: number;
  /** The numbers given, per China year of the received time. */
  numbers: { year: number; first: string; last: string }[];
  firstNo: string | null;
  lastNo: string | null;
}

/**
 * Takes `count` consecutive numbers of the branch's incident sequence for a year in one
 * statement. The row lock is held to the end of the import's transaction, so the block is
 * gap-free and single incidents recorded meanwhile continue after it.
 */
async function takeBlock(tx: Tx, orgId: number, year: number, count: number): Promise<number> {
  const [row] = await sqlRows<{ first: number }>(
    tx,
    sql`insert into number_sequences (org_id, kind, year, next) values (${orgId}, 'incident', ${year}, ${count + 1})
        on conflict (org_id, kind, year) do update set next = number_sequences.next + ${count}
        returning next - ${count} as first`,
  );
  return Number(row!.first);
}

const col = <T>(values: T[]) => sql.param(values);

async function insertChunk(tx: Tx, orgId: number, rows: IncidentImportRow[], numbers: string[]) {
  await tx.execute(sql`
    insert into incidents (org_id, incident_no, source, source_id, received_at, caller_name, caller_phone,
      category_code, place, narrative, unit_id, disposal, disposal_note, disposed_at, camera_recorded,
      camera_evidence_ref, tags)
    select ${orgId}, t.no, t.source, t.source_id, t.received_at, t.caller_name, t.caller_phone,
      t.category_code, t.place, t.narrative, t.unit_id, t.disposal, t.disposal_note, t.disposed_at,
      t.camera_recorded, t.camera_evidence_ref, string_to_array(t.tags, ',')
    from unnest(
      ${col(numbers)}::text[], ${col(rows.map((r) => r.source))}::text[],
      ${col(rows.map((r) => r.sourceId))}::text[],
      ${col(rows.map((r) => r.receivedAt.toISOString()))}::timestamptz[],
      ${col(rows.map((r) => r.callerName))}::text[], ${col(rows.map((r) => r.callerPhone))}::text[],
      ${col(rows.map((r) => r.categoryCode))}::text[], ${col(rows.map((r) => r.place))}::text[],
      ${col(rows.map((r) => r.narrative))}::text[], ${col(rows.map((r) => r.unitId))}::int[],
      ${col(rows.map((r) => r.disposal))}::text[], ${col(rows.map((r) => r.disposalNote))}::text[],
      ${col(rows.map((r) => r.disposedAt?.toISOString() ?? null))}::timestamptz[],
      ${col(rows.map((r) => r.cameraRecorded))}::boolean[],
      ${col(rows.map((r) => r.cameraEvidenceRef))}::text[], ${col(rows.map((r) => r.tags.join(',')))}::text[]
    ) as t(no, source, source_id, received_at, caller_name, caller_phone, category_code, place, narrative,
      unit_id, disposal, disposal_note, disposed_at, camera_recorded, camera_evidence_ref, tags)`);
}

export interface LoadOptions {
  /** Who imports, for the audit record; none: a system import (benchmarks, CLI). */
  ctx?: Ctx;
  /** What the audit record says about the import besides the counts (file, job, mapping). */
  summary?: Record<string, unknown>;
  onProgress?: Progress;
}

/**
 * Loads validated incidents in one transaction: numbers in blocks per year, in order of
 * received time, then the rows in chunks, then one audit record. All rows or none.
 * The benchmark calls this directly (rows already valid); the import job calls
 * `importIncidentRecords`, which validates first.
 */
export async function importIncidentRows(
  db: Db,
  orgId: number,
  rows: IncidentImportRow[],
  onProgress?: Progress,
  opts: Omit<LoadOptions, 'onProgress'> = {},
): Promise<ImportResult> {
  const total = rows.length;
  const ordered = rows
    .map((r, i) => ({ r, i, year: chinaYear(r.receivedAt) }))
    .sort((a, b) => a.year - b.year || a.r.receivedAt.getTime() - b.r.receivedAt.getTime() || a.i - b.i);
  const ctx: Ctx = opts.ctx ?? { db, orgId, locale: 'zh-CN', clientIp: null, actor: null };
  // On PGlite the transaction below holds the only connection, so polls wait until it ends:
  // say "loading" before it starts.
  onProgress?.({ phase: 'loading', processed: 0, total });
  let result: ImportResult;
  try {
    result = await db.transaction(async (tx) => {
      const numbers: string[] = [];
      const blocks: ImportResult['numbers'] = [];
      for (let s = 0; s < ordered.length; ) {
        const year = ordered[s]!.year;
        let e = s;
        while (e < ordered.length && ordered[e]!.year === year) e++;
        const first = await takeBlock(tx, orgId, year, e - s);
        for (let k = 0; k < e - s; k++) numbers.push(formatIncidentNo(year, first + k));
        blocks.push({ year, first: numbers[s]!, last: numbers[e - 1]! });
        s = e;
      }
      for (let s = 0; s < total; s += LOAD_CHUNK) {
        const chunk = ordered.slice(s, s + LOAD_CHUNK).map((o) => o.r);
        await insertChunk(tx, orgId, chunk, numbers.slice(s, s + LOAD_CHUNK));
        onProgress?.({ phase: 'loading', processed: Math.min(s + LOAD_CHUNK, total), total });
      }
      const result: ImportResult = {
        imported: total,
        numbers: blocks,
        firstNo: numbers[0] ?? null,
        lastNo: numbers.at(-1) ?? null,
      };
      await audit(tx, ctx, {
        action: 'incident.import',
        targetType: 'incident',
        summary: { ...opts.summary, imported: total, numbers: blocks },
      });
      return result;
    });
  } catch (e) {
    // another import of the same source ids committed while this one was validating
    if (isUniqueViolation(e)) throw new AppError('DUPLICATE');
    throw e;
  }
  // A large load changes the table's statistics at once; plan the next list queries on the
  // new ones rather than wait for autovacuum. Only an optimisation: a failure is not an error.
  if (total >= ANALYZE_AFTER) await db.execute(sql`analyze incidents`).catch(() => undefined);
  return result;
}

/** Validates mapped rows of a file, then loads them: the whole import short of file parsing. */
export async function importIncidentRecords(
  db: Db,
  orgId: number,
  records: IncidentImportRecord[],
  onProgress?: Progress,
  opts: Omit<LoadOptions, 'onProgress'> & Omit<ValidateOptions, 'onProgress'> = {},
): Promise<ImportResult> {
  const rows = await validateIncidentRecords(db, orgId, records, { ...opts, onProgress });
  return importIncidentRows(db, orgId, rows, onProgress, opts);
}
