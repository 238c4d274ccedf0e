import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { claimTags } from '@/db/schema';

/**
 * Replaces a claim's tags with `next` (already normalised) inside the caller's transaction. Returns the edit diff
 * entry `{from, to}` (both sorted), or null when the set is unchanged.
 */
export async function setClaimTags(tx: DbOrTx, claimId: number, next: string[]): Promise<{ from: string[]; to: string[] } | null> {
  const current = (await tx.select({ tag: claimTags.tag }).from(claimTags).where(eq(claimTags.claimId, claimId))).map((r) => r.tag).sort();
  const wanted = [...new Set(next)].sort();
  const removed = current.filter((t) => !wanted.includes(t));
  const added = wanted.filter((t) => !current.includes(t));
  if (removed.length === 0 && added.length === 0) return null;
  if (removed.length) await tx.delete(claimTags).where(and(eq(claimTags.claimId, claimId), inArray(claimTags.tag, removed)));
  if (added.length) await tx.insert(claimTags).values(added.map((tag) => ({ claimId, tag })));
  return { from: current, to: wanted };
}
