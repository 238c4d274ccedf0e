import { and, asc, eq, isNotNull, isNull, lt, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';

const newer = alias(articles, 'newer');

/**
 * Latest versions of articles imported from a link that were never checked or last checked before `checkedBefore`,
 * least recently checked first (what `npm run articles:refresh` works through).
 */
export async function listArticlesToCheck({ actor, checkedBefore }: { actor: Actor; checkedBefore: Date }): Promise<{ id: number; title: string }[]> {
  assertCan(actor, 'article:read');
  const db = getDb();
  return db
    .select({ id: articles.id, title: articles.title })
    .from(articles)
    .where(
      and(
        isNotNull(articles.fetchedUrl),
        or(isNull(articles.lastCheckedAt), lt(articles.lastCheckedAt, checkedBefore)),
        notExists(
          db
            .select({ one: sql`1` })
            .from(newer)
            .where(eq(newer.previousId, articles.id)),
        ),
      ),
    )
    .orderBy(asc(sql`coalesce(${articles.lastCheckedAt}, 0)`), asc(articles.id));
}
