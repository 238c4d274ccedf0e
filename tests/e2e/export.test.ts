import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { withAppDb } from './app-db';
import { apiLogin, screenshot } from './harness';
import { appUnderTest } from './app-under-test';
import { writeClaim } from './write-claim';

const app = appUnderTest();
let verifiedId: number;

/** Writes a verified claim (with verdict, rationale and a source) and a draft on article 1 through the API. */
async function seedClaims(): Promise<number> {
  // A first start marks up the demo sample article; this test counts only the claims it writes itself. The API
  // deletes drafts only, so the demo claims go straight from the database (their links go with them).
  await withAppDb(app, (db) => db.exec('delete from claims where article_id <> 1'));
  const [editor, reviewer] = await Promise.all([apiLogin(app.baseUrl, 'editor@example.com'), apiLogin(app.baseUrl, 'reviewer@example.com')]);
  const id = await writeClaim(app.baseUrl, editor, {
    articleId: 1,
    phrase: '40,000 vehicles a day',
    type: 'statistic',
    fields: {
      claimant: 'Valmont, Ingrid',
      claimText: 'The bridge will carry “about 40,000” vehicles a day',
      rationale: 'Traffic model, p. 4:\n"40,000 by 2032".',
    },
    verdict: 'Mostly true',
    source: { url: 'https://port.example/filing', title: 'Filing', relation: 'supports' },
    approvedBy: reviewer,
  });
  await writeClaim(app.baseUrl, editor, { articleId: 1, phrase: '28,000 vehicles', type: 'statistic', fields: { claimText: 'draft' } });
  return id;
}

beforeAll(async () => {
  verifiedId = await seedClaims();
});

describe('export page', () => {
  it('counts matching verified claims and downloads them as a CSV file', async () => {
    const page = await app.newPage({ as: 'editor@example.com', acceptDownloads: true });
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
    await page.close();
  });

  it('is linked from the article page with the article preselected', async () => {
    const page = await app.newPage({ as: 'reviewer@example.com' });
    await page.goto(`${app.baseUrl}/articles/1`);
    await screenshot(page, 'export-article-link');
    await page.getByRole('link', { name: 'Export claims' }).click();
    await page.waitForURL(`${app.baseUrl}/export?article=1`);
    expect(await page.getByLabel('Article').inputValue()).toBe('1');
    await page.getByLabel('Status').selectOption('all');
    await expect.poll(() => page.getByRole('status').textContent()).toBe('2 claims match.');
    await page.getByLabel('ClaimReview JSON-LD (schema.org)').check();
    expect(await page.getByRole('link', { name: 'Download ClaimReview' }).getAttribute('href')).toBe(
      '/api/export?status=all&article=1&format=claimreview',
    );
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
