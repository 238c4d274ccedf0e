import { sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db/client';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { NotFound } from '@/lib/errors';

export type ArticleVersion = { id: number; title: string; createdAt: Date; lastCheckedAt: Date | null };

/** Every version of the article `articleId` belongs to, oldest first (one recursive query each way). Throws NotFound. */
export async function listArticleVersions({ actor, articleId }: { actor: Actor; articleId: number }): Promise<ArticleVersion[]> {
  assertCan(actor, 'article:read');
  // The seed's type is spelled out: PostgreSQL types a recursive CTE's column from a bare parameter as text.
  const rows = await queryRows<{ id: number; title: string; created_at: number; last_checked_at: number | null }>(
    getDb(),
    sql`
    with recursive
      older(id) as (select cast(${articleId} as integer) union all select a.previous_id from articles a join older o on a.id = o.id where a.previous_id is not null),
      newer(id) as (select cast(${articleId} as integer) union all select a.id from articles a join newer n on a.previous_id = n.id)
    select id, title, created_at, last_checked_at from articles
    where id in (select id from older union select id from newer) order by id`,
  );
  if (!rows.some((r) => r.id === articleId)) throw NotFound('Article');
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    createdAt: new Date(r.created_at),
    lastCheckedAt: r.last_checked_at === null ? null : new Date(r.last_checked_at),
  }));
}
