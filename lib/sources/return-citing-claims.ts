import { and, eq, inArray } from 'drizzle-orm';
import { claims, claimSources } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import type { AuditDiff } from '@/lib/audit/record-audit';
import type { DbOrTx } from '@/db/client';
import { recordEvent } from '@/lib/review/record-event';
import { statusAfterEdit } from '@/lib/review/workflow';

/** Source fields that are published evidence: changing them changes what a verdict rests on. */
const EVIDENCE_FIELDS = { url: 'sourceUrl', title: 'sourceTitle' } as const;

/**
 * Inside the caller's transaction: when `diff` (a source edit) touches the URL or title, every verified claim citing
 * the source goes back to review, and every claim in review gets the same 'edited' event so its reviewer sees it.
 * Returns how many claims went back to review.
 */
export async function returnCitingClaims(
  tx: DbOrTx,
  { actor, sourceId, diff }: { actor: Actor; sourceId: number; diff: AuditDiff },
): Promise<number> {
  const evidence: AuditDiff = {};
  for (const [field, key] of Object.entries(EVIDENCE_FIELDS)) if (diff[field]) evidence[key] = diff[field];
  if (Object.keys(evidence).length === 0) return 0;
  const citing = await tx
    .select({ id: claims.id, status: claims.status, version: claims.version })
    .from(claims)
    .innerJoin(claimSources, eq(claimSources.claimId, claims.id))
    .where(and(eq(claimSources.sourceId, sourceId), inArray(claims.status, ['verified', 'in_review'])));
  let returned = 0;
  for (const claim of citing) {
    const toStatus = statusAfterEdit(claim.status)!;
    if (toStatus !== claim.status) returned++;
    await tx
      .update(claims)
      .set({ status: toStatus, version: claim.version + 1, updatedAt: new Date() })
      .where(eq(claims.id, claim.id));
    const comment = `Source #${sourceId} was edited.`;
    await recordEvent(tx, { claimId: claim.id, actorId: actor.id, action: 'edited', fromStatus: claim.status, toStatus, diff: evidence, comment });
  }
  return returned;
}
