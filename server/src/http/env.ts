import type { ActorRecord } from '../modules/platform/actor.ts';
import type { Session } from '../modules/platform/sessions.ts';
import type { Ctx } from './context.ts';

/** Hono variables every request carries after the session middleware. */
export interface AppEnv {
  Variables: {
    ctx: Ctx;
    session: Session | null;
    sessionToken: string | null;
    record: ActorRecord | null;
    passwordExpired: boolean;
  };
}
