import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { articles } from '@/db/schema';
import { articlePermalink } from '@/lib/export/export-row';
import { publicOrigin } from '@/lib/export/public-origin';
import { enqueueDeliveries, subscribersOf } from './enqueue-deliveries';

/**
 * Queues `article.new_version` deliveries for the new version `articleId` (called by createArticleVersion inside its
 * transaction). The payload's `article` has the fields of an exported claim's `article`, plus `previousId`.
 */
export async function enqueueArticleVersion(tx: DbOrTx, articleId: number): Promise<void> {
  const ids = await subscribersOf(tx, 'article.new_version');
  if (ids.length === 0) return;
  const [a] = await tx.select().from(articles).where(eq(articles.id, articleId));
  if (!a) return;
  const origin = publicOrigin().replace(/\/+$/, '');
  const article = {
    id: a.id,
    title: a.title,
    url: a.sourceUrl,
    publisher: a.publisher,
    publishedAt: a.publishedAt,
    permalink: articlePermalink({ origin } as Parameters<typeof articlePermalink>[0], a.id),
    previousId: a.previousId,
  };
  await enqueueDeliveries(tx, ids, { event: 'article.new_version', articleId: a.id, payload: { article } });
}
