import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { runInTransaction } from '@/db/client';
import { claimSources } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { editClaimSources } from './edit-claim-sources';

/** Query of DELETE /api/claims/:id/sources/:sourceId: an optional version of the claim the client has open. */
export const detachSourceInput = z.strictObject({ version: z.coerce.number().int().positive().optional() });

/**
 * Removes a source from a claim (the source itself stays). An edit of the claim (see editClaimSources).
 * Throws NotFound (claim, or source not attached), Conflict, Forbidden.
 */
export async function detachSource({
  actor,
  claimId,
  sourceId,
  input = {},
}: {
  actor: Actor;
  claimId: number;
  sourceId: number;
  input?: unknown;
}): Promise<void> {
  const { version } = parseInput(detachSourceInput, input);
  await runInTransaction((tx) =>
    editClaimSources(tx, { actor, claimId, version }, async () => {
      const removed = await tx
        .delete(claimSources)
        .where(and(eq(claimSources.claimId, claimId), eq(claimSources.sourceId, sourceId)))
        .returning({ sourceId: claimSources.sourceId });
      if (removed.length !== 1) throw NotFound('Source link');
    }),
  );
}
