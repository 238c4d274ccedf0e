import { and, eq, isNull } from 'drizzle-orm';
import { getDb, runInTransaction } from '@/db/client';
import { apiTokens } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { NotFound } from '@/lib/errors';
import { recordAudit } from '@/lib/audit/record-audit';

/** Revokes one of the actor's own tokens (someone else's is NotFound, so ids do not leak). */
export async function revokeApiToken({ actor, id }: { actor: Actor; id: number }): Promise<void> {
  await runInTransaction(async (tx) => {
    const [revoked] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
      .returning({ name: apiTokens.name });
    if (!revoked) throw NotFound('Token');
    await recordAudit(tx, { actorId: actor.id, action: 'token.revoked', entityId: id, summary: `API token “${revoked.name}” revoked` });
  });
}

/** Admin only: revokes one live token of user `userId` (a token of someone else, or already revoked, is NotFound). */
export async function revokeUserApiToken({ actor, userId, tokenId }: { actor: Actor; userId: number; tokenId: number }): Promise<void> {
  assertCan(actor, 'user:manage');
  const revoked = await getDb()
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (revoked.length === 0) throw NotFound('Token');
}
