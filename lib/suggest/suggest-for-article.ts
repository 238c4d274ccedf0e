import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, claims, dismissedSuggestions } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { NotFound } from '@/lib/errors';
import { draftVisibilityFilter } from '@/lib/settings/draft-visibility';
import { runTask } from '@/lib/workers/pool';
import type { Suggestion } from './index';

/**
 * Suggestions for a stored article, minus spans already claimed (in claims the actor may see: a hidden draft's span
 * must not show) and spans an editor dismissed. The pass runs in a worker within the time budget. Throws NotFound,
 * Unavailable (too slow).
 */
export async function suggestForArticle({ actor, articleId }: { actor: Actor; articleId: number }): Promise<Suggestion[]> {
  assertCan(actor, 'claim:create');
  const db = getDb();
  const [article] = await db.select({ text: articles.bodyText }).from(articles).where(eq(articles.id, articleId));
  if (!article) throw NotFound('Article');
  const claimed = await db.select({ start: claims.start, end: claims.end }).from(claims).where(and(eq(claims.articleId, articleId), draftVisibilityFilter(actor)));
  const dismissed = await db
    .select({ start: dismissedSuggestions.start, end: dismissedSuggestions.end })
    .from(dismissedSuggestions)
    .where(eq(dismissedSuggestions.articleId, articleId));
  const gone = new Set(dismissed.map((d) => `${d.start}:${d.end}`));
  const suggestions = await runTask('suggest', { text: article.text, exclude: claimed }, 'Finding suggestions in this article');
  return suggestions.filter((s) => !gone.has(`${s.start}:${s.end}`));
}
