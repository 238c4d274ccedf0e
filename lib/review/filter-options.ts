import { and, asc, desc, eq, exists, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, claims, users, verdictScale } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { draftVisibilityFilter } from '@/lib/settings/draft-visibility';

/** Choices offered by the filter selects. */
export type FilterOptions = {
  articles: { id: number; title: string }[];
  verdicts: { id: number; label: string }[];
  authors: { id: number; name: string }[];
};

/** Choices for the article, verdict and author filters of the queue and the board (only authors of claims the actor may see). */
export async function filterOptions({ actor }: { actor: Actor }): Promise<FilterOptions> {
  assertCan(actor, 'claim:read');
  const db = getDb();
  const [articleRows, verdicts, authors] = await Promise.all([
    db.select({ id: articles.id, title: articles.title }).from(articles).orderBy(desc(articles.id)).limit(500),
    db.select({ id: verdictScale.id, label: verdictScale.label }).from(verdictScale).orderBy(asc(verdictScale.sort)),
    // EXISTS probes claims_author_idx once per user; a join + DISTINCT read every claim (100k rows per page view).
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(
        exists(
          db
            .select({ one: sql`1` })
            .from(claims)
            .where(and(eq(claims.authorId, users.id), draftVisibilityFilter(actor))),
        ),
      )
      .orderBy(asc(users.name)),
  ]);
  return { articles: articleRows, verdicts, authors };
}
