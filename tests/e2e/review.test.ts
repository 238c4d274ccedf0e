import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiLogin, callApi, claimOnPhrase, importSample, screenshot, type ImportedArticle } from './harness';
import { appUnderTest } from './app-under-test';

const app = appUnderTest();

type Claim = { id: number; version: number; status: string; authorId: number; claimText: string };

const call = <T>(cookie: string, method: string, path: string, body?: unknown, expectStatus?: number) =>
  callApi<T>(app.baseUrl, cookie, method, path, body, expectStatus);

const claimOn = (cookie: string, article: ImportedArticle, phrase: string) =>
  claimOnPhrase<Claim>(app.baseUrl, cookie, article, phrase, { claimant: 'Port authority' });

/** A draft claim with the submit preconditions (verdict, rationale, one source) set through the API. */
async function readyClaim(cookie: string, article: ImportedArticle, phrase: string, rationale = 'The filing says so.'): Promise<Claim> {
  const created = await claimOn(cookie, article, phrase);
  const { data: edited } = await call<Claim>(
    cookie,
    'PATCH',
    `/api/claims/${created.id}`,
    { version: created.version, verdictId: 2, rationale },
    200,
  );
  const { data: link } = await call<{ claim: Claim }>(
    cookie,
    'POST',
    `/api/claims/${created.id}/sources`,
    { url: `https://example.org/filing-${created.id}`, relation: 'supports', version: edited.version },
    201,
  );
  return link.claim;
}

const newPage = (email: string): Promise<Page> => app.newPage({ as: email, viewport: { width: 1300, height: 900 } });

describe('review workflow in the browser', () => {
  it('editor submits, reviewer requests changes by keyboard, editor fixes and resubmits, reviewer approves, board shows verified', async () => {
    const editorCookie = await apiLogin(app.baseUrl, 'editor@example.com');
    const article = await importSample(app.baseUrl, editorCookie);
    const claim = await readyClaim(editorCookie, article, '40,000 vehicles a day');

    const editor = await newPage('editor@example.com');
    await editor.goto(`${app.baseUrl}/claims/${claim.id}`);
    await editor.getByRole('button', { name: 'Submit for review' }).click();
    await editor.locator('.claim-badges .badge.status-in_review').waitFor();

    const reviewer = await newPage('reviewer@example.com');
    // Scoped to this test's article: the demo sample article (and other tests) have claims waiting for review too.
    await reviewer.goto(`${app.baseUrl}/review?articleId=${article.id}`);
    await reviewer.getByRole('option', { selected: true }).locator('.queue-text', { hasText: '40,000 vehicles a day' }).waitFor();
    await reviewer.locator('.review-queue[data-keys-ready]').waitFor();
    await reviewer.keyboard.press('?');
    await reviewer.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await screenshot(reviewer, 'review-queue');
    await reviewer.keyboard.press('?');
    await reviewer.keyboard.press('c');
    const comment = reviewer.getByLabel('What should the author change?');
    await expect(comment.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await comment.fill('Please cite the ministry statement as well.');
    await reviewer.keyboard.press('Control+Enter');
    await reviewer.getByTestId('toasts').getByText('Sent back').waitFor();
    await reviewer.getByText('Nothing waiting for review.').waitFor();

    // The editor fixing it in the article sees the reviewer's request with the claim.
    await editor.goto(`${app.baseUrl}/articles/${article.id}?claim=${claim.id}`);
    const request = editor.locator(`.claim-card[data-claim-id="${claim.id}"]`).getByRole('note', { name: 'What the reviewer asked for' });
    await request.getByText('Please cite the ministry statement as well.').waitFor();
    await expect(request.textContent()).resolves.toContain('Riley Reviewer requested changes');
    await editor.getByRole('button', { name: 'Resubmit for review' }).waitFor();
    await screenshot(editor, 'annotate-sent-back-request');

    await editor.goto(`${app.baseUrl}/`);
    const sentBack = editor.locator('section[aria-labelledby="sent-back"]');
    await sentBack.getByText('Please cite the ministry statement as well.').waitFor();
    await screenshot(editor, 'dashboard-sent-back');
    await sentBack.getByRole('link', { name: '40,000 vehicles a day' }).click();
    await editor.waitForURL(`${app.baseUrl}/claims/${claim.id}`);
    await editor.getByRole('note').getByText('Please cite the ministry statement as well.').waitFor();
    await screenshot(editor, 'claim-needs-changes');
    await editor.getByLabel('Rationale').fill('The filing and the ministry statement both say so.');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await editor.getByText('Saved.').waitFor();
    // The refreshed page carries the new version (and shows the edit in the history) before resubmitting.
    await editor.locator('.timeline ins', { hasText: 'ministry statement both' }).waitFor();
    await editor.getByRole('button', { name: 'Resubmit for review' }).click();
    await editor.locator('.claim-badges .badge.status-in_review').waitFor();

    await reviewer.goto(`${app.baseUrl}/review?articleId=${article.id}`);
    await reviewer.getByRole('option', { selected: true }).locator('.queue-text', { hasText: '40,000 vehicles a day' }).waitFor();
    await reviewer.locator('.markdown-text:not(.since-review *)', { hasText: 'The filing and the ministry statement both say so.' }).waitFor();
    // A resubmitted claim shows the previous review comment and what changed since (the rationale, old and new).
    const since = reviewer.getByRole('region', { name: 'Since the last review' });
    await since.getByText('Please cite the ministry statement as well.').waitFor();
    await since.locator('del', { hasText: 'The filing says so.' }).waitFor();
    await since.locator('ins', { hasText: 'The filing and the ministry statement both say so.' }).waitFor();
    await screenshot(reviewer, 'review-resubmitted');
    await reviewer.locator('.review-queue[data-keys-ready]').waitFor();
    // One key no longer publishes: a asks, a second a approves.
    await reviewer.keyboard.press('a');
    await reviewer.getByRole('button', { name: 'Confirm approval' }).waitFor();
    await reviewer.keyboard.press('a');
    await reviewer.getByTestId('toasts').getByText('Approved').waitFor();

    await reviewer.goto(`${app.baseUrl}/claims?status=verified&articleId=${article.id}`);
    const row = reviewer.locator('.board-table tbody tr', { hasText: '40,000 vehicles a day' });
    await row.locator('.badge.status-verified').waitFor();
    await expect(reviewer.locator('.status-tabs .tab.active').textContent()).resolves.toMatch(/Verified\s*1/);
    await screenshot(reviewer, 'board-verified');

    await reviewer.goto(`${app.baseUrl}/claims/${claim.id}`);
    await screenshot(reviewer, 'claim-history');

    await reviewer.getByRole('searchbox', { name: 'Search claims and sources' }).fill('ministry');
    await reviewer.keyboard.press('Enter');
    await reviewer.waitForURL(`${app.baseUrl}/search?q=ministry`);
    await reviewer
      .locator('.search-results li', { hasText: '40,000 vehicles a day' })
      .locator('.hit-rationale mark', { hasText: 'ministry' })
      .waitFor();
    await screenshot(reviewer, 'search');
    const { data: events } = await call<{ action: string }[]>(editorCookie, 'GET', `/api/claims/${claim.id}/events`, undefined, 200);
    expect(events.map((e) => e.action)).toEqual(['created', 'edited', 'edited', 'submitted', 'changes_requested', 'edited', 'submitted', 'approved']);
  });

  it('shows a reviewer no decision buttons on their own claim, and the API refuses with 403', async () => {
    const cookie = await apiLogin(app.baseUrl, 'reviewer@example.com');
    const article = await importSample(app.baseUrl, cookie);
    const own = await readyClaim(cookie, article, '28,000 vehicles');
    const { data: submitted } = await call<Claim>(
      cookie,
      'POST',
      `/api/claims/${own.id}/transitions`,
      { action: 'submit', version: own.version },
      200,
    );
    const page = await newPage('reviewer@example.com');
    const decisions: string[] = [];
    page.on('request', (r) => r.url().includes('/transitions') && decisions.push(`${r.method()} ${r.url()}`));
    await page.goto(`${app.baseUrl}/review?articleId=${article.id}&author=${own.authorId}`);
    await page.getByText('This is your claim: another reviewer must decide on it.').waitFor();
    expect(await page.getByRole('button', { name: /Approve/ }).count()).toBe(0);
    // The approve key does nothing on one's own claim. Keys are handled in order, so once "?" has opened the
    // shortcut list, "a" has been handled too: it sent no decision and announced none.
    await page.keyboard.press('a');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    expect(decisions).toEqual([]);
    await expect(page.getByTestId('toasts').textContent()).resolves.toBe('');
    expect(await page.locator('.confirm-question').count()).toBe(0);
    await screenshot(page, 'review-own-claim');
    await expect(call<Claim>(cookie, 'GET', `/api/claims/${own.id}`, undefined, 200).then((r) => r.data)).resolves.toMatchObject({
      status: 'in_review',
      version: submitted.version,
    });
    const refused = await call<{ error: { code: string } }>(cookie, 'POST', `/api/claims/${own.id}/transitions`, {
      action: 'approve',
      version: submitted.version,
    });
    expect(refused.status).toBe(403);
    expect(refused.data.error.code).toBe('forbidden');
  });

  it('lets exactly one of two simultaneous HTTP approvals win; the other gets 409 naming the winner', async () => {
    const [reviewerCookie, adminCookie, editorCookie] = await Promise.all(
      ['reviewer', 'admin', 'editor'].map((u) => apiLogin(app.baseUrl, `${u}@example.com`)),
    );
    const claim = await readyClaim(editorCookie, await importSample(app.baseUrl, editorCookie), 'up to 900 workers');
    const { data: submitted } = await call<Claim>(
      editorCookie,
      'POST',
      `/api/claims/${claim.id}/transitions`,
      { action: 'submit', version: claim.version },
      200,
    );
    const results = await Promise.all([
      call<{ error?: { message: string } }>(reviewerCookie, 'POST', `/api/claims/${claim.id}/transitions`, {
        action: 'approve',
        version: submitted.version,
      }),
      call<{ error?: { message: string } }>(adminCookie, 'POST', `/api/claims/${claim.id}/transitions`, {
        action: 'reject',
        comment: 'No.',
        version: submitted.version,
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    const winner = results[0].status === 200 ? 'Riley Reviewer' : 'Ada Admin';
    expect(loser.data.error!.message).toContain(`changed by ${winner}`);
  });

  it('lists claims through GET /api/claims with filters and a keyset cursor, and refuses bad filters with the error body', async () => {
    const [cookie, reviewerCookie] = await Promise.all(['editor', 'reviewer'].map((u) => apiLogin(app.baseUrl, `${u}@example.com`)));
    // On an article of its own: three statistics (one verified, one a draft with the same rationale) and an event.
    const article = await importSample(app.baseUrl, cookie);
    const ready = await readyClaim(cookie, article, '40,000 vehicles a day', 'The tollbooth counts say so.');
    const { data: submitted } = await call<Claim>(
      cookie,
      'POST',
      `/api/claims/${ready.id}/transitions`,
      { action: 'submit', version: ready.version },
      200,
    );
    await call(reviewerCookie, 'POST', `/api/claims/${ready.id}/transitions`, { action: 'approve', version: submitted.version }, 200);
    await readyClaim(cookie, article, '28,000 vehicles', 'The tollbooth counts say so.');
    await claimOn(cookie, article, 'up to 900 workers');
    const start = article.text.indexOf('Engineers told the board');
    await call(cookie, 'POST', '/api/claims', { articleId: article.id, start, end: start + 24, type: 'event' }, 201);

    const list = `/api/claims?articleId=${article.id}&type=statistic&limit=2&sort=created_asc`;
    const { data: first } = await call<{ items: Claim[]; nextCursor: string | null }>(cookie, 'GET', list, undefined, 200);
    expect(first.items.map((c) => c.claimText)).toEqual(['40,000 vehicles a day', '28,000 vehicles']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const { data: second } = await call<{ items: Claim[]; nextCursor: string | null }>(
      cookie,
      'GET',
      `${list}&cursor=${first.nextCursor}`,
      undefined,
      200,
    );
    expect(second.items.map((c) => c.claimText)).toEqual(['up to 900 workers']);
    expect(second.nextCursor).toBeNull();
    const { data: verified } = await call<{ items: Claim[] }>(cookie, 'GET', '/api/claims?status=verified&q=tollbooth', undefined, 200);
    expect(verified.items.map((c) => c.id)).toEqual([ready.id]);
    const bad = await call<{ error: { code: string; fields: Record<string, string> } }>(cookie, 'GET', '/api/claims?status=approved', undefined, 400);
    expect(bad.data.error.code).toBe('invalid');
    expect(Object.keys(bad.data.error.fields)).toEqual(['status.0']);
  });
});
