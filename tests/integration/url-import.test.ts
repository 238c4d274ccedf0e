import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { execute, getDb, queryRows } from '@/db/client';
import { auditEvents } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { createArticle } from '@/lib/articles/create-article';
import { getArticle } from '@/lib/articles/get-article';
import { importArticleFromUrl, previewUrlImport } from '@/lib/articles/import-url';
import { refreshArticle } from '@/lib/articles/refresh-article';
import { diffArticleVersion } from '@/lib/articles/diff-article-version';
import { listArticleVersions } from '@/lib/articles/list-article-versions';
import { createClaim } from '@/lib/claims/create-claim';
import { getClaim } from '@/lib/claims/get-claim';
import { STATUS_BY_CODE } from '@/lib/errors';
import type { GuardedFetchOptions } from '@/lib/net/guarded-fetch';
import { startNewsServer, type NewsServer } from '../fixtures/news-server';
import { freshDb } from './setup-db';
import { asyncErrorOf } from './app-error';

let site: NewsServer;
let fetch: GuardedFetchOptions;
let editor: Actor;

beforeAll(async () => {
  site = await startNewsServer();
  fetch = { allowHosts: [`127.0.0.1:${site.port}`] };
});
afterAll(() => site.close());
beforeEach(async () => {
  ({
    actors: { editor },
  } = await freshDb());
  site.setHarbourVersion(1);
});

const importUrl = (url: string, extra: Record<string, unknown> = {}) =>
  importArticleFromUrl({ actor: editor, input: { format: 'url', url, ...extra }, fetch });

/** HTTP status the API would answer for the error `promise` rejects with. */
async function statusOf(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  const error = await asyncErrorOf(() => promise);
  return { status: STATUS_BY_CODE[error.code], message: error.message };
}

async function claimOn(articleId: number, phrase: string) {
  const { text } = await getArticle({ actor: editor, id: articleId });
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`phrase not in article: ${phrase}`);
  return await createClaim({ actor: editor, input: { articleId, start, end: start + phrase.length, type: 'statistic' } });
}

describe('importArticleFromUrl', () => {
  it('stores the extracted article with its headline, byline, date, publisher, canonical and fetched URL', async () => {
    const { id, existing } = await importUrl(`${site.origin}/news/harbour?utm_source=newsletter`);
    expect(existing).toBe(false);
    const article = await getArticle({ actor: editor, id });
    expect(article).toMatchObject({
      title: 'Port authority approves €40m harbour expansion',
      byline: 'Maria Lindqvist, Tom Okafor',
      publisher: 'Coastline Herald',
      publishedAt: '2024-03-05',
      // The page's relative <link rel=canonical>, resolved against where it was fetched.
      sourceUrl: `${site.origin}/news/2024/03/05/harbour-expansion-approved`,
      fetchedUrl: `${site.origin}/news/harbour`,
    });
    expect(article.lastCheckedAt).toBeInstanceOf(Date);
    expect(article.text).toContain('employ 300 people at their peak');
    expect(article.text).not.toContain('Sport');
    const [event] = await getDb()
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.entityId} = ${id}`);
    expect(event).toMatchObject({ action: 'article.imported', actorId: editor.id, entityType: 'article' });
    expect(event.summary).toContain(`${site.origin}/news/harbour`);
    expect(event.diff).toMatchObject({ title: { from: null, to: 'Port authority approves €40m harbour expansion' } });
  });

  it('keeps the title and date the editor corrected on the preview', async () => {
    const { id } = await importUrl(`${site.origin}/news/rail`, { title: 'Rail fares up 4.9%', publishedAt: '2024-01-18' });
    expect(await getArticle({ actor: editor, id })).toMatchObject({
      title: 'Rail fares up 4.9%',
      publishedAt: '2024-01-18',
      publisher: 'The Morning Ledger',
    });
  });

  it('opens the existing article for the same link (after normalisation or via its canonical URL) unless a copy is asked for', async () => {
    const first = await importUrl(`${site.origin}/news/harbour`);
    const hits = site.hits('/news/harbour');
    await expect(importUrl(`${site.origin}/news/harbour?fbclid=abc#comments`)).resolves.toEqual({ id: first.id, existing: true });
    expect(site.hits('/news/harbour')).toBe(hits); // not even fetched again
    // Another address, same story: recognised by the canonical URL the page names.
    await expect(importUrl(`${site.origin}/redirect/harbour`)).resolves.toEqual({ id: first.id, existing: true });
    const copy = await importUrl(`${site.origin}/news/harbour`, { copy: true });
    expect(copy.existing).toBe(false);
    expect(copy.id).not.toBe(first.id);
  });

  it('shows what would be imported without storing it, and names an existing import', async () => {
    const preview = await previewUrlImport({ actor: editor, input: { url: `${site.origin}/news/schools` }, fetch });
    expect(preview).toMatchObject({
      existingId: null,
      title: 'School board votes to close two elementary schools',
      byline: 'Dana Whitfield',
      publishedAt: '2023-11-14',
    });
    expect(preview.text).toContain('voted 5-2 on Monday night');
    expect(preview.text).not.toContain('riversidemom82');
    const [{ n }] = await queryRows<{ n: number }>(getDb(), sql`select cast(count(*) as integer) as n from articles where fetched_url is not null`);
    expect(n).toBe(0);
    const { id } = await importUrl(`${site.origin}/news/schools`);
    await expect(previewUrlImport({ actor: editor, input: { url: `${site.origin}/news/schools` }, fetch })).resolves.toMatchObject({
      existingId: id,
    });
  });

  it('answers with errors a user understands, and the right status', async () => {
    await expect(statusOf(importUrl(`${site.origin}/news/energy`))).resolves.toMatchObject({
      status: 422,
      message: expect.stringMatching(/paywall, login or cookie wall/),
    });
    await expect(statusOf(importUrl(`${site.origin}/report.pdf`))).resolves.toMatchObject({
      status: 422,
      message: expect.stringMatching(/not a web page/),
    });
    await expect(statusOf(importUrl(`${site.origin}/no-such-story`))).resolves.toMatchObject({
      status: 422,
      message: expect.stringMatching(/not found/),
    });
    await expect(statusOf(importUrl(`${site.origin}/huge`))).resolves.toMatchObject({ status: 413 });
    await expect(
      statusOf(importArticleFromUrl({ actor: editor, input: { format: 'url', url: `${site.origin}/slow` }, fetch: { ...fetch, timeoutMs: 300 } })),
    ).resolves.toMatchObject({ status: 504 });
    await expect(
      statusOf(importArticleFromUrl({ actor: editor, input: { format: 'url', url: `${site.origin}/news/harbour` }, fetch: { allowHosts: [] } })),
    ).resolves.toMatchObject({ status: 400 });
    await expect(statusOf(importUrl('javascript:alert(1)'))).resolves.toMatchObject({ status: 400 });
    await expect(statusOf(importUrl(`${site.origin}/news/harbour`, { copy: 'yes' }))).resolves.toMatchObject({ status: 400 });
  });
});

describe('refreshArticle', () => {
  it('records the check when the text is unchanged', async () => {
    const { id } = await importUrl(`${site.origin}/news/harbour`);
    const before = (await getArticle({ actor: editor, id })).lastCheckedAt!;
    const result = await refreshArticle({ actor: editor, articleId: id, fetch });
    expect(result.changed).toBe(false);
    expect(result.checkedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect((await getArticle({ actor: editor, id })).lastCheckedAt).toEqual(result.checkedAt);
    expect((await listArticleVersions({ actor: editor, articleId: id })).map((v) => v.id)).toEqual([id]);
  });

  it('imports a changed text as a new version: claims follow their words, changed ones go back to review', async () => {
    const { id } = await importUrl(`${site.origin}/news/harbour`);
    const moved = await claimOn(id, 'approved a 40 million euro plan');
    const edited = await claimOn(id, 'the works would start in May and employ 300 people');
    const gone = await claimOn(id, 'declined to comment on whether it would contribute');
    await execute(getDb(), sql`update claims set status = 'verified' where id = ${edited.id}`);

    site.setHarbourVersion(2);
    const result = await refreshArticle({ actor: editor, articleId: id, fetch });
    if (!result.changed) throw new Error('expected a change');
    expect(result).toMatchObject({ kept: 0, moved: 1, fuzzy: 1, orphaned: 1, backToReview: 1 });
    expect(result.article).toMatchObject({
      previousId: id,
      title: 'Port authority approves €40m harbour expansion',
      fetchedUrl: `${site.origin}/news/harbour`,
      byline: 'Maria Lindqvist, Tom Okafor',
    });
    expect(result.article.text).toContain('employ 250 people');
    // The check is recorded on both versions, in the transaction that stored the new one.
    expect(result.article.lastCheckedAt).toEqual(result.checkedAt);
    expect((await getArticle({ actor: editor, id })).lastCheckedAt).toEqual(result.checkedAt);
    expect(await getClaim({ actor: editor, id: moved.id })).toMatchObject({ articleId: result.article.id, status: 'draft' });
    expect(await getClaim({ actor: editor, id: edited.id })).toMatchObject({ articleId: result.article.id, status: 'in_review' });
    expect(await getClaim({ actor: editor, id: gone.id })).toMatchObject({ orphaned: true });

    const diff = await diffArticleVersion({ actor: editor, articleId: result.article.id });
    expect(diff.previousId).toBe(id);
    const changed = diff.paragraphs.find((p) => p.kind === 'changed');
    if (changed?.kind !== 'changed') throw new Error('expected an edited paragraph');
    expect(changed.parts.filter((p) => p.change === 'added').map((p) => p.text.trim())).toEqual(['June', '250']);
    expect(diff.paragraphs.filter((p) => p.kind === 'added').map((p) => p.kind === 'added' && p.text)).toEqual([
      'This article was amended on 7 March 2024 to correct the number of jobs.',
    ]);
    expect(diff.paragraphs.some((p) => p.kind === 'removed' && p.text.startsWith('A spokesperson for the regional government'))).toBe(true);
    expect((await listArticleVersions({ actor: editor, articleId: id })).map((v) => v.id)).toEqual([id, result.article.id]);

    // The old version is no longer the one to check; the new one is, and it is now unchanged.
    await expect(statusOf(refreshArticle({ actor: editor, articleId: id, fetch }))).resolves.toMatchObject({ status: 409 });
    await expect(refreshArticle({ actor: editor, articleId: result.article.id, fetch })).resolves.toMatchObject({ changed: false });
  });

  it('refuses an article that was not imported from a link', async () => {
    const { id } = await createArticle({ actor: editor, input: { format: 'text', content: 'Pasted\n\nSome text.' } });
    await expect(statusOf(refreshArticle({ actor: editor, articleId: id, fetch }))).resolves.toMatchObject({ status: 400 });
    await expect(statusOf(refreshArticle({ actor: editor, articleId: 99999, fetch }))).resolves.toMatchObject({ status: 404 });
  });
});
