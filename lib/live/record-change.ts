import { sql } from 'drizzle-orm';
import { dbEngine, execute, type DbOrTx } from '@/db/client';
import { changeEvents, type ClaimStatus } from '@/db/schema';

/** Any key both engines agree on; only change_events writers take it. */
const CHANGE_FEED_LOCK = 0x636c6d64; // 'clmd'

export type Change = {
  /** `claim.<review action>` (claim.created, claim.approved, claim.assigned...) or `article.<what>`. */
  type: string;
  claimId?: number | null;
  articleId: number | null;
  status?: ClaimStatus | null;
  actorId?: number | null;
};

/**
 * Appends one change to the feed that live updates and the verified feed read; call inside the transaction that
 * makes the change. Readers resume from the last id they saw, so ids must become visible in order. SQLite has one
 * writer at a time. PostgreSQL assigns ids at insert but commits in any order, so a reader could see id 8 before a
 * slower transaction commits id 7 and then skip it: writers take one transaction-scoped advisory lock before
 * inserting, which holds until commit, so ids are handed out and committed in the same order. The cost is that
 * writers serialise from this point to their commit; it is taken last in a service where it can be.
 */
export async function recordChange(tx: DbOrTx, change: Change): Promise<void> {
  if (dbEngine() === 'postgres') await execute(tx, sql`select pg_advisory_xact_lock(${CHANGE_FEED_LOCK})`);
  await tx.insert(changeEvents).values({
    type: change.type,
    claimId: change.claimId ?? null,
    articleId: change.articleId,
    status: change.status ?? null,
    actorId: change.actorId ?? null,
  });
}
