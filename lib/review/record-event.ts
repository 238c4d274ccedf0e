import { reviewEvents, type ClaimStatus, type EventDiff, type ReviewAction } from '@/db/schema';
import type { Db } from '@/db/client';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** Appends one audit event; call inside the transaction that makes the change. */
export function recordEvent(
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
): void {
  tx.insert(reviewEvents)
    .values({
      claimId: event.claimId,
      actorId: event.actorId,
      action: event.action,
      fromStatus: event.fromStatus ?? null,
      toStatus: event.toStatus ?? null,
      comment: event.comment ?? '',
      diff: event.diff ?? null,
    })
    .run();
}
