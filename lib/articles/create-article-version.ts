import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, runInTransaction, type DbOrTx } from '@/db/client';
import { articles, claims } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { Conflict, NotFound } from '@/lib/errors';
import { parseInput, plainText, textField } from '@/lib/validation';
import { recordEvent } from '@/lib/review/record-event';
import { statusAfterEdit } from '@/lib/review/workflow';
import { recordAudit } from '@/lib/audit/record-audit';
import { recordChange } from '@/lib/live/record-change';
import { canSeeClaim } from '@/lib/settings/draft-visibility';
import { runTask } from '@/lib/workers/pool';
import { enqueueArticleVersion } from '@/lib/webhooks/enqueue-article-version';
import { contentHash, convertImport } from './create-article';
import { ARTICLE_TITLE_MAX } from './limits';

export const createVersionInput = z.strictObject({
  title: textField(ARTICLE_TITLE_MAX).optional(),
  format: z.enum(['text', 'html', 'markdown']),
  content: plainText(),
});

export type VersionResult = { id: number; kept: number; moved: number; fuzzy: number; orphaned: number };

/** Set when the new text was fetched again from the article's link (refreshArticle): recorded in the same transaction. */
export type RefreshedFrom = { checkedAt: Date; byline: string | null };

/**
 * Stores new text for an article as a new version (linked by previous_id) and moves every claim onto it:
 * same place if the quote is still there, else found by quote, else fuzzy-matched, else marked orphaned.
 * A claim whose words changed (fuzzy or orphaned) goes back to review. Conversion and matching run in a worker within
 * the time budget. With `refreshed`, both versions record the check time and the new one the page's byline.
 * Throws NotFound, Conflict (not the latest version, or its claims changed meanwhile), Invalid, TooLarge,
 * Unavailable; stores nothing on error.
 */
export async function createArticleVersion({
  actor,
  articleId,
  input,
  refreshed,
}: {
  actor: Actor;
  articleId: number;
  input: unknown;
  refreshed?: RefreshedFrom;
}): Promise<VersionResult> {
  assertCan(actor, 'article:create');
  const data = parseInput(createVersionInput, input);
  const [previous] = await getDb().select({ title: articles.title }).from(articles).where(eq(articles.id, articleId));
  if (!previous) throw NotFound('Article');
  // The article keeps its title unless a new one is given; passing it also keeps the text's first line in the body.
  const title = data.title || previous.title;
  // Matching every claim against the whole new text is CPU work too: done in a worker outside the transaction, and
  // applied only if the claims are still the ones read here, before the conversion.
  const matched = await claimsOf(getDb(), articleId);
  const converted = await convertImport({ ...data, title });
  const anchors = matched.map(({ start, end, exact, prefix, suffix }) => ({ start, end, exact, prefix, suffix }));
  const landed = await runTask('reanchorAll', { text: converted.text, anchors }, 'Moving the claims to the new text');
  return runInTransaction(async (tx) => {
    const [old] = await tx.select().from(articles).where(eq(articles.id, articleId));
    if (!old) throw NotFound('Article');
    const [newer] = await tx.select({ id: articles.id }).from(articles).where(eq(articles.previousId, articleId)).limit(1);
    if (newer) throw Conflict('A newer version of this article exists; add the new text to that one.');
    const [{ id }] = await tx
      .insert(articles)
      .values({
        title,
        sourceUrl: old.sourceUrl,
        publisher: old.publisher,
        publishedAt: old.publishedAt,
        fetchedUrl: old.fetchedUrl,
        byline: refreshed?.byline ?? old.byline,
        lastCheckedAt: refreshed?.checkedAt ?? null,
        bodyJson: converted.doc,
        bodyText: converted.text,
        contentHash: contentHash(converted.text),
        previousId: old.id,
        createdBy: actor.id,
      })
      .returning({ id: articles.id });
    if (refreshed) await tx.update(articles).set({ lastCheckedAt: refreshed.checkedAt }).where(eq(articles.id, articleId));
    const current = await claimsOf(tx, articleId);
    if (current.length !== matched.length || current.some((claim, i) => claim.id !== matched[i].id || claim.version !== matched[i].version)) {
      throw Conflict('The claims of this article changed while the new text was being matched; import it again.');
    }
    const result: VersionResult = { id, kept: 0, moved: 0, fuzzy: 0, orphaned: 0 };
    for (const [i, claim] of current.entries()) {
      const found = landed[i];
      // Every claim moves, but the counts tell only of claims the actor may see (a hidden draft is not there for them).
      if (await canSeeClaim(actor, claim))
        result[!found ? 'orphaned' : found.method === 'position' ? 'kept' : found.method === 'quote' ? 'moved' : 'fuzzy']++;
      // Reviewed words that changed or vanished need another look; a claim that simply moved keeps its status.
      const wordsChanged = !found || found.method === 'fuzzy';
      const status = (wordsChanged && statusAfterEdit(claim.status)) || claim.status;
      const next = { articleId: id, ...(found?.anchor ?? {}), orphaned: !found, status };
      const diff = Object.fromEntries(
        Object.entries(next)
          .filter(([key, value]) => claim[key as keyof typeof claim] !== value)
          .map(([key, value]) => [key, { from: claim[key as keyof typeof claim], to: value }]),
      );
      // The version was checked above, in this transaction: the update cannot miss.
      await tx
        .update(claims)
        .set({ ...next, version: claim.version + 1, updatedAt: new Date() })
        .where(and(eq(claims.id, claim.id), eq(claims.version, claim.version)));
      await recordEvent(tx, {
        claimId: claim.id,
        actorId: actor.id,
        action: 'edited',
        fromStatus: claim.status,
        toStatus: status,
        diff,
        comment: `Moved to version ${id} of the article.`,
      });
    }
    const summary = `New version of “${title}”: ${result.kept} kept, ${result.moved} moved, ${result.fuzzy} fuzzy, ${result.orphaned} orphaned`;
    const diff = {
      previousId: { from: null, to: old.id },
      characters: { from: old.bodyText.length, to: converted.text.length },
      ...(title !== old.title ? { title: { from: old.title, to: title } } : {}),
    };
    await recordAudit(tx, { actorId: actor.id, action: 'article.new_version', entityId: id, summary, diff });
    // The new version's id; streams of the older one are told too (list-changes.ts follows previous_id).
    await recordChange(tx, { type: 'article.new_version', articleId: id, actorId: actor.id });
    await enqueueArticleVersion(tx, id);
    return result;
  });
}

/** The claims of an article in id order (the order their new anchors come back in). */
function claimsOf(db: DbOrTx, articleId: number) {
  return db.select().from(claims).where(eq(claims.articleId, articleId)).orderBy(asc(claims.id));
}
