import crypto from 'node:crypto';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { Invalid, TooLarge } from '@/lib/errors';
import { parseInput, plainText, textField } from '@/lib/validation';
import { httpUrl } from '@/lib/urls';
import { recordAudit, changedFields } from '@/lib/audit/record-audit';
import { convertArticle, ConversionError } from './convert';

/** Largest article content accepted, in bytes of UTF-8. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

export const createArticleInput = z.strictObject({
  title: textField(300).optional(),
  format: z.enum(['text', 'html', 'markdown']),
  content: plainText(),
  sourceUrl: z.union([httpUrl, z.literal('')]).optional(),
  publisher: textField(200).optional(),
  publishedAt: z.union([z.iso.date('Use the form YYYY-MM-DD.'), z.literal('')]).optional(),
});
export type CreateArticleInput = z.infer<typeof createArticleInput>;

/** Converts and stores an imported article; returns its id. Throws Invalid / TooLarge, storing nothing. */
export function createArticle({ actor, input }: { actor: Actor; input: unknown }): { id: number } {
  assertCan(actor, 'article:create');
  const data = parseInput(createArticleInput, input);
  const converted = convertImport(data);
  const title = (data.title || converted.title || '').trim().slice(0, 300);
  if (!title) throw Invalid('Give the article a title.', { title: 'Required.' });
  const meta = { title, sourceUrl: data.sourceUrl || null, publisher: data.publisher || null, publishedAt: data.publishedAt || converted.publishedAt };
  return getDb().transaction(
    (tx) => {
      const row = tx
        .insert(articles)
        .values({ ...meta, bodyJson: converted.doc, bodyText: converted.text, contentHash: contentHash(converted.text), createdBy: actor.id })
        .returning({ id: articles.id })
        .get();
      recordAudit(tx, { actorId: actor.id, action: 'article.imported', entityId: row.id, summary: `Imported “${title}” (${converted.text.length} characters)`, diff: changedFields(null, meta) });
      return row;
    },
    { behavior: 'immediate' },
  );
}

/** Size-checks and converts imported content; throws TooLarge or Invalid (naming `content`). Shared by new versions. */
export function convertImport(data: { format: 'text' | 'html' | 'markdown'; content: string; title?: string }) {
  if (Buffer.byteLength(data.content, 'utf8') > MAX_ARTICLE_BYTES) {
    throw TooLarge(`The article is larger than ${MAX_ARTICLE_BYTES / 1024 / 1024} MB; split it or import the text only.`);
  }
  try {
    return convertArticle({ format: data.format, content: data.content, title: data.title || null });
  } catch (error) {
    if (error instanceof ConversionError) throw Invalid(error.message, { content: error.message });
    throw error;
  }
}

/** SHA-256 of the article text (the anchors' reference). */
export function contentHash(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}
