import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  apiLogin,
  callApi,
  claimOnPhrase,
  importSample,
  launchBrowser,
  login,
  screenshot,
  startApp,
  type App,
  type ImportedArticle,
} from './harness';

/*
 * Live updates in two browser contexts (editor and reviewer) on the same article: what one does through the API
 * shows for the other without a reload, and an editor whose open claim changed under them is told before saving.
 */
let app: App;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The issue asks for 2 s; the wait allows for a loaded CI machine, and the test prints what it measured. */
const LIVE_WAIT_MS = 10_000;

type Claim = { id: number; version: number; claimText: string };
const call = <T>(cookie: string, method: string, path: string, body?: unknown, expectStatus?: number) =>
  callApi<T>(app.baseUrl, cookie, method, path, body, expectStatus);

const claimOn = (cookie: string, article: ImportedArticle, phrase: string) =>
  claimOnPhrase<Claim>(app.baseUrl, cookie, article, phrase, { claimant: 'Port authority' });

async function newPage(email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
  const page = await context.newPage();
  await login(page, app.baseUrl, email);
  return page;
}

/** Opens `path` and waits until its live stream answered (from then on no change can slip between page and stream). */
async function openLive(page: Page, path: string): Promise<void> {
  const stream = page.waitForResponse((r) => r.url().includes('/api/stream') && r.status() === 200);
  await page.goto(`${app.baseUrl}${path}`);
  await stream;
  // Set once per document: still there afterwards means the page was never reloaded.
  await page.evaluate(() => ((window as unknown as { liveMark: number }).liveMark = 1));
}

const notReloaded = (page: Page) => page.evaluate(() => (window as unknown as { liveMark?: number }).liveMark === 1);

describe('live updates', () => {
  it('shows claims created, changed and submitted by the other person without reload, and warns the editor of a stale claim', async () => {
    const editorCookie = await apiLogin(app.baseUrl, 'editor@example.com');
    const reviewerCookie = await apiLogin(app.baseUrl, 'reviewer@example.com');
    const article = await importSample(app.baseUrl, editorCookie);
    const [editor, reviewer] = await Promise.all([newPage('editor@example.com'), newPage('reviewer@example.com')]);

    // The reviewer has the article open; the editor adds a claim.
    await openLive(reviewer, `/articles/${article.id}`);
    let t0 = Date.now();
    const claim = await claimOn(editorCookie, article, '40,000 vehicles a day');
    await reviewer.locator(`.claim-card[data-claim-id="${claim.id}"]`).waitFor({ timeout: LIVE_WAIT_MS });
    const created = Date.now() - t0;
    await reviewer.locator(`[data-claim-ids~="${claim.id}"]`).first().waitFor();
    await reviewer.getByTestId('live-cue').getByText('Claim added by Erin Editor').waitFor();
    expect(await notReloaded(reviewer)).toBe(true);
    await screenshot(reviewer, 'live-claim-added');

    // The editor is editing that claim when the reviewer changes its text: a notice, and the form keeps their version.
    await openLive(editor, `/articles/${article.id}?claim=${claim.id}`);
    const text = editor.getByLabel('Claim as published');
    await text.fill('Erin is still typing this');
    t0 = Date.now();
    await call(
      reviewerCookie,
      'PATCH',
      `/api/claims/${claim.id}`,
      { version: claim.version, claimText: 'The bridge carries 40,000 vehicles daily' },
      200,
    );
    const notice = editor.getByRole('alert').filter({ hasText: 'Changed by Riley Reviewer since you opened it' });
    await notice.waitFor({ timeout: LIVE_WAIT_MS });
    const changed = Date.now() - t0;
    await expect(text.inputValue()).resolves.toBe('Erin is still typing this');
    await editor.locator(`.claim-card[data-claim-id="${claim.id}"] .claim-card-text`).getByText('The bridge carries 40,000 vehicles daily').waitFor();
    expect(await notReloaded(editor)).toBe(true);
    await screenshot(editor, 'live-stale-page');
    // The side panel scrolls on its own: the card with the notice, as the editor sees it.
    await editor.evaluate(() => document.querySelector('.claim-card.selected')?.scrollIntoView({ block: 'start' }));
    await editor.screenshot({ path: 'test-results/live-stale-notice.png' });
    await notice.getByRole('button', { name: 'Reload the claim' }).click();
    await notice.waitFor({ state: 'detached' });
    await expect(text.inputValue()).resolves.toBe('The bridge carries 40,000 vehicles daily');

    // The reviewer watches the queue; the editor submits a claim.
    await openLive(reviewer, `/review?articleId=${article.id}`);
    await reviewer.getByText('Nothing waiting for review.').waitFor();
    const { data: current } = await call<Claim>(editorCookie, 'GET', `/api/claims/${claim.id}`, undefined, 200);
    const { data: ready } = await call<Claim>(
      editorCookie,
      'PATCH',
      `/api/claims/${claim.id}`,
      { version: current.version, verdictId: 2, rationale: 'The traffic count says so.' },
      200,
    );
    const { data: linked } = await call<{ claim: Claim }>(
      editorCookie,
      'POST',
      `/api/claims/${claim.id}/sources`,
      { url: 'https://example.org/count', relation: 'supports', version: ready.version },
      201,
    );
    t0 = Date.now();
    await call(editorCookie, 'POST', `/api/claims/${claim.id}/transitions`, { action: 'submit', version: linked.claim.version }, 200);
    await reviewer
      .getByRole('option')
      .locator('.queue-text', { hasText: 'The bridge carries 40,000 vehicles daily' })
      .waitFor({ timeout: LIVE_WAIT_MS });
    const submitted = Date.now() - t0;
    expect(await notReloaded(reviewer)).toBe(true);
    await screenshot(reviewer, 'live-queue');

    // A hidden tab closes its stream; shown again, it reopens from the last event it got and catches up.
    const setVisibility = (state: 'hidden' | 'visible') =>
      editor.evaluate((s) => {
        Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await setVisibility('hidden');
    await call(
      reviewerCookie,
      'POST',
      `/api/claims/${claim.id}/transitions`,
      { action: 'request_changes', comment: 'Cite the count.', version: linked.claim.version + 1 },
      200,
    );
    const reopened = editor.waitForRequest((r) => /\/api\/stream\?.*lastEventId=\d+/.test(r.url()));
    await setVisibility('visible');
    await reopened;
    await editor.locator(`.claim-card[data-claim-id="${claim.id}"] .badge.status-needs_changes`).waitFor({ timeout: LIVE_WAIT_MS });
    expect(await notReloaded(editor)).toBe(true);
    console.log(`live update latency (ms): created ${created}, changed ${changed}, submitted ${submitted}`);
  });
});
