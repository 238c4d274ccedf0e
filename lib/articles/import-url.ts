import { and, desc, eq, inArray, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { getDb, runInTransaction } from '@/db/client';
import { articles } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { changedFields, recordAudit } from '@/lib/audit/record-audit';
import { Invalid } from '@/lib/errors';
import type { GuardedFetchOptions } from '@/lib/net/guarded-fetch';
import { normaliseUrl } from '@/lib/sources/normalise-url';
import { parseInput, textField } from '@/lib/validation';
import { contentHash } from './create-article';
import { fetchArticle } from './fetch-article';
import { ARTICLE_PUBLISHER_MAX, ARTICLE_TITLE_MAX } from './limits';

export const importUrlInput = z.strictObject({
  format: z.literal('url'),
  url: z.string().trim().min(1, 'Paste a link.').max(2000, 'The link is too long.'),
  /** Corrections the editor made on the preview; the page's own values are used when absent. */
  title: textField(ARTICLE_TITLE_MAX).optional(),
  publishedAt: z.union([z.iso.date('Use the form YYYY-MM-DD.'), z.literal('')]).optional(),
  publisher: textField(ARTICLE_PUBLISHER_MAX).optional(),
  /** Import again even though an article from this link exists. */
  copy: z.boolean().optional(),
});
export type ImportUrlInput = z.infer<typeof importUrlInput>;

export const previewUrlInput = importUrlInput.pick({ url: true });

export type UrlImportPreview = {
  /** The latest version of an article already imported from this link, if any. */
  existingId: number | null;
  fetchedUrl: string;
  canonicalUrl: string;
  title: string | null;
  byline: string | null;
  publisher: string | null;
  publishedAt: string | null;
  /** The text as it will be stored (paragraphs separated by blank lines). */
  text: string;
};

const newer = alias(articles, 'newer');

/** Latest version of an article fetched from, or canonically at, any of `urls` (normalised), else null. */
export async function findArticleByUrl(urls: string[]): Promise<number | null> {
  const db = getDb();
  const [row] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(
      and(
        or(inArray(articles.fetchedUrl, urls), inArray(articles.sourceUrl, urls)),
        notExists(
          db
            .select({ one: sql`1` })
            .from(newer)
            .where(eq(newer.previousId, articles.id)),
        ),
      ),
    )
    .orderBy(desc(articles.id))
    .limit(1);
  return row?.id ?? null;
}

function normalisedOrInvalid(url: string): string {
  const normal = normaliseUrl(url);
  if (!normal) throw Invalid('Give a complete http:// or https:// link.', { url: 'Not a web link.' });
  return normal;
}

/** Fetches and extracts a link without storing anything, for the editor to check first. Throws like fetchArticle. */
export async function previewUrlImport({
  actor,
  input,
  fetch,
}: {
  actor: Actor;
  input: unknown;
  fetch?: GuardedFetchOptions;
}): Promise<UrlImportPreview> {
  assertCan(actor, 'article:create');
  const data = parseInput(previewUrlInput, input);
  normalisedOrInvalid(data.url);
  const page = await fetchArticle(data.url, fetch);
  return {
    existingId: await findArticleByUrl([page.fetchedUrl, page.canonicalUrl]),
    fetchedUrl: page.fetchedUrl,
    canonicalUrl: page.canonicalUrl,
    title: page.title,
    byline: page.byline,
    publisher: page.publisher,
    publishedAt: page.publishedAt,
    text: page.converted.text,
  };
}

/**
 * Imports the article at `input.url` (fetched through the guarded fetcher, extracted, sanitised like HTML imports).
 * A link imported before (same normalised or canonical URL) returns that article with `existing: true` and fetches
 * nothing new, unless `copy` is set. Throws Invalid, TooLarge, Unprocessable, UpstreamFailed, UpstreamTimeout.
 */
export async function importArticleFromUrl({
  actor,
  input,
  fetch,
}: {
  actor: Actor;
  input: unknown;
  fetch?: GuardedFetchOptions;
}): Promise<{ id: number; existing: boolean }> {
  assertCan(actor, 'article:create');
  const data = parseInput(importUrlInput, input);
  const requested = normalisedOrInvalid(data.url);
  const before = data.copy ? null : await findArticleByUrl([requested]);
  if (before) return { id: before, existing: true };
  const page = await fetchArticle(data.url, fetch);
  // A different link to the same story (tracking path, AMP, old slug) names the same canonical URL.
  const same = data.copy ? null : await findArticleByUrl([page.fetchedUrl, page.canonicalUrl]);
  if (same) return { id: same, existing: true };
  const title = (data.title || page.title || '').trim().slice(0, 300);
  if (!title) throw Invalid('The page has no headline; give the article a title.', { title: 'Required.' });
  const meta = {
    title,
    sourceUrl: page.canonicalUrl,
    fetchedUrl: page.fetchedUrl,
    byline: page.byline,
    publisher: data.publisher || page.publisher,
    publishedAt: data.publishedAt || page.publishedAt,
  };
  const row = await runInTransaction(async (tx) => {
    const [inserted] = await tx
      .insert(articles)
      .values({
        ...meta,
        bodyJson: page.converted.doc,
        bodyText: page.converted.text,
        contentHash: contentHash(page.converted.text),
        lastCheckedAt: new Date(),
        createdBy: actor.id,
      })
      .returning({ id: articles.id });
    const summary = `Imported “${title}” from ${page.fetchedUrl} (${page.converted.text.length} characters)`;
    await recordAudit(tx, { actorId: actor.id, action: 'article.imported', entityId: inserted.id, summary, diff: changedFields(null, meta) });
    return inserted;
  });
  return { id: row.id, existing: false };
}

/** True when a POST /api/articles body asks for a URL import (the rest go to createArticle). */
export function isUrlImport(input: unknown): boolean {
  return typeof input === 'object' && input !== null && (input as { format?: unknown }).format === 'url';
}
