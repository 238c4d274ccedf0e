import { z } from 'zod';
import { runInTransaction } from '@/db/client';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { parseInput, textField } from '@/lib/validation';
import { COMMENT_MAX } from '@/lib/claims/limits';
import { loadForWrite } from '@/lib/claims/load-for-write';
import { recordEvent } from './record-event';

export const commentInput = z.strictObject({ comment: textField(COMMENT_MAX).min(1, 'Write a comment.') });

/** Adds a comment to a claim's history (any role). Throws NotFound, Invalid. */
export async function commentOnClaim({ actor, id, input }: { actor: Actor; id: number; input: unknown }): Promise<void> {
  assertCan(actor, 'claim:comment');
  const { comment } = parseInput(commentInput, input);
  await runInTransaction(async (tx) => {
    const claim = await loadForWrite(tx, actor, id);
    await recordEvent(tx, { claimId: id, actorId: actor.id, action: 'commented', fromStatus: claim.status, toStatus: claim.status, comment });
  });
}
