/**
 * Adding a version of a law to the register (a revision adopted by the NPC), from the web app.
 * Nothing is edited in place: the version it follows is ended on the new in-force date by
 * superseding its row with a copy that carries `effective_until`, and the new version starts
 * with the previous one's general-part rules (ages, detention cap, hearing threshold …), so
 * the check keeps applying them until the legal detachment corrects them in a data step. Its
 * offences are entered one by one (`saveOffence`); until then the check judges an offence by
 * the earlier text and says so (common/src/law/check.ts `offence_not_entered`).
 */
import type { LawVersion, LawVersionAddRequest } from '@fazhi/common';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { audit } from '../../audit/record.ts';
import { lawVersions } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { lawVersionOf } from './register.service.ts';

export async function addLawVersion(ctx: Ctx, input: LawVersionAddRequest): Promise<LawVersion> {
  const officerId = requireActor(ctx).officerId;
  const id = `${input.law}@${input.effectiveFrom}`;
  if (input.adoptedOn > input.effectiveFrom)
    throw new AppError('VALIDATION', { adoptedOn: 'law.adoptedAfterEffective' });
  return ctx.db.transaction(async (tx) => {
    // the law's current rows, latest first, locked: two versions added at once queue here
    const versions = await tx
      .select()
      .from(lawVersions)
      .where(and(eq(lawVersions.law, input.law), isNull(lawVersions.supersededAt)))
      .orderBy(desc(lawVersions.effectiveFrom))
      .for('update');
    if (versions.some((v) => v.id === id))
      throw new AppError('VALIDATION', {
        effectiveFrom: { key: 'law.versionExists', params: { version: id } },
      });
    const previous = versions[0];
    if (previous && input.effectiveFrom <= previous.effectiveFrom)
      throw new AppError('VALIDATION', {
        effectiveFrom: {
          key: 'law.versionNotAfter',
          params: { version: previous.id, date: previous.effectiveFrom },
        },
      });
    // the previous version ends the day the new one starts (effective_until: the day after its last)
    const ending =
      previous && (previous.effectiveUntil == null || previous.effectiveUntil > input.effectiveFrom)
        ? previous
        : undefined;
    if (ending) {
      await tx
        .update(lawVersions)
        .set({ supersededAt: new Date() })
        .where(eq(lawVersions.rowId, ending.rowId));
      const { rowId: _rowId, createdAt: _createdAt, supersededAt: _supersededAt, ...kept } = ending;
      await tx
        .insert(lawVersions)
        .values({ ...kept, effectiveUntil: input.effectiveFrom, createdBy: officerId });
    }
    const [row] = await tx
      .insert(lawVersions)
      .values({
        id,
        law: input.law,
        title: input.title,
        adoptedOn: input.adoptedOn,
        effectiveFrom: input.effectiveFrom,
        // a previous version already ending later (the law repealed from a date) passes the end on
        effectiveUntil: ending?.effectiveUntil ?? null,
        general: previous?.general ?? {},
        unconfirmed: input.unconfirmed,
        source: input.source,
        createdBy: officerId,
      })
      .returning();
    await audit(tx, ctx, {
      action: 'law.version.add',
      targetType: 'lawVersion',
      targetId: id,
      summary: {
        after: { ...input, id, effectiveUntil: row!.effectiveUntil },
        previous: previous
          ? {
              id: previous.id,
              effectiveUntil: {
                before: previous.effectiveUntil,
                after: ending ? input.effectiveFrom : previous.effectiveUntil,
              },
            }
          : null,
        generalCopiedFrom: previous?.id ?? null,
      },
    });
    return lawVersionOf(row!);
  });
}
