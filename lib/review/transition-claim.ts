import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { runInTransaction } from '@/db/client';
import { claims, claimSources } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { Conflict, Forbidden, Invalid } from '@/lib/errors';
import { parseInput, textField } from '@/lib/validation';
import { findClaim, type ClaimView } from '@/lib/claims/claim-view';
import { loadForWrite } from '@/lib/claims/load-for-write';
import { COMMENT_MAX } from '@/lib/claims/limits';
import { recordEvent } from './record-event';
import { missingForSubmit, planTransition, TRANSITION_ACTIONS } from './workflow';

export const transitionInput = z.strictObject({
  action: z.enum(TRANSITION_ACTIONS),
  comment: textField(COMMENT_MAX).optional(),
  version: z.number().int().positive(),
});

const ACTION_EVENT = {
  submit: 'submitted',
  approve: 'approved',
  request_changes: 'changes_requested',
  reject: 'rejected',
  reopen: 'reopened',
} as const;

/**
 * Moves a claim through the workflow (submit, approve, request changes, reject, reopen) with its audit event.
 * Throws Forbidden (role, own claim), Invalid (missing comment or submit preconditions),
 * Conflict (stale version, naming who changed it; or a status the action does not apply to), NotFound.
 */
export async function transitionClaim({ actor, id, input }: { actor: Actor; id: number; input: unknown }): Promise<ClaimView> {
  const data = parseInput(transitionInput, input);
  return runInTransaction(async (tx) => {
    const claim = await loadForWrite(tx, actor, id, data.version);
    const plan = planTransition({
      status: claim.status,
      action: data.action,
      role: actor.role,
      isAuthor: claim.authorId === actor.id,
      comment: data.comment,
    });
    if (!plan.ok) {
      if (plan.reason === 'invalid_status') throw Conflict(plan.message);
      if (plan.reason === 'comment_required') throw Invalid(plan.message, { comment: 'Required.' });
      throw Forbidden(plan.message);
    }
    if (data.action === 'submit') {
      const sourceCount = await tx.$count(claimSources, eq(claimSources.claimId, id));
      const missing = missingForSubmit({ ...claim, sourceCount });
      if (missing.length) throw Invalid(`Add ${missing.join(', ')} before submitting.`, { submit: missing.join(', ') });
    }
    const decided = data.action === 'approve' || data.action === 'reject' || data.action === 'request_changes';
    const now = new Date();
    const updated = await tx
      .update(claims)
      .set({
        status: plan.to,
        version: claim.version + 1,
        updatedAt: now,
        ...(decided ? { reviewerId: actor.id, reviewedAt: now } : {}),
      })
      .where(and(eq(claims.id, id), eq(claims.version, claim.version)))
      .returning({ id: claims.id });
    if (updated.length !== 1) throw Conflict('This claim was changed by someone else; reload to see the latest version.');
    await recordEvent(tx, {
      claimId: id,
      actorId: actor.id,
      action: ACTION_EVENT[data.action],
      fromStatus: claim.status,
      toStatus: plan.to,
      comment: data.comment ?? '',
    });
    return (await findClaim(tx, id, actor))!;
  });
}
