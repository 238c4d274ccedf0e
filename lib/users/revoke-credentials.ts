import { and, eq, isNull, ne } from 'drizzle-orm';
import { apiTokens, sessions } from '@/db/schema';
import type { DbOrTx } from '@/db/client';

/**
 * After a password reset or change: signs the user out everywhere (except `keepSessionId`, the session that changed
 * its own password) and revokes every API token, inside the caller's transaction. Returns what it revoked.
 */
export function revokeCredentials(tx: DbOrTx, userId: number, { keepSessionId }: { keepSessionId?: string | null } = {}) {
  const now = new Date();
  const sessionsRevoked = tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keepSessionId ? ne(sessions.id, keepSessionId) : undefined))
    .run().changes;
  const tokensRevoked = tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .run().changes;
  return { sessionsRevoked, tokensRevoked };
}
