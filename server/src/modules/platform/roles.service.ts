import type { RoleUpdateRequest } from '@fazhi/common';
import {
  CASE_DATA_PERMISSIONS,
  holdsBothResets,
  needsSecondFactor,
  PERMISSIONS,
  type Permission,
  type RoleResponse,
  SECURITY_ADMIN_PERMISSIONS,
} from '@fazhi/common';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { audit, changes } from '../../audit/record.ts';
import { officerRoles, roles, sessions } from '../../db/schema/index.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';

export async function listRoles(ctx: Ctx): Promise<{ items: RoleResponse[]; permissions: Permission[] }> {
  const rows = await ctx.db.select().from(roles).where(eq(roles.orgId, ctx.orgId)).orderBy(asc(roles.code));
  const members = await ctx.db
    .select({ code: officerRoles.roleCode, n: count() })
    .from(officerRoles)
    .where(eq(officerRoles.orgId, ctx.orgId))
    .groupBy(officerRoles.roleCode);
  const byCode = new Map(members.map((m) => [m.code, m.n]));
  return {
    items: rows.map((r) => ({
      code: r.code as RoleResponse['code'],
      nameZh: r.nameZh,
      nameEn: r.nameEn,
      scope: r.scope as RoleResponse['scope'],
      requiresTotp: r.requiresTotp || needsSecondFactor(r.permissions),
      permissions: r.permissions as Permission[],
      members: byCode.get(r.code) ?? 0,
    })),
    permissions: [...PERMISSIONS],
  };
}

export async function updateRole(
  ctx: Ctx,
  code: string,
  patch: z.infer<typeof RoleUpdateRequest>,
): Promise<RoleResponse> {
  // 三员分立: the system administrator never gains access to law-enforcement records.
  if (code === 'sysadmin' && patch.permissions?.some((p) => CASE_DATA_PERMISSIONS.includes(p))) {
    throw new AppError('SEPARATION_OF_DUTIES', { permissions: 'roles.separation' });
  }
  // …nor the security administrator's powers: a password reset and a second-factor reset stay apart.
  if (code === 'sysadmin' && patch.permissions?.some((p) => SECURITY_ADMIN_PERMISSIONS.includes(p))) {
    throw new AppError('SEPARATION_OF_DUTIES', { permissions: 'roles.securityOnly' });
  }
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(roles)
      .where(and(eq(roles.orgId, ctx.orgId), eq(roles.code, code)));
    if (!before) throw notFound();
    // A role that reads case data or administers the system keeps its second factor (等保 level 3).
    const permissions = patch.permissions ?? (before.permissions as Permission[]);
    if (holdsBothResets(permissions))
      throw new AppError('SEPARATION_OF_DUTIES', { permissions: 'roles.resetsApart' });
    if (patch.requiresTotp === false && needsSecondFactor(permissions))
      throw new AppError('VALIDATION', { requiresTotp: 'roles.totpRequired' });
    await tx
      .update(roles)
      .set({
        ...patch,
        requiresTotp: (patch.requiresTotp ?? before.requiresTotp) || needsSecondFactor(permissions),
      })
      .where(and(eq(roles.orgId, ctx.orgId), eq(roles.code, code)));
    // Members must sign in again to take up the changed rights.
    const holders = tx
      .select({ id: officerRoles.officerId })
      .from(officerRoles)
      .where(eq(officerRoles.roleCode, code));
    await tx.delete(sessions).where(inArray(sessions.officerId, holders));
    await audit(tx, ctx, {
      action: 'role.update',
      targetType: 'role',
      targetId: code,
      summary: changes(before, patch),
    });
  });
  const { items } = await listRoles(ctx);
  return items.find((r) => r.code === code)!;
}
