import { and, asc, eq } from 'drizzle-orm';
import { claims, claimSources, sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { mayEditClaim } from '@/lib/claims/claim-abilities';
import { Conflict, Forbidden } from '@/lib/errors';
import { loadForWrite } from '@/lib/claims/load-for-write';
import type { DbOrTx } from '@/db/client';
import { recordEvent } from '@/lib/review/record-event';
import { statusAfterEdit } from '@/lib/review/workflow';

type ClaimRow = Awaited<ReturnType<typeof loadForWrite>>;

async function sourceUrls(tx: DbOrTx, claimId: number): Promise<string[]> {
  const rows = await tx
    .select({ url: sources.url })
    .from(claimSources)
    .innerJoin(sources, eq(sources.id, claimSources.sourceId))
    .where(eq(claimSources.claimId, claimId))
    .orderBy(asc(sources.url));
  return rows.map((r) => r.url);
}

/**
 * Runs `change` (which adds or removes links) as an edit of the claim, inside the caller's transaction:
 * same permission rule as editing the claim, version check and bump, statusAfterEdit (verified -> in_review),
 * and an 'edited' event whose diff is `{ sources: { added: urls, removed: urls } }` (the change only, never the list).
 * Throws NotFound, Conflict (stale version, rejected claim), Forbidden.
 */
export async function editClaimSources<T>(
  tx: DbOrTx,
  { actor, claimId, version }: { actor: Actor; claimId: number; version?: number },
  change: (claim: ClaimRow) => Promise<T>,
): Promise<T> {
  const claim = await loadForWrite(tx, actor, claimId, version);
  if (!mayEditClaim(actor, claim)) throw Forbidden('You can only change the sources of your own claims.');
  const nextStatus = statusAfterEdit(claim.status);
  if (!nextStatus) throw Conflict('A rejected claim must be reopened before its sources can change.');
  const before = await sourceUrls(tx, claimId);
  const result = await change(claim);
  const after = await sourceUrls(tx, claimId);
  const updated = await tx
    .update(claims)
    .set({ status: nextStatus, version: claim.version + 1, updatedAt: new Date() })
    .where(and(eq(claims.id, claimId), eq(claims.version, claim.version)))
    .returning({ id: claims.id });
  if (updated.length !== 1) throw Conflict('This claim was changed by someone else; reload to see the latest version.');
  await recordEvent(tx, {
    claimId,
    actorId: actor.id,
    action: 'edited',
    fromStatus: claim.status,
    toStatus: nextStatus,
    diff: { sources: { added: after.filter((url) => !before.includes(url)), removed: before.filter((url) => !after.includes(url)) } },
  });
  return result;
}
