import { chinaToday, type LegalRuleResponse, type LegalRuleVersionRequest, ruleInForce } from '@fazhi/common';
import { and, asc, eq } from 'drizzle-orm';
import { audit } from '../../audit/record.ts';
import { legalRules } from '../../db/schema/index.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';

export async function listLegalRules(ctx: Ctx): Promise<LegalRuleResponse[]> {
  const rows = await ctx.db
    .select()
    .from(legalRules)
    .orderBy(asc(legalRules.code), asc(legalRules.effectiveFrom));
  const today = chinaToday();
  return rows.map((r) => ({
    ...r,
    unit: r.unit as LegalRuleResponse['unit'],
    inForce: ruleInForce(rows, r.code, today)?.id === r.id,
  }));
}

/**
 * Adds a version of a statutory clock from its effective date (a revised law), or corrects the
 * version of that date. Clocks already running keep the due dates they were given.
 */
export async function addLegalRuleVersion(
  ctx: Ctx,
  input: LegalRuleVersionRequest,
): Promise<LegalRuleResponse> {
  return ctx.db.transaction(async (tx) => {
    const versions = await tx.select().from(legalRules).where(eq(legalRules.code, input.code));
    const first = versions[0];
    if (!first) throw new AppError('VALIDATION', { code: 'notInList' });
    const same = versions.find((v) => v.effectiveFrom === input.effectiveFrom);
    const values = { ...input, nameZh: first.nameZh, nameEn: first.nameEn };
    if (same) {
      await tx
        .update(legalRules)
        .set(values)
        .where(and(eq(legalRules.code, input.code), eq(legalRules.effectiveFrom, input.effectiveFrom)));
    } else {
      await tx.insert(legalRules).values(values);
    }
    await audit(tx, ctx, {
      action: same ? 'legalRule.correct' : 'legalRule.addVersion',
      targetType: 'legalRule',
      targetId: input.code,
      summary: { before: same ?? null, after: input },
    });
    const [row] = await tx
      .select()
      .from(legalRules)
      .where(and(eq(legalRules.code, input.code), eq(legalRules.effectiveFrom, input.effectiveFrom)));
    const all = await tx.select().from(legalRules).where(eq(legalRules.code, input.code));
    return {
      ...row!,
      unit: row!.unit as LegalRuleResponse['unit'],
      inForce: ruleInForce(all, input.code, chinaToday())?.id === row!.id,
    };
  });
}
