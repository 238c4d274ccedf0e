import { eq } from 'drizzle-orm';
import { claims, reviewEvents, type ClaimStatus, type EventDiff, type ReviewAction } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import { recordChange } from '@/lib/live/record-change';
import { notifyForEvent, type ClaimFacts } from '@/lib/notifications/notify-for-event';
import { enqueueForClaimEvent } from '@/lib/webhooks/enqueue-claim-event';

/**
 * Appends one audit event; call inside the transaction that makes the change (before a delete, so the claim is
 * still there). It is also the one place a claim change fans out to its followers: the live change feed.
 */
export async function recordEvent(
  tx: DbOrTx,
  event: {
    claimId: number;
    actorId: number;
    action: ReviewAction;
    fromStatus?: ClaimStatus | null;
    toStatus?: ClaimStatus | null;
    comment?: string;
    diff?: EventDiff | null;
  },
  /** The claim as it is now, when the caller has it (a create has the inserted row): saves re-reading it. */
  known?: ClaimFacts & { status: ClaimStatus },
): Promise<void> {
  await tx.insert(reviewEvents).values({
    claimId: event.claimId,
    actorId: event.actorId,
    action: event.action,
    fromStatus: event.fromStatus ?? null,
    toStatus: event.toStatus ?? null,
    comment: event.comment ?? '',
    diff: event.diff ?? null,
  });
  const claim =
    known ??
    (
      await tx
        .select({ articleId: claims.articleId, status: claims.status, authorId: claims.authorId, note: claims.note })
        .from(claims)
        .where(eq(claims.id, event.claimId))
        .limit(1)
    )[0];
  // Fan-outs first: recordChange's lock on PostgreSQL is held until commit, so the work before it is not serialised.
  await enqueueForClaimEvent(tx, event);
  if (claim) await notifyForEvent(tx, event, claim);
  await recordChange(tx, {
    type: `claim.${event.action}`,
    claimId: event.claimId,
    articleId: claim?.articleId ?? null,
    status: event.action === 'deleted' ? null : (event.toStatus ?? claim?.status ?? null),
    actorId: event.actorId,
  });
}
