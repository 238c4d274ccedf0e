import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, claims } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { Conflict, Invalid, NotFound } from '@/lib/errors';
import type { GuardedFetchOptions } from '@/lib/net/guarded-fetch';
import { contentHash } from './create-article';
import { createArticleVersion } from './create-article-version';
import { fetchArticle } from './fetch-article';
import { getArticle, type ArticleDetail } from './get-article';

export type RefreshResult =
  | { changed: false; checkedAt: Date }
  | {
      changed: true;
      checkedAt: Date;
      article: ArticleDetail;
      kept: number;
      moved: number;
      fuzzy: number;
      orphaned: number;
      /** Claims that were verified and are in review again because their words changed. */
      backToReview: number;
    };

/**
 * Fetches an article's link again. Unchanged text only records the check time; changed text becomes a new version
 * through createArticleVersion (claims follow their words; changed ones go back to review). Throws NotFound,
 * Invalid (not imported from a link), Conflict (not the latest version) and the fetch errors of fetchArticle.
 */
export async function refreshArticle({
  actor,
  articleId,
  fetch,
}: {
  actor: Actor;
  articleId: number;
  fetch?: GuardedFetchOptions;
}): Promise<RefreshResult> {
  assertCan(actor, 'article:create');
  const db = getDb();
  const [current] = await db.select().from(articles).where(eq(articles.id, articleId));
  if (!current) throw NotFound('Article');
  if (!current.fetchedUrl) throw Invalid('This article was not imported from a link, so there is nothing to check; import a new version by hand.');
  const [newer] = await db.select({ id: articles.id }).from(articles).where(eq(articles.previousId, articleId)).limit(1);
  if (newer) throw Conflict('A newer version of this article exists; check that one for updates.');
  const page = await fetchArticle(current.fetchedUrl, fetch);
  const checkedAt = new Date();
  if (contentHash(page.converted.text) === current.contentHash) {
    await db.update(articles).set({ lastCheckedAt: checkedAt }).where(eq(articles.id, articleId));
    return { changed: false, checkedAt };
  }
  const statusBefore = new Map(
    (await db.select({ id: claims.id, status: claims.status }).from(claims).where(eq(claims.articleId, articleId))).map((c) => [c.id, c.status]),
  );
  // The editor's title stays: a new headline shows in the diff, the article keeps the name the desk knows it by.
  // The check time and byline are written in the version's own transaction.
  const { id, ...counts } = await createArticleVersion({
    actor,
    articleId,
    input: { format: page.format, content: page.content, title: current.title },
    refreshed: { checkedAt, byline: page.byline },
  });
  const after = await db.select({ id: claims.id, status: claims.status }).from(claims).where(eq(claims.articleId, id));
  const backToReview = after.filter((c) => c.status !== statusBefore.get(c.id)).length;
  return { changed: true, checkedAt, article: await getArticle({ actor, id }), ...counts, backToReview };
}
