import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sessions, users } from '@/db/schema';
import type { Actor } from './permissions';

/** Starts a server-side session for a user and returns its id (carried inside the JWT). */
export function startSession(userId: number): string {
  const id = crypto.randomBytes(24).toString('base64url');
  getDb().insert(sessions).values({ id, userId }).run();
  return id;
}

/** Marks a session revoked (logout); later requests with it are anonymous. */
export function revokeSession(sessionId: string): void {
  getDb().update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId)).run();
}

/** The live actor for a session id: null if the session is revoked or the user is disabled or gone. */
export function actorForSession(sessionId: string): Actor | null {
  const row = getDb()
    .select({ id: users.id, role: users.role, name: users.name, email: users.email })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), eq(users.disabled, false)))
    .get();
  return row ?? null;
}
