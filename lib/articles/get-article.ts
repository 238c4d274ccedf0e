import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { JSONContent } from '@tiptap/core';
import { getDb } from '@/db/client';
import { articles, claims, verdictScale } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { NotFound } from '@/lib/errors';
import { selectClaims, withSources, type ClaimRow, type ClaimView } from '@/lib/claims/claim-view';
import { draftVisibilityFilter } from '@/lib/settings/draft-visibility';

/** What the annotate page lists and paints of a claim; sources, tags and abilities load when one is opened. */
export type ClaimSummary = Pick<
  ClaimRow,
  | 'id'
  | 'start'
  | 'end'
  | 'type'
  | 'status'
  | 'verdictId'
  | 'verdictLabel'
  | 'verdictColor'
  | 'claimText'
  | 'claimant'
  | 'orphaned'
  | 'authorId'
  | 'version'
>;

const summaryColumns = {
  id: claims.id,
  start: claims.start,
  end: claims.end,
  type: claims.type,
  status: claims.status,
  verdictId: claims.verdictId,
  verdictLabel: verdictScale.label,
  verdictColor: verdictScale.color,
  claimText: claims.claimText,
  claimant: claims.claimant,
  orphaned: claims.orphaned,
  authorId: claims.authorId,
  version: claims.version,
};

export type ArticleDetail<C = ClaimView> = {
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
  claims: C[];
};

// The full overload last: ReturnType<typeof getArticle> (API view checks) reads the last one.
/**
 * An article with its text, document and claims (with sources and verdicts) in three queries. Throws NotFound.
 * With `summaries`, the claims are ClaimSummary rows from one lighter query: the annotate page of a 10,000-claim
 * article spent most of its server time (0.4-1 s) on sources, tags and abilities it never sent.
 */
export async function getArticle(args: { actor: Actor; id: number; summaries: true }): Promise<ArticleDetail<ClaimSummary>>;
export async function getArticle(args: { actor: Actor; id: number; summaries?: false }): Promise<ArticleDetail>;
export async function getArticle({
  actor,
  id,
  summaries,
}: {
  actor: Actor;
  id: number;
  summaries?: boolean;
}): Promise<ArticleDetail<ClaimView> | ArticleDetail<ClaimSummary>> {
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
  const where = and(eq(claims.articleId, id), draftVisibilityFilter(actor));
  const order = [asc(claims.start), asc(claims.end)] as const;
  const list = summaries
    ? await db
        .select(summaryColumns)
        .from(claims)
        .leftJoin(verdictScale, eq(verdictScale.id, claims.verdictId))
        .where(where)
        .orderBy(...order)
    : await withSources(
        db,
        await selectClaims(db)
          .where(where)
          .orderBy(...order),
        actor,
      );
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
    claims: list,
  };
}
