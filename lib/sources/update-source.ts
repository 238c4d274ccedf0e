import { and, eq, ne } from 'drizzle-orm';
import { runInTransaction } from '@/db/client';
import { sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { can } from '@/lib/auth/permissions';
import { Conflict, Forbidden, NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { changedFields, recordAudit } from '@/lib/audit/record-audit';
import { updateSourceInput } from './source-input';
import { returnCitingClaims } from './return-citing-claims';
import { findSource, type SourceView } from './source-view';

/**
 * Edits a source's URL (re-normalised) and descriptive fields; its creator or a reviewer/admin may.
 * A changed URL or title sends verified claims citing it back to review (returnCitingClaims).
 * Throws NotFound, Forbidden, Invalid, Conflict (another source already has the URL).
 */
export async function updateSource({ actor, id, input }: { actor: Actor; id: number; input: unknown }): Promise<SourceView> {
  const data = parseInput(updateSourceInput, input);
  return runInTransaction(async (tx) => {
    const source = await findSource(tx, id);
    if (!source) throw NotFound('Source');
    if (!can(actor, 'source:edit', { own: source.createdBy === actor.id }))
      throw Forbidden('Only the person who added a source, or a reviewer, can edit it.');
    if (data.url && data.url !== source.url) {
      const [taken] = await tx
        .select({ id: sources.id })
        .from(sources)
        .where(and(eq(sources.url, data.url), ne(sources.id, id)));
      if (taken) throw Conflict(`Another source (#${taken.id}) already has this URL.`);
    }
    const diff = changedFields(source, data);
    if (Object.keys(diff).length) {
      await tx
        .update(sources)
        .set(Object.fromEntries(Object.entries(diff).map(([k, v]) => [k, v.to])))
        .where(eq(sources.id, id));
      const returned = await returnCitingClaims(tx, { actor, sourceId: id, diff });
      const summary = `Edited source “${source.title || source.url}”${returned ? `; ${returned} verified claim${returned === 1 ? '' : 's'} sent back to review` : ''}`;
      await recordAudit(tx, { actorId: actor.id, action: 'source.updated', entityId: id, summary, diff });
    }
    return (await findSource(tx, id))!;
  });
}
