import ExcelJS from 'exceljs';
import { AppError } from '../http/errors.ts';

export interface Column<T> {
  key: keyof T & string;
  header: string;
  width?: number;
  required?: boolean;
  /** Turns a cell into a value, or returns `{ error: FIELD_MESSAGES key }`. */
  parse?: (raw: string) => { value: unknown } | { error: string; params?: Record<string, string | number> };
}

export interface ParsedRow<T> {
  row: number;
  value: T;
}

type RowIssue = { row: number; column: string; key: string; params?: Record<string, string | number> };

/** A cell as trimmed text: dates as YYYY-MM-DD, formulas by their result, rich text joined. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('error' in v) return String(v.error);
  }
  return String(v).trim();
}

/**
 * Reads the first sheet of an .xlsx file into typed rows. Columns are found by their header
 * text; every cell of every row is checked, and the error lists all problems by row number
 * (as Excel shows it). Nothing is returned unless every row is valid.
 */
/** The first worksheet of an uploaded .xlsx; a file that is not one, or has no sheet, names `file`. */
export async function firstSheet(data: ArrayBuffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data);
  } catch {
    throw new AppError('VALIDATION', { file: 'file.type' });
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new AppError('VALIDATION', { file: 'file.empty' });
  return sheet;
}

export async function readSheet<T>(
  data: ArrayBuffer,
  columns: Column<T>[],
  validateRow?: (value: T, row: number) => RowIssue[] | Promise<RowIssue[]>,
): Promise<ParsedRow<T>[]> {
  const sheet = await firstSheet(data);
  const header = sheet.getRow(1);
  const index = new Map<string, number>();
  header.eachCell((cell, col) => index.set(cellText(cell.value), col));
  const missing = columns.filter((c) => c.required && !index.has(c.header)).map((c) => c.header);
  if (missing.length)
    throw new AppError('VALIDATION', {
      file: { key: 'file.header', params: { columns: missing.join('、') } },
    });

  const out: ParsedRow<T>[] = [];
  const issues: RowIssue[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const texts = columns.map((c) =>
      index.has(c.header) ? cellText(row.getCell(index.get(c.header)!).value) : '',
    );
    if (texts.every((t) => t === '')) continue;
    const value: Record<string, unknown> = {};
    columns.forEach((c, i) => {
      const raw = texts[i]!;
      if (raw === '') {
        if (c.required) issues.push({ row: r, column: c.header, key: 'required' });
        value[c.key] = null;
        return;
      }
      const parsed = c.parse ? c.parse(raw) : { value: raw };
      if ('error' in parsed)
        issues.push({ row: r, column: c.header, key: parsed.error, params: parsed.params });
      else value[c.key] = parsed.value;
    });
    out.push({ row: r, value: value as T });
  }
  if (out.length === 0 && issues.length === 0) throw new AppError('VALIDATION', { file: 'file.empty' });
  if (validateRow && issues.length === 0) {
    for (const { row, value } of out) issues.push(...(await validateRow(value, row)));
  }
  if (issues.length)
    throw new AppError('IMPORT_INVALID', {}, issues.sort((a, b) => a.row - b.row).slice(0, 500));
  return out;
}

/** Writes rows as an .xlsx with a bold, frozen header row. */
export async function writeSheet<T>(
  sheetName: string,
  columns: { header: string; width?: number; value: (row: T) => string | number | boolean | null }[],
  batches: Iterable<T[]> | AsyncIterable<T[]>,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fazhi';
  const sheet = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  for await (const batch of batches) {
    for (const item of batch) sheet.addRow(columns.map((c) => c.value(item)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const yesNo = (raw: string) =>
  ['是', 'Y', 'y', 'yes', 'true', '1'].includes(raw)
    ? { value: true }
    : ['否', 'N', 'n', 'no', 'false', '0'].includes(raw)
      ? { value: false }
      : { error: 'notInList' };

export const isoDateCell = (raw: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(raw)) ? { value: raw } : { error: 'date' };
