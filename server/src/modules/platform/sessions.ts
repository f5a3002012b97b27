import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { sessions } from '../../db/schema/index.ts';

export type SessionStage = 'totp' | 'enrol' | 'full';
export type Session = typeof sessions.$inferSelect;

export const SESSION_COOKIE = 'fazhi_session';
export const CSRF_COOKIE = 'fazhi_csrf';

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Opens a session and returns the bearer token for the cookie. Only the token's hash is stored,
 * so a copy of the sessions table cannot be replayed.
 */
export async function openSession(
  db: Queryable,
  input: {
    orgId: number;
    officerId: number;
    stage: SessionStage;
    /** When the second factor was proven for this session (TOTP at sign-in or enrolment). */
    secondFactorAt?: Date | null;
    clientIp: string | null;
    userAgent: string | null;
  },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({ id: digest(token), csrfToken, ...input });
  return { token, csrfToken };
}

export async function findSession(db: Queryable, token: string): Promise<Session | null> {
  const [row] = await db
    .select()
    .from(sessions)
    .where(eq(sessions.id, digest(token)));
  return row ?? null;
}

export async function closeSession(db: Queryable, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, digest(token)));
}

export async function closeAllSessions(db: Queryable, officerId: number): Promise<number> {
  const gone = await db
    .delete(sessions)
    .where(eq(sessions.officerId, officerId))
    .returning({ id: sessions.id });
  return gone.length;
}

export async function touchSession(db: Queryable, session: Session, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id));
}

export function isIdle(session: Session, idleMinutes: number, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() > idleMinutes * 60_000;
}
