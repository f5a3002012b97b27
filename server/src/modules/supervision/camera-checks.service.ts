import {
  CAMERA_RESULT_NAMES,
  type CameraBulletinResponse,
  type CameraBulletinRow,
  type CameraCheckCounts,
  type CameraCheckListQuery,
  type CameraCheckListResponse,
  type CameraCheckResponse,
  type CameraCheckResultRequest,
  type CameraResult,
  cameraRates,
  chinaToday,
  say,
} from '@fazhi/common';
import { and, desc, eq, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { alias } from 'drizzle-orm/pg-core';
import ExcelJS from 'exceljs';
import { audit, changes } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import { containsPattern } from '../../db/like.ts';
import { cameraChecks, incidentCategories, incidents, officers, units } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { inScope } from '../platform/scope.ts';
import { previousDay } from './daily.ts';

/** The instants a China-time day spans: [start, end). */
export function dayRange(day: string): { start: Date; end: Date } {
  const start = new Date(`${day}T00:00:00+08:00`);
  return { start, end: new Date(start.getTime() + 86_400_000) };
}

/** Rows of `unitId` and every unit under it (the `unit` filter of the lists). */
export function inSubtree(orgId: number, unitId: number, column: PgColumn): SQL {
  return inArray(
    column,
    sql`(select u.id from units u where u.org_id = ${orgId} and u.path like
          (select p.path from units p where p.id = ${unitId} and p.org_id = ${orgId}) || '%')`,
  );
}

/** Names of an incident's officers, in the order the incident lists them. */
export const officerNamesOf = (ids: PgColumn) =>
  sql<string[]>`(select coalesce(json_agg(o.name order by array_position(${ids}, o.id)), '[]'::json)
                 from officers o where o.id = any(${ids}))`;

const checker = alias(officers, 'checker');

function baseQuery(db: Queryable) {
  return db
    .select({
      c: cameraChecks,
      incidentNo: incidents.incidentNo,
      receivedAt: incidents.receivedAt,
      categoryCode: incidents.categoryCode,
      categoryZh: incidentCategories.nameZh,
      categoryEn: incidentCategories.nameEn,
      place: incidents.place,
      disposal: incidents.disposal,
      reportedRecorded: incidents.cameraRecorded,
      evidenceRef: incidents.cameraEvidenceRef,
      officerNames: officerNamesOf(incidents.officerIds),
      unitName: units.name,
      checkedBy: checker.name,
    })
    .from(cameraChecks)
    .innerJoin(incidents, eq(incidents.id, cameraChecks.incidentId))
    .innerJoin(units, eq(units.id, cameraChecks.unitId))
    .leftJoin(
      incidentCategories,
      and(eq(incidentCategories.orgId, incidents.orgId), eq(incidentCategories.code, incidents.categoryCode)),
    )
    .leftJoin(checker, eq(checker.id, cameraChecks.checkedBy));
}
type Row = Awaited<ReturnType<typeof baseQuery>>[number];

export function toCameraCheck(r: Row, locale: Ctx['locale']): CameraCheckResponse {
  return {
    id: r.c.id,
    sampleDay: r.c.sampleDay,
    incidentId: r.c.incidentId,
    incidentNo: r.incidentNo,
    receivedAt: r.receivedAt.toISOString(),
    categoryCode: r.categoryCode,
    categoryName: (locale === 'en-US' ? r.categoryEn : r.categoryZh) ?? r.categoryCode,
    place: r.place,
    disposal: r.disposal,
    unitId: r.c.unitId,
    unitName: r.unitName,
    officerNames: r.officerNames ?? [],
    reportedRecorded: r.reportedRecorded,
    cameraEvidenceRef: r.evidenceRef,
    result: r.c.result as CameraResult,
    note: r.c.note,
    checkedBy: r.checkedBy,
    checkedAt: r.c.checkedAt?.toISOString() ?? null,
  };
}

/** Checks of `day` (or all days) in scope, ordered for a checker: pending first, then by time. */
export async function listCameraChecks(ctx: Ctx, q: CameraCheckListQuery): Promise<CameraCheckListResponse> {
  const actor = requireActor(ctx);
  const conds: SQL[] = [inScope(actor, cameraChecks.unitId, cameraChecks.orgId)];
  if (q.day) conds.push(eq(cameraChecks.sampleDay, q.day));
  if (q.unit) conds.push(inSubtree(ctx.orgId, q.unit, cameraChecks.unitId));
  if (q.q) conds.push(ilike(incidents.incidentNo, containsPattern(q.q)));
  const scope = and(...conds)!;
  const where = q.result ? and(scope, eq(cameraChecks.result, q.result))! : scope;
  const found = await baseQuery(ctx.db)
    .where(where)
    .orderBy(
      desc(cameraChecks.sampleDay),
      sql`case when ${cameraChecks.result} = 'pending' then 0 else 1 end`,
      incidents.receivedAt,
      cameraChecks.id,
    )
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const n = (result: string) =>
    sql<number>`(count(*) filter (where ${cameraChecks.result} = ${result}))::int`;
  const [c] = await ctx.db
    .select({
      total: sql<number>`count(*)::int`,
      pending: n('pending'),
      recorded: n('recorded'),
      partial: n('partial'),
      notRecorded: n('not_recorded'),
      filtered: sql<number>`(count(*) filter (where ${where}))::int`,
    })
    .from(cameraChecks)
    .innerJoin(incidents, eq(incidents.id, cameraChecks.incidentId))
    .where(scope);
  const counts: CameraCheckCounts = {
    total: c?.total ?? 0,
    pending: c?.pending ?? 0,
    recorded: c?.recorded ?? 0,
    partial: c?.partial ?? 0,
    notRecorded: c?.notRecorded ?? 0,
  };
  return { items: found.map((r) => toCameraCheck(r, ctx.locale)), total: c?.filtered ?? 0, counts };
}

async function getCheck(ctx: Ctx, db: Queryable, id: number): Promise<CameraCheckResponse> {
  const [row] = await baseQuery(db).where(eq(cameraChecks.id, id));
  if (!row) throw notFound();
  return toCameraCheck(row, ctx.locale);
}

/**
 * Records what the footage showed. A checker may correct an earlier result (the audit keeps
 * before and after). `not_recorded` and `partial` become findings through the scan's
 * camera_not_recorded rule, which reads this table.
 */
export async function recordCameraResult(
  ctx: Ctx,
  id: number,
  input: CameraCheckResultRequest,
): Promise<CameraCheckResponse> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(cameraChecks)
      .where(and(eq(cameraChecks.id, id), inScope(actor, cameraChecks.unitId, cameraChecks.orgId)))
      .for('update');
    if (!row) throw notFound();
    const note = input.note?.trim() || null;
    await tx
      .update(cameraChecks)
      .set({ result: input.result, note, checkedBy: actor.officerId, checkedAt: new Date() })
      .where(eq(cameraChecks.id, id));
    await audit(tx, ctx, {
      action: 'camera.check',
      targetType: 'camera_check',
      targetId: id,
      summary: {
        incidentId: row.incidentId,
        sampleDay: row.sampleDay,
        ...changes({ result: row.result, note: row.note }, { result: input.result, note }),
      },
    });
    return getCheck(ctx, tx, id);
  });
}

// ---- 每日警情通报: the 4G 执法记录仪 section ---------------------------------------------------------

/**
 * The bulletin is for those who check (camera.check) and those who supervise (supervision.read).
 * Its failures name incident places and officers, so a reader whose role is not branch-wide
 * sees the rows of their own unit and the units under it only (a station reads its own part of
 * the 挂网通报); the command centre and the branch's detachments see every unit.
 */
function bulletinScope(ctx: Ctx): SQL {
  const actor = requireActor(ctx);
  if (!actor.permissions.has('camera.check') && !actor.permissions.has('supervision.read'))
    throw new AppError('FORBIDDEN');
  const org = eq(cameraChecks.orgId, actor.orgId);
  return actor.scope === 'branch'
    ? org
    : and(org, inSubtree(actor.orgId, actor.unitId, cameraChecks.unitId))!;
}

export async function cameraBulletin(
  ctx: Ctx,
  day = previousDay(chinaToday()),
): Promise<CameraBulletinResponse> {
  const scope = bulletinScope(ctx);
  const n = (result: string) =>
    sql<number>`(count(*) filter (where ${cameraChecks.result} = ${result}))::int`;
  const perUnit = await ctx.db
    .select({
      unitId: cameraChecks.unitId,
      unitName: units.name,
      sampled: sql<number>`count(*)::int`,
      recorded: n('recorded'),
      partial: n('partial'),
      notRecorded: n('not_recorded'),
      pending: n('pending'),
    })
    .from(cameraChecks)
    .innerJoin(units, eq(units.id, cameraChecks.unitId))
    .where(and(scope, eq(cameraChecks.sampleDay, day)))
    .groupBy(cameraChecks.unitId, units.name, units.path)
    .orderBy(units.path);
  const row = (r: Omit<CameraBulletinRow, 'openRate' | 'fullRate'>): CameraBulletinRow => ({
    ...r,
    ...cameraRates(r),
  });
  const sum = (k: 'sampled' | 'recorded' | 'partial' | 'notRecorded' | 'pending') =>
    perUnit.reduce((s, r) => s + r[k], 0);
  const totals = row({
    unitId: null,
    unitName: say({ zh: '合计', en: 'Total' }, ctx.locale),
    sampled: sum('sampled'),
    recorded: sum('recorded'),
    partial: sum('partial'),
    notRecorded: sum('notRecorded'),
    pending: sum('pending'),
  });
  const failures = await baseQuery(ctx.db)
    .where(
      and(scope, eq(cameraChecks.sampleDay, day), inArray(cameraChecks.result, ['not_recorded', 'partial'])),
    )
    .orderBy(units.path, incidents.receivedAt);
  return {
    day,
    totals,
    units: perUnit.map(row),
    failures: failures.map((r) => toCameraCheck(r, ctx.locale)),
  };
}

const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** The bulletin as an .xlsx: the per-unit table with its total, and the list of failures. */
export async function cameraBulletinXlsx(
  ctx: Ctx,
  day?: string,
): Promise<{ buffer: Buffer; fileName: string }> {
  const b = await cameraBulletin({ ...ctx, locale: 'zh-CN' }, day);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fazhi';
  const sheet = (name: string, columns: [string, number][], data: (string | number | null)[][]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map(([header, width]) => ({ header, width }));
    ws.getRow(1).font = { bold: true };
    for (const r of data) ws.addRow(r);
    return ws;
  };
  const units = sheet(
    '执法记录仪抽查通报',
    [
      ['单位', 28],
      ['抽查警情', 10],
      ['全程记录', 10],
      ['部分记录', 10],
      ['未记录', 10],
      ['待抽查', 10],
      ['开启率', 10],
      ['全程记录率', 12],
    ],
    [...b.units, b.totals].map((r) => [
      r.unitName,
      r.sampled,
      r.recorded,
      r.partial,
      r.notRecorded,
      r.pending,
      percent(r.openRate),
      percent(r.fullRate),
    ]),
  );
  units.lastRow!.font = { bold: true };
  sheet(
    '未规范使用清单',
    [
      ['警情编号', 18],
      ['接警时间', 20],
      ['单位', 24],
      ['警情类别', 14],
      ['处警民警', 20],
      ['抽查结果', 10],
      ['说明', 36],
      ['抽查人', 10],
    ],
    b.failures.map((f) => [
      f.incidentNo,
      formatCst(f.receivedAt),
      f.unitName,
      f.categoryName,
      f.officerNames.join('、'),
      CAMERA_RESULT_NAMES[f.result].zh,
      f.note,
      f.checkedBy,
    ]),
  );
  return {
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    fileName: `执法记录仪抽查通报-${b.day}.xlsx`,
  };
}

/** 2021-03-02 14:05 in China time. */
const formatCst = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
