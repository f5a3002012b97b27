/**
 * 数据填报 in Excel: a department downloads its form as an .xlsx (one row per metric with its
 * 统计口径 and the values saved so far), fills the 数值 and 说明 columns in Excel and uploads it.
 * The upload is one versioned save: every row is checked first and any bad row refuses the whole
 * file, naming the row and the metric in the user's language; nothing is changed then.
 */
import {
  type Locale,
  metricById,
  SUBMISSION_IMPORT_MAX_BYTES,
  type SubmissionImportResponse,
  type SubmissionStatus,
} from '@fazhi/common';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Queryable } from '../../../db/index.ts';
import { units } from '../../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../../http/context.ts';
import { AppError } from '../../../http/errors.ts';
import { cellText, firstSheet } from '../../../platform-io/excel.ts';
import { findForm, lockForm, recordStep, type StoredValues } from './common.ts';
import { getSubmission } from './forms.service.ts';

type ColumnKey = 'id' | 'name' | 'unit' | 'definition' | 'value' | 'note';

/** Column headers in both languages; the import accepts either. */
const HEADERS: Record<ColumnKey, { zh: string; en: string; width: number }> = {
  id: { zh: '指标编号', en: 'Metric ID', width: 36 },
  name: { zh: '指标名称', en: 'Metric', width: 36 },
  unit: { zh: '计量单位', en: 'Unit', width: 10 },
  definition: { zh: '统计口径', en: 'Definition', width: 48 },
  value: { zh: '数值', en: 'Value', width: 14 },
  note: { zh: '说明', en: 'Note', width: 40 },
};
const ORDER: ColumnKey[] = ['id', 'name', 'unit', 'definition', 'value', 'note'];
const NOTE_MAX = 2000;

const header = (k: ColumnKey, locale: Locale) => (locale === 'en-US' ? HEADERS[k].en : HEADERS[k].zh);
const metricLabel = (id: string, locale: Locale) => {
  const m = metricById(id);
  if (!m) return id;
  return locale === 'en-US' ? m.nameEn : m.nameZh;
};

function instructions(locale: Locale, what: string): string {
  return locale === 'en-US'
    ? `How to fill in: this is the form of ${what}, with the values saved so far. Change only the "Value" and "Note" columns: a value is a number ≥ 0, a percentage is 0–100 (without %), an empty value means not filled. Do not change the "Metric ID" column and keep this row and the header row. Upload the file on the form's page (Excel import); if any row is wrong nothing is imported and every error is listed.`
    : `填报说明：本表为${what}的填报表，已填入目前保存的数值。请只修改“数值”和“说明”两列：数值填不小于 0 的数字，百分比指标填 0–100（不带 % 号），留空表示未填；不要修改“指标编号”列，不要删除本说明行和表头行。填好后在填报表页面点击“Excel 导入”上传；任一行有误则不导入任何数据，并逐行列出错误。`;
}

async function unitName(db: Queryable, unitId: number) {
  const [u] = await db.select({ name: units.name }).from(units).where(eq(units.id, unitId));
  return u?.name ?? '';
}

/** The form as an .xlsx template: instructions, header, one row per metric with the saved values. */
export async function formWorkbook(ctx: Ctx, id: number): Promise<{ fileName: string; data: Buffer }> {
  const locale = ctx.locale;
  const row = await findForm(ctx, ctx.db, id);
  const unit = await unitName(ctx.db, row.unitId);
  const values = row.values as StoredValues;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fazhi';
  const sheet = wb.addWorksheet(locale === 'en-US' ? 'Form' : '填报表', {
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  sheet.columns = ORDER.map((k) => ({ width: HEADERS[k].width }));
  const what =
    locale === 'en-US'
      ? `${unit}, ${row.roundTitle} (${row.period})`
      : `${unit}「${row.roundTitle}」（${row.period}）`;
  sheet.getCell('A1').value = instructions(locale, what);
  sheet.mergeCells(1, 1, 1, ORDER.length);
  sheet.getCell('A1').alignment = { wrapText: true, vertical: 'top' };
  sheet.getCell('A1').font = { color: { argb: 'FF8C4B00' } };
  sheet.getRow(1).height = 75;
  const head = sheet.getRow(2);
  head.values = ORDER.map((k) => header(k, locale));
  head.font = { bold: true };
  for (const metricId of row.metricIds) {
    const m = metricById(metricId);
    const v = values[metricId];
    const r = sheet.addRow([
      metricId,
      m ? metricLabel(metricId, locale) : metricId,
      m?.unit ?? '',
      m?.definition ?? '',
      typeof v?.value === 'number' ? v.value : null,
      v?.note ?? '',
    ]);
    r.getCell(4).alignment = { wrapText: true, vertical: 'top' };
    r.getCell(6).alignment = { wrapText: true, vertical: 'top' };
    r.getCell(5).dataValidation = {
      type: 'decimal',
      operator: m?.unit === '%' ? 'between' : 'greaterThanOrEqual',
      formulae: m?.unit === '%' ? [0, 100] : [0],
      allowBlank: true,
      showErrorMessage: true,
      error:
        locale === 'en-US'
          ? m?.unit === '%'
            ? 'A percentage is between 0 and 100'
            : 'A number ≥ 0'
          : m?.unit === '%'
            ? '百分比应在 0 到 100 之间'
            : '请填写不小于 0 的数字',
    };
    for (const c of [1, 2, 3, 4]) r.getCell(c).font = { color: { argb: 'FF595959' } };
  }
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  const fileName =
    locale === 'en-US' ? `${unit}-${row.period}-submission.xlsx` : `${unit}-${row.period}-数据填报.xlsx`;
  return { fileName, data };
}

/** A value cell: a number, empty (null), or the text that is not a number. */
function cellNumber(v: ExcelJS.CellValue): { value: number | null } | { text: string } {
  if (v !== null && typeof v === 'object' && !(v instanceof Date) && 'result' in v)
    return cellNumber(v.result as ExcelJS.CellValue);
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v } : { text: String(v) };
  const text = cellText(v);
  if (text === '') return { value: null };
  const plain = text.replace(/[,，\s]/g, '');
  return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(plain) ? { value: Number(plain) } : { text };
}

interface FileRow {
  row: number;
  metricId: string;
  value: { value: number | null } | { text: string };
  /** null when the file has no note column: the saved notes stay. */
  note: string | null;
}

async function readRows(data: ArrayBuffer, locale: Locale): Promise<FileRow[]> {
  if (data.byteLength > SUBMISSION_IMPORT_MAX_BYTES)
    throw new AppError('VALIDATION', {
      file: { key: 'submission.import.tooLarge', params: { max: SUBMISSION_IMPORT_MAX_BYTES / 1024 / 1024 } },
    });
  const sheet = await firstSheet(data);
  // The header is the first row naming the metric-id column (the instructions row may be gone).
  let headerRow = 0;
  const col = new Map<ColumnKey, number>();
  for (let r = 1; r <= Math.min(sheet.rowCount, 10) && !headerRow; r++) {
    const found = new Map<ColumnKey, number>();
    sheet.getRow(r).eachCell((cell, c) => {
      const text = cellText(cell.value);
      for (const k of ORDER)
        if (text === HEADERS[k].zh || text.toLowerCase() === HEADERS[k].en.toLowerCase()) found.set(k, c);
    });
    if (found.has('id')) {
      headerRow = r;
      for (const [k, c] of found) col.set(k, c);
    }
  }
  const missing = (['id', 'value'] as const).filter((k) => !col.has(k));
  if (missing.length)
    throw new AppError('VALIDATION', {
      file: { key: 'file.header', params: { columns: missing.map((k) => header(k, locale)).join('、') } },
    });
  const rows: FileRow[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const metricId = cellText(row.getCell(col.get('id')!).value);
    const valueCell = row.getCell(col.get('value')!).value;
    const note = col.has('note') ? cellText(row.getCell(col.get('note')!).value) : null;
    const value = cellNumber(valueCell);
    if (metricId === '' && 'value' in value && value.value === null && !note) continue;
    rows.push({ row: r, metricId, value, note });
  }
  if (rows.length === 0) throw new AppError('VALIDATION', { file: 'file.empty' });
  return rows;
}

type Issue = { row: number; column: string; key: string; params?: Record<string, string | number> };

/** Every problem of the file against the form, by row (Excel's row numbers). */
function checkRows(rows: FileRow[], metricIds: string[], locale: Locale): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const idCol = header('id', locale);
  const valueCol = header('value', locale);
  for (const r of rows) {
    const at = (column: string, key: string, params: Record<string, string | number> = {}) =>
      issues.push({ row: r.row, column, key, params });
    if (r.metricId === '') {
      at(idCol, 'submission.import.noMetric');
      continue;
    }
    const metric = metricLabel(r.metricId, locale);
    if (!metricById(r.metricId)) {
      at(idCol, 'submission.import.unknownMetric', { metric: r.metricId });
      continue;
    }
    if (!metricIds.includes(r.metricId)) {
      at(idCol, 'submission.import.notInForm', { metric });
      continue;
    }
    if (seen.has(r.metricId)) at(idCol, 'submission.import.duplicate', { metric });
    seen.add(r.metricId);
    if ('text' in r.value) at(valueCol, 'submission.import.notNumber', { metric, text: r.value.text });
    else if (r.value.value !== null && r.value.value < 0)
      at(valueCol, 'submission.import.negative', { metric });
    else if (r.value.value !== null && metricById(r.metricId)?.unit === '%' && r.value.value > 100)
      at(valueCol, 'submission.import.percent', { metric });
    if (r.note !== null && r.note.length > NOTE_MAX)
      at(header('note', locale), 'submission.import.noteTooLong', { metric, max: NOTE_MAX });
  }
  return issues;
}

/**
 * Imports a filled template into the form: values and notes of the rows in the file (metrics
 * left out keep theirs; an empty value clears it), as one save with a new version and its audit
 * record. The form must be the department's own, draft or returned, and `version` current.
 */
export async function importForm(
  ctx: Ctx,
  id: number,
  version: number,
  file: { name: string; data: ArrayBuffer },
): Promise<SubmissionImportResponse> {
  const actor = requireActor(ctx);
  const rows = await readRows(file.data, ctx.locale);
  return ctx.db.transaction(async (tx) => {
    const row = await lockForm(ctx, tx, id, version, 'save');
    const issues = checkRows(rows, row.metricIds, ctx.locale);
    if (issues.length)
      throw new AppError(
        'IMPORT_INVALID',
        { file: { key: 'submission.import.rows', params: { n: issues.length } } },
        issues.slice(0, 500),
      );
    const values: StoredValues = { ...(row.values as StoredValues) };
    for (const r of rows) {
      const before = values[r.metricId];
      values[r.metricId] = {
        value: 'value' in r.value ? r.value.value : null,
        note: r.note === null ? (before?.note ?? '') : r.note.trim(),
      };
    }
    await recordStep(tx, ctx, row, {
      action: 'import',
      set: { filledBy: actor.officerId },
      values,
      status: 'draft' as SubmissionStatus,
      summary: { file: file.name.slice(0, 200), metrics: rows.map((r) => r.metricId) },
    });
    const form = await getSubmission({ ...ctx, db: tx as unknown as Ctx['db'] }, id);
    return { ...form, imported: rows.length };
  });
}
