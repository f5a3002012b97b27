import type { PublicityContent, PublicPublicityItem, PublicPublicityQuery } from '@fazhi/common';
import { and, count, desc, eq, ilike, type SQL } from 'drizzle-orm';
import { containsPattern } from '../../db/like.ts';
import { orgs, publications } from '../../db/schema/index.ts';
import type { Ctx } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';

/**
 * The public portal reads the published snapshots and nothing else: no join reaches a case,
 * a party or any live personal data. Withdrawn decisions are gone.
 */
const visible = (ctx: Ctx) => and(eq(publications.orgId, ctx.orgId), eq(publications.status, 'published'))!;

const columns = { id: publications.id, publishedAt: publications.publishedAt, content: publications.content };

/** Snapshots taken before issue 11 hold a masked ID number: no digit of it leaves. */
function toItem(r: { id: number; publishedAt: Date | null; content: unknown }): PublicPublicityItem {
  const content = r.content as PublicityContent;
  return {
    ...content,
    object: content.object ? { ...content.object, idNumber: null } : null,
    id: r.id,
    publishedAt: r.publishedAt?.toISOString() ?? '',
  };
}

export async function listPublic(ctx: Ctx, q: PublicPublicityQuery) {
  const conds: SQL[] = [visible(ctx)];
  if (q.q) conds.push(ilike(publications.searchText, containsPattern(q.q)));
  const where = and(...conds);
  const rows = await ctx.db
    .select(columns)
    .from(publications)
    .where(where)
    .orderBy(desc(publications.publishedAt), desc(publications.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await ctx.db.select({ n: count() }).from(publications).where(where);
  return { items: rows.map(toItem), total: total?.n ?? 0 };
}

export async function getPublic(ctx: Ctx, id: number): Promise<PublicPublicityItem> {
  const [row] = await ctx.db
    .select(columns)
    .from(publications)
    .where(and(visible(ctx), eq(publications.id, id)));
  if (!row) throw notFound();
  return toItem(row);
}

/** The name the portal shows in its header (执法公示 · 渝州区公安分局). */
export async function publicAbout(ctx: Ctx) {
  const [org] = await ctx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, ctx.orgId));
  return { authority: org?.name ?? '' };
}
