import { desc, eq } from 'drizzle-orm';
import { claims, reviewEvents, users } from '@/db/schema';
import { Conflict, NotFound } from '@/lib/errors';
import type { DbOrTx } from '@/lib/review/record-event';

/** Loads a claim row for a write; throws NotFound, or Conflict naming who changed it when `version` is stale. */
export function loadForWrite(tx: DbOrTx, id: number, version?: number) {
  const claim = tx.select().from(claims).where(eq(claims.id, id)).get();
  if (!claim) throw NotFound('Claim');
  if (version !== undefined && claim.version !== version) {
    const last = tx
      .select({ name: users.name })
      .from(reviewEvents)
      .innerJoin(users, eq(users.id, reviewEvents.actorId))
      .where(eq(reviewEvents.claimId, id))
      .orderBy(desc(reviewEvents.id))
      .get();
    throw Conflict(`This claim was changed by ${last?.name ?? 'someone else'} since you opened it; reload to see the latest version.`);
  }
  return claim;
}
