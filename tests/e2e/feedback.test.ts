import bcrypt from 'bcryptjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { withAppDb } from './app-db';
import { apiLogin, callApi, DEMO_PASSWORD, importSample, screenshot } from './harness';
import { appUnderTest } from './app-under-test';

// Confirmations and clutter (issue 14, item 9). The app starts without demo data, so its dashboard is truly empty;
// the three accounts are written straight into the database.

const app = appUnderTest({ env: { SEED_DEMO: '0' } });
let admin: Page;
let adminCookie: string;

beforeAll(async () => {
  const hash = bcrypt.hashSync(DEMO_PASSWORD, 4);
  await withAppDb(app, async (db) => {
    for (const [email, name, role] of [
      ['editor@example.com', 'Erin Editor', 'editor'],
      ['admin@example.com', 'Ada Admin', 'admin'],
    ])
      await db.exec('insert into users (email, name, password_hash, role) values (?, ?, ?, ?)', [email, name, hash, role]);
  });
  admin = await app.newPage({ as: 'admin@example.com', viewport: { width: 1440, height: 900 } });
  adminCookie = await apiLogin(app.baseUrl, 'admin@example.com');
});

const toasts = (page: Page) => page.getByTestId('toasts');

describe('feedback and clutter', () => {
  // First in this file: the later tests add claims (none is ever verified here, so the second chart stays empty).
  it('the dashboard charts of an empty database say there is nothing yet instead of drawing a bare axis', async () => {
    await admin.goto(`${app.baseUrl}/`);
    const charts = admin.locator('.chart-grid figure');
    await expect(charts.count()).resolves.toBe(2);
    await admin.getByText('No claims marked in the last 8 weeks.', { exact: false }).waitFor();
    await admin.getByText('No claims verified in the last 8 weeks.', { exact: false }).waitFor();
    expect(await admin.locator('.chart-grid svg').count()).toBe(0);
    await expect(admin.title()).resolves.toBe('Dashboard · Claimdesk');
    await screenshot(admin, 'dashboard-empty-1440');
  });

  it('an import error shows once, goes away when its field is changed, and what was typed is still there', async () => {
    const page = await app.newPage({ as: 'editor@example.com', viewport: { width: 390, height: 844 } });
    await page.goto(`${app.baseUrl}/articles/new`);
    const form = page.locator('form.import-form');
    await form.getByLabel('Title', { exact: false }).fill('Kept title');
    await form.getByLabel('Publisher').fill('Kept publisher');
    await form.getByRole('button', { name: 'Import', exact: true }).click();
    await form.getByText('The article has no text').waitFor();
    expect(await page.getByText('The article has no text').count()).toBe(1);
    await expect(form.getByLabel('Title', { exact: false }).inputValue()).resolves.toBe('Kept title');
    await expect(form.getByLabel('Publisher').inputValue()).resolves.toBe('Kept publisher');
    await screenshot(page, 'import-error-390');
    // Changing another field leaves the content's error; typing the content clears it.
    await form.getByLabel('Publisher').fill('Another publisher');
    expect(await page.getByText('The article has no text').count()).toBe(1);
    await form.getByLabel('Content').fill('A headline\n\nSome text.');
    await expect.poll(() => page.getByText('The article has no text').count()).toBe(0);
    // A file over the size limit is refused in the browser, before it is read and sent.
    const upload = form.getByLabel('Or upload a file');
    let posted = 0;
    page.on('request', (r) => void (r.method() === 'POST' && r.url().endsWith('/api/articles') && posted++));
    await upload.setInputFiles({ name: 'huge.md', mimeType: 'text/markdown', buffer: Buffer.alloc(2 * 1024 * 1024 + 1, 'a') });
    await form.getByRole('button', { name: 'Import', exact: true }).click();
    await form.getByText('Larger than 2 MB.').waitFor();
    expect(posted).toBe(0);
    // A file within it wins over the pasted content and opens as the new article.
    await upload.setInputFiles({
      name: 'brief.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# Uploaded brief\n\nThe council spent **4 million** on roads.\n'),
    });
    await form.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(/\/articles\/\d+$/);
    await page.locator('#article-text').getByText('The council spent 4 million on roads.').waitFor();
    expect(posted).toBe(1);
    await page.context().close();
  });

  it('the annotate side panel scrolls as one, and tabs name the article and the claim', async () => {
    const cookie = await apiLogin(app.baseUrl, 'editor@example.com');
    const article = await importSample(app.baseUrl, cookie);
    const start = article.text.indexOf('40,000 vehicles a day');
    const { data: claim } = await callApi<{ id: number }>(
      app.baseUrl,
      cookie,
      'POST',
      '/api/claims',
      { articleId: article.id, start, end: start + 21, type: 'statistic' },
      201,
    );
    await admin.goto(`${app.baseUrl}/articles/${article.id}?claim=${claim.id}`);
    await admin.locator('.suggestions:not([data-loading])').waitFor();
    await admin.locator('.suggestion-card').nth(5).waitFor();
    await admin.locator('.claim-editor').waitFor();
    const nested = await admin.evaluate(() =>
      [...document.querySelectorAll('.side-panel *')]
        .filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight + 1)
        .map((el) => el.className),
    );
    expect(nested).toEqual([]);
    await expect(admin.title()).resolves.toBe(`${article.title} · Claimdesk`);
    await admin.goto(`${app.baseUrl}/claims/${claim.id}`);
    await expect(admin.title()).resolves.toBe('Claim: 40,000 vehicles a day · Claimdesk');
  });

  it('Disable asks first: cancelling keeps the user, confirming disables them and says so', async () => {
    const email = `disable-${Date.now()}@example.com`;
    await callApi(
      app.baseUrl,
      adminCookie,
      'POST',
      '/api/users',
      { email, name: 'Dana Disable', role: 'editor', password: 'quiet-harbour-lantern-58' },
      201,
    );
    await admin.goto(`${app.baseUrl}/admin/users`);
    const row = admin.locator(`tr[data-user="${email}"]`);
    const asked: string[] = [];
    admin.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await row.getByRole('button', { name: 'Disable' }).click();
    expect(asked).toEqual([expect.stringContaining('Disable Dana Disable?')]);
    expect(await row.locator('.badge.warn', { hasText: 'Disabled' }).count()).toBe(0);
    await row.getByRole('button', { name: 'Disable' }).waitFor();
    admin.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: 'Disable' }).click();
    await toasts(admin).getByText('Dana Disable disabled.').waitFor();
    await row.getByRole('button', { name: 'Enable' }).waitFor();
    const { data: users } = await callApi<{ email: string; disabled: boolean }[]>(app.baseUrl, adminCookie, 'GET', '/api/users', undefined, 200);
    expect(users.find((u) => u.email === email)?.disabled).toBe(true);
  });

  it('the verdict scale editor confirms each save, and focus stays where the user tabbed to', async () => {
    const label = `Satire ${Date.now()}`;
    await callApi(app.baseUrl, adminCookie, 'POST', '/api/verdicts', { label, color: '#6e7781', rating: 1, unrated: true }, 201);
    await admin.goto(`${app.baseUrl}/admin/verdicts`);
    const labelInput = admin.getByLabel(`Label of ${label}`);
    await labelInput.fill(`${label} (renamed)`);
    await admin.keyboard.press('Tab');
    await toasts(admin).getByText(`Renamed “${label}” to “${label} (renamed)”.`).waitFor();
    // The save re-rendered the row; the colour field the Tab went to still has focus.
    await expect(admin.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe(`Colour of ${label} (renamed)`);
    await admin.getByRole('button', { name: `Move ${label} (renamed) up` }).click();
    await toasts(admin).getByText(`Moved “${label} (renamed)” up.`).waitFor();
    await screenshot(admin, 'verdict-scale-saved-1440');
  });
});
