import { and, count, eq } from 'drizzle-orm';
import { runInTransaction } from '@/db/client';
import { claims, claimSources, sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { can } from '@/lib/auth/permissions';
import { Conflict, Forbidden, NotFound } from '@/lib/errors';
import { recordAudit, changedFields } from '@/lib/audit/record-audit';
import { draftVisibilityFilter } from '@/lib/settings/draft-visibility';
import { findSource } from './source-view';

/**
 * Deletes a source that no claim cites; its creator or an admin may.
 * Throws NotFound, Forbidden, Conflict (still cited: detach it from those claims first).
 */
export async function deleteSource({ actor, id }: { actor: Actor; id: number }): Promise<void> {
  await runInTransaction(async (tx) => {
    const source = await findSource(tx, id);
    if (!source) throw NotFound('Source');
    if (!can(actor, 'source:delete', { own: source.createdBy === actor.id }))
      throw Forbidden('Only the person who added a source, or an admin, can delete it.');
    const countCiting = async (visibleOnly: boolean) => {
      const [{ n }] = await tx
        .select({ n: count() })
        .from(claimSources)
        .innerJoin(claims, eq(claims.id, claimSources.claimId))
        .where(and(eq(claimSources.sourceId, id), visibleOnly ? draftVisibilityFilter(actor) : undefined));
      return n;
    };
    // Drafts hidden from the actor still keep the source, but the message counts only the claims they can see.
    if ((await countCiting(false)) > 0) {
      const cited = await countCiting(true);
      if (cited === 0) throw Conflict('This source is still cited, so it cannot be deleted yet.');
      throw Conflict(
        `This source is cited by ${cited} claim${cited === 1 ? '' : 's'}; detach it from ${cited === 1 ? 'that claim' : 'them'} before deleting.`,
      );
    }
    await tx.delete(sources).where(eq(sources.id, id));
    const { url, title, publisher } = source;
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'source.deleted',
      entityId: id,
      summary: `Deleted source “${title || url}”`,
      diff: changedFields({ url, title, publisher }, { url: null, title: null, publisher: null }),
    });
  });
}
