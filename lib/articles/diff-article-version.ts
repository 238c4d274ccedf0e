import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { NotFound } from '@/lib/errors';
import { diffText, type TextDiff } from './diff-text';

/** What changed from the previous version to `articleId`, paragraph by paragraph. Throws NotFound (also when it is the first). */
export async function diffArticleVersion({
  actor,
  articleId,
}: {
  actor: Actor;
  articleId: number;
}): Promise<TextDiff & { previousId: number; title: string }> {
  assertCan(actor, 'article:read');
  const db = getDb();
  const [current] = await db
    .select({ text: articles.bodyText, title: articles.title, previousId: articles.previousId })
    .from(articles)
    .where(eq(articles.id, articleId));
  if (!current?.previousId) throw NotFound('Earlier version');
  const [previous] = await db.select({ text: articles.bodyText }).from(articles).where(eq(articles.id, current.previousId));
  if (!previous) throw NotFound('Earlier version');
  return { ...diffText(previous.text, current.text), previousId: current.previousId, title: current.title };
}
