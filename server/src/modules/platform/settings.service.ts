import { DEFAULT_SECURITY_SETTINGS, SecuritySettings } from '@fazhi/common';
import { and, eq } from 'drizzle-orm';
import { audit, changes } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import { settings } from '../../db/schema/index.ts';
import type { Ctx } from '../../http/context.ts';

export async function getSecuritySettings(db: Queryable, orgId: number): Promise<SecuritySettings> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(and(eq(settings.orgId, orgId), eq(settings.key, 'security')));
  const parsed = SecuritySettings.safeParse({ ...DEFAULT_SECURITY_SETTINGS, ...(row?.value as object) });
  return parsed.success ? parsed.data : DEFAULT_SECURITY_SETTINGS;
}

export async function updateSecuritySettings(ctx: Ctx, input: SecuritySettings): Promise<SecuritySettings> {
  return ctx.db.transaction(async (tx) => {
    const before = await getSecuritySettings(tx, ctx.orgId);
    await tx
      .insert(settings)
      .values({ orgId: ctx.orgId, key: 'security', value: input })
      .onConflictDoUpdate({ target: [settings.orgId, settings.key], set: { value: input } });
    await audit(tx, ctx, {
      action: 'settings.security.update',
      targetType: 'settings',
      targetId: 'security',
      summary: changes(before, input),
    });
    return input;
  });
}
