import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { articles, claims } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { Conflict, NotFound } from '@/lib/errors';
import { parseInput, textField } from '@/lib/validation';
import { describeRange, reanchor } from '@/lib/anchoring/quote';
import { recordEvent } from '@/lib/review/record-event';
import { statusAfterEdit } from '@/lib/review/workflow';
import { contentHash, convertImport } from './create-article';

export const createVersionInput = z.strictObject({
  title: textField(300).optional(),
  format: z.enum(['text', 'html', 'markdown']),
  content: z.string(),
});

export type VersionResult = { id: number; kept: number; moved: number; fuzzy: number; orphaned: number };

/**
 * Stores new text for an article as a new version (linked by previous_id) and moves every claim onto it:
 * same place if the quote is still there, else found by quote, else fuzzy-matched, else marked orphaned.
 * A claim whose words changed (fuzzy or orphaned) goes back to review. Throws NotFound, Conflict (not the latest
 * version), Invalid, TooLarge; stores nothing on error.
 */
export function createArticleVersion({ actor, articleId, input }: { actor: Actor; articleId: number; input: unknown }): VersionResult {
  assertCan(actor, 'article:create');
  const data = parseInput(createVersionInput, input);
  const previous = getDb().select({ title: articles.title }).from(articles).where(eq(articles.id, articleId)).get();
  if (!previous) throw NotFound('Article');
  // The article keeps its title unless a new one is given; passing it also keeps the text's first line in the body.
  const title = data.title || previous.title;
  const converted = convertImport({ ...data, title });
  return getDb().transaction(
    (tx) => {
      const old = tx.select().from(articles).where(eq(articles.id, articleId)).get();
      if (!old) throw NotFound('Article');
      if (tx.select({ id: articles.id }).from(articles).where(eq(articles.previousId, articleId)).get()) {
        throw Conflict('A newer version of this article exists; add the new text to that one.');
      }
      const { id } = tx
        .insert(articles)
        .values({
          title,
          sourceUrl: old.sourceUrl,
          publisher: old.publisher,
          publishedAt: old.publishedAt,
          fetchedUrl: old.fetchedUrl,
          byline: old.byline,
          bodyJson: converted.doc,
          bodyText: converted.text,
          contentHash: contentHash(converted.text),
          previousId: old.id,
          createdBy: actor.id,
        })
        .returning({ id: articles.id })
        .get();
      const result: VersionResult = { id, kept: 0, moved: 0, fuzzy: 0, orphaned: 0 };
      for (const claim of tx.select().from(claims).where(eq(claims.articleId, articleId)).all()) {
        const found = reanchor(converted.text, claim);
        const anchor = found ? describeRange(converted.text, found.start, found.end) : null;
        result[!found ? 'orphaned' : found.method === 'position' ? 'kept' : found.method === 'quote' ? 'moved' : 'fuzzy']++;
        // Reviewed words that changed or vanished need another look; a claim that simply moved keeps its status.
        const wordsChanged = !found || found.method === 'fuzzy';
        const status = (wordsChanged && statusAfterEdit(claim.status)) || claim.status;
        const next = { articleId: id, ...(anchor ?? {}), orphaned: !anchor, status };
        const diff = Object.fromEntries(
          Object.entries(next)
            .filter(([key, value]) => claim[key as keyof typeof claim] !== value)
            .map(([key, value]) => [key, { from: claim[key as keyof typeof claim], to: value }]),
        );
        tx.update(claims)
          .set({ ...next, version: claim.version + 1, updatedAt: new Date() })
          .where(and(eq(claims.id, claim.id), eq(claims.version, claim.version)))
          .run();
        recordEvent(tx, { claimId: claim.id, actorId: actor.id, action: 'edited', fromStatus: claim.status, toStatus: status, diff, comment: `Moved to version ${id} of the article.` });
      }
      return result;
    },
    { behavior: 'immediate' },
  );
}
