import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { articles, claims, dismissedSuggestions } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { NotFound, Invalid } from '@/lib/errors';
import { draftVisibilityFilter } from '@/lib/settings/draft-visibility';
import { parseInput } from '@/lib/validation';
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
  const article = db.select({ text: articles.bodyText }).from(articles).where(eq(articles.id, articleId)).get();
  if (!article) throw NotFound('Article');
  const claimed = db.select({ start: claims.start, end: claims.end }).from(claims).where(and(eq(claims.articleId, articleId), draftVisibilityFilter(actor))).all();
  const dismissed = db
    .select({ start: dismissedSuggestions.start, end: dismissedSuggestions.end })
    .from(dismissedSuggestions)
    .where(eq(dismissedSuggestions.articleId, articleId))
    .all();
  const gone = new Set(dismissed.map((d) => `${d.start}:${d.end}`));
  const suggestions = await runTask('suggest', { text: article.text, exclude: claimed }, 'Finding suggestions in this article');
  return suggestions.filter((s) => !gone.has(`${s.start}:${s.end}`));
}

export const dismissSuggestionInput = z.strictObject({
  start: z.number().int().min(0),
  end: z.number().int().min(1),
});

/** Remembers that a suggested span was dismissed on an article, so it is not proposed again. Throws NotFound, Invalid. */
export function dismissSuggestion({ actor, articleId, input }: { actor: Actor; articleId: number; input: unknown }): void {
  assertCan(actor, 'claim:create');
  const span = parseInput(dismissSuggestionInput, input);
  const db = getDb();
  const article = db.select({ text: articles.bodyText }).from(articles).where(eq(articles.id, articleId)).get();
  if (!article) throw NotFound('Article');
  if (span.end <= span.start || span.end > article.text.length) throw Invalid('The span is outside the article.', { end: 'Out of range.' });
  db.insert(dismissedSuggestions)
    .values({ articleId, ...span, dismissedBy: actor.id })
    .onConflictDoNothing()
    .run();
}
