import { and, desc, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { apiTokens, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { NotFound } from '@/lib/errors';
import { tokenColumns, type ApiTokenView } from './api-token-view';

/** The actor's live (unrevoked) tokens, newest first; never the secrets. */
export async function listApiTokens({ actor }: { actor: Actor }): Promise<ApiTokenView[]> {
  return getDb()
    .select(tokenColumns)
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.id));
}

/** Admin only: another user's live tokens, newest first (never the secrets). Throws Forbidden/NotFound. */
export async function listUserApiTokens({ actor, userId }: { actor: Actor; userId: number }): Promise<ApiTokenView[]> {
  assertCan(actor, 'user:manage');
  const db = getDb();
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) throw NotFound('User');
  return db
    .select(tokenColumns)
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.id));
}
