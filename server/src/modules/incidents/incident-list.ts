import type { IncidentListQuery, IncidentListResponse } from '@fazhi/common';
import { and, count, desc, eq, gte, ilike, inArray, isNull, like, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { containsPattern } from '../../db/like.ts';
import { incidentCategories, incidents, units } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { inScope } from '../platform/scope.ts';
import { selectIncidents, toListItem } from './incident-read.ts';
import { chinaDayStart } from './incident-time.ts';

const DAY_MS = 86_400_000;

/** `%q%` with the user's own % and _ taken literally. */

/**
 * The conditions of a list query. Every one reads incidents' own columns, so the count needs
 * no join, and the scope and date conditions meet the (org_id, unit_id, received_at) and
 * (org_id, received_at) indexes; the text search meets the trigram indexes of migration 0003.
 * Category and unit subtrees are resolved to lists first: as subqueries the planner guessed
 * one row for them and re-scanned the incidents once per category.
 */
export async function incidentFilters(ctx: Ctx, q: IncidentListQuery): Promise<SQL[]> {
  const actor = requireActor(ctx);
  const org = actor.orgId;
  const conds: SQL[] = [inScope(actor, incidents.unitId, incidents.orgId)];
  if (q.from) conds.push(gte(incidents.receivedAt, chinaDayStart(q.from)));
  if (q.to) conds.push(lt(incidents.receivedAt, new Date(chinaDayStart(q.to).getTime() + DAY_MS)));
  if (q.unitId) {
    const top = alias(units, 'top');
    const subtree = await ctx.db
      .select({ id: units.id })
      .from(units)
      .innerJoin(top, and(eq(top.id, q.unitId), eq(top.orgId, org)))
      .where(and(eq(units.orgId, org), like(units.path, sql`${top.path} || '%'`)));
    conds.push(
      subtree.length
        ? inArray(
            incidents.unitId,
            subtree.map((u) => u.id),
          )
        : sql`false`,
    );
  }
  if (q.categoryCode) {
    const codes = await ctx.db
      .select({ code: incidentCategories.code })
      .from(incidentCategories)
      .where(
        and(
          eq(incidentCategories.orgId, org),
          or(eq(incidentCategories.code, q.categoryCode), eq(incidentCategories.parentCode, q.categoryCode)),
        ),
      );
    conds.push(
      codes.length
        ? inArray(
            incidents.categoryCode,
            codes.map((c) => c.code),
          )
        : sql`false`,
    );
  }
  if (q.source) conds.push(eq(incidents.source, q.source));
  if (q.disposal) conds.push(eq(incidents.disposal, q.disposal));
  if (q.tag) conds.push(sql`${incidents.tags} @> array[${q.tag}]::text[]`);
  if (q.camera === 'yes') conds.push(eq(incidents.cameraRecorded, true));
  if (q.camera === 'no') conds.push(eq(incidents.cameraRecorded, false));
  if (q.camera === 'unknown') conds.push(isNull(incidents.cameraRecorded));
  if (q.q) {
    const pattern = containsPattern(q.q);
    // a number typed in the search box finds its incident; org_id in each branch lets the
    // planner use the (org_id, incident_no) and (org_id, source_id) indexes in a BitmapOr
    conds.push(
      or(
        ilike(incidents.narrative, pattern),
        ilike(incidents.place, pattern),
        and(eq(incidents.orgId, org), eq(incidents.incidentNo, q.q.toUpperCase())),
        and(eq(incidents.orgId, org), eq(incidents.sourceId, q.q)),
      )!,
    );
  }
  return conds;
}

/** Incidents in the actor's scope, newest first, with caller data masked. */
export async function listIncidents(
  ctx: Ctx,
  q: IncidentListQuery,
): Promise<z.infer<typeof IncidentListResponse>> {
  const where = and(...(await incidentFilters(ctx, q)));
  const [rows, [total]] = await Promise.all([
    selectIncidents(ctx.db)
      .where(where)
      .orderBy(desc(incidents.receivedAt), desc(incidents.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(incidents).where(where),
  ]);
  return { items: rows.map((r) => toListItem(r)), total: Number(total?.n ?? 0) };
}
