import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, runInTransaction } from '@/db/client';
import { articles, dismissedSuggestions } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { recordAudit } from '@/lib/audit/record-audit';
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
  await runInTransaction(async (tx) => {
    const added = await tx
      .insert(dismissedSuggestions)
      .values({ articleId, ...span, dismissedBy: actor.id })
      .onConflictDoNothing()
      .returning({ start: dismissedSuggestions.start });
    if (!added.length) return; // dismissed before: nothing changed
    const excerpt = article.text.slice(span.start, Math.min(span.end, span.start + 120));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'article.suggestion_dismissed',
      entityId: articleId,
      summary: `Dismissed the suggestion “${excerpt}”`,
    });
  });
}
