import { desc, eq } from 'drizzle-orm';
import { reviewEvents, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { Conflict } from '@/lib/errors';
import type { DbOrTx } from '@/db/client';
import { loadVisibleClaim } from '@/lib/settings/draft-visibility';

/**
 * Loads a claim row for a write by `actor`: NotFound when it does not exist or the actor may not see it (checked
 * first, so a hidden draft never reaches a version or permission check), then Conflict naming who changed it when
 * `version` is stale.
 */
export async function loadForWrite(tx: DbOrTx, actor: Actor, id: number, version?: number) {
  const claim = await loadVisibleClaim(tx, actor, id);
  if (version !== undefined && claim.version !== version) {
    const [last] = await tx
      .select({ name: users.name })
      .from(reviewEvents)
      .innerJoin(users, eq(users.id, reviewEvents.actorId))
      .where(eq(reviewEvents.claimId, id))
      .orderBy(desc(reviewEvents.id))
      .limit(1);
    throw Conflict(`This claim was changed by ${last?.name ?? 'someone else'} since you opened it; reload to see the latest version.`);
  }
  return claim;
}
