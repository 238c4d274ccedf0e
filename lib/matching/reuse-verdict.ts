import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { runInTransaction } from '@/db/client';
import { claims, claimSources } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { Conflict, Forbidden, NotFound } from '@/lib/errors';
import { findClaim, type ClaimView } from '@/lib/claims/claim-view';
import { mayEditClaim } from '@/lib/claims/claim-abilities';
import { loadForWrite } from '@/lib/claims/load-for-write';
import { recordEvent } from '@/lib/review/record-event';
import { acceptsReusedVerdict } from '@/lib/review/workflow';
import { canSeeClaim } from '@/lib/settings/draft-visibility';
import { parseInput } from '@/lib/validation';
import { claimFeatures } from './claim-features';
import { compareClaims } from './compare-claims';

export const reuseVerdictInput = z.strictObject({
  fromClaimId: z.number().int().positive(),
  version: z.number().int().positive(),
  /** Required when the verified claim is a variant (a changed figure, direction or speaker). */
  confirmVariant: z.boolean().default(false),
});
export type ReuseVerdictInput = z.infer<typeof reuseVerdictInput>;

/**
 * Copies the verdict, rationale and sources of a verified claim into claim `claimId` (a draft or a claim sent back,
 * which the actor may edit) and marks it as reused; it still goes through review. Reusing from a variant throws
 * Conflict saying why unless `confirmVariant` is set. Throws NotFound, Forbidden, Conflict (stale version, not
 * a draft, source not verified).
 */
export async function reuseVerdict({ actor, claimId, input }: { actor: Actor; claimId: number; input: unknown }): Promise<ClaimView> {
  const data = parseInput(reuseVerdictInput, input);
  return runInTransaction(async (tx) => {
    const target = await loadForWrite(tx, actor, claimId);
    const from = await findClaim(tx, data.fromClaimId, actor);
    if (!from || !(await canSeeClaim(actor, from))) throw NotFound('Claim');
    if (target.version !== data.version) await loadForWrite(tx, actor, claimId, data.version); // throws Conflict naming who
    if (!mayEditClaim(actor, target)) throw Forbidden('You can only edit your own claims.');
    if (!acceptsReusedVerdict(target.status)) throw Conflict('A verdict can only be reused into a draft or a claim sent back for changes.');
    if (from.status !== 'verified' || from.verdictId === null) throw Conflict('Only the verdict of a verified claim can be reused.');
    if (from.id === target.id) throw Conflict('A claim cannot reuse its own verdict.');
    const { relation, reasons } = compareClaims(claimFeatures(target.claimText, target.claimant), claimFeatures(from.claimText, from.claimant));
    if (relation === 'variant' && !data.confirmVariant) {
      throw Conflict(`This is a variant, not the same claim (${reasons.join(', ')}): its verdict may not apply. Confirm to reuse it anyway.`);
    }
    for (const s of from.sources) {
      const [linked] = await tx
        .select({ id: claimSources.sourceId })
        .from(claimSources)
        .where(and(eq(claimSources.claimId, claimId), eq(claimSources.sourceId, s.sourceId)));
      if (!linked) await tx.insert(claimSources).values({ claimId, sourceId: s.sourceId, relation: s.relation, excerpt: s.excerpt });
    }
    await tx
      .update(claims)
      .set({ verdictId: from.verdictId, rationale: from.rationale, reusedFromClaimId: from.id, version: target.version + 1, updatedAt: new Date() })
      .where(eq(claims.id, claimId));
    await recordEvent(tx, {
      claimId,
      actorId: actor.id,
      action: 'edited',
      fromStatus: target.status,
      toStatus: target.status,
      comment: `Reused the verdict of claim #${from.id}${relation === 'variant' ? ` (a variant: ${reasons.join(', ')}; confirmed)` : ''}.`,
      diff: {
        verdictId: { from: target.verdictId, to: from.verdictId },
        rationale: { from: target.rationale, to: from.rationale },
        reusedFromClaimId: { from: target.reusedFromClaimId, to: from.id },
      },
    });
    return (await findClaim(tx, claimId, actor))!;
  });
}
