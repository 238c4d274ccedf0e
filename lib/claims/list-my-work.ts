import { and, asc, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, claims, CLAIM_STATUSES, type ClaimStatus } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { draftVisibilityFilter } from '@/lib/settings/draft-visibility';

export type MyWorkClaim = { id: number; articleId: number; claimText: string; articleTitle: string; updatedAt: Date };
export type MyWork = {
  /** Claims assigned to the actor by status, in workflow order, statuses without claims left out; oldest change first. */
  claims: { status: ClaimStatus; items: MyWorkClaim[] }[];
  /** Articles assigned to the actor for marking, newest first. */
  articles: { id: number; title: string }[];
  /** True when more than `limit` claims are assigned (the board's "assigned to me" view lists them all). */
  more: boolean;
};

/**
 * What is assigned to the actor: claims grouped by status (at most `limit`, those waiting longest first) and
 * articles. Two queries on the assignee indexes.
 */
export async function listMyWork({ actor, limit = 100 }: { actor: Actor; limit?: number }): Promise<MyWork> {
  assertCan(actor, 'claim:read');
  const db = getDb();
  const rows = await db
    .select({
      id: claims.id,
      articleId: claims.articleId,
      claimText: claims.claimText,
      status: claims.status,
      updatedAt: claims.updatedAt,
      articleTitle: articles.title,
    })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(and(eq(claims.assigneeId, actor.id), draftVisibilityFilter(actor)))
    .orderBy(asc(claims.updatedAt), asc(claims.id))
    .limit(limit + 1);
  const assigned = await db
    .select({ id: articles.id, title: articles.title })
    .from(articles)
    .where(eq(articles.assigneeId, actor.id))
    .orderBy(desc(articles.id))
    .limit(50);
  const shown = rows.slice(0, limit);
  const groups = CLAIM_STATUSES.map((status) => ({
    status,
    items: shown
      .filter((r) => r.status === status)
      .map((r) => ({ id: r.id, articleId: r.articleId, claimText: r.claimText, articleTitle: r.articleTitle, updatedAt: r.updatedAt })),
  })).filter((g) => g.items.length > 0);
  return { claims: groups, articles: assigned, more: rows.length > limit };
}
