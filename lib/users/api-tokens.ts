import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { apiTokens, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { generateToken, hashToken } from '@/lib/auth/api-tokens';
import { Conflict, NotFound } from '@/lib/errors';
import { recordAudit } from '@/lib/audit/record-audit';
import { parseInput, textField } from '@/lib/validation';
import { TOKEN_NAME_MAX } from './limits';

/** At most this many live tokens per user (a leak is easier to spot among few). */
export const MAX_TOKENS_PER_USER = 20;

export type ApiTokenView = { id: number; name: string; createdAt: Date; lastUsedAt: Date | null };

const tokenColumns = { id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt };

export const createApiTokenInput = z.strictObject({ name: textField(TOKEN_NAME_MAX).min(1, 'Name the token (what will use it?).') });

/** The actor's live (unrevoked) tokens, newest first; never the secrets. */
export function listApiTokens({ actor }: { actor: Actor }): ApiTokenView[] {
  return getDb()
    .select(tokenColumns)
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.id))
    .all();
}

/** Creates a named token for the actor; the returned `token` is shown once (only its hash is stored). Throws Invalid/Conflict. */
export function createApiToken({ actor, input }: { actor: Actor; input: unknown }): ApiTokenView & { token: string } {
  const { name } = parseInput(createApiTokenInput, input);
  const token = generateToken();
  return getDb().transaction(
    (tx) => {
      const live = tx
        .select({ n: sql<number>`count(*)` })
        .from(apiTokens)
        .where(and(eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
        .get()!.n;
      if (live >= MAX_TOKENS_PER_USER) throw Conflict(`You already have ${MAX_TOKENS_PER_USER} tokens; revoke one first.`);
      const row = tx.insert(apiTokens).values({ userId: actor.id, name, tokenHash: hashToken(token) }).returning(tokenColumns).get();
      recordAudit(tx, { actorId: actor.id, action: 'token.created', entityId: row.id, summary: `API token “${name}” created` });
      return { ...row, token };
    },
    { behavior: 'immediate' },
  );
}

/** Revokes one of the actor's own tokens (someone else's is NotFound, so ids do not leak). */
export function revokeApiToken({ actor, id }: { actor: Actor; id: number }): void {
  getDb().transaction(
    (tx) => {
      const revoked = tx
        .update(apiTokens)
        .set({ revokedAt: new Date() })
        .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
        .returning({ name: apiTokens.name })
        .get();
      if (!revoked) throw NotFound('Token');
      recordAudit(tx, { actorId: actor.id, action: 'token.revoked', entityId: id, summary: `API token “${revoked.name}” revoked` });
    },
    { behavior: 'immediate' },
  );
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

/** Admin only: revokes one live token of user `userId` (a token of someone else, or already revoked, is NotFound). */
export function revokeUserApiToken({ actor, userId, tokenId }: { actor: Actor; userId: number; tokenId: number }): void {
  assertCan(actor, 'user:manage');
  const result = getDb()
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .run();
  if (result.changes === 0) throw NotFound('Token');
}
