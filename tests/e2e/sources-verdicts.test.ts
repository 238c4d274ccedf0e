import { describe, expect, it } from 'vitest';
import { apiLogin, importSample, screenshot, selectPhrase } from './harness';
import { appUnderTest } from './app-under-test';

const app = appUnderTest();

async function json<T>(cookie: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(`${app.baseUrl}${path}`, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: { cookie, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  return { status: res.status, body: res.status === 204 ? (null as T) : ((await res.json()) as T) };
}

describe('sources and verdicts in the annotate view', () => {
  it('attaches a new and a reused source, sets a verdict and rationale, and submits the claim for review', async () => {
    const reviewer = await apiLogin(app.baseUrl, 'reviewer@example.com');
    const known = await json<{ id: number }>(reviewer, '/api/sources', {
      body: { url: 'https://stats.example.org/traffic-census-2025', title: 'Regional traffic census 2025', publisher: 'Statistics Office' },
    });
    expect(known.status).toBe(201);
    const article = await importSample(app.baseUrl, await apiLogin(app.baseUrl, 'editor@example.com'));

    // Tall enough that the whole claim panel shows in screenshots.
    const page = await app.newPage({ as: 'editor@example.com', viewport: { width: 1400, height: 2000 } });
    await page.goto(`${app.baseUrl}/articles/${article.id}`);
    await page.locator('.ProseMirror').waitFor();
    await expect(page.getByRole('region', { name: 'Colour key' }).textContent()).resolves.toContain('Mostly true');

    await selectPhrase(page, 'carry about 40,000 vehicles a day');
    await page.getByRole('heading', { name: 'New claim' }).waitFor();
    await page.getByRole('button', { name: 'Create claim' }).click();
    const card = page.locator('.claim-card.selected');
    await card.waitFor();
    const submit = card.locator('.submit-review button');
    await expect(submit.textContent()).resolves.toBe('Add a verdict, a rationale and at least one source to submit');
    await expect(submit.isDisabled()).resolves.toBe(true);

    // 1. A new source, typed with tracking parameters and a fragment.
    await card.getByRole('button', { name: 'New source' }).click();
    await card.getByLabel('URL', { exact: true }).fill('https://News.Example.com/bridge-vote?utm_source=twitter&id=9#comments');
    await card.getByLabel('Title').fill('Board approves harbor bridge plan');
    await card.getByLabel('Publisher').fill('Harbor Gazette');
    await card.getByLabel(/Excerpt/).fill('The board expects 40,000 vehicles a day.');
    await card.getByRole('button', { name: 'Attach source' }).click();
    await expect.poll(() => card.locator('.source-list li').count()).toBe(1);
    await expect(card.locator('.source-list a').first().getAttribute('href')).resolves.toBe('https://news.example.com/bridge-vote?id=9');

    // 2. The reviewer's existing source, found through the type-ahead picker.
    await card.getByRole('button', { name: 'Attach existing source' }).click();
    await card.getByRole('combobox', { name: 'Find a source' }).fill('census');
    const option = card.getByRole('option', { name: /Regional traffic census 2025/ });
    await option.waitFor();
    await option.getByRole('button').click();
    await card.getByLabel('Relation').selectOption('context');
    await screenshot(page, 'sources-picker');
    await card.getByRole('button', { name: 'Attach source' }).click();
    await expect.poll(() => card.locator('.source-list li').count()).toBe(2);
    await expect(submit.textContent()).resolves.toBe('Add a verdict and a rationale to submit');

    // 3. Verdict and rationale.
    await card.getByLabel('Verdict').selectOption({ label: 'Mostly true' });
    await card.getByLabel(/^Rationale/).fill('The board papers forecast 38,000 to 41,000 vehicles.\n\nSee the census.');
    await card.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => submit.textContent()).toBe('Submit for review');
    await expect(card.locator('.badge.verdict').textContent()).resolves.toBe('Mostly true');
    await expect(page.locator('.article-body .claim-hl').first().getAttribute('style')).resolves.toContain('--verdict-color: #557a0b');
    await screenshot(page, 'sources-ready');

    await submit.click();
    await expect.poll(() => card.locator('.badge[class*="status-"]').first().textContent()).toBe('In review');
    await expect(card.locator('.submit-review').count()).resolves.toBe(0);
    await screenshot(page, 'sources-submitted');

    // The known source was reused, not duplicated, and both now list the claim (a duplicate would show up twice).
    const ourUrls = ['https://news.example.com/bridge-vote?id=9', 'https://stats.example.org/traffic-census-2025'];
    const listed = await json<{ items: { id: number; url: string; claimCount: number }[] }>(reviewer, '/api/sources');
    const ours = listed.body.items.filter((s) => ourUrls.includes(s.url));
    expect(ours.map((s) => [s.url, s.claimCount]).sort()).toEqual(ourUrls.map((url) => [url, 1]));

    await page.goto(`${app.baseUrl}/sources`);
    for (const title of ['Board approves harbor bridge plan', 'Regional traffic census 2025']) {
      await expect(page.locator('.sources-table tbody tr', { hasText: title }).count()).resolves.toBe(1);
    }
    await screenshot(page, 'sources-list');
    await page.getByRole('link', { name: 'Regional traffic census 2025' }).click();
    await page.getByRole('heading', { name: /Cited by 1 claim/ }).waitFor();
    await screenshot(page, 'source-detail');
    await page.close();
  });

  it('refuses to delete a verdict in use with a message to retire it, and retires it', async () => {
    // A claim rated "Half true", made through the JSON API.
    const admin = await apiLogin(app.baseUrl, 'admin@example.com');
    const article = await importSample(app.baseUrl, admin);
    const start = article.text.indexOf('Engineers told the board');
    const { body: claim } = await json<{ id: number; version: number }>(admin, '/api/claims', {
      body: { articleId: article.id, start, end: start + 24, type: 'event' },
    });
    const { body: scale } = await json<{ id: number; label: string }[]>(admin, '/api/verdicts');
    const halfTrue = scale.find((v) => v.label === 'Half true')!;
    const rated = await json(admin, `/api/claims/${claim.id}`, { method: 'PATCH', body: { version: claim.version, verdictId: halfTrue.id } });
    expect(rated.status).toBe(200);

    const page = await app.newPage({ as: 'admin@example.com', viewport: { width: 1200, height: 900 } });
    await page.goto(`${app.baseUrl}/admin/verdicts`);
    const row = page.locator('tr', { has: page.getByLabel('Label of Half true') });
    await expect(row.textContent()).resolves.toContain('1 claim');
    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: 'Delete' }).click();
    await expect
      .poll(() => page.locator('.form-error').textContent())
      .toBe('"Half true" is the verdict of 1 claim and cannot be deleted; retire it to stop its use on new claims.');
    await row.getByRole('button', { name: 'Retire' }).click();
    await expect.poll(() => page.locator('tr.retired').count()).toBe(1);
    await screenshot(page, 'admin-verdicts');
    await page.close();
  });

  it('answers the JSON API contract for sources and verdicts', async () => {
    const editor = await apiLogin(app.baseUrl, 'editor@example.com');
    const article = await importSample(app.baseUrl, editor);
    const start = article.text.indexOf('close the lower harbor road');
    const { body: claim } = await json<{ id: number; version: number }>(editor, '/api/claims', {
      body: { articleId: article.id, start, end: start + 27, type: 'event' },
    });
    const attach = (body: unknown) =>
      json<{ error?: { code: string }; sourceId: number; reused: boolean }>(editor, `/api/claims/${claim.id}/sources`, { body });

    expect((await attach({ url: 'javascript:alert(1)', relation: 'supports' })).status).toBe(400);
    expect((await attach({ url: 'https://example.com/road', relation: 'supports', excerpt: 'x'.repeat(2001) })).status).toBe(400);
    const created = await attach({ url: 'https://example.com/road?utm_medium=rss', relation: 'supports' });
    expect(created.status).toBe(201);
    expect(created.body.reused).toBe(false);

    const again = await json<{ id: number; url: string }>(editor, '/api/sources', { body: { url: 'https://EXAMPLE.com/road#top' } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: created.body.sourceId, url: 'https://example.com/road' });
    const search = await json<{ items: { id: number }[] }>(editor, '/api/sources?q=example.com%2Froad');
    expect(search.body.items.map((s) => s.id)).toEqual([created.body.sourceId]);

    expect((await json(editor, `/api/sources/${created.body.sourceId}`, { method: 'DELETE' })).status).toBe(409);
    expect((await json(editor, `/api/claims/${claim.id}/sources/${created.body.sourceId}`, { method: 'DELETE' })).status).toBe(204);
    expect((await json(editor, `/api/claims/${claim.id}/sources/${created.body.sourceId}`, { method: 'DELETE' })).status).toBe(404);
    expect((await json(editor, `/api/sources/${created.body.sourceId}`, { method: 'DELETE' })).status).toBe(204);

    const events = await json<{ action: string; diff: unknown }[]>(editor, `/api/claims/${claim.id}/events`);
    expect(events.body.filter((e) => e.action === 'edited').map((e) => e.diff)).toEqual([
      { sources: { added: ['https://example.com/road'], removed: [] } },
      { sources: { added: [], removed: ['https://example.com/road'] } },
    ]);

    const patch = await json(editor, `/api/claims/${claim.id}`, { method: 'PATCH', body: { version: claim.version + 2, verdictId: 9999 } });
    expect(patch.status).toBe(400);
    expect((await json(editor, '/api/verdicts', { body: { label: 'Satire', color: '#8250df', rating: 1 } })).status).toBe(403);
    const admin = await apiLogin(app.baseUrl, 'admin@example.com');
    expect((await json(admin, '/api/verdicts', { body: { label: 'Satire', color: '#8250df', rating: 1 } })).status).toBe(201);
    const scale = await json<{ label: string }[]>(editor, '/api/verdicts');
    expect(scale.body.at(-1)?.label).toBe('Satire');
  });
});
