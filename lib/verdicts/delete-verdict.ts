import { eq } from 'drizzle-orm';
import { runInTransaction } from '@/db/client';
import { verdictScale } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { Conflict, NotFound } from '@/lib/errors';
import { changedFields, recordAudit } from '@/lib/audit/record-audit';
import { findVerdict } from './list-verdicts';
import { MANAGE_MESSAGE } from './manage-message';

/**
 * Deletes a verdict no claim uses (admins). A verdict in use throws Conflict saying to retire it instead,
 * so published ratings never lose their label. Also throws Forbidden, NotFound.
 */
export async function deleteVerdict({ actor, id }: { actor: Actor; id: number }): Promise<void> {
  assertCan(actor, 'verdict:manage', MANAGE_MESSAGE);
  await runInTransaction(async (tx) => {
    const verdict = await findVerdict(tx, id);
    if (!verdict) throw NotFound('Verdict');
    if (verdict.claimCount > 0) {
      const n = verdict.claimCount;
      throw Conflict(
        `"${verdict.label}" is the verdict of ${n} claim${n === 1 ? '' : 's'} and cannot be deleted; retire it to stop its use on new claims.`,
      );
    }
    await tx.delete(verdictScale).where(eq(verdictScale.id, id));
    const { label, color, rating } = verdict;
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'verdict.deleted',
      entityId: id,
      summary: `Deleted verdict “${label}”`,
      diff: changedFields({ label, color, rating }, { label: null, color: null, rating: null }),
    });
  });
}
