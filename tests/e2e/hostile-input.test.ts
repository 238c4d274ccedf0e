import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertArticle } from '@/lib/articles/convert';
import { withAppDb } from './app-db';
import { apiLogin, screenshot, type App } from './harness';
import { appUnderTest } from './app-under-test';

/** A short budget keeps the test quick and makes the slow cases certain to overrun it on any machine. */
const BUDGET_MS = 1500;
/** The bound: no request may make another wait more than a second. */
const MAX_POLL_MS = 1000;
/** Time a refused request may take beyond the budget (upload, JSON parsing, a busy CI machine). */
const SLACK_MS = 2500;

const app = appUnderTest({ env: { WORK_TIME_BUDGET_MS: String(BUDGET_MS) } });
let cookie: string;

beforeAll(async () => {
  cookie = await apiLogin(app.baseUrl, 'editor@example.com');
  // The worker threads load at server start, which takes seconds; a small import answers once they are ready.
  expect((await postJson('/api/articles', { format: 'text', content: 'Warm-up\nThe pool is ready.' })).status).toBe(201);
});

/** How many articles the app's database holds. */
const articleCount = (of: App = app) =>
  withAppDb(of, async (db) => (await db.query<{ n: number }>('select cast(count(*) as integer) as n from articles'))[0].n);

/**
 * Runs `action` while another client polls GET /api/verdicts about every 100 ms; returns the action's result,
 * how long it took, and every poll's latency (a poll that hangs counts as 5 s).
 */
async function whilePolling<T>(action: () => Promise<T>): Promise<{ result: T; ms: number; polls: number[] }> {
  const polls: number[] = [];
  let running = true;
  const poller = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const res = await fetch(`${app.baseUrl}/api/verdicts`, { headers: { cookie }, signal: AbortSignal.timeout(5000) });
        await res.arrayBuffer();
        polls.push(res.ok ? performance.now() - started : 5000);
      } catch {
        polls.push(5000);
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 100 - (performance.now() - started))));
    }
  })();
  const started = performance.now();
  try {
    const result = await action();
    return { result, ms: performance.now() - started, polls };
  } finally {
    running = false;
    await poller;
  }
}

async function postJson(url: string, body?: unknown) {
  const res = await fetch(`${app.baseUrl}${url}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
}

/** 800 KB of lists nested 20 deep, the shape that took 31 s to import. */
function nestedListHtml(bytes: number): string {
  let html = '<html><body>';
  for (let block = 0; html.length < bytes; block++) {
    for (let level = 0; level < 20; level++) html += `<ul><li>Item ${block}.${level} lorem ipsum dolor sit amet`;
    html += '</li></ul>'.repeat(20);
  }
  return `${html}</body></html>`;
}

/** Lists nested as deep as, and with as many elements as, the limits allow: legal, but slow to convert. */
function slowButLegalHtml(): string {
  let html = '';
  for (let block = 0; block < 249; block++) {
    for (let level = 0; level < 20; level++) html += `<ul><li>Item ${block}.${level} ${'lorem ipsum dolor sit amet '.repeat(2)}`;
    html += '</li></ul>'.repeat(20);
  }
  return html;
}

const hostileImports: [string, unknown, number, RegExp][] = [
  ['800 KB of nested lists', { title: 'Lists', format: 'html', content: nestedListHtml(800 * 1024) }, 400, /element count limit/],
  [
    '<ul><li> nested 1,000 deep',
    { title: 'Deep', format: 'html', content: '<ul><li>x'.repeat(1000) + '</li></ul>'.repeat(1000) },
    400,
    /nesting depth limit/,
  ],
  ['Markdown > nested 5,000 deep', { title: 'Quotes', format: 'markdown', content: `${'>'.repeat(5000)} deep` }, 400, /nesting depth limit/],
];

/**
 * A legal document that converts in about 1.5 s on a quiet machine (9,960 elements, lists 20 deep): against the
 * file's 1.5 s budget that is a race, so this case gets its own server with a 200 ms budget, a certain overrun.
 */
describe('a legal document slower than the time budget', () => {
  const SHORT_BUDGET_MS = 200;
  const shortApp = appUnderTest({ env: { WORK_TIME_BUDGET_MS: String(SHORT_BUDGET_MS) }, browser: false });
  let shortCookie: string;

  beforeAll(async () => {
    shortCookie = await apiLogin(shortApp.baseUrl, 'editor@example.com');
  });

  it('is refused with a 503 naming the budget, and nothing is stored', async () => {
    const post = () =>
      fetch(`${shortApp.baseUrl}/api/articles`, {
        method: 'POST',
        headers: { cookie: shortCookie, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Slow', format: 'html', content: slowButLegalHtml() }),
      });
    const before = await articleCount(shortApp);
    // The first task waits for the worker threads to load, which is not part of any budget.
    let res = await post();
    const body = (await res.json()) as { error?: { message: string } };
    expect(res.status).toBe(503);
    expect(body.error?.message).toMatch(/took longer than 0.2 s/);
    expect(await articleCount(shortApp)).toBe(before);
    // The overrun worker was replaced; the same document is refused the same way again.
    res = await post();
    expect(res.status).toBe(503);
    expect(await articleCount(shortApp)).toBe(before);
  });
});

describe('no request freezes the server', () => {
  it.each(hostileImports)('importing %s is refused within the budget, stores nothing, and polls stay fast', async (_name, input, status, message) => {
    const before = await articleCount();
    const { result, ms, polls } = await whilePolling(() => postJson('/api/articles', input));
    expect(result.status).toBe(status);
    expect(result.body.error?.message).toMatch(message);
    expect(ms).toBeLessThan(BUDGET_MS + SLACK_MS);
    expect(await articleCount()).toBe(before);
    expect(polls.length).toBeGreaterThan(0);
    console.log(`${_name}: ${result.status} in ${Math.round(ms)} ms; ${polls.length} polls, max ${Math.round(Math.max(...polls))} ms`);
    expect(Math.max(...polls)).toBeLessThan(MAX_POLL_MS);
  });

  it('a new version with hostile nesting is refused the same way and leaves the article alone', async () => {
    const before = await articleCount();
    const { result, polls } = await whilePolling(() =>
      postJson('/api/articles/1/versions', { format: 'markdown', content: `${'- '.repeat(3000)}x` }),
    );
    expect(result).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/nesting depth limit/) } } });
    expect(await articleCount()).toBe(before);
    expect(Math.max(...polls)).toBeLessThan(MAX_POLL_MS);
  });

  it('the suggestion pass over a 1.8 MB article ends within the budget, from the API and from the annotate page', async () => {
    const fixture = fs.readFileSync(path.join(__dirname, '../fixtures/scraped-troops.txt'), 'utf8').split('\n').slice(1).join('\n');
    const article = convertArticle({ format: 'text', content: `Long article\n${fixture.repeat(Math.ceil((1.8 * 1024 * 1024) / fixture.length))}` });
    expect(article.text.length).toBeGreaterThan(1.8 * 1024 * 1024);
    // Stored directly: importing it is not the hostile part, the suggestion pass over it is.
    const [{ id }] = await withAppDb(app, (db) =>
      db.query<{ id: number }>(
        "insert into articles (title, body_json, body_text, content_hash, created_by) values ('Long article', ?, ?, 'x', 1) returning id",
        [JSON.stringify(article.doc), article.text],
      ),
    );

    const { result, ms, polls } = await whilePolling(() => postJson(`/api/articles/${id}/suggestions`));
    console.log(`suggestions over 1.8 MB: ${result.status} in ${Math.round(ms)} ms; ${polls.length} polls, max ${Math.round(Math.max(...polls))} ms`);
    // A linear suggester may finish in time; what must hold is that the pass ends within its budget either way.
    expect([200, 503]).toContain(result.status);
    if (result.status === 503) expect(result.body.error?.message).toMatch(/took longer than 1.5 s/);
    expect(ms).toBeLessThan(BUDGET_MS + SLACK_MS);
    expect(Math.max(...polls)).toBeLessThan(MAX_POLL_MS);

    // The annotate page starts the pass by itself and shows the server's message. Rendering 1.8 MB of article on the
    // page is main-thread work of its own (not the suggestion pass), so its poll latency is reported, not asserted.
    const page = await app.newPage({ as: 'editor@example.com', viewport: { width: 1440, height: 900 } });
    const open = await whilePolling(async () => {
      await page.goto(`${app.baseUrl}/articles/${id}`);
      await page.locator('.suggestions:not([data-loading])').waitFor({ timeout: BUDGET_MS + 30_000 });
    });
    console.log(`annotate page of 1.8 MB: ${open.polls.length} polls, max ${Math.round(Math.max(...open.polls))} ms`);
    if (result.status === 503) await expect.poll(() => page.locator('.suggestions [role=alert]').textContent()).toMatch(/took longer than 1.5 s/);
    // Viewport only: a full-page shot of 1.8 MB of text is beyond what Chromium captures.
    await page.screenshot({ path: path.join(__dirname, '../../test-results/hostile-suggestions.png') });
    await page.close();
  });

  it('the import form shows the limit a hostile paste breaks, and a normal import still works afterwards', async () => {
    const page = await app.newPage({ as: 'editor@example.com', viewport: { width: 390, height: 844 } });
    await page.goto(`${app.baseUrl}/articles/new`);
    await page.getByLabel('HTML').check();
    await page.getByLabel('Content').fill('<ul><li>x'.repeat(1000));
    await page.getByRole('button', { name: 'Import' }).click();
    // The limit is shown once: under the field it is about (or as the form's message when it names no field).
    await expect.poll(() => page.locator('.import-form').locator('.field-error, .form-error').first().textContent()).toMatch(/nesting depth limit/);
    await screenshot(page, 'hostile-import-form');

    await page.getByLabel('Plain text').check();
    await page.getByLabel('Content').fill('A calm article\nThe council approved 12 new buses on Monday.');
    await page.getByRole('button', { name: 'Import' }).click();
    await page.waitForURL(/\/articles\/\d+$/);
    await expect.poll(() => page.locator('.ProseMirror').textContent()).toContain('12 new buses');
    await page.close();
  });
});
