import type { DataScope, Locale, Permission, RoleCode } from '@fazhi/common';
import type { Db, Queryable } from '../db/index.ts';

/** The signed-in officer as every service sees them. */
export interface Actor {
  officerId: number;
  orgId: number;
  username: string;
  name: string;
  unitId: number;
  unitName: string;
  /** Materialised path of the actor's unit, '/1/4/12/', for subtree scoping. */
  unitPath: string;
  roles: RoleCode[];
  permissions: ReadonlySet<Permission>;
  scope: DataScope;
}

/** What a service function receives besides its input. */
export interface Ctx {
  db: Db;
  orgId: number;
  locale: Locale;
  clientIp: string | null;
  actor: Actor | null;
  /** When the request's session last proved the second factor (step-up for full ID numbers). */
  secondFactorAt?: Date | null;
}

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new Error('service called without a signed-in actor');
  return ctx.actor;
}

/** The system acting on a branch (daily jobs, reference-data steps): audited with no officer. */
export function systemCtx(db: Queryable, orgId: number): Ctx {
  return { db: db as Db, orgId, locale: 'zh-CN', clientIp: null, actor: null };
}
