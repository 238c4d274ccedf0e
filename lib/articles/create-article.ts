import crypto from 'node:crypto';
import { z } from 'zod';
import { runInTransaction } from '@/db/client';
import { articles } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { Invalid, TooLarge } from '@/lib/errors';
import { parseInput, plainText, textField } from '@/lib/validation';
import { httpUrl } from '@/lib/urls';
import { recordAudit, changedFields } from '@/lib/audit/record-audit';
import { runTask } from '@/lib/workers/pool';
import { ARTICLE_PUBLISHER_MAX, ARTICLE_TITLE_MAX, MAX_ARTICLE_BYTES } from './limits';

export const createArticleInput = z.strictObject({
  title: textField(ARTICLE_TITLE_MAX).optional(),
  format: z.enum(['text', 'html', 'markdown']),
  content: plainText(),
  sourceUrl: z.union([httpUrl, z.literal('')]).optional(),
  publisher: textField(ARTICLE_PUBLISHER_MAX).optional(),
  publishedAt: z.union([z.iso.date('Use the form YYYY-MM-DD.'), z.literal('')]).optional(),
});
export type CreateArticleInput = z.infer<typeof createArticleInput>;

/**
 * Converts (in a worker, within the time budget) and stores an imported article; returns its id.
 * Throws Invalid (naming a broken limit), TooLarge or Unavailable (too slow), storing nothing.
 */
export async function createArticle({ actor, input }: { actor: Actor; input: unknown }): Promise<{ id: number }> {
  assertCan(actor, 'article:create');
  const data = parseInput(createArticleInput, input);
  const converted = await convertImport(data);
  const title = (data.title || converted.title || '').trim().slice(0, 300);
  if (!title) throw Invalid('Give the article a title.', { title: 'Required.' });
  const meta = {
    title,
    sourceUrl: data.sourceUrl || null,
    publisher: data.publisher || null,
    publishedAt: data.publishedAt || converted.publishedAt,
  };
  return runInTransaction(async (tx) => {
    const [row] = await tx
      .insert(articles)
      .values({ ...meta, bodyJson: converted.doc, bodyText: converted.text, contentHash: contentHash(converted.text), createdBy: actor.id })
      .returning({ id: articles.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'article.imported',
      entityId: row.id,
      summary: `Imported “${title}” (${converted.text.length} characters)`,
      diff: changedFields(null, meta),
    });
    return row;
  });
}

/**
 * Size-checks imported content, then converts it in a worker (structure limits first, see convertArticle).
 * Throws TooLarge, Invalid (naming `content`) or Unavailable. Shared by new versions.
 */
export async function convertImport(data: { format: 'text' | 'html' | 'markdown'; content: string; title?: string }) {
  if (Buffer.byteLength(data.content, 'utf8') > MAX_ARTICLE_BYTES) {
    throw TooLarge(`The article is larger than ${MAX_ARTICLE_BYTES / 1024 / 1024} MB (the size limit); split it or import the text only.`);
  }
  const input = { format: data.format, content: data.content, title: data.title || null };
  const converted = await runTask('convert', input, 'Converting the document');
  if ('refused' in converted) throw Invalid(converted.refused.message, { [converted.refused.field]: converted.refused.message });
  return converted;
}

/** SHA-256 of the article text (the anchors' reference). */
export function contentHash(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}
