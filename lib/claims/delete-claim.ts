import { eq } from 'drizzle-orm';
import { runInTransaction } from '@/db/client';
import { claims } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { Forbidden } from '@/lib/errors';
import { recordEvent } from '@/lib/review/record-event';
import { loadForWrite } from './load-for-write';
import { mayDeleteClaim } from './claim-abilities';

/** Deletes a claim: authors their own drafts, admins any. The audit trail keeps a 'deleted' event. */
export async function deleteClaim({ actor, id }: { actor: Actor; id: number }): Promise<void> {
  await runInTransaction(async (tx) => {
    const claim = await loadForWrite(tx, actor, id);
    if (!mayDeleteClaim(actor, claim)) {
      throw Forbidden(claim.authorId === actor.id ? 'Only drafts can be deleted.' : 'You can only delete your own drafts.');
    }
    await recordEvent(tx, {
      claimId: id,
      actorId: actor.id,
      action: 'deleted',
      fromStatus: claim.status,
      diff: { exact: { from: claim.exact, to: null }, claimText: { from: claim.claimText, to: null } },
    });
    await tx.delete(claims).where(eq(claims.id, id));
  });
}
