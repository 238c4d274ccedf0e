import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { articles, dismissedSuggestions } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { NotFound, Invalid } from '@/lib/errors';
import { parseInput } from '@/lib/validation';

export const dismissSuggestionInput = z.strictObject({
  start: z.number().int().min(0),
  end: z.number().int().min(1),
});

/** Remembers that a suggested span was dismissed on an article, so it is not proposed again. Throws NotFound, Invalid. */
export async function dismissSuggestion({ actor, articleId, input }: { actor: Actor; articleId: number; input: unknown }): Promise<void> {
  assertCan(actor, 'claim:create');
  const span = parseInput(dismissSuggestionInput, input);
  const db = getDb();
  const [article] = await db.select({ text: articles.bodyText }).from(articles).where(eq(articles.id, articleId));
  if (!article) throw NotFound('Article');
  if (span.end <= span.start || span.end > article.text.length) throw Invalid('The span is outside the article.', { end: 'Out of range.' });
  await db
    .insert(dismissedSuggestions)
    .values({ articleId, ...span, dismissedBy: actor.id })
    .onConflictDoNothing();
}
