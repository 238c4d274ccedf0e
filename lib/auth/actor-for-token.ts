import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { apiTokens, users } from '@/db/schema';
import type { Actor } from './permissions';
import { TOKEN_PREFIX, hashToken } from './tokens';

// Writing last_used_at on every request would turn reads into writes; a minute is precise enough to show.
const LAST_USED_GRANULARITY_MS = 60_000;

/** The live actor for a bearer token: null if unknown, revoked, or its user is disabled. Records the last use. */
export async function actorForToken(token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const db = getDb();
  const hash = hashToken(token);
  const [row] = await db
    .select({ tokenId: apiTokens.id, id: users.id, role: users.role, name: users.name, email: users.email })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt), eq(users.disabled, false)));
  if (!row) return null;
  const now = Date.now();
  await db
    .update(apiTokens)
    .set({ lastUsedAt: new Date(now) })
    .where(and(eq(apiTokens.id, row.tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now - LAST_USED_GRANULARITY_MS)))));
  return { id: row.id, role: row.role, name: row.name, email: row.email };
}
