import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, queryRows } from '@/db/client';
import type { ClaimStatus } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { claimsAsJson, type ClaimDocument } from '@/lib/export/claims-as-json';
import { parseInput } from '@/lib/validation';

export const verifiedFeedInput = z.strictObject({
  /** `nextCursor` of the previous answer; absent = from the beginning. */
  since: z
    .string()
    .regex(/^(0|[1-9][0-9]{0,15})$/, 'Not a cursor.')
    .transform(Number)
    .optional(),
  /** Changes read per page (an answer has at most this many items). */
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export type FeedItem = {
  claimId: number;
  /** `verified`: publish or update it; `withdrawn`: it is no longer verified (reopened, edited, deleted), unpublish it. */
  state: 'verified' | 'withdrawn';
} & Partial<ClaimDocument>;

export type VerifiedFeedPage = {
  items: FeedItem[];
  /** Pass as `since` next time (also when there were no items: the changes read are behind you). */
  nextCursor: string;
  /** More changes are waiting: ask again at once. */
  hasMore: boolean;
};

/** Changes that do not alter what the JSON export shows of a claim. */
const INTERNAL = new Set(['claim.commented', 'claim.assigned']);

type ChangeRow = { id: number; claim_id: number | null; type: string; status: ClaimStatus | null; prev_status: ClaimStatus | null };

/**
 * Verified claims changed since a cursor, for a CMS that polls (any signed-in role, usually with a personal token).
 * The cursor is a change_events id: ids are committed in order (lib/live/record-change.ts), so nothing is skipped.
 * A claim appears once per page with its current state: verified (as the JSON export shapes it, plus ClaimReview),
 * or withdrawn when it left verified, so the CMS can unpublish it. Only claims that have been verified appear, and
 * a withdrawn one only by id, so drafts never show. Throws Invalid.
 */
export async function verifiedFeed({ actor, input, origin }: { actor: Actor; input: unknown; origin: string }): Promise<VerifiedFeedPage> {
  assertCan(actor, 'export:verified');
  const { since = 0, limit } = parseInput(verifiedFeedInput, input);
  const db = getDb();
  const changes = await queryRows<ChangeRow>(
    db,
    sql`select e.id, e.claim_id, e.type, e.status,
      (select p.status from change_events p where p.claim_id = e.claim_id and p.id < e.id order by p.id desc limit 1) as prev_status
    from change_events e where e.id > ${since} order by e.id limit ${limit}`,
  );
  // The claims this page concerns, each at its last relevant change.
  const last = new Map<number, number>();
  for (const c of changes) {
    if (c.claim_id === null) continue;
    const published = c.status === 'verified' && !INTERNAL.has(c.type);
    const left = c.prev_status === 'verified' && c.status !== 'verified';
    if (published || left) {
      last.delete(c.claim_id);
      last.set(c.claim_id, c.id);
    }
  }
  const docs = await claimsAsJson(db, [...last.keys()], ['verified'], origin);
  const items: FeedItem[] = [...last.keys()].map((claimId) => {
    const doc = docs.get(claimId);
    return doc ? { claimId, state: 'verified', ...doc } : { claimId, state: 'withdrawn' };
  });
  return { items, nextCursor: String(changes.length ? changes[changes.length - 1].id : since), hasMore: changes.length === limit };
}
