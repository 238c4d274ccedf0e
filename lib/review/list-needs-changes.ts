import { and, desc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { reviewEvents, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { listClaims } from '@/lib/claims/list-claims';
import type { ClaimView } from '@/lib/claims/claim-view';

/** A sent-back claim with the reviewer's latest request (null if the event is missing, e.g. imported data). */
export type SentBackClaim = ClaimView & { request: { comment: string; reviewerName: string; at: Date } | null };

/** The actor's own claims that reviewers sent back, oldest first, each with the latest "request changes" comment. */
export async function listNeedsChanges({ actor, limit = 100 }: { actor: Actor; limit?: number }): Promise<SentBackClaim[]> {
  const { items } = await listClaims({ actor, input: { author: actor.id, status: 'needs_changes', sort: 'updated_asc', limit } });
  if (items.length === 0) return [];
  const events = await getDb()
    .select({ claimId: reviewEvents.claimId, comment: reviewEvents.comment, reviewerName: users.name, at: reviewEvents.createdAt })
    .from(reviewEvents)
    .innerJoin(users, eq(users.id, reviewEvents.actorId))
    .where(
      and(
        eq(reviewEvents.action, 'changes_requested'),
        inArray(
          reviewEvents.claimId,
          items.map((c) => c.id),
        ),
      ),
    )
    .orderBy(desc(reviewEvents.id));
  const latest = new Map<number, SentBackClaim['request']>();
  for (const { claimId, ...e } of events) if (!latest.has(claimId)) latest.set(claimId, e);
  return items.map((c) => ({ ...c, request: latest.get(c.id) ?? null }));
}
