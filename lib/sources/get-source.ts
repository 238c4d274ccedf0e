import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, claims, claimSources, users, verdictScale, type ClaimStatus, type SourceRelation } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { NotFound } from '@/lib/errors';
import { draftVisibilityFilter } from '@/lib/settings/draft-visibility';
import { findSource, type SourceView } from './source-view';

/** A claim citing a source, with how it uses it, across all articles. */
export type SourceCitation = {
  claimId: number;
  claimText: string;
  status: ClaimStatus;
  articleId: number;
  articleTitle: string;
  verdictLabel: string | null;
  verdictColor: string | null;
  relation: SourceRelation;
  excerpt: string;
};
export type SourceDetail = SourceView & { createdByName: string; citations: SourceCitation[] };

/** One source with every claim citing it that the actor may see (oldest claim first), in two queries. Throws NotFound. */
export async function getSource({ actor, id }: { actor: Actor; id: number }): Promise<SourceDetail> {
  assertCan(actor, 'source:read');
  const db = getDb();
  const source = await findSource(db, id);
  if (!source) throw NotFound('Source');
  const [creator] = await db.select({ name: users.name }).from(users).where(eq(users.id, source.createdBy));
  const citations = await db
    .select({
      claimId: claims.id,
      claimText: claims.claimText,
      status: claims.status,
      articleId: articles.id,
      articleTitle: articles.title,
      verdictLabel: verdictScale.label,
      verdictColor: verdictScale.color,
      relation: claimSources.relation,
      excerpt: claimSources.excerpt,
    })
    .from(claimSources)
    .innerJoin(claims, eq(claims.id, claimSources.claimId))
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .leftJoin(verdictScale, eq(verdictScale.id, claims.verdictId))
    .where(and(eq(claimSources.sourceId, id), draftVisibilityFilter(actor)))
    .orderBy(asc(claims.id));
  return { ...source, createdByName: creator?.name ?? 'unknown', citations };
}
