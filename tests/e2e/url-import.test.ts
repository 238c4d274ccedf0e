import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startNewsServer, type NewsServer } from '../fixtures/news-server';
import { apiLogin, screenshot } from './harness';
import { appUnderTest } from './app-under-test';

let site: NewsServer;
// Before appUnderTest: the app is told the news server's port.
beforeAll(async () => {
  site = await startNewsServer();
});
afterAll(() => site?.close());
const app = appUnderTest({ env: () => ({ IMPORT_ALLOW_HOSTS: `127.0.0.1:${site.port}` }) });

type Claim = { id: number; version: number; status: string };

/** Calls the JSON API with a session cookie; throws with the body on an unexpected status. */
async function call<T>(cookie: string, method: string, path: string, body?: unknown, expectStatus?: number): Promise<T> {
  const res = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = res.status === 204 ? null : await res.json();
  if (expectStatus !== undefined && res.status !== expectStatus) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
  return data as T;
}

async function claimOn(cookie: string, articleId: number, phrase: string): Promise<Claim> {
  const article = await call<{ text: string }>(cookie, 'GET', `/api/articles/${articleId}`, undefined, 200);
  const start = article.text.indexOf(phrase);
  expect(start).toBeGreaterThanOrEqual(0);
  return call<Claim>(cookie, 'POST', '/api/claims', { articleId, start, end: start + phrase.length, type: 'statistic' }, 201);
}

/** Takes a claim through submit and approval, so a change to its words must send it back to review. */
async function verify(editor: string, reviewer: string, claim: Claim): Promise<void> {
  const edited = await call<Claim>(
    editor,
    'PATCH',
    `/api/claims/${claim.id}`,
    { version: claim.version, verdictId: 2, rationale: 'The harbour master said so on the record.' },
    200,
  );
  const linked = await call<{ claim: Claim }>(
    editor,
    'POST',
    `/api/claims/${claim.id}/sources`,
    { url: 'https://port.example/minutes', relation: 'supports', version: edited.version },
    201,
  );
  const submitted = await call<Claim>(
    editor,
    'POST',
    `/api/claims/${claim.id}/transitions`,
    { action: 'submit', version: linked.claim.version },
    200,
  );
  await call<Claim>(reviewer, 'POST', `/api/claims/${claim.id}/transitions`, { action: 'approve', version: submitted.version }, 200);
}

async function fetchPreview(page: Page, url: string): Promise<void> {
  await page.goto(`${app.baseUrl}/articles/new`);
  await page.getByLabel('Article link').fill(url);
  await page.getByRole('button', { name: 'Fetch article' }).click();
}

describe('import from a link', () => {
  it('previews the extracted article, saves the corrected title and date, and opens it instead of a duplicate', async () => {
    const page = await app.newPage({ as: 'editor@example.com', viewport: { width: 1440, height: 900 } });
    await fetchPreview(page, `${site.origin}/news/schools`);
    await expect(page.getByLabel('Article link').inputValue()).resolves.toBe(`${site.origin}/news/schools`);
    const preview = page.getByLabel('Extracted text');
    await preview.waitFor();
    const form = page.locator('form.url-preview'); // the paste form below has its own Title and Published fields
    await expect(form.getByLabel('Title').inputValue()).resolves.toBe('School board votes to close two elementary schools');
    await expect(form.getByLabel('Byline').inputValue()).resolves.toBe('Dana Whitfield');
    await expect(form.getByLabel('Published').inputValue()).resolves.toBe('2023-11-14');
    await expect(preview.textContent()).resolves.toContain('voted 5-2 on Monday night');
    await expect(preview.textContent()).resolves.not.toContain('riversidemom82');
    await screenshot(page, 'url-import-preview');

    await form.getByLabel('Title').fill('Riverside closes Lincoln and Maple Grove schools');
    await form.getByLabel('Published').fill('2023-11-13');
    await page.getByRole('button', { name: 'Import article' }).click();
    await page.waitForURL(/\/articles\/\d+$/);
    const articleUrl = page.url();
    await expect(page.locator('h1').textContent()).resolves.toBe('Riverside closes Lincoln and Maple Grove schools');
    await expect(page.locator('.article-head .meta').first().textContent()).resolves.toMatch(/^By Dana Whitfield · Riverside Courier · 2023-11-13/);
    await expect(page.locator('.link-check').textContent()).resolves.toMatch(/Imported from a link · last checked/);
    await expect(page.locator('.ProseMirror').textContent()).resolves.toContain('spent $350,000 on a consultant study');

    // The same link again (with a tracking parameter): the preview points to the article, saving opens it.
    await fetchPreview(page, `${site.origin}/news/schools?utm_campaign=share`);
    await page.getByText('This link was imported before').waitFor();
    await page.getByRole('button', { name: 'Open or import' }).click();
    await page.waitForURL(articleUrl);

    // A cookie wall is named as such.
    await fetchPreview(page, `${site.origin}/news/energy`);
    // Scoped: Next's route announcer is an (empty) alert too.
    await expect(page.locator('.url-import').getByRole('alert').textContent()).resolves.toMatch(/paywall, login or cookie wall/);
    await page.setViewportSize({ width: 390, height: 844 });
    await fetchPreview(page, `${site.origin}/news/rail`);
    await page.getByLabel('Extracted text').waitFor();
    await screenshot(page, 'url-import-preview-mobile');
    await page.close();
  });

  it('answers the JSON API: 201 for a new link, 200 with existing for a known one, 400 for a refused address', async () => {
    const cookie = await apiLogin(app.baseUrl, 'editor@example.com');
    const created = await call<{ id: number; publisher: string; existing: boolean }>(
      cookie,
      'POST',
      '/api/articles',
      { format: 'url', url: `${site.origin}/news/rail` },
      201,
    );
    expect(created).toMatchObject({ publisher: 'The Morning Ledger', existing: false });
    const again = await call<{ id: number; existing: boolean }>(
      cookie,
      'POST',
      '/api/articles',
      { format: 'url', url: `${site.origin}/news/rail#top` },
      200,
    );
    expect(again).toMatchObject({ id: created.id, existing: true });
    const refused = await call<{ error: { code: string; message: string } }>(
      cookie,
      'POST',
      '/api/articles',
      { format: 'url', url: 'http://127.0.0.1/' },
      400,
    );
    expect(refused.error.message).toMatch(/not allowed.*loopback/);
    const unchanged = await call<{ changed: boolean; checkedAt: string }>(cookie, 'POST', `/api/articles/${created.id}/refresh`, undefined, 200);
    expect(unchanged.changed).toBe(false);
    expect(Number.isNaN(Date.parse(unchanged.checkedAt))).toBe(false);
  });

  it('checks for updates: unchanged first, then a corrected text becomes a new version with its diff, claims follow', async () => {
    site.setHarbourVersion(1);
    const editor = await apiLogin(app.baseUrl, 'editor@example.com');
    const reviewer = await apiLogin(app.baseUrl, 'reviewer@example.com');
    const { id } = await call<{ id: number }>(editor, 'POST', '/api/articles', { format: 'url', url: `${site.origin}/news/harbour` }, 201);
    const moved = await claimOn(editor, id, 'approved a 40 million euro plan');
    const edited = await claimOn(editor, id, 'the works would start in May and employ 300 people');
    await verify(editor, reviewer, edited);
    const gone = await claimOn(editor, id, 'declined to comment on whether it would contribute');

    const page = await app.newPage({ as: 'editor@example.com', viewport: { width: 1440, height: 900 } });
    await page.goto(`${app.baseUrl}/articles/${id}`);
    await page.getByRole('button', { name: 'Check for updates' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'No changes' }).textContent()).resolves.toMatch(/same as this version/);

    site.setHarbourVersion(2);
    await page.getByRole('button', { name: 'Check for updates' }).click();
    const notice = page.getByRole('status').filter({ hasText: 'The publisher changed the text' });
    await expect(notice.textContent()).resolves.toMatch(
      /1 claim kept their words, 1 had their words changed \(reviewed ones go back to review\), 1 could not be found/,
    );
    await screenshot(page, 'url-import-refreshed');
    await notice.getByRole('link', { name: 'See what changed' }).click();
    await page.waitForURL(/\/articles\/\d+\/changes$/);
    const newId = Number(/articles\/(\d+)\/changes/.exec(page.url())![1]);
    const diff = page.getByLabel('Changes');
    await expect(diff.locator('ins').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['June', '250', 'This article was amended on 7 March 2024 to correct the number of jobs.']),
    );
    await expect(diff.locator('del').allTextContents()).resolves.toEqual(expect.arrayContaining(['May', '300']));
    await expect(diff.locator('.para-removed').textContent()).resolves.toContain('A spokesperson for the regional government declined to comment');
    await screenshot(page, 'url-import-diff');

    // Claims moved to the new version; the verified one whose words changed is back in review.
    await expect(call<Claim & { articleId: number }>(editor, 'GET', `/api/claims/${moved.id}`, undefined, 200)).resolves.toMatchObject({
      articleId: newId,
      status: 'draft',
    });
    await expect(call<Claim>(editor, 'GET', `/api/claims/${edited.id}`, undefined, 200)).resolves.toMatchObject({ status: 'in_review' });
    await expect(call<Claim>(editor, 'GET', `/api/claims/${gone.id}`, undefined, 200)).resolves.toMatchObject({ orphaned: true });

    await page.goto(`${app.baseUrl}/articles/${newId}`);
    const versions = page.getByRole('list', { name: 'Versions' });
    await expect(versions.textContent()).resolves.toMatch(/1.*2 \(this\)/);
    await expect(page.locator('.link-check').textContent()).resolves.toMatch(/last checked/);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'url-import-versions-mobile');
    await page.close();
  });
});
