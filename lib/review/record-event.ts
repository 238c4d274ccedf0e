import { reviewEvents, type ClaimStatus, type EventDiff, type ReviewAction } from '@/db/schema';
import type { DbOrTx } from '@/db/client';

/** Appends one audit event; call inside the transaction that makes the change. */
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
): Promise<void> {
  await tx
    .insert(reviewEvents)
    .values({
      claimId: event.claimId,
      actorId: event.actorId,
      action: event.action,
      fromStatus: event.fromStatus ?? null,
      toStatus: event.toStatus ?? null,
      comment: event.comment ?? '',
      diff: event.diff ?? null,
    });
}
