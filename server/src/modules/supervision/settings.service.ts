import { SupervisionSettings } from '@fazhi/common';
import { audit, changes } from '../../audit/record.ts';
import { settings } from '../../db/schema/index.ts';
import type { Ctx } from '../../http/context.ts';
import { validationError } from '../../http/errors.ts';
import { readSupervisionSettings } from './daily.ts';

/** The branch's supervision settings (defaults for what was never set). */
export const getSupervisionSettings = (ctx: Ctx): Promise<SupervisionSettings> =>
  readSupervisionSettings(ctx.db, ctx.orgId);

/**
 * Replaces the settings document. The route validated the body already; it is checked again here
 * because the daily jobs trust what is stored, and a bad stored value would silently fall back
 * to the defaults (see readSupervisionSettings).
 */
export async function updateSupervisionSettings(
  ctx: Ctx,
  input: SupervisionSettings,
): Promise<SupervisionSettings> {
  const parsed = SupervisionSettings.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const value = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const before = await readSupervisionSettings(tx, ctx.orgId);
    await tx
      .insert(settings)
      .values({ orgId: ctx.orgId, key: 'supervision', value })
      .onConflictDoUpdate({ target: [settings.orgId, settings.key], set: { value } });
    await audit(tx, ctx, {
      action: 'settings.supervision.update',
      targetType: 'settings',
      targetId: 'supervision',
      summary: changes(before, value),
    });
    return value;
  });
}
