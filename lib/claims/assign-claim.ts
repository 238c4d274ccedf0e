import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { claims, users } from '@/db/schema';
import { mayAssign, mayBeAssignedClaim, type Actor } from '@/lib/auth/permissions';
import { Forbidden, Invalid } from '@/lib/errors';
import { notify } from '@/lib/notifications/notify';
import { recordEvent } from '@/lib/review/record-event';

type ClaimRow = typeof claims.$inferSelect;

/**
 * Checks a change of a claim's assignee to `to` (a user id or null) by `actor`: Forbidden when the actor may not
 * make it (lib/auth/permissions.ts mayAssign), Invalid when `to` is unknown, disabled or cannot do the claim's next
 * step (mayBeAssignedClaim). Returns the diff, or null when nothing changes. Call inside the write's transaction.
 */
export async function checkClaimAssignment(
  tx: DbOrTx,
  actor: Actor,
  claim: ClaimRow,
  to: number | null,
): Promise<{ from: number | null; to: number | null } | null> {
  const from = claim.assigneeId;
  if (from === to) return null;
  if (!mayAssign(actor, 'claim:assign', { ownerId: claim.authorId, from, to })) {
    throw Forbidden('You can assign your own claims, or take a claim for yourself; reviewers assign any claim.');
  }
  if (to !== null) {
    const [user] = await tx
      .select({ id: users.id, role: users.role, disabled: users.disabled, name: users.name })
      .from(users)
      .where(eq(users.id, to))
      .limit(1);
    if (!user || user.disabled) throw Invalid('No such active user.', { assigneeId: 'No such active user.' });
    if (!mayBeAssignedClaim(user, claim)) {
      const why =
        claim.status === 'in_review' && user.id === claim.authorId ? 'cannot review their own claim' : 'cannot take the next step on this claim';
      throw Invalid(`${user.name} ${why}.`, { assigneeId: `${user.name} ${why}.` });
    }
  }
  return { from, to };
}

/**
 * Records an assignment already written to the claim row: the 'assigned' event (which feeds the change feed) and
 * a notification for the new assignee (not when they assigned themselves).
 */
export async function recordClaimAssignment(
  tx: DbOrTx,
  actor: Actor,
  claim: ClaimRow,
  change: { from: number | null; to: number | null },
  status: ClaimRow['status'],
): Promise<void> {
  // Names beside the ids, as they were then: the history reads them without a join (and after a rename).
  const ids = [change.from, change.to].filter((x): x is number => x !== null);
  const named = new Map(
    (ids.length ? await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)) : []).map((u) => [u.id, u.name]),
  );
  const name = (id: number | null) => (id === null ? null : (named.get(id) ?? null));
  const diff = { assigneeId: change, assignee: { from: name(change.from), to: name(change.to) } };
  await recordEvent(tx, { claimId: claim.id, actorId: actor.id, action: 'assigned', fromStatus: status, toStatus: status, diff });
  if (change.to !== null) {
    await notify(tx, {
      userId: change.to,
      type: 'assigned',
      claimId: claim.id,
      articleId: claim.articleId,
      actorId: actor.id,
      excerpt: claim.claimText,
    });
  }
}
