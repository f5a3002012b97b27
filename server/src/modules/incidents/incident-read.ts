import type { IncidentListItem, IncidentResponse } from '@fazhi/common';
import { maskName, maskPhone } from '@fazhi/common';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { Queryable } from '../../db/index.ts';
import { incidentCategories, incidents, officers, units } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { inScope } from '../platform/scope.ts';

export type IncidentRow = typeof incidents.$inferSelect;

const parent = alias(incidentCategories, 'parent_category');

/** The columns a list row needs: no note, no evidence reference, no officer ids. */
export const listColumns = {
  id: incidents.id,
  incidentNo: incidents.incidentNo,
  source: incidents.source,
  sourceId: incidents.sourceId,
  receivedAt: incidents.receivedAt,
  callerName: incidents.callerName,
  callerPhone: incidents.callerPhone,
  categoryCode: incidents.categoryCode,
  categoryName: sql<string>`coalesce(${incidentCategories.nameZh}, ${incidents.categoryCode})`,
  categoryNameEn: sql<string>`coalesce(${incidentCategories.nameEn}, ${incidents.categoryCode})`,
  place: incidents.place,
  narrative: incidents.narrative,
  unitId: incidents.unitId,
  unitName: units.name,
  disposal: incidents.disposal,
  disposedAt: incidents.disposedAt,
  cameraRecorded: incidents.cameraRecorded,
  tags: incidents.tags,
  version: incidents.version,
};

type ListRow = SelectResultFields<typeof listColumns>;

const categoryJoin = and(
  eq(incidentCategories.orgId, incidents.orgId),
  eq(incidentCategories.code, incidents.categoryCode),
);

/** The joins every read of incidents makes: the unit's name, the category's names. */
export function selectIncidents(db: Queryable) {
  return db
    .select(listColumns)
    .from(incidents)
    .innerJoin(units, eq(units.id, incidents.unitId))
    .leftJoin(incidentCategories, categoryJoin);
}

/** Caller data in lists is always masked: lists are read over shoulders and exported. */
export function toListItem(r: ListRow, whole = false): IncidentListItem {
  return {
    ...r,
    source: r.source as IncidentListItem['source'],
    disposal: r.disposal as IncidentListItem['disposal'],
    receivedAt: r.receivedAt.toISOString(),
    disposedAt: r.disposedAt?.toISOString() ?? null,
    callerName: r.callerName === null ? null : whole ? r.callerName : maskName(r.callerName),
    callerPhone: r.callerPhone === null ? null : whole ? r.callerPhone : maskPhone(r.callerPhone),
  };
}

/** One incident in the actor's scope, or 404: another unit's incident does not exist for them. */
export async function findIncidentInScope(ctx: Ctx, db: Queryable, id: number): Promise<IncidentRow> {
  const actor = requireActor(ctx);
  const [row] = await db
    .select()
    .from(incidents)
    .where(and(eq(incidents.id, id), inScope(actor, incidents.unitId, incidents.orgId)));
  if (!row) throw notFound();
  return row;
}

/**
 * The detail view. Caller name and phone are shown whole only to those who handle incidents
 * (incident.write) in whose scope the incident lies — the scope filter has already ensured it.
 */
export async function getIncident(ctx: Ctx, id: number, db: Queryable = ctx.db): Promise<IncidentResponse> {
  const actor = requireActor(ctx);
  const [row] = await db
    .select({
      ...listColumns,
      officerIds: incidents.officerIds,
      disposalNote: incidents.disposalNote,
      cameraEvidenceRef: incidents.cameraEvidenceRef,
      createdAt: incidents.createdAt,
      updatedAt: incidents.updatedAt,
      parentCategoryName: parent.nameZh,
      parentCategoryNameEn: parent.nameEn,
    })
    .from(incidents)
    .innerJoin(units, eq(units.id, incidents.unitId))
    .leftJoin(incidentCategories, categoryJoin)
    .leftJoin(
      parent,
      and(eq(parent.orgId, incidentCategories.orgId), eq(parent.code, incidentCategories.parentCode)),
    )
    .where(and(eq(incidents.id, id), inScope(actor, incidents.unitId, incidents.orgId)));
  if (!row) throw notFound();
  const whole = actor.permissions.has('incident.write');
  const dispatched = row.officerIds.length
    ? await db
        .select({ id: officers.id, name: officers.name, badgeNo: officers.badgeNo })
        .from(officers)
        .where(and(eq(officers.orgId, ctx.orgId), inArray(officers.id, row.officerIds)))
    : [];
  const byId = new Map(dispatched.map((o) => [o.id, o]));
  const { officerIds, disposalNote, cameraEvidenceRef, createdAt, updatedAt, ...listRow } = row;
  return {
    ...toListItem(listRow, whole),
    callerMasked: !whole,
    parentCategoryName: row.parentCategoryName,
    parentCategoryNameEn: row.parentCategoryNameEn,
    officers: officerIds.flatMap((oid) => {
      const o = byId.get(oid);
      return o ? [o] : [];
    }),
    disposalNote,
    cameraEvidenceRef,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}
