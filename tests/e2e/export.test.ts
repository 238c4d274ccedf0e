import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { apiLogin, launchBrowser, login, screenshot, startApp, type App } from './harness';
import { describeRange } from '@/lib/anchoring/quote';

let app: App;
let browser: Browser;
let verifiedId: number;

/** Inserts a verified claim (with verdict, rationale and a source) and a draft straight into the app's database. */
function seedClaims(dbFile: string): number {
  const db = new Database(dbFile);
  try {
    // A first start marks up the demo sample article; this test counts only the claims it inserts itself.
    db.pragma('foreign_keys = ON');
    db.prepare('delete from claims where article_id <> 1').run();
    const text = (db.prepare('select body_text from articles where id = 1').get() as { body_text: string }).body_text;
    const ids = Object.fromEntries((db.prepare('select id, email from users').all() as { id: number; email: string }[]).map((u) => [u.email, u.id]));
    const verdict = (db.prepare("select id from verdict_scale where label = 'Mostly true'").get() as { id: number }).id;
    const insert = db.prepare(
      `insert into claims (article_id, start, "end", exact, prefix, suffix, type, claimant, claim_text, status, verdict_id, rationale, author_id, reviewer_id, updated_at, reviewed_at)
       values (1, @start, @end, @exact, @prefix, @suffix, 'statistic', @claimant, @claimText, @status, @verdict, @rationale, @author, @reviewer, @now, @reviewed)`,
    );
    const anchor = (phrase: string) => describeRange(text, text.indexOf(phrase), text.indexOf(phrase) + phrase.length);
    const now = Date.now();
    const id = Number(
      insert.run({
        ...anchor('40,000 vehicles a day'),
        claimant: 'Valmont, Ingrid',
        claimText: 'The bridge will carry “about 40,000” vehicles a day',
        status: 'verified',
        verdict,
        rationale: 'Traffic model, p. 4:\n"40,000 by 2032".',
        author: ids['editor@example.com'],
        reviewer: ids['reviewer@example.com'],
        now,
        reviewed: now,
      }).lastInsertRowid,
    );
    const source = db.prepare("insert into sources (url, title, created_by) values ('https://port.example/filing', 'Filing', ?)").run(ids['editor@example.com']);
    db.prepare("insert into claim_sources (claim_id, source_id, relation) values (?, ?, 'supports')").run(id, source.lastInsertRowid);
    insert.run({ ...anchor('28,000 vehicles'), claimant: '', claimText: 'draft', status: 'draft', verdict: null, rationale: '', author: ids['editor@example.com'], reviewer: null, now, reviewed: null });
    return id;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  app = await startApp();
  verifiedId = seedClaims(app.dbFile);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('export page', () => {
  it('counts matching verified claims and downloads them as a CSV file', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await login(page, app.baseUrl, 'editor@example.com');
    await page.goto(`${app.baseUrl}/export`);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('1 claim matches.');
    await screenshot(page, 'export-page');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^claimdesk-verified-claims-\d{4}-\d{2}-\d{2}\.csv$/);
    const body = fs.readFileSync((await download.path())!, 'utf8');
    expect(body.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(body, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      expect.objectContaining({
        claim_id: String(verifiedId),
        claim_url: `${app.baseUrl}/claims/${verifiedId}`,
        claim_text: 'The bridge will carry “about 40,000” vehicles a day',
        exact_quote: '40,000 vehicles a day',
        claimant: 'Valmont, Ingrid',
        verdict_label: 'Mostly true',
        rationale: 'Traffic model, p. 4:\n"40,000 by 2032".',
        source_urls: 'https://port.example/filing',
        author: 'Erin Editor',
        reviewer: 'Riley Reviewer',
      }),
    ]);
    await context.close();
  });

  it('is linked from the article page with the article preselected', async () => {
    const page = await browser.newPage();
    await login(page, app.baseUrl, 'reviewer@example.com');
    await page.goto(`${app.baseUrl}/articles/1`);
    await screenshot(page, 'export-article-link');
    await page.getByRole('link', { name: 'Export claims' }).click();
    await page.waitForURL(`${app.baseUrl}/export?article=1`);
    expect(await page.getByLabel('Article').inputValue()).toBe('1');
    await page.getByLabel('Status').selectOption('all');
    await expect.poll(() => page.getByRole('status').textContent()).toBe('2 claims match.');
    await page.getByLabel('ClaimReview JSON-LD (schema.org)').check();
    expect(await page.getByRole('link', { name: 'Download ClaimReview' }).getAttribute('href')).toBe('/api/export?status=all&article=1&format=claimreview');
    await page.getByLabel('Reviewed from').fill('2001-02-01');
    await page.getByLabel('Reviewed to').fill('2001-01-01');
    await expect.poll(() => page.locator('.form-error').textContent()).toContain('The "from" date is after the "to" date.');
    expect(await page.getByRole('button', { name: 'Download' }).isDisabled()).toBe(true);
    await screenshot(page, 'export-page-error');
    await page.close();
  });
});

describe('GET /api/export', () => {
  it('refuses anonymous requests with 401', async () => {
    const res = await fetch(`${app.baseUrl}/api/export?format=csv`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it.each([
    ['format=xml', 'format: Use one of'],
    ['format=csv&from=2025-02-30', 'from: Use a date in the form YYYY-MM-DD.'],
    ['format=csv&article=999', 'There is no article with id 999.'],
  ])('answers 400 with a message for %s', async (query, message) => {
    const cookie = await apiLogin(app.baseUrl, 'editor@example.com');
    const res = await fetch(`${app.baseUrl}/api/export?${query}`, { headers: { cookie } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid');
    expect(body.error.message).toContain(message);
  });

  it('answers 403 when an editor asks for claims that are not verified', async () => {
    const cookie = await apiLogin(app.baseUrl, 'editor@example.com');
    expect((await fetch(`${app.baseUrl}/api/export?format=json&status=draft`, { headers: { cookie } })).status).toBe(403);
  });

  it('streams Web Annotations with download headers to a reviewer', async () => {
    const cookie = await apiLogin(app.baseUrl, 'reviewer@example.com');
    const res = await fetch(`${app.baseUrl}/api/export?format=webannotation&status=all`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/ld+json');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="claimdesk-all-claims-\d{4}-\d{2}-\d{2}\.json"$/);
    const items = (await res.json()) as { type: string; target: { selector: { exact?: string }[] } }[];
    expect(items.map((a) => [a.type, a.target.selector[0].exact])).toEqual([
      ['Annotation', '40,000 vehicles a day'],
      ['Annotation', '28,000 vehicles'],
    ]);
  });
});
