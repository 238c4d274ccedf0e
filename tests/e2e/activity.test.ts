import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiLogin } from './harness';
import { appUnderTest } from './app-under-test';

const app = appUnderTest();

async function call(cookie: string, path: string, method: string, body: unknown): Promise<number> {
  const res = await fetch(`${app.baseUrl}${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return res.status;
}

/** Screenshots for a person to look at, outside the repository. */
const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp/claimdesk-shots';
async function shot(page: Page, name: string, fullPage = true) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

describe('Activity page', () => {
  it('shows admins who changed what, with the diff, filters by kind, and pages older events', async () => {
    const editor = await apiLogin(app.baseUrl, 'editor@example.com');
    const admin = await apiLogin(app.baseUrl, 'admin@example.com');
    await expect(apiLogin(app.baseUrl, 'admin@example.com', 'a-wrong-password')).rejects.toThrow(/Login failed/);
    expect(await call(editor, '/api/articles', 'POST', { format: 'text', content: 'Ferry fares rise\n\nFares rose 4% this spring.' })).toBe(201);
    // A user of this test's own, so the demo editor keeps their role for the other tests.
    const created = await fetch(`${app.baseUrl}/api/users`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'promoted@example.com', name: 'Pat Promoted', role: 'editor', password: 'sturdy-lantern-88' }),
    });
    expect(created.status).toBe(201);
    const { user } = (await created.json()) as { user: { id: number } };
    expect(await call(admin, `/api/users/${user.id}`, 'PATCH', { role: 'reviewer' })).toBe(200);
    // Enough verdict edits for a second page (50 per page).
    for (let i = 0; i < 50; i++) expect(await call(admin, '/api/verdicts/1', 'PATCH', { color: i % 2 ? '#1a7f37' : '#2da44e' })).toBe(200);

    const page = await app.newPage({ as: 'admin@example.com', viewport: { width: 1440, height: 900 } });
    await page.goto(`${app.baseUrl}/admin`);
    await page.getByRole('link', { name: 'Activity' }).click();
    await page.getByRole('heading', { name: 'Activity' }).waitFor();
    const rows = page.getByRole('list', { name: 'Activity' }).locator('li');
    await expect(rows.count()).resolves.toBe(50);
    await expect(rows.first().textContent()).resolves.toContain('changed a verdict');
    await shot(page, 'activity-1440');

    await page.getByRole('link', { name: 'Older →' }).click();
    await page.waitForURL(/cursor=/);
    const older = await page.getByRole('list', { name: 'Activity' }).textContent();
    expect(older).toContain('changed the role of a user');
    expect(older).toContain('imported an article');
    expect(older).toContain('Someone not signed in');
    expect(older).toContain('failed to sign in');
    await shot(page, 'activity-1440-older');

    await page.getByLabel('Kind').selectOption('user.role_changed');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/kind=user.role_changed/);
    await expect(rows.count()).resolves.toBe(1);
    const row = rows.first();
    await expect(row.locator('.diff-table del').textContent()).resolves.toBe('editor');
    await expect(row.locator('.diff-table ins').textContent()).resolves.toBe('reviewer');
    await expect(page.url()).not.toContain('cursor=');

    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'activity-390-filtered');
    await page.goto(`${app.baseUrl}/admin/activity`);
    await shot(page, 'activity-390', false);
    // The rows and their diffs fit the phone's width (long values wrap instead of widening the page).
    const widest = await page.evaluate(() =>
      Math.max(...[...document.querySelectorAll('.activity-item')].map((e) => e.getBoundingClientRect().right)),
    );
    expect(widest).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('warns before a source edit that sends a verified claim back to review, then shows it in Activity', async () => {
    const editor = await apiLogin(app.baseUrl, 'editor@example.com');
    const reviewer = await apiLogin(app.baseUrl, 'reviewer@example.com');
    const send = async <T>(cookie: string, path: string, method: string, body: unknown): Promise<T> => {
      const res = await fetch(`${app.baseUrl}${path}`, {
        method,
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status, `${method} ${path}: ${res.status}`).toBeLessThan(300);
      return (await res.json()) as T;
    };
    type Claim = { id: number; version: number; status: string };
    const claim = await send<Claim>(editor, '/api/claims', 'POST', { articleId: 1, start: 0, end: 20, type: 'other' });
    const link = await send<{ claim: Claim; sourceId: number }>(editor, `/api/claims/${claim.id}/sources`, 'POST', {
      url: 'https://example.org/port-figures',
      title: 'Port figures',
      relation: 'supports',
    });
    const ready = await send<Claim>(editor, `/api/claims/${claim.id}`, 'PATCH', {
      version: link.claim.version,
      verdictId: 1,
      rationale: 'The port says so.',
    });
    const submitted = await send<Claim>(editor, `/api/claims/${claim.id}/transitions`, 'POST', { action: 'submit', version: ready.version });
    expect(
      (await send<Claim>(reviewer, `/api/claims/${claim.id}/transitions`, 'POST', { action: 'approve', version: submitted.version })).status,
    ).toBe('verified');

    const page = await app.newPage({ as: 'admin@example.com', viewport: { width: 1440, height: 900 } });
    await page.goto(`${app.baseUrl}/sources/${link.sourceId}`);
    await page.getByRole('button', { name: 'Edit' }).click();
    await expect(page.locator('.source-edit .hint').last().textContent()).resolves.toContain(
      'sends the verified claim citing this source back to review',
    );
    await shot(page, 'source-edit-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'source-edit-390', false);
    await page.getByLabel('Title').fill('Port figures, corrected');
    await page.getByRole('button', { name: 'Save source' }).click();
    await page.getByRole('button', { name: 'Edit' }).waitFor();
    const after = (await (await fetch(`${app.baseUrl}/api/claims/${claim.id}`, { headers: { cookie: editor } })).json()) as Claim;
    expect(after.status).toBe('in_review');

    await page.goto(`${app.baseUrl}/admin/activity?kind=source`);
    const row = page.getByRole('list', { name: 'Activity' }).locator('li').first();
    await expect(row.textContent()).resolves.toContain('1 verified claim sent back to review');
    await expect(row.locator('.diff-table ins').textContent()).resolves.toBe('Port figures, corrected');
    await page.close();
  });

  it('is forbidden for reviewers and editors', async () => {
    const page = await app.newPage({ as: 'reviewer@example.com' });
    const res = await page.goto(`${app.baseUrl}/admin/activity`);
    expect(res?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('You do not have access to this page');
    await page.close();
  });
});
