import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiLogin, screenshot } from './harness';
import { appUnderTest } from './app-under-test';

const app = appUnderTest();

type Claim = { id: number; version: number };

async function call<T>(cookie: string, method: string, path: string, body?: unknown, expectStatus = 200): Promise<T> {
  const res = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = res.status === 204 ? null : await res.json();
  if (res.status !== expectStatus) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
  return data as T;
}

/** A claim on `phrase` of article `articleId` through the API. */
async function claimOn(cookie: string, articleId: number, phrase: string): Promise<Claim> {
  const { text } = await call<{ text: string }>(cookie, 'GET', `/api/articles/${articleId}`);
  const start = text.indexOf(phrase);
  return call<Claim>(cookie, 'POST', '/api/claims', { articleId, start, end: start + phrase.length, type: 'statistic' }, 201);
}

const pageAt = (width: number, height: number, email: string): Promise<Page> => app.newPage({ as: email, viewport: { width, height } });

describe('Seen before', () => {
  it('shows a verified claim from another article as the same claim, reuses its verdict, links it and lists the family', async () => {
    const editor = await apiLogin(app.baseUrl, 'editor@example.com');
    const reviewer = await apiLogin(app.baseUrl, 'reviewer@example.com');
    // The original, verified in the sample article.
    let original = await claimOn(editor, 1, 'The national transport ministry said it would contribute a third of the cost.');
    original = await call<Claim>(editor, 'PATCH', `/api/claims/${original.id}`, {
      version: original.version,
      verdictId: 1,
      rationale: 'The budget line is in the ministry filing.',
    });
    original = (
      await call<{ claim: Claim }>(
        editor,
        'POST',
        `/api/claims/${original.id}/sources`,
        { url: 'https://ministry.example/budget', relation: 'supports', version: original.version },
        201,
      )
    ).claim;
    original = await call<Claim>(editor, 'POST', `/api/claims/${original.id}/transitions`, { action: 'submit', version: original.version });
    await call(reviewer, 'POST', `/api/claims/${original.id}/transitions`, { action: 'approve', version: original.version });
    // A new story restating it, with a rounded figure.
    const story = await call<{ id: number }>(
      editor,
      'POST',
      '/api/articles',
      {
        format: 'text',
        title: 'Ministry to fund bridge',
        content:
          'Ministry to fund bridge\n\nThe transport ministry will pay 33% of the bridge cost, officials said on Monday. Work starts next spring.',
      },
      201,
    );
    const draft = await claimOn(editor, story.id, 'The transport ministry will pay 33% of the bridge cost');

    const page = await pageAt(1440, 900, 'editor@example.com');
    await page.goto(`${app.baseUrl}/articles/${story.id}?claim=${draft.id}`);
    const match = page.locator('.seen-before .match-card').first();
    await match.locator('.badge.match-same').waitFor();
    expect(await match.textContent()).toContain('harbor bridge');
    // The annotate view marks the sentence as checked before.
    await page.locator('.checked-before-panel .checked-card').first().waitFor();
    await screenshot(page, 'seen-before-1440');
    await page.locator('.claim-editor .seen-before').screenshot({ path: 'test-results/seen-before-panel-1440.png' });

    await match.getByRole('button', { name: 'Reuse verdict' }).click();
    await page.locator('.claim-editor .reused-note').waitFor();
    await match.getByRole('button', { name: 'Link as same claim' }).click();
    await match.locator('.badge.linked').waitFor();

    const narrow = await pageAt(390, 844, 'editor@example.com');
    await narrow.goto(`${app.baseUrl}/claims/${draft.id}`);
    await narrow.locator('.seen-before .badge.linked').waitFor();
    await screenshot(narrow, 'seen-before-claim-390');
    // Reused already: the panel no longer offers to reuse the same verdict again.
    expect(await narrow.locator('.seen-before').getByRole('button', { name: 'Reuse verdict' }).count()).toBe(0);
    await narrow.getByRole('link', { name: 'Claim family' }).click();
    await narrow.locator('.family-card').nth(1).waitFor();
    const cards = await narrow.locator('.family-card').allTextContents();
    expect(cards).toHaveLength(2);
    expect(cards.join(' ')).toContain('Verdict reused from');
    await screenshot(narrow, 'family-390');
    await page.goto(`${app.baseUrl}/claims/${draft.id}/family`);
    await page.locator('.family-card').nth(1).waitFor();
    await screenshot(page, 'family-1440');

    const events = await call<{ action: string }[]>(editor, 'GET', `/api/claims/${original.id}/events`);
    expect(events.map((e) => e.action)).toContain('linked');
  });
});
