import { and, asc, eq } from 'drizzle-orm';
import { claims, claimSources, sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { mayEditClaim } from '@/lib/claims/claim-abilities';
import { Conflict, Forbidden } from '@/lib/errors';
import { loadForWrite } from '@/lib/claims/load-for-write';
import type { DbOrTx } from '@/db/client';
import { recordEvent } from '@/lib/review/record-event';
import { statusAfterEdit } from '@/lib/review/workflow';

type ClaimRow = ReturnType<typeof loadForWrite>;

function sourceUrls(tx: DbOrTx, claimId: number): string[] {
  return tx
    .select({ url: sources.url })
    .from(claimSources)
    .innerJoin(sources, eq(sources.id, claimSources.sourceId))
    .where(eq(claimSources.claimId, claimId))
    .orderBy(asc(sources.url))
    .all()
    .map((r) => r.url);
}

/**
 * Runs `change` (which adds or removes links) as an edit of the claim, inside the caller's transaction:
 * same permission rule as editing the claim, version check and bump, statusAfterEdit (verified -> in_review),
 * and an 'edited' event whose diff is `{ sources: { added: urls, removed: urls } }` (the change only, never the list).
 * Throws NotFound, Conflict (stale version, rejected claim), Forbidden.
 */
export function editClaimSources<T>(
  tx: DbOrTx,
  { actor, claimId, version }: { actor: Actor; claimId: number; version?: number },
  change: (claim: ClaimRow) => T,
): T {
  const claim = loadForWrite(tx, actor, claimId, version);
  if (!mayEditClaim(actor, claim)) throw Forbidden('You can only change the sources of your own claims.');
  const nextStatus = statusAfterEdit(claim.status);
  if (!nextStatus) throw Conflict('A rejected claim must be reopened before its sources can change.');
  const before = sourceUrls(tx, claimId);
  const result = change(claim);
  const after = sourceUrls(tx, claimId);
  const updated = tx
    .update(claims)
    .set({ status: nextStatus, version: claim.version + 1, updatedAt: new Date() })
    .where(and(eq(claims.id, claimId), eq(claims.version, claim.version)))
    .run();
  if (updated.changes !== 1) throw Conflict('This claim was changed by someone else; reload to see the latest version.');
  recordEvent(tx, {
    claimId,
    actorId: actor.id,
    action: 'edited',
    fromStatus: claim.status,
    toStatus: nextStatus,
    diff: { sources: { added: after.filter((url) => !before.includes(url)), removed: before.filter((url) => !after.includes(url)) } },
  });
  return result;
}
