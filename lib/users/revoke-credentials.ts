import { and, eq, isNull, ne } from 'drizzle-orm';
import { apiTokens, sessions } from '@/db/schema';
import { affectedRows, type DbOrTx } from '@/db/client';

/**
 * After a password reset or change: signs the user out everywhere (except `keepSessionId`, the session that changed
 * its own password) and revokes every API token, inside the caller's transaction. Returns what it revoked.
 */
export async function revokeCredentials(
  tx: DbOrTx,
  userId: number,
  { keepSessionId }: { keepSessionId?: string | null } = {},
): Promise<{ sessionsRevoked: number; tokensRevoked: number }> {
  const now = new Date();
  const sessionsRevoked = affectedRows(
    await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keepSessionId ? ne(sessions.id, keepSessionId) : undefined)),
  );
  const tokensRevoked = affectedRows(
    await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt))),
  );
  return { sessionsRevoked, tokensRevoked };
}
