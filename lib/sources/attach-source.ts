import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { runInTransaction } from '@/db/client';
import { claimSources, type SourceRelation } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { Conflict, Invalid } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { findClaim, type ClaimView } from '@/lib/claims/claim-view';
import { findOrInsertSource } from './find-or-insert-source';
import { editClaimSources } from './edit-claim-sources';
import { linkFields, sourceFields, sourceUrl } from './source-input';
import { MAX_SOURCES_PER_CLAIM } from './limits';
import { findSource, type SourceView } from './source-view';

export const attachSourceInput = z
  .strictObject({
    sourceId: z.number().int().positive().optional(),
    url: sourceUrl.optional(),
    ...sourceFields,
    ...linkFields,
    /** Optional optimistic-concurrency check against the claim the client has open. */
    version: z.number().int().positive().optional(),
  })
  .refine((v) => (v.sourceId === undefined) !== (v.url === undefined), {
    path: ['url'],
    message: 'Give either sourceId or url.',
  });

/** The link between a claim and a source, as the API returns it (with the claim after the edit). */
export type SourceLink = {
  claimId: number;
  sourceId: number;
  relation: SourceRelation;
  excerpt: string;
  source: SourceView;
  /** True when an existing source (by id or by normalised URL) was linked rather than a new one created. */
  reused: boolean;
  claim: ClaimView;
};

/**
 * Links a source to a claim, by id or by URL (an existing source with the same normalised URL is reused).
 * It is an edit of the claim (see editClaimSources). Throws Invalid (bad input, unknown sourceId, more than
 * MAX_SOURCES_PER_CLAIM sources), Conflict
 * (already linked, stale version, rejected claim), Forbidden, NotFound.
 */
export async function attachSource({ actor, claimId, input }: { actor: Actor; claimId: number; input: unknown }): Promise<SourceLink> {
  const data = parseInput(attachSourceInput, input);
  if (data.url) assertCan(actor, 'source:create');
  return runInTransaction(async (tx) => {
    const { source, reused } = await editClaimSources(tx, { actor, claimId, version: data.version }, async () => {
      const cited = await tx.$count(claimSources, eq(claimSources.claimId, claimId));
      if (cited >= MAX_SOURCES_PER_CLAIM) {
        throw Invalid(`A claim can cite at most ${MAX_SOURCES_PER_CLAIM} sources; remove one before adding another.`, {
          sourceId: `At most ${MAX_SOURCES_PER_CLAIM} sources.`,
        });
      }
      let found: { source: SourceView; reused: boolean };
      if (data.sourceId !== undefined) {
        const byId = await findSource(tx, data.sourceId);
        if (!byId) throw Invalid('Unknown source.', { sourceId: 'Unknown source.' });
        found = { source: byId, reused: true };
      } else {
        const { url, title, publisher, publishedAt, archivedUrl, notes } = data;
        const r = await findOrInsertSource(tx, actor.id, { url: url!, title, publisher, publishedAt, archivedUrl, notes });
        found = { source: r.source, reused: !r.created };
      }
      const [linked] = await tx
        .select({ claimId: claimSources.claimId })
        .from(claimSources)
        .where(and(eq(claimSources.claimId, claimId), eq(claimSources.sourceId, found.source.id)));
      if (linked) throw Conflict('This source is already attached to this claim.');
      await tx.insert(claimSources).values({ claimId, sourceId: found.source.id, relation: data.relation, excerpt: data.excerpt ?? '' });
      return found;
    });
    return {
      claimId,
      sourceId: source.id,
      relation: data.relation,
      excerpt: data.excerpt ?? '',
      source,
      reused,
      claim: (await findClaim(tx, claimId, actor))!,
    };
  });
}
