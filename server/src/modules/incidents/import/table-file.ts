import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../../http/errors.ts';
import { sheetDateText } from '../incident-time.ts';

/** One data row: its number as the file shows it (the header is row 1) and its cells as text. */
export interface TableRow {
  row: number;
  cells: string[];
}

export interface Table {
  columns: string[];
  rows: TableRow[];
}

export type TableKind = 'csv' | 'xlsx';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** .xlsx by its zip signature, CSV by name (exports are often named .txt or without a suffix). */
export function tableKind(data: Uint8Array, fileName: string): TableKind {
  if (ZIP_MAGIC.every((b, i) => data[i] === b)) return 'xlsx';
  if (/\.(xlsx|xlsm)$/i.test(fileName)) throw new AppError('VALIDATION', { file: 'file.tableType' });
  if (/\.(xls|doc|docx|pdf|zip)$/i.test(fileName))
    throw new AppError('VALIDATION', { file: 'file.tableType' });
  return 'csv';
}

/**
 * CSV text as 110 systems write it: UTF-8 (with or without BOM) or, from older Windows
 * systems, GB18030/GBK; strict UTF-8 decoding tells the two apart.
 */
export function decodeText(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

/**
 * RFC 4180 records: quoted fields may hold the separator, doubled quotes and line breaks.
 * The separator is a comma, or a tab when the header line has tabs and no commas.
 * `limit` stops after that many records (header included).
 */
export function parseCsv(text: string, limit = Number.POSITIVE_INFINITY): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const special = sep === ',' ? /[",\r\n]/g : /["\t\r\n]/g;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  // Whole runs of plain characters are sliced at once: a 300,000-row export is ~60 MB.
  while (i < n && records.length < limit) {
    special.lastIndex = i;
    const m = special.exec(text);
    const at = m ? m.index : n;
    field += text.slice(i, at);
    if (at >= n) {
      i = n;
      break;
    }
    const c = text[at]!;
    i = at + 1;
    if (c === '"') {
      if (field.trim() !== '') {
        field += c; // a quote inside an unquoted field is just a character
        continue;
      }
      field = '';
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) {
          field += text.slice(i);
          i = n;
          break;
        }
        field += text.slice(i, close);
        i = close + 1;
        if (text[i] !== '"') break;
        field += '"';
        i++;
      }
    } else if (c === sep) {
      record.push(field);
      field = '';
    } else {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (c === '\r' && text[i] === '\n') i++;
    }
  }
  if (records.length < limit && (field !== '' || record.length)) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return sheetDateText(v);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return '';
  }
  return String(v);
}

/** The first sheet, streamed, so a 300,000-row export is not held twice in memory. */
async function readXlsx(data: Uint8Array, limit: number): Promise<string[][]> {
  const records: string[][] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(data)), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        // row.values is 1-based and sparse; keep the sheet's row numbers for error reports
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        while (records.length < row.number - 1) records.push([]);
        records.push(Array.from(values, (v) => cellText(v)));
        if (records.length >= limit) break;
      }
      break;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('VALIDATION', { file: 'file.tableType' });
  }
  return records;
}

/**
 * Reads a CSV or .xlsx file into its header and data rows, cells trimmed; blank rows are left
 * out but keep their numbers, so errors point at the row the user sees.
 */
export async function readTable(
  data: Uint8Array,
  fileName: string,
  opts: { limit?: number; maxRows?: number } = {},
): Promise<Table> {
  const limit = opts.limit ?? Number.POSITIVE_INFINITY;
  const records =
    tableKind(data, fileName) === 'xlsx' ? await readXlsx(data, limit) : parseCsv(decodeText(data), limit);
  const [header, ...body] = records;
  const columns = (header ?? []).map((h) => h.trim());
  if (!columns.some((c) => c !== '')) throw new AppError('VALIDATION', { file: 'file.empty' });
  const rows: TableRow[] = [];
  body.forEach((cells, i) => {
    const trimmed = cells.map((c) => c.trim());
    if (trimmed.some((c) => c !== '')) rows.push({ row: i + 2, cells: trimmed });
  });
  if (opts.maxRows !== undefined && rows.length > opts.maxRows)
    throw new AppError('VALIDATION', { file: { key: 'file.tooManyRows', params: { max: opts.maxRows } } });
  return { columns, rows };
}
