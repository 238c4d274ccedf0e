import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { JSONContent } from '@tiptap/core';
import { getDb } from '@/db/client';
import { articles, claims } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { NotFound } from '@/lib/errors';
import { selectClaims, withSources, type ClaimView } from '@/lib/claims/claim-view';
import { draftVisibilityFilter } from '@/lib/settings/draft-visibility';

export type ArticleDetail = {
  id: number;
  title: string;
  sourceUrl: string | null;
  publisher: string | null;
  publishedAt: string | null;
  previousId: number | null;
  /** Set for articles imported from a link: the URL fetched, the byline, and when it was last checked for changes. */
  fetchedUrl: string | null;
  byline: string | null;
  lastCheckedAt: Date | null;
  /** The newer version this article's claims moved to, if any. */
  supersededBy: number | null;
  createdAt: Date;
  /** Who marks its claims (PATCH /api/articles/:id). */
  assigneeId: number | null;
  assigneeName: string | null;
  doc: JSONContent;
  text: string;
  claims: ClaimView[];
};

/** An article with its text, document and claims (with sources and verdicts) in three queries. Throws NotFound. */
export async function getArticle({ actor, id }: { actor: Actor; id: number }): Promise<ArticleDetail> {
  assertCan(actor, 'article:read');
  const db = getDb();
  const [article] = await db
    .select({
      ...getTableColumns(articles),
      // In the same query, so the page stays at a constant number of queries. Spelled out: drizzle leaves the
      // table off columns of single-table selects, which would bind to the subquery's own table.
      supersededBy: sql<number | null>`(select n.id from articles n where n.previous_id = ${sql.raw('"articles"."id"')})`,
      assigneeName: sql<string | null>`(select u.name from users u where u.id = ${sql.raw('"articles"."assignee_id"')})`,
    })
    .from(articles)
    .where(eq(articles.id, id));
  if (!article) throw NotFound('Article');
  const rows = await selectClaims(db)
    .where(and(eq(claims.articleId, id), draftVisibilityFilter(actor)))
    .orderBy(asc(claims.start), asc(claims.end));
  return {
    id: article.id,
    title: article.title,
    sourceUrl: article.sourceUrl,
    publisher: article.publisher,
    publishedAt: article.publishedAt,
    previousId: article.previousId,
    fetchedUrl: article.fetchedUrl,
    byline: article.byline,
    lastCheckedAt: article.lastCheckedAt,
    supersededBy: article.supersededBy,
    createdAt: article.createdAt,
    assigneeId: article.assigneeId,
    assigneeName: article.assigneeName,
    doc: article.bodyJson as JSONContent,
    text: article.bodyText,
    claims: await withSources(db, rows, actor),
  };
}
