import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { apiTokens } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { NotFound } from '@/lib/errors';
import { recordAudit } from '@/lib/audit/record-audit';

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
