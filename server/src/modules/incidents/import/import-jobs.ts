import { randomUUID } from 'node:crypto';
import {
  INCIDENT_IMPORT_FIELDS,
  type IncidentImportField,
  type IncidentImportJobResponse,
  type IncidentImportMapping,
} from '@fazhi/common';
import { audit } from '../../../audit/record.ts';
import { type Ctx, requireActor } from '../../../http/context.ts';
import { AppError, notFound } from '../../../http/errors.ts';
import { type ImportResult, importIncidentRecords } from './load-rows.ts';
import { readTable, type Table } from './table-file.ts';
import { ImportRowsError, type IncidentImportRecord } from './validate-rows.ts';

/** A 110 export of a district's year is ~300,000 rows; refuse what is clearly not one file's worth. */
export const MAX_IMPORT_ROWS = 500_000;
const SAMPLE_ROWS = 5;
const KEEP_FINISHED_MS = 60 * 60_000;

interface Job {
  id: string;
  orgId: number;
  officerId: number;
  fileName: string;
  status: IncidentImportJobResponse['status'];
  processed: number;
  total: number;
  result?: ImportResult;
  error?: AppError;
  errorCount?: number;
  startedAt: Date;
  finishedAt: Date | null;
}

/**
 * Progress of running imports, in this process's memory: a poll must reach the instance that
 * runs the job (sticky sessions behind a load balancer). The outcome itself is durable: the
 * rows and an audit record commit together, and a refused file is audited as a failure.
 */
const jobs = new Map<string, Job>();

function forget(now: number) {
  for (const [id, job] of jobs)
    if (job.finishedAt && now - job.finishedAt.getTime() > KEEP_FINISHED_MS) jobs.delete(id);
}

/** The mapping proposed from the header texts: a field's name or a known alias, exactly. */
export function suggestMapping(columns: string[]): IncidentImportMapping {
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  const byText = new Map<string, string>();
  for (const c of columns) if (!byText.has(norm(c))) byText.set(norm(c), c);
  const out: IncidentImportMapping = {};
  const used = new Set<string>();
  for (const f of INCIDENT_IMPORT_FIELDS) {
    const hit = [f.zh, f.en, f.key, ...f.aliases]
      .map((t) => byText.get(norm(t)))
      .find((c) => c && !used.has(c));
    if (hit) {
      out[f.key] = hit;
      used.add(hit);
    }
  }
  return out;
}

/** The columns of an uploaded file, a few rows to recognise them by, and a proposed mapping. */
export async function readImportColumns(ctx: Ctx, data: Uint8Array, fileName: string) {
  requireActor(ctx);
  const table = await readTable(data, fileName, { limit: SAMPLE_ROWS + 1 });
  return {
    fileName,
    columns: table.columns,
    sample: table.rows.map((r) => table.columns.map((_, i) => r.cells[i] ?? '')),
    suggested: suggestMapping(table.columns),
  };
}

/** Every required field mapped, every mapped column present; field errors name `mapping.<field>`. */
function checkMapping(columns: string[], mapping: IncidentImportMapping) {
  const fields: Record<string, string | { key: string; params: Record<string, string> }> = {};
  for (const f of INCIDENT_IMPORT_FIELDS) {
    const column = mapping[f.key];
    if (!column) {
      if (f.required) fields[`mapping.${f.key}`] = 'required';
    } else if (!columns.includes(column))
      fields[`mapping.${f.key}`] = { key: 'import.column', params: { column } };
  }
  if (Object.keys(fields).length) throw new AppError('VALIDATION', fields);
}

function toRecords(table: Table, mapping: IncidentImportMapping): IncidentImportRecord[] {
  const index = Object.entries(mapping).map(
    ([field, column]) => [field as IncidentImportField, table.columns.indexOf(column)] as const,
  );
  return table.rows.map((r) => {
    const values: IncidentImportRecord['values'] = {};
    for (const [field, i] of index) values[field] = r.cells[i] ?? '';
    return { row: r.row, values };
  });
}

async function run(ctx: Ctx, job: Job, data: Uint8Array, mapping: IncidentImportMapping) {
  const actor = requireActor(ctx);
  try {
    const table = await readTable(data, job.fileName, { maxRows: MAX_IMPORT_ROWS });
    const records = toRecords(table, mapping);
    job.total = records.length;
    job.result = await importIncidentRecords(
      ctx.db,
      ctx.orgId,
      records,
      ({ phase, processed }) => {
        job.status = phase;
        job.processed = processed;
      },
      {
        actor,
        ctx,
        columnOf: (f) => mapping[f] ?? f,
        summary: { jobId: job.id, fileName: job.fileName, mapping },
      },
    );
    job.processed = job.total;
    job.status = 'done';
  } catch (e) {
    job.status = 'failed';
    job.error = e instanceof AppError ? e : new AppError('INTERNAL');
    if (e instanceof ImportRowsError) job.errorCount = e.count;
    if (!(e instanceof AppError)) console.error('incident import failed', e);
    // nothing was imported; the refusal is still on the record
    await audit(ctx.db, ctx, {
      action: 'incident.import',
      targetType: 'incident',
      outcome: 'failure',
      summary: { jobId: job.id, fileName: job.fileName, code: job.error.code, errors: job.errorCount ?? 0 },
    }).catch((err: unknown) => console.error('audit of a failed import', err));
  } finally {
    job.finishedAt = new Date();
  }
}

/**
 * Starts an import: the mapping is checked against the file's header at once (400 naming
 * `mapping.<field>`); parsing, validating every row and loading run as a job whose progress
 * `importJobStatus` reports. Row errors end the job as failed with the row-numbered report.
 */
export async function startImport(
  ctx: Ctx,
  input: { data: Uint8Array; fileName: string; mapping: IncidentImportMapping },
): Promise<{ jobId: string; done: Promise<void> }> {
  const actor = requireActor(ctx);
  const header = await readTable(input.data, input.fileName, { limit: 1 });
  checkMapping(header.columns, input.mapping);
  const now = new Date();
  forget(now.getTime());
  const job: Job = {
    id: randomUUID(),
    orgId: ctx.orgId,
    officerId: actor.officerId,
    fileName: input.fileName,
    status: 'validating',
    processed: 0,
    total: 0,
    startedAt: now,
    finishedAt: null,
  };
  jobs.set(job.id, job);
  const done = run(ctx, job, input.data, input.mapping);
  return { jobId: job.id, done };
}

/** A job of the caller's own; anyone else's answers 404. */
export function importJobStatus(ctx: Ctx, jobId: string): IncidentImportJobResponse {
  const actor = requireActor(ctx);
  const job = jobs.get(jobId);
  if (!job || job.orgId !== ctx.orgId || job.officerId !== actor.officerId) throw notFound();
  const body = job.error?.toBody(ctx.locale).error;
  return {
    jobId: job.id,
    fileName: job.fileName,
    status: job.status,
    processed: job.processed,
    total: job.total,
    ...(job.result
      ? { imported: job.result.imported, firstNo: job.result.firstNo, lastNo: job.result.lastNo }
      : {}),
    ...(body ? { code: body.code, message: body.message } : {}),
    ...(body && 'rows' in body ? { errors: body.rows } : {}),
    ...(job.errorCount !== undefined ? { errorCount: job.errorCount } : {}),
    ...(body && 'fields' in body ? { fields: body.fields } : {}),
    startedAt: job.startedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
