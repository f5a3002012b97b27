import {
  ADMIN_ROLES,
  chinaToday,
  holdsBothResets,
  type OfficerCreateRequest,
  type OfficerListQuery,
  type OfficerResponse,
  type OfficerUpdateRequest,
  type PasswordResetResponse,
  POLICE_ROLES,
  type RoleCode,
} from '@fazhi/common';
import { and, asc, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { audit, changes } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import { containsPattern } from '../../db/like.ts';
import { officerRoles, officers, roles as roleTable, units } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { rolesOf } from './actor.ts';
import { hashPassword, oneTimePassword, passwordProblem } from './passwords.ts';
import { inScope } from './scope.ts';
import { closeAllSessions } from './sessions.ts';
import { getSecuritySettings } from './settings.service.ts';

type OfficerRow = typeof officers.$inferSelect;

function toResponse(o: OfficerRow, unitName: string, roles: RoleCode[]): OfficerResponse {
  return {
    id: o.id,
    badgeNo: o.badgeNo,
    name: o.name,
    username: o.username,
    unitId: o.unitId,
    unitName,
    roles,
    qualificationLevel: o.qualificationLevel as OfficerResponse['qualificationLevel'],
    qualificationDate: o.qualificationDate,
    legalProfessionQualified: o.legalProfessionQualified,
    legalOfficer: o.legalOfficer,
    legalOfficerSince: o.legalOfficerSince,
    personnelKind: o.personnelKind as OfficerResponse['personnelKind'],
    phone: o.phone,
    active: o.active,
    joinedOn: o.joinedOn,
    leftOn: o.leftOn,
    locked: o.lockedUntil !== null && o.lockedUntil > new Date(),
    totpEnabled: o.totpEnabled,
  };
}

export async function listOfficers(ctx: Ctx, q: z.infer<typeof OfficerListQuery>) {
  const actor = requireActor(ctx);
  const conds = [inScope(actor, officers.unitId, officers.orgId)];
  if (q.unitId) conds.push(eq(officers.unitId, q.unitId));
  if (q.kind) conds.push(eq(officers.personnelKind, q.kind));
  if (q.q)
    conds.push(
      or(
        ilike(officers.name, containsPattern(q.q)),
        ilike(officers.badgeNo, containsPattern(q.q)),
        ilike(officers.username, containsPattern(q.q)),
      )!,
    );
  if (q.role)
    conds.push(
      inArray(
        officers.id,
        sql`(select ${officerRoles.officerId} from ${officerRoles} where ${officerRoles.roleCode} = ${q.role})`,
      ),
    );
  const where = and(...conds);
  const [total] = await ctx.db.select({ n: count() }).from(officers).where(where);
  const rows = await ctx.db
    .select({ o: officers, unitName: units.name })
    .from(officers)
    .innerJoin(units, eq(units.id, officers.unitId))
    .where(where)
    .orderBy(asc(units.path), asc(officers.badgeNo))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const roles = await rolesOf(
    ctx.db,
    rows.map((r) => r.o.id),
  );
  return {
    items: rows.map((r) => toResponse(r.o, r.unitName, roles.get(r.o.id) ?? [])),
    total: total?.n ?? 0,
  };
}

async function findInScope(ctx: Ctx, db: Queryable, id: number) {
  const actor = requireActor(ctx);
  const [row] = await db
    .select({ o: officers, unitName: units.name })
    .from(officers)
    .innerJoin(units, eq(units.id, officers.unitId))
    .where(and(eq(officers.id, id), inScope(actor, officers.unitId, officers.orgId)));
  if (!row) throw notFound();
  return row;
}

export async function getOfficer(ctx: Ctx, id: number): Promise<OfficerResponse> {
  const row = await findInScope(ctx, ctx.db, id);
  const roles = await rolesOf(ctx.db, [id]);
  return toResponse(row.o, row.unitName, roles.get(id) ?? []);
}

async function assertUnitInScope(ctx: Ctx, db: Queryable, unitId: number) {
  const actor = requireActor(ctx);
  const [u] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.id, unitId), inScope(actor, units.id, units.orgId)));
  if (!u) throw new AppError('VALIDATION', { unitId: 'notInList' });
}

async function assertUnique(
  db: Queryable,
  orgId: number,
  fields: { badgeNo?: string; username?: string },
  exceptId?: number,
) {
  if (fields.badgeNo) {
    const [t] = await db
      .select({ id: officers.id })
      .from(officers)
      .where(and(eq(officers.orgId, orgId), eq(officers.badgeNo, fields.badgeNo)));
    if (t && t.id !== exceptId) throw new AppError('VALIDATION', { badgeNo: 'officer.badgeNo.taken' });
  }
  if (fields.username) {
    const [t] = await db
      .select({ id: officers.id })
      .from(officers)
      .where(eq(officers.username, fields.username));
    if (t && t.id !== exceptId) throw new AppError('VALIDATION', { username: 'officer.username.taken' });
  }
}

export async function checkNewPassword(db: Queryable, orgId: number, field: string, password: string) {
  const problem = passwordProblem(password, await getSecuritySettings(db, orgId));
  if (problem) throw new AppError('WEAK_PASSWORD', { [field]: problem });
}

export async function createOfficer(ctx: Ctx, input: OfficerCreateRequest): Promise<OfficerResponse> {
  await checkNewPassword(ctx.db, ctx.orgId, 'password', input.password);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    await assertUnitInScope(ctx, tx, input.unitId);
    await assertUnique(tx, ctx.orgId, input);
    const { password: _, ...fields } = input;
    // An initial password set by an administrator is good for one sign-in: the officer must change it.
    const [row] = await tx
      .insert(officers)
      .values({
        ...fields,
        orgId: ctx.orgId,
        passwordHash,
        passwordChangedAt: new Date(0),
        mustChangePassword: true,
      })
      .returning();
    await audit(tx, ctx, {
      action: 'officer.create',
      targetType: 'officer',
      targetId: row!.id,
      summary: { after: fields },
    });
    return getOfficer({ ...ctx, db: tx }, row!.id);
  });
}

export async function updateOfficer(
  ctx: Ctx,
  id: number,
  patch: OfficerUpdateRequest,
): Promise<OfficerResponse> {
  return ctx.db.transaction(async (tx) => {
    const { o: before } = await findInScope(ctx, tx, id);
    if (patch.unitId !== undefined) await assertUnitInScope(ctx, tx, patch.unitId);
    await assertUnique(tx, ctx.orgId, { badgeNo: patch.badgeNo }, id);
    // Service history: deactivating records the leaving date (China today), reactivating clears it.
    const leaving =
      patch.active === false && before.active
        ? { leftOn: chinaToday() }
        : patch.active === true && !before.active
          ? { leftOn: null }
          : {};
    if (patch.personnelKind && patch.personnelKind !== 'police') {
      const roles = (await rolesOf(tx, [id])).get(id) ?? [];
      if (roles.some((r) => POLICE_ROLES.includes(r)))
        throw new AppError('VALIDATION', { personnelKind: 'officer.kind.holdsPoliceRoles' });
    }
    const set = { ...patch, ...leaving };
    const leftOn = 'leftOn' in set ? set.leftOn : before.leftOn;
    if (set.joinedOn && leftOn && set.joinedOn > leftOn)
      throw new AppError('VALIDATION', { joinedOn: 'officer.joinedAfterLeft' });
    await tx
      .update(officers)
      .set({ ...set, version: sql`${officers.version} + 1` })
      .where(eq(officers.id, id));
    if (patch.active === false) await closeAllSessions(tx, id);
    await audit(tx, ctx, {
      action: 'officer.update',
      targetType: 'officer',
      targetId: id,
      summary: changes(before, set),
    });
    return getOfficer({ ...ctx, db: tx }, id);
  });
}

/**
 * Role assignment enforces 三员分立 (nobody holds two of the three administrator roles) and
 * gives the roles that handle or review cases to police officers only.
 */
export async function setOfficerRoles(ctx: Ctx, id: number, roles: RoleCode[]): Promise<OfficerResponse> {
  const unique = [...new Set(roles)];
  if (unique.filter((r) => ADMIN_ROLES.includes(r)).length > 1) {
    throw new AppError('SEPARATION_OF_DUTIES', { roles: 'roles.separation' });
  }
  return ctx.db.transaction(async (tx) => {
    const { o } = await findInScope(ctx, tx, id);
    if (o.personnelKind !== 'police' && unique.some((r) => POLICE_ROLES.includes(r)))
      throw new AppError('VALIDATION', { roles: 'officer.roles.policeOnly' });
    // Nobody may reset both an account's password and its second factor.
    const granted = unique.length
      ? await tx
          .select({ permissions: roleTable.permissions })
          .from(roleTable)
          .where(and(eq(roleTable.orgId, ctx.orgId), inArray(roleTable.code, unique)))
      : [];
    if (holdsBothResets(granted.flatMap((r) => r.permissions)))
      throw new AppError('SEPARATION_OF_DUTIES', { roles: 'roles.resetsApart' });
    const before = (await rolesOf(tx, [id])).get(id) ?? [];
    await tx.delete(officerRoles).where(eq(officerRoles.officerId, id));
    if (unique.length)
      await tx
        .insert(officerRoles)
        .values(unique.map((roleCode) => ({ orgId: ctx.orgId, officerId: id, roleCode })));
    // Rights changed: existing sessions must not keep the old ones.
    await closeAllSessions(tx, id);
    await audit(tx, ctx, {
      action: 'officer.roles',
      targetType: 'officer',
      targetId: id,
      summary: { before: { roles: before }, after: { roles: unique } },
    });
    return getOfficer({ ...ctx, db: tx }, id);
  });
}

export async function unlockOfficer(ctx: Ctx, id: number): Promise<OfficerResponse> {
  return ctx.db.transaction(async (tx) => {
    const { o } = await findInScope(ctx, tx, id);
    await tx.update(officers).set({ lockedUntil: null, failedLogins: 0 }).where(eq(officers.id, id));
    await audit(tx, ctx, {
      action: 'officer.unlock',
      targetType: 'officer',
      targetId: id,
      summary: { before: { lockedUntil: o.lockedUntil } },
    });
    return getOfficer({ ...ctx, db: tx }, id);
  });
}

/**
 * 三员分立: the administrator never chooses an officer's password. The server draws a one-time
 * password, shown once to the administrator to hand over; it opens nothing but the password
 * change at the next sign-in, and the second factor stays as it was (only the security
 * administrator resets that), so the reset alone does not let the administrator in.
 */
export async function resetOfficerPassword(ctx: Ctx, id: number): Promise<PasswordResetResponse> {
  const oneTime = oneTimePassword(await getSecuritySettings(ctx.db, ctx.orgId));
  const passwordHash = await hashPassword(oneTime);
  return ctx.db.transaction(async (tx) => {
    await findInScope(ctx, tx, id);
    await tx
      .update(officers)
      .set({
        passwordHash,
        passwordChangedAt: new Date(),
        mustChangePassword: true,
        failedLogins: 0,
        lockedUntil: null,
      })
      .where(eq(officers.id, id));
    const sessionsEnded = await closeAllSessions(tx, id);
    await audit(tx, ctx, {
      action: 'officer.resetPassword',
      targetType: 'officer',
      targetId: id,
      summary: { oneTimePassword: true, sessionsEnded },
    });
    return { officer: await getOfficer({ ...ctx, db: tx }, id), oneTimePassword: oneTime };
  });
}

export async function resetOfficerTotp(ctx: Ctx, id: number): Promise<OfficerResponse> {
  return ctx.db.transaction(async (tx) => {
    await findInScope(ctx, tx, id);
    await tx
      .update(officers)
      .set({ totpSecret: null, totpPendingSecret: null, totpEnabled: false, recoveryCodes: [] })
      .where(eq(officers.id, id));
    await closeAllSessions(tx, id);
    await audit(tx, ctx, { action: 'officer.resetTotp', targetType: 'officer', targetId: id });
    return getOfficer({ ...ctx, db: tx }, id);
  });
}
