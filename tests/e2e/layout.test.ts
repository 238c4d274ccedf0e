import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { apiLogin, callApi, screenshot, setSetting } from './harness';
import { appUnderTest } from './app-under-test';
import { writeClaim } from './write-claim';

const app = appUnderTest();

// 1200: just above the width where the top bar folds into a menu.
const WIDTHS = [390, 768, 1200, 1440, 1920];
const PAGES = [
  '/',
  '/articles',
  '/articles/1',
  '/articles/new',
  '/claims',
  '/review',
  '/search?q=troops',
  '/sources',
  '/export',
  '/account',
  '/admin',
  '/admin/users',
  '/admin/verdicts',
  '/admin/settings',
  '/admin/activity',
];

/** What sticks out: the page wider than the window, or a visible form, fieldset, field or button wider than its container. */
function overflowsOf(page: Page) {
  return page.evaluate(() => {
    // Folded parts (filters behind "Filters", collapsed sections) must fit too once opened.
    for (const details of document.querySelectorAll('details')) details.open = true;
    const found: string[] = [];
    const pageWidth = document.scrollingElement!.scrollWidth;
    if (pageWidth > window.innerWidth + 1) found.push(`page is ${pageWidth}px wide in a ${window.innerWidth}px window`);
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    for (const el of document.querySelectorAll('form, fieldset, input:not([type=hidden]), select, textarea, button')) {
      if (!el.checkVisibility()) continue;
      // The container is the nearest ancestor that has a box of its own (display: contents has none).
      let parent = el.parentElement;
      while (parent && getComputedStyle(parent).display === 'contents') parent = parent.parentElement;
      if (!parent) continue;
      const box = el.getBoundingClientRect();
      const outer = parent.getBoundingClientRect();
      if (box.width <= 1) continue; // visually hidden controls
      if (box.right > outer.right + 1 || box.left < outer.left - 1) {
        found.push(
          `${name(el)} (${Math.round(box.left)}..${Math.round(box.right)}) sticks out of ${name(parent)} (${Math.round(outer.left)}..${Math.round(outer.right)})`,
        );
      }
    }
    return found;
  });
}

describe('layout at phone, tablet and desktop widths', () => {
  it('fits every main page and the new-source form into 390, 768, 1200, 1440 and 1920 px without overflow', async () => {
    // A claim of the admin's on the sample article, so the annotate sidebar has a card whose new-source form opens.
    const admin = await apiLogin(app.baseUrl, 'admin@example.com');
    const claimId = await writeClaim(app.baseUrl, admin, {
      articleId: 1,
      phrase: 'carry about 40,000 vehicles a day',
      type: 'statistic',
    });
    // The pages that need data of their own: a source, a claim in review (its workflow buttons and history) and a
    // verified one published publicly (the seeded demo claims include both), a second article version and a one-time
    // set-password link.
    const sourceId = (await callApi<{ items: { id: number }[] }>(app.baseUrl, admin, 'GET', '/api/sources', undefined, 200)).data.items[0].id;
    const { data: claims } = await callApi<{ items: { id: number; status: string }[] }>(
      app.baseUrl,
      admin,
      'GET',
      '/api/claims?limit=100',
      undefined,
      200,
    );
    const verifiedId = claims.items.find((c) => c.status === 'verified')!.id;
    const inReviewId = claims.items.find((c) => c.status === 'in_review')!.id;
    await setSetting(app, 'publish_fact_checks', 'true');
    const user = { email: `layout-${Date.now()}@example.com`, name: 'Lee Layout', role: 'editor' };
    const { setPasswordLink } = (await callApi<{ setPasswordLink: string }>(app.baseUrl, admin, 'POST', '/api/users', user, 201)).data;
    const page = await app.newPage({ as: 'admin@example.com', viewport: { width: WIDTHS[0], height: 900 } });
    const visitor = await app.newPage({ viewport: { width: WIDTHS[0], height: 900 } });

    // One load per page, measured at every width: the app lays out by CSS alone (no script reads the window's size).
    const problems: string[] = [];
    const atEveryWidth = async (label: string, on = page) => {
      for (const width of WIDTHS) {
        await on.setViewportSize({ width, height: 900 });
        problems.push(...(await overflowsOf(on)).map((p) => `${width}px ${label}: ${p}`));
      }
    };
    const measure = async (on: Page, paths: string[]) => {
      for (const target of paths) {
        await on.setViewportSize({ width: WIDTHS[0], height: 900 });
        const res = await on.goto(`${app.baseUrl}${target}`);
        expect(res?.status(), target).toBe(200);
        await on.locator('main').first().waitFor();
        await atEveryWidth(target, on);
      }
    };
    await measure(page, [
      ...PAGES,
      `/claims/${claimId}`,
      `/claims/${inReviewId}`,
      `/claims/${verifiedId}/family`,
      `/sources/${sourceId}`,
      '/notifications',
      `/fact-checks/${verifiedId}`,
    ]);
    await measure(visitor, ['/login', setPasswordLink]);
    await visitor.close();
    await page.goto(`${app.baseUrl}/articles/1?claim=${claimId}`);
    const card = page.locator('.claim-card.selected');
    await card.getByRole('button', { name: 'New source' }).click();
    await card.getByLabel('URL', { exact: true }).waitFor();
    await atEveryWidth('new-source form');

    // Last, as it makes the sample article an old version: a new version and its changes.
    const text = fs.readFileSync(path.resolve(__dirname, '../../db/sample/harbor-bridge.txt'), 'utf8');
    const content = text.replace('when it opens in 2030.\n', "when it opens in 2031.\nEditor's note: updated with the port authority's figures.\n");
    const newVersion = (await callApi<{ id: number }>(app.baseUrl, admin, 'POST', '/api/articles/1/versions', { format: 'text', content }, 201)).data
      .id;
    await measure(page, [`/articles/${newVersion}/changes`, `/articles/${newVersion}/new-version`]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('folds the navigation behind a Menu button on a phone that opens and closes by keyboard', async () => {
    const page = await app.newPage({ as: 'admin@example.com', viewport: { width: 390, height: 844 } });
    await page.goto(`${app.baseUrl}/`);
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(false);
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Close' }).getAttribute('aria-expanded')).resolves.toBe('true');
    const articles = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Articles' });
    await expect(articles.isVisible()).resolves.toBe(true);
    // Escape closes the menu and puts focus back on its button; Enter opens it again.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect(articles.isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).resolves.toBe('main-menu');
    await page.keyboard.press('Enter');
    await articles.click();
    await page.waitForURL(`${app.baseUrl}/articles`);
    await expect(page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.evaluate(() => document.scrollingElement!.scrollWidth)).resolves.toBeLessThanOrEqual(391);

    // The board's filters sit behind a "Filters" summary on a phone, and its rows are cards that need no sideways
    // scrolling: each claim spans the card, its dates say what they are, and the sort links stay.
    await page.goto(`${app.baseUrl}/claims`);
    const table = page.locator('table.board-table');
    await expect(table.evaluate((t) => t.scrollWidth - t.clientWidth)).resolves.toBeLessThanOrEqual(1);
    const row = table.locator('tbody tr').first();
    const [rowBox, claimBox] = await Promise.all([row.boundingBox(), row.locator('td.board-claim').boundingBox()]);
    expect(claimBox!.width).toBeGreaterThan(rowBox!.width * 0.7);
    await expect(row.locator('td[data-label="Updated"]').evaluate((td) => getComputedStyle(td, '::before').content)).resolves.toBe('"Updated: "');
    await expect(table.getByRole('link', { name: /Updated/ }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'board-390');
    await expect(page.getByRole('combobox', { name: 'Type' }).isVisible()).resolves.toBe(false);
    await page.locator('summary', { hasText: 'Filters' }).click();
    await expect(page.getByRole('combobox', { name: 'Type' }).isVisible()).resolves.toBe(true);
    // A filtered board shows its filters unfolded, so it says what it leaves out; a status tab alone does not.
    await page.goto(`${app.baseUrl}/claims?status=draft&type=statistic`);
    await expect(page.getByRole('combobox', { name: 'Type' }).isVisible()).resolves.toBe(true);
    await page.goto(`${app.baseUrl}/claims?status=draft`);
    await expect(page.getByRole('combobox', { name: 'Type' }).isVisible()).resolves.toBe(false);
    // So do the review queue's.
    await page.goto(`${app.baseUrl}/review`);
    await page.locator('.review-item').waitFor();
    await expect(page.getByRole('combobox', { name: 'Type' }).isVisible()).resolves.toBe(false);
    await page.locator('summary', { hasText: 'Filters' }).click();
    await expect(page.getByRole('combobox', { name: 'Type' }).isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('shows styled 404 and 403 pages and names tabs after the page and the article', async () => {
    const page = await app.newPage({ as: 'editor@example.com', viewport: { width: 1440, height: 900 } });
    const missing = await page.goto(`${app.baseUrl}/claims/999999`);
    expect(missing!.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Page not found');
    await expect(page.getByRole('link', { name: 'Go to the dashboard' }).isVisible()).resolves.toBe(true);
    const unknown = await page.goto(`${app.baseUrl}/no-such-page`);
    expect(unknown!.status()).toBe(404);
    await expect(page.title()).resolves.toBe('Page not found · Claimdesk');

    const admin = await page.goto(`${app.baseUrl}/admin`);
    expect(admin!.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('You do not have access to this page');

    await page.goto(`${app.baseUrl}/claims`);
    await expect(page.title()).resolves.toMatch(/ · Claimdesk$/);
    expect(await page.title()).not.toBe('Claimdesk');
    await page.goto(`${app.baseUrl}/articles/1`);
    const heading = (await page.locator('.article-head h1').textContent())!.trim();
    await expect(page.title()).resolves.toBe(`${heading} · Claimdesk`);
    await page.close();
  });
});
