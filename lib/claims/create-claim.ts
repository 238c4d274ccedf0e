import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { runInTransaction } from '@/db/client';
import { articles, claims, CLAIM_TYPES } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { Invalid, NotFound } from '@/lib/errors';
import { parseInput, plainText, textField } from '@/lib/validation';
import { describeRange } from '@/lib/anchoring/quote';
import { assertWholeCharacters } from './assert-whole-characters';
import { recordEvent } from '@/lib/review/record-event';
import { claimOwnColumns, newClaimView, type ClaimView } from './claim-view';
import { CLAIMANT_MAX, CLAIM_TEXT_MAX, NOTE_MAX } from './limits';

export const createClaimInput = z
  .strictObject({
    articleId: z.number().int().positive(),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    exact: plainText().max(CLAIM_TEXT_MAX).optional(),
    type: z.enum(CLAIM_TYPES),
    claimant: textField(CLAIMANT_MAX).optional(),
    claimText: textField(CLAIM_TEXT_MAX).optional(),
    note: textField(NOTE_MAX).optional(),
  })
  .refine((v) => v.end > v.start, { path: ['end'], message: 'end must be greater than start.' });
export type CreateClaimInput = z.infer<typeof createClaimInput>;

/** Creates a draft claim anchored to [start, end) of the article's text, with its audit event. */
export async function createClaim({ actor, input }: { actor: Actor; input: unknown }): Promise<ClaimView> {
  assertCan(actor, 'claim:create');
  const data = parseInput(createClaimInput, input);
  return runInTransaction(async (tx) => {
    const [article] = await tx.select({ text: articles.bodyText }).from(articles).where(eq(articles.id, data.articleId));
    if (!article) throw NotFound('Article');
    if (data.end > article.text.length) {
      throw Invalid(`end is past the end of the article (${article.text.length} characters).`, { end: 'Out of range.' });
    }
    assertWholeCharacters(article.text, data.start, data.end);
    const anchor = describeRange(article.text, data.start, data.end);
    if (data.exact !== undefined && data.exact !== anchor.exact) {
      throw Invalid('exact does not match the article text at start..end.', { exact: 'Does not match the text at this position.' });
    }
    if (!anchor.exact.trim()) throw Invalid('A claim cannot be only whitespace.', { start: 'Select some words.' });
    const now = new Date();
    const [row] = await tx
      .insert(claims)
      .values({
        articleId: data.articleId,
        ...anchor,
        type: data.type,
        claimant: data.claimant ?? '',
        claimText: data.claimText || anchor.exact.replace(/\s+/g, ' ').trim(),
        note: data.note ?? '',
        authorId: actor.id,
        updatedAt: now,
      })
      .returning(claimOwnColumns);
    await recordEvent(tx, { claimId: row.id, actorId: actor.id, action: 'created', toStatus: 'draft' }, row);
    // Built from the inserted row: reading it back with its joins was a third of the service's time.
    return newClaimView(row, actor);
  });
}
