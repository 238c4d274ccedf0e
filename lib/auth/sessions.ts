import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sessions, users } from '@/db/schema';
import type { Actor } from './permissions';

/** Starts a server-side session for a user and returns its id (carried inside the JWT). */
export async function startSession(userId: number): Promise<string> {
  const id = crypto.randomBytes(24).toString('base64url');
  await getDb().insert(sessions).values({ id, userId });
  return id;
}

/** Marks a session revoked (logout); later requests with it are anonymous. */
export async function revokeSession(sessionId: string): Promise<void> {
  await getDb().update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
}

/** The live actor for a session id: null if the session is revoked or the user is disabled or gone. */
export async function actorForSession(sessionId: string): Promise<Actor | null> {
  const [row] = await getDb()
    .select({ id: users.id, role: users.role, name: users.name, email: users.email })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), eq(users.disabled, false)));
  return row ?? null;
}
