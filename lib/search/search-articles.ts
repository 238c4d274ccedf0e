import { and, desc, eq, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';

const newer = alias(articles, 'newer');

export type ArticleHit = { id: number; title: string; publisher: string | null; publishedAt: string | null };

/**
 * Latest versions of articles whose title contains every word of `q` (case-insensitive substring, so an article
 * without claims is found too; numbers without their separators), newest first. A wordless query returns nothing.
 */
export async function searchArticles({ actor, q, limit = 20 }: { actor: Actor; q: string; limit?: number }): Promise<ArticleHit[]> {
  assertCan(actor, 'article:read');
  // Digit-group separators are dropped on both sides, so "8000" finds a title with "8,000" and the other way round.
  const words = q.match(/[\p{L}\p{N}]+(?:[.,]\p{N}+)*/gu)?.slice(0, 20);
  if (!words) return [];
  const db = getDb();
  const title = sql`replace(replace(lower(${articles.title}), ',', ''), '.', '')`;
  // The words hold only letters and digits, never a LIKE wildcard (% or _) to escape.
  const contains = words.map((w) => sql`${title} like ${`%${w.toLowerCase().replace(/[.,]/g, '')}%`}`);
  return db
    .select({ id: articles.id, title: articles.title, publisher: articles.publisher, publishedAt: articles.publishedAt })
    .from(articles)
    .where(
      and(
        ...contains,
        notExists(
          db
            .select({ one: sql`1` })
            .from(newer)
            .where(eq(newer.previousId, articles.id)),
        ),
      ),
    )
    .orderBy(desc(articles.id))
    .limit(limit);
}
