import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { claims, reviewEvents, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { NotFound } from '@/lib/errors';
import { canSeeClaim } from '@/lib/settings/draft-visibility';

/** A claim's audit trail, oldest first, with actor names. Throws NotFound for an unknown claim. */
export function listEvents({ actor, id }: { actor: Actor; id: number }) {
  assertCan(actor, 'claim:read');
  const db = getDb();
  const claim = db.select({ status: claims.status, authorId: claims.authorId }).from(claims).where(eq(claims.id, id)).get();
  if (!claim || !canSeeClaim(actor, claim)) throw NotFound('Claim');
  return db
    .select({
      id: reviewEvents.id,
      action: reviewEvents.action,
      fromStatus: reviewEvents.fromStatus,
      toStatus: reviewEvents.toStatus,
      comment: reviewEvents.comment,
      diff: reviewEvents.diff,
      createdAt: reviewEvents.createdAt,
      actorId: reviewEvents.actorId,
      actorName: users.name,
    })
    .from(reviewEvents)
    .innerJoin(users, eq(users.id, reviewEvents.actorId))
    .where(eq(reviewEvents.claimId, id))
    .orderBy(asc(reviewEvents.id))
    .all();
}
export type ClaimEvent = ReturnType<typeof listEvents>[number];
