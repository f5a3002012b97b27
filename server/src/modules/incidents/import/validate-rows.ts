import {
  CAMPAIGN_TAGS,
  INCIDENT_DISPOSAL_NAMES,
  INCIDENT_DISPOSALS,
  INCIDENT_SOURCE_NAMES,
  INCIDENT_SOURCES,
  type IncidentDisposal,
  type IncidentImportField,
  type IncidentSource,
  normalizePersonName,
  normalizePhone,
  validatePersonName,
  validatePhone,
} from '@fazhi/common';
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/index.ts';
import { units } from '../../../db/schema/index.ts';
import type { Actor } from '../../../http/context.ts';
import { AppError } from '../../../http/errors.ts';
import { inScope } from '../../platform/scope.ts';
import { CategoryIndex } from '../categories.service.ts';
import { parseChinaTime } from '../incident-time.ts';

/** One incident of an import, checked and resolved to the branch's codes and ids. */
export interface IncidentImportRow {
  sourceId: string;
  source: IncidentSource;
  receivedAt: Date;
  callerName: string | null;
  callerPhone: string | null;
  categoryCode: string;
  place: string;
  narrative: string;
  unitId: number;
  disposal: IncidentDisposal;
  disposalNote: string | null;
  disposedAt: Date | null;
  cameraRecorded: boolean | null;
  cameraEvidenceRef: string | null;
  tags: string[];
}

/** One row of the file as mapped text: its row number and the text of each mapped field. */
export interface IncidentImportRecord {
  row: number;
  values: Partial<Record<IncidentImportField, string>>;
}

export type RowIssue = { row: number; column: string; key: string; params?: Record<string, string | number> };
export type Progress = (p: { phase: 'validating' | 'loading'; processed: number; total: number }) => void;

const MAX_ISSUES = 500;
const YIELD_EVERY = 5_000;
const LOOKUP_CHUNK = 10_000;
const CLOCK_SKEW_MS = 5 * 60_000;
const LIMITS: Partial<Record<IncidentImportField, number>> = {
  sourceId: 64,
  place: 200,
  narrative: 4000,
  disposalNote: 1000,
  cameraEvidenceRef: 200,
};
const LIMITED = Object.keys(LIMITS) as IncidentImportField[];
const REQUIRED: readonly IncidentImportField[] = [
  'sourceId',
  'receivedAt',
  'category',
  'place',
  'narrative',
  'unit',
];
const TAG_SEPARATORS = /[,，、;；|\s]+/;

/** A code of a small code table, by its code or its Chinese or English name. */
function codeLookup<T extends string>(codes: readonly T[], names: Record<T, { zh: string; en: string }>) {
  const map = new Map<string, T>();
  for (const c of codes) {
    map.set(c.toLowerCase(), c);
    map.set(names[c].zh, c);
    map.set(names[c].en.toLowerCase(), c);
  }
  return (text: string) => map.get(text.trim().toLowerCase()) ?? map.get(text.trim());
}
const sourceOf = codeLookup(INCIDENT_SOURCES, INCIDENT_SOURCE_NAMES);
const disposalOf = codeLookup(INCIDENT_DISPOSALS, INCIDENT_DISPOSAL_NAMES);
const TAGS = new Set<string>(CAMPAIGN_TAGS);
const YES = new Set(['是', '有', '已开启', '开启', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', '无', '未开启', '未开', 'n', 'no', 'false', '0']);

/** The branch's units an import may assign to: active, and inside the importer's scope. */
async function unitIndex(db: Queryable, orgId: number, actor: Actor | null) {
  const rows = await db
    .select({ id: units.id, code: units.code, name: units.name })
    .from(units)
    .where(
      and(eq(units.active, true), actor ? inScope(actor, units.id, units.orgId) : eq(units.orgId, orgId)),
    );
  const map = new Map<string, number>();
  for (const u of rows) {
    map.set(u.code.toUpperCase(), u.id);
    map.set(u.name, u.id);
  }
  return (text: string) => map.get(text.trim().toUpperCase()) ?? map.get(text.trim());
}

/** Source ids of the list that the branch has already recorded. */
async function recordedSourceIds(db: Queryable, orgId: number, ids: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
    const chunk = ids.slice(i, i + LOOKUP_CHUNK);
    const res = (await db.execute(
      sql`select source_id from incidents where org_id = ${orgId} and source_id = any(${sql.param(chunk)}::text[])`,
    )) as unknown as { rows: { source_id: string }[] };
    for (const r of res.rows) taken.add(r.source_id);
  }
  return taken;
}

/** IMPORT_INVALID with the number of problems, of which the report lists the first 500. */
export class ImportRowsError extends AppError {
  constructor(
    rows: RowIssue[],
    readonly count: number,
  ) {
    super('IMPORT_INVALID', {}, rows);
  }
}

export interface ValidateOptions {
  /** Whose scope the units must lie in; none: any unit of the branch (benchmarks, CLI). */
  actor?: Actor | null;
  /** The file's column a field was read from, for the error report. */
  columnOf?: (field: IncidentImportField) => string;
  onProgress?: Progress;
  now?: Date;
}

/**
 * Checks every row and resolves codes; answers the rows only if all are valid, else throws
 * IMPORT_INVALID with every problem by row number (the first 500). A source id already in
 * the branch, or twice in the file, is a row error.
 */
export async function validateIncidentRecords(
  db: Queryable,
  orgId: number,
  records: IncidentImportRecord[],
  opts: ValidateOptions = {},
): Promise<IncidentImportRow[]> {
  const columnOf = opts.columnOf ?? ((f: IncidentImportField) => f);
  const now = (opts.now ?? new Date()).getTime();
  const categories = await CategoryIndex.load(db, orgId);
  const unitOf = await unitIndex(db, orgId, opts.actor ?? null);
  const issues: RowIssue[] = [];
  let issueCount = 0;
  const issue = (row: number, field: IncidentImportField, key: string, params?: Record<string, number>) => {
    issueCount++;
    if (issues.length < MAX_ISSUES)
      issues.push({ row, column: columnOf(field), key, ...(params ? { params } : {}) });
  };
  const seen = new Map<string, number>();
  const out: IncidentImportRow[] = [];
  const total = records.length;

  for (let i = 0; i < total; i++) {
    const { row, values: v } = records[i]!;
    // each field read and trimmed once: this loop runs 300,000 times for a district's year
    const f: Record<IncidentImportField, string> = {
      sourceId: v.sourceId?.trim() ?? '',
      receivedAt: v.receivedAt?.trim() ?? '',
      callerName: v.callerName?.trim() ?? '',
      callerPhone: v.callerPhone?.trim() ?? '',
      category: v.category?.trim() ?? '',
      place: v.place?.trim() ?? '',
      narrative: v.narrative?.trim() ?? '',
      unit: v.unit?.trim() ?? '',
      source: v.source?.trim() ?? '',
      disposal: v.disposal?.trim() ?? '',
      disposalNote: v.disposalNote?.trim() ?? '',
      disposedAt: v.disposedAt?.trim() ?? '',
      cameraRecorded: v.cameraRecorded?.trim().toLowerCase() ?? '',
      cameraEvidenceRef: v.cameraEvidenceRef?.trim() ?? '',
      tags: v.tags?.trim() ?? '',
    };
    const before = issueCount;
    for (const key of LIMITED)
      if (f[key].length > LIMITS[key]!) issue(row, key, 'tooLong', { max: LIMITS[key]! });
    for (const key of REQUIRED) if (f[key] === '') issue(row, key, 'required');

    const sourceId = f.sourceId;
    if (sourceId) {
      const first = seen.get(sourceId);
      if (first !== undefined) issue(row, 'sourceId', 'incident.sourceId.repeated', { row: first });
      else seen.set(sourceId, row);
    }
    const receivedAt = f.receivedAt ? parseChinaTime(f.receivedAt) : null;
    if (f.receivedAt && !receivedAt) issue(row, 'receivedAt', 'datetime');
    if (receivedAt && receivedAt.getTime() > now + CLOCK_SKEW_MS) issue(row, 'receivedAt', 'incident.future');
    const name = f.callerName ? normalizePersonName(f.callerName) : null;
    if (name && !validatePersonName(name)) issue(row, 'callerName', 'personName');
    const phone = f.callerPhone ? normalizePhone(f.callerPhone) : null;
    if (phone && !validatePhone(phone)) issue(row, 'callerPhone', 'phone');
    const category = f.category ? categories.find(f.category) : undefined;
    if (f.category && !category) issue(row, 'category', 'incident.category');
    const unitId = f.unit ? unitOf(f.unit) : undefined;
    if (f.unit && unitId === undefined) issue(row, 'unit', 'incident.unit');
    const source = f.source ? sourceOf(f.source) : '110';
    if (!source) issue(row, 'source', 'notInList');
    const disposal = f.disposal ? disposalOf(f.disposal) : 'pending';
    if (!disposal) issue(row, 'disposal', 'notInList');
    let disposedAt = f.disposedAt ? parseChinaTime(f.disposedAt) : null;
    if (f.disposedAt && !disposedAt) issue(row, 'disposedAt', 'datetime');
    else if (disposedAt && receivedAt && disposedAt < receivedAt)
      issue(row, 'disposedAt', 'incident.disposedBeforeReceived');
    if (disposal === 'pending') disposedAt = null;
    const cam = f.cameraRecorded;
    const cameraRecorded = cam === '' ? null : YES.has(cam) ? true : NO.has(cam) ? false : undefined;
    if (cameraRecorded === undefined) issue(row, 'cameraRecorded', 'notInList');
    const tags = f.tags ? [...new Set(f.tags.split(TAG_SEPARATORS).filter(Boolean))] : [];
    if (tags.some((tag) => !TAGS.has(tag))) issue(row, 'tags', 'notInList');

    if (issueCount === before)
      out.push({
        sourceId,
        source: source!,
        receivedAt: receivedAt!,
        callerName: name,
        callerPhone: phone,
        categoryCode: category!.code,
        place: f.place,
        narrative: f.narrative,
        unitId: unitId!,
        disposal: disposal!,
        disposalNote: f.disposalNote || null,
        disposedAt,
        cameraRecorded: cameraRecorded ?? null,
        cameraEvidenceRef: f.cameraEvidenceRef || null,
        tags,
      });
    if ((i + 1) % YIELD_EVERY === 0) {
      opts.onProgress?.({ phase: 'validating', processed: i + 1, total });
      // let the server answer progress polls while a large file is checked
      await new Promise((r) => setImmediate(r));
    }
  }

  const taken = await recordedSourceIds(db, orgId, [...seen.keys()]);
  for (const [sourceId, row] of seen)
    if (taken.has(sourceId)) issue(row, 'sourceId', 'incident.sourceId.taken');
  opts.onProgress?.({ phase: 'validating', processed: total, total });
  if (issueCount)
    throw new ImportRowsError(
      issues.sort((a, b) => a.row - b.row),
      issueCount,
    );
  if (!total) throw new AppError('VALIDATION', { file: 'file.empty' });
  return out;
}
