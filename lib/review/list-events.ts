import { and, asc, desc, eq, gt, lt } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { reviewEvents, users, type ReviewAction } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { loadVisibleClaim } from '@/lib/settings/draft-visibility';
import { parseInput } from '@/lib/validation';
import type { DbOrTx } from '@/db/client';

/** Largest page of history one request may ask for. */
const EVENTS_PAGE_MAX = 500;

const eventColumns = {
  id: reviewEvents.id,
  action: reviewEvents.action,
  fromStatus: reviewEvents.fromStatus,
  toStatus: reviewEvents.toStatus,
  comment: reviewEvents.comment,
  diff: reviewEvents.diff,
  createdAt: reviewEvents.createdAt,
  actorId: reviewEvents.actorId,
  actorName: users.name,
};

function selectEvents(db: DbOrTx) {
  return db.select(eventColumns).from(reviewEvents).innerJoin(users, eq(users.id, reviewEvents.actorId));
}

/**
 * Checks the actor may read the claim's history (throws NotFound otherwise) and returns the select to read it with.
 * Wrapped in an object: an async function returning the builder itself would run it (drizzle builders are thenable).
 */
async function visibleHistory(actor: Actor, id: number) {
  assertCan(actor, 'claim:read');
  const db = getDb();
  await loadVisibleClaim(db, actor, id);
  return { events: () => selectEvents(db) };
}

/** A claim's whole audit trail, oldest first, with actor names. Throws NotFound (absent, or hidden from the actor). */
export async function listEvents({ actor, id }: { actor: Actor; id: number }) {
  const history = await visibleHistory(actor, id);
  return history.events().where(eq(reviewEvents.claimId, id)).orderBy(asc(reviewEvents.id));
}
export type ClaimEvent = Awaited<ReturnType<typeof listEvents>>[number];

const eventId = z
  .string()
  .regex(/^[1-9]\d{0,15}$/, 'Invalid cursor.')
  .transform(Number);

export const listEventPageInput = z.strictObject({
  /** The `nextCursor` of the previous page: events after it are returned. */
  cursor: eventId.optional(),
  limit: z.coerce.number().int().min(1).max(EVENTS_PAGE_MAX).default(100),
});

/** One page of a claim's history, oldest first, after `cursor`; `nextCursor` is null on the last page. Throws NotFound, Invalid. */
export async function listEventPage({ actor, id, input }: { actor: Actor; id: number; input: unknown }): Promise<{
  items: ClaimEvent[];
  nextCursor: string | null;
}> {
  const { cursor, limit } = parseInput(listEventPageInput, input);
  const history = await visibleHistory(actor, id);
  const rows = await history
    .events()
    .where(and(eq(reviewEvents.claimId, id), cursor ? gt(reviewEvents.id, cursor) : undefined))
    .orderBy(asc(reviewEvents.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? String(items.at(-1)!.id) : null };
}

/**
 * The latest `limit` events before event id `before` (or the latest of all), shown oldest first, and the
 * `olderCursor` to pass as `before` for the page before them (null when there is none). Throws NotFound.
 */
export async function listLatestEvents({ actor, id, before, limit }: { actor: Actor; id: number; before?: number; limit: number }): Promise<{
  items: ClaimEvent[];
  olderCursor: string | null;
}> {
  const history = await visibleHistory(actor, id);
  const rows = await history
    .events()
    .where(and(eq(reviewEvents.claimId, id), before ? lt(reviewEvents.id, before) : undefined))
    .orderBy(desc(reviewEvents.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).reverse();
  return { items, olderCursor: rows.length > limit ? String(items[0].id) : null };
}

/** The claim's most recent event of `action`, or undefined. Throws NotFound (absent or hidden). */
export async function latestEventOf({ actor, id, action }: { actor: Actor; id: number; action: ReviewAction }): Promise<ClaimEvent | undefined> {
  const history = await visibleHistory(actor, id);
  const [event] = await history
    .events()
    .where(and(eq(reviewEvents.claimId, id), eq(reviewEvents.action, action)))
    .orderBy(desc(reviewEvents.id))
    .limit(1);
  return event;
}
