import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { NotFound } from '@/lib/errors';
import { canSeeClaim } from '@/lib/settings/draft-visibility';
import { findClaim, type ClaimView } from './claim-view';

/** One claim with sources. Throws NotFound. */
export async function getClaim({ actor, id }: { actor: Actor; id: number }): Promise<ClaimView> {
  assertCan(actor, 'claim:read');
  const claim = await findClaim(getDb(), id, actor);
  // A draft hidden by the editors_see_drafts setting is "not found", so its existence does not leak.
  if (!claim || !(await canSeeClaim(actor, claim))) throw NotFound('Claim');
  return claim;
}
