import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { claims, notifications } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { draftVisibilityFilter } from '@/lib/settings/draft-visibility';

/**
 * The actor's own notifications that they may still see: article-level ones, and those about a claim the
 * visibility rule shows them (a where-fragment over `notifications` left-joined to `claims`).
 */
export function visibleNotifications(actor: Actor): SQL | undefined {
  const claimVisible = draftVisibilityFilter(actor);
  return and(eq(notifications.userId, actor.id), claimVisible ? or(isNull(notifications.claimId), claimVisible) : undefined);
}

/** How many of the actor's notifications are unread (the bell's number); hidden drafts' ones are not counted. */
export async function countUnreadNotifications({ actor }: { actor: Actor }): Promise<number> {
  const [row] = await getDb()
    .select({ n: sql<number>`cast(count(*) as integer)` })
    .from(notifications)
    .leftJoin(claims, eq(claims.id, notifications.claimId))
    .where(and(visibleNotifications(actor), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}
