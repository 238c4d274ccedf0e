import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { articles, claims, dismissedSuggestions } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { NotFound } from '@/lib/errors';
import { draftVisibilityFilter } from '@/lib/settings/draft-visibility';
import { parseInput } from '@/lib/validation';
import { runTask } from '@/lib/workers/pool';
import type { PersonMention, Suggestion } from './index';

/** Query of the suggestions route: `include=people` adds everyone the article mentions to the answer. */
export const suggestionsQuery = z.object({ include: z.enum(['people']).optional() }).strict();

/** The answer with `include=people`: the suggestions as before, plus every person mention an editor may credit. */
export type SuggestionsWithPeople = { items: Suggestion[]; people: PersonMention[] };

/**
 * Suggestions for a stored article, minus spans already claimed (in claims the actor may see: a hidden draft's span
 * must not show) and spans an editor dismissed, with the people the article mentions. The pass runs in a worker
 * within the time budget. Throws NotFound, Unavailable (too slow).
 */
export async function suggestWithPeople({ actor, articleId }: { actor: Actor; articleId: number }): Promise<SuggestionsWithPeople> {
  assertCan(actor, 'claim:create');
  const db = getDb();
  const [article] = await db.select({ text: articles.bodyText }).from(articles).where(eq(articles.id, articleId));
  if (!article) throw NotFound('Article');
  const claimed = await db
    .select({ start: claims.start, end: claims.end })
    .from(claims)
    .where(and(eq(claims.articleId, articleId), draftVisibilityFilter(actor)));
  const dismissed = await db
    .select({ start: dismissedSuggestions.start, end: dismissedSuggestions.end })
    .from(dismissedSuggestions)
    .where(eq(dismissedSuggestions.articleId, articleId));
  const gone = new Set(dismissed.map((d) => `${d.start}:${d.end}`));
  const { items, people } = await runTask('suggest', { text: article.text, exclude: claimed }, 'Finding suggestions in this article');
  return { items: items.filter((s) => !gone.has(`${s.start}:${s.end}`)), people };
}

/** The suggestions alone, as the API has always answered them (see suggestWithPeople). */
export async function suggestForArticle(options: { actor: Actor; articleId: number }): Promise<Suggestion[]> {
  return (await suggestWithPeople(options)).items;
}

/** Whether the route's query asks for the people too; throws Invalid for an unknown parameter or value. */
export function wantsPeople(query: Record<string, string>): boolean {
  return parseInput(suggestionsQuery, query).include === 'people';
}
