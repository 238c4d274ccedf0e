import { and, count, desc, eq, inArray, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '@/db/client';
import { articles, claims, CLAIM_STATUSES, type ClaimStatus } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { draftVisibilityFilter } from '@/lib/settings/draft-visibility';

const newer = alias(articles, 'newer');

export type ArticleSummary = {
  id: number;
  title: string;
  sourceUrl: string | null;
  publisher: string | null;
  publishedAt: string | null;
  createdAt: Date;
  claimCounts: Record<ClaimStatus, number> & { total: number };
};

/**
 * Articles, newest first (all of them, or the newest `limit`), with counts per status of the claims the actor may see
 * (two queries; with a limit the counts read only those articles' claims, through claims_article_idx).
 */
export async function listArticles({ actor, limit }: { actor: Actor; limit?: number }): Promise<ArticleSummary[]> {
  assertCan(actor, 'article:read');
  const db = getDb();
  const query = db
    .select({
      id: articles.id,
      title: articles.title,
      sourceUrl: articles.sourceUrl,
      publisher: articles.publisher,
      publishedAt: articles.publishedAt,
      createdAt: articles.createdAt,
    })
    .from(articles)
    // Only the latest version of each article: older versions hand their claims on to the newer one.
    .where(
      notExists(
        db
          .select({ one: sql`1` })
          .from(newer)
          .where(eq(newer.previousId, articles.id)),
      ),
    )
    .orderBy(desc(articles.id));
  const rows = limit === undefined ? await query : await query.limit(limit);
  const only =
    limit === undefined
      ? undefined
      : inArray(
          claims.articleId,
          rows.map((r) => r.id),
        );
  const counts = await db
    .select({ articleId: claims.articleId, status: claims.status, n: count() })
    .from(claims)
    .where(and(only, draftVisibilityFilter(actor)))
    .groupBy(claims.articleId, claims.status);
  const byArticle = new Map<number, ArticleSummary['claimCounts']>();
  for (const c of counts) {
    const entry = byArticle.get(c.articleId) ?? emptyCounts();
    entry[c.status] = c.n;
    entry.total += c.n;
    byArticle.set(c.articleId, entry);
  }
  return rows.map((r) => ({ ...r, claimCounts: byArticle.get(r.id) ?? emptyCounts() }));
}

function emptyCounts(): ArticleSummary['claimCounts'] {
  return Object.assign({ total: 0 }, Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>);
}

/** Title of an article, or undefined (for breadcrumbs and exports). */
export async function articleTitle(id: number): Promise<string | undefined> {
  const [row] = await getDb().select({ title: articles.title }).from(articles).where(eq(articles.id, id));
  return row?.title;
}
