import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiLogin, claimOnPhrase, importSample, screenshot, selectPhrase } from './harness';
import { appUnderTest } from './app-under-test';

const app = appUnderTest();

/** Two claims that overlap on "1.2 billion euro plan", and a third that starts where the second ends. */
const OVERLAPPING = ['approved a 1.2 billion euro plan', '1.2 billion euro plan to replace', 'to replace the ageing'];

describe('annotate flow', () => {
  it('imports a scraped article, marks a statistic claim, and keeps the highlight after reload', async () => {
    const page = await app.newPage({ as: 'editor@example.com' });
    await page.goto(`${app.baseUrl}/articles/new`);
    const scraped = fs.readFileSync(path.join(__dirname, '../fixtures/scraped-troops.txt'), 'utf8');
    await page.getByLabel('Content').fill(scraped);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.waitForURL(/\/articles\/\d+$/);
    await expect(page.locator('h1').textContent()).resolves.toBeTruthy();
    await page.locator('.ProseMirror').waitFor();

    // The fixture's first sentence with a number.
    const sentence = await page.evaluate(() => {
      const paragraphs = [...document.querySelectorAll('.ProseMirror p')].map((p) => p.textContent!);
      const sentences = paragraphs.flatMap((p) => p.split(/(?<=[.!?])\s+/));
      return sentences.find((s) => /\d/.test(s) && !/^["“‘]/.test(s) && s.length < 300)!;
    });
    expect(sentence).toMatch(/\d/);
    await selectPhrase(page, sentence);
    await page.getByRole('heading', { name: 'New claim' }).waitFor();
    await expect(page.locator('select[name="type"]').inputValue()).resolves.toBe('statistic');
    await page.getByLabel(/Claimant/).fill('Defence ministry');
    await page.getByRole('button', { name: 'Create claim' }).click();
    await page.locator('.claim-card').first().waitFor();
    await expect(page.locator('.ProseMirror .claim-hl').count()).resolves.toBeGreaterThan(0);

    await page.reload();
    await page.locator('.ProseMirror .claim-hl').first().waitFor();
    const highlighted = await page.locator('.ProseMirror .claim-hl').allTextContents();
    expect(highlighted.join('')).toBe(sentence);
    await expect(page.locator('.claim-card .claimant').textContent()).resolves.toContain('Defence ministry');
    await screenshot(page, 'annotate-view');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await page.close();
  });

  it('makes overlapping and adjacent claims both visible and clickable', async () => {
    const article = await importSample(app.baseUrl, await apiLogin(app.baseUrl, 'editor@example.com'));
    const page = await app.newPage({ as: 'editor@example.com' });
    await page.goto(`${app.baseUrl}/articles/${article.id}`);
    await page.locator('.ProseMirror').waitFor();
    for (const phrase of OVERLAPPING) {
      await selectPhrase(page, phrase);
      await page.getByRole('button', { name: 'Create claim' }).click();
      await expect.poll(() => page.locator('.claim-card').count()).toBeGreaterThan(0);
    }
    await expect.poll(() => page.locator('.claim-card').count()).toBe(3);
    const ids = await page.locator('.claim-card').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-claim-id'))));
    // Overlap: the stretch "1.2 billion euro plan" carries both of the first two claims.
    await expect(page.locator('.ProseMirror .claim-hl.claim-overlap').count()).resolves.toBeGreaterThan(0);
    // Clicking the non-overlapping start of claim 1 selects claim 1; the adjacent claim 3 is selectable too.
    await page.locator(`.ProseMirror .claim-hl[data-claim-ids="${ids[0]}"]`).first().click();
    await expect(page.locator('.claim-card.selected').getAttribute('data-claim-id')).resolves.toBe(String(ids[0]));
    await page.locator(`.ProseMirror .claim-hl[data-claim-ids="${ids[2]}"]`).last().click();
    await expect(page.locator('.claim-card.selected').getAttribute('data-claim-id')).resolves.toBe(String(ids[2]));
    // Clicking the shared stretch twice cycles between the two overlapping claims.
    const shared = page.locator('.ProseMirror .claim-hl.claim-overlap').first();
    await shared.click();
    const first = await page.locator('.claim-card.selected').getAttribute('data-claim-id');
    await shared.click();
    const second = await page.locator('.claim-card.selected').getAttribute('data-claim-id');
    expect(new Set([first, second])).toEqual(new Set([String(ids[0]), String(ids[1])]));
    // Selecting in the panel marks the highlight.
    await page.locator(`.claim-card[data-claim-id="${ids[1]}"] .claim-card-head`).click();
    await expect(page.locator('.ProseMirror .claim-hl.claim-selected').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'annotate-overlaps');
    await page.close();
  });
});

describe('article versions', () => {
  it('imports new text for an article and carries its claims over', async () => {
    const cookie = await apiLogin(app.baseUrl, 'editor@example.com');
    const article = await importSample(app.baseUrl, cookie);
    for (const phrase of OVERLAPPING) await claimOnPhrase(app.baseUrl, cookie, article, phrase);
    const before = OVERLAPPING.length;
    const page = await app.newPage({ as: 'editor@example.com' });
    await page.goto(`${app.baseUrl}/articles/${article.id}`);
    await expect.poll(() => page.locator('.claim-card').count()).toBe(before);
    const text = await page.locator('.ProseMirror').evaluate((el) => [...el.querySelectorAll('p')].map((p) => p.textContent).join('\n\n'));
    await page.getByRole('link', { name: 'New version' }).click();
    await page.getByLabel('Content').fill(`Editor's note: updated on Saturday.\n\n${text}`);
    await page.getByRole('button', { name: 'Import new version' }).click();
    await page.waitForURL(/\/articles\/\d+$/);
    expect(page.url()).not.toBe(`${app.baseUrl}/articles/${article.id}`);
    await page.locator('.ProseMirror').waitFor();
    await expect.poll(() => page.locator('.claim-card').count()).toBe(before);
    await expect(page.locator('h1').textContent()).resolves.toContain('harbor bridge'); // keeps its title
    await expect(page.locator('.ProseMirror p').first().textContent()).resolves.toContain("Editor's note");
    expect(await page.locator('.ProseMirror .claim-hl.claim-start').count()).toBe(before);
    await screenshot(page, 'article-new-version');
    await page.goto(`${app.baseUrl}/articles/${article.id}`);
    await expect(page.locator('.notice').textContent()).resolves.toContain('older version');
    await page.close();
  });
});

describe('access control', () => {
  it('redirects logged-out visitors to the login page', async () => {
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/articles/1`);
    await page.waitForURL(/\/login/);
    await screenshot(page, 'login');
    await page.getByLabel('Email').fill('editor@example.com');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('.form-error').textContent()).resolves.toBe('Email or password is incorrect.');
    await page.close();
  });

  it('answers API calls without a session with 401', async () => {
    for (const [method, url] of [
      ['GET', '/api/articles'],
      ['GET', '/api/articles/1'],
      ['POST', '/api/claims'],
      ['GET', '/api/claims'],
      ['PATCH', '/api/claims/1'],
    ]) {
      const res = await fetch(app.baseUrl + url, {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'GET' ? undefined : '{}',
      });
      expect(res.status, `${method} ${url}`).toBe(401);
      expect((await res.json()).error.code).toBe('unauthorized');
    }
  });
});
