import { and, desc, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { apiTokens, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { NotFound } from '@/lib/errors';
import { tokenColumns, type ApiTokenView } from './api-token-view';

/** The actor's live (unrevoked) tokens, newest first; never the secrets. */
export function listApiTokens({ actor }: { actor: Actor }): ApiTokenView[] {
  return getDb()
    .select(tokenColumns)
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.id))
    .all();
}

/** Admin only: another user's live tokens, newest first (never the secrets). Throws Forbidden/NotFound. */
export function listUserApiTokens({ actor, userId }: { actor: Actor; userId: number }): ApiTokenView[] {
  assertCan(actor, 'user:manage');
  const db = getDb();
  if (!db.select({ id: users.id }).from(users).where(eq(users.id, userId)).get()) throw NotFound('User');
  return db
    .select(tokenColumns)
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.id))
    .all();
}
