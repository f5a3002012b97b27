/**
 * 统计报表: a statistics table of the catalogue (STAT_TABLES) for a period — one row per
 * case-handling unit with each column's metric counted for that unit, and the 合计 row, which is
 * the branch's value of each metric (the same figure the metric pages and the annual report show).
 * Read-only and branch-wide (report.read).
 */
import {
  type Locale,
  metricById,
  STAT_TABLES,
  type StatTableDef,
  type StatTableListResponse,
  type StatTableResponse,
  type StatTableRow,
  statTableAccepts,
  statTableById,
} from '@fazhi/common';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Queryable } from '../../../db/index.ts';
import { orgs } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../http/context.ts';
import { AppError, notFound } from '../../../http/errors.ts';
import { periodRange } from '../metrics/period.ts';
import { breaksDownByUnit, computeByUnit } from '../metrics/registry.ts';
import { metricValues } from '../metrics/values.ts';
import { NO_UNIT, tableUnits } from './units.ts';

export function listStatTables(): StatTableListResponse {
  return { items: STAT_TABLES.map((t) => ({ ...t, columns: [...t.columns] })) };
}

/** '2021-Q3' → 2021年第3季度 / 2021 Q3. */
export function periodLabel(period: string, locale: Locale): string {
  const p = periodRange(period);
  if (locale === 'en-US') return p.quarter ? `${p.year} Q${p.quarter}` : String(p.year);
  return p.quarter ? `${p.year}年第${p.quarter}季度` : `${p.year}年`;
}

export async function orgName(db: Queryable, orgId: number): Promise<string> {
  const [o] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, orgId));
  return o?.name ?? '';
}

function tableOf(id: string, period: string): StatTableDef {
  const t = statTableById(id);
  if (!t) throw notFound();
  periodRange(period);
  if (!statTableAccepts(t, period)) throw new AppError('VALIDATION', { period: 'report.table.yearOnly' });
  return t;
}

export async function statTable(ctx: Ctx, id: string, period: string): Promise<StatTableResponse> {
  const t = tableOf(id, period);
  const en = ctx.locale === 'en-US';
  const ids = t.columns.map((c) => c.metric);
  const values = new Map((await metricValues(ctx.db, ctx.orgId, period, ids)).map((v) => [v.id, v.value]));
  const totals = ids.map((m) => values.get(m) ?? null);
  let rows: StatTableRow[] = [];
  if (t.rows === 'units') {
    const byUnit = await Promise.all(
      ids.map((m) => (breaksDownByUnit(m) ? computeByUnit(ctx.db, ctx.orgId, m, period) : null)),
    );
    const counted = byUnit.flatMap((m) => (m ? [...m.keys()] : []));
    const units = await tableUnits(ctx.db, ctx.orgId, counted, NO_UNIT[ctx.locale]);
    rows = units.map((u) => ({
      unitId: u.unitId,
      unitName: u.name,
      values: byUnit.map((m) => (m ? (m.get(u.unitId) ?? 0) : null)),
    }));
  }
  const branch = await orgName(ctx.db, ctx.orgId);
  const name = en ? t.nameEn : t.nameZh;
  return {
    table: { ...t, columns: [...t.columns] },
    forPeriod: period,
    orgName: branch,
    title: en
      ? `${name} — ${branch}, ${periodLabel(period, ctx.locale)}`
      : `${branch}${periodLabel(period, ctx.locale)}${name}`,
    headers: t.columns.map((c) => {
      const d = metricById(c.metric);
      return {
        metric: c.metric,
        title: (en ? (c.headerEn ?? d?.nameEn) : (c.headerZh ?? d?.nameZh)) ?? c.metric,
        unit: d?.unit ?? '',
      };
    }),
    rows,
    totals,
  };
}

const safeName = (s: string) => s.replace(/[\\/:*?"<>|[\]]/g, '_');

/** The table as the bureau files it: title row, header row, unit rows, 合计. */
export async function statTableXlsx(ctx: Ctx, id: string, period: string) {
  const data = await statTable(ctx, id, period);
  const en = ctx.locale === 'en-US';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fazhi';
  const name = en ? data.table.nameEn : data.table.nameZh;
  const ws = wb.addWorksheet(safeName(name).slice(0, 31), { views: [{ state: 'frozen', ySplit: 2 }] });
  const width = data.headers.length + 1;
  ws.columns = [{ width: 28 }, ...data.headers.map((h) => ({ width: Math.max(10, h.title.length * 2 + 2) }))];
  const title = ws.addRow([data.title]);
  ws.mergeCells(1, 1, 1, width);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  const header = ws.addRow([en ? 'Unit' : '单位', ...data.headers.map((h) => h.title)]);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  for (const r of data.rows) ws.addRow([r.unitName, ...r.values]);
  const total = ws.addRow([en ? 'Total' : '合计', ...data.totals]);
  total.font = { bold: true };
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, fileName: safeName(`${data.table.nameZh}-${period}.xlsx`) };
}
