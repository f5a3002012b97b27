/**
 * Data step of issue 11: what went out, or waits to go out, before the publicity exclusions
 * existed is brought under them. A published record the rules now exclude is withdrawn at once
 * (the snapshot kept for the record), a pending task closed as 不予公开, each with its grounds
 * and one audit record by the system in the same transaction.
 */
import { exclusionReason } from '@fazhi/common';
import { and, eq, inArray } from 'drizzle-orm';
import { audit } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import { decisions, publications } from '../../db/schema/index.ts';
import { systemCtx } from '../../http/context.ts';
import { loadLawRegister } from '../law/register.service.ts';
import { decisionExclusions, decisionSealed } from './exclusions.ts';

export async function withdrawExcludedPublications(db: Queryable): Promise<number> {
  const register = await loadLawRegister(db);
  const rows = await db
    .select({ pub: publications, d: decisions })
    .from(publications)
    .innerJoin(decisions, eq(decisions.id, publications.decisionId))
    .where(inArray(publications.status, ['pending', 'published']));
  let n = 0;
  for (const { pub, d } of rows) {
    const found = await decisionExclusions(db, d, register);
    // A sealed record already out with its party named is withdrawn too (new ones go out without).
    const sealed =
      pub.status === 'published' && pub.content && (pub.content as { object?: unknown }).object
        ? await decisionSealed(db, d, register)
        : null;
    if (sealed) found.push(sealed);
    if (found.length === 0) continue;
    const reason = exclusionReason(found);
    const published = pub.status === 'published';
    await db
      .update(publications)
      .set({ status: 'withdrawn', withdrawnAt: new Date(), withdrawReason: reason })
      .where(and(eq(publications.id, pub.id), eq(publications.status, pub.status)));
    await audit(db, systemCtx(db, pub.orgId), {
      action: published ? 'publicity.withdraw' : 'publicity.close',
      targetType: 'publication',
      targetId: pub.id,
      summary: {
        reason,
        exclusions: found.map((f) => f.code),
        docNo: d.docNo,
        ...(published ? { publishedAt: pub.publishedAt?.toISOString() ?? null } : {}),
        dataStep: '2026-12-publicity-exclusions',
      },
    });
    n++;
  }
  return n;
}
