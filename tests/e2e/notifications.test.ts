import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiLogin, callApi, importSample, launchBrowser, login, screenshot, startApp, type App } from './harness';

// Mentions and notifications (issue 18): a reviewer sends a claim back with an @mention picked from the
// autocomplete by keyboard; the mentioned admin sees the bell's count on a phone, the notification, and marks it read.

let app: App;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

type Claim = { id: number; version: number };
type Notifications = { items: { type: string; claimId: number; excerpt: string; read: boolean }[]; unread: number };

async function pageAt(width: number, height: number, email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
  await login(page, app.baseUrl, email);
  return page;
}

describe('mentions and notifications', () => {
  it('a reviewer @mentions the admin while sending a claim back; the admin sees the count and the notification and marks it read', async () => {
    const call = <T>(cookie: string, method: string, path: string, body: unknown, status: number) =>
      callApi<T>(app.baseUrl, cookie, method, path, body, status).then((r) => r.data);
    const [editor, admin] = [await apiLogin(app.baseUrl, 'editor@example.com'), await apiLogin(app.baseUrl, 'admin@example.com')];
    // A claim in review, written through the API; the admin starts with nothing unread.
    const article = await importSample(app.baseUrl, editor);
    const start = article.text.indexOf('40,000 vehicles a day');
    let claim = await call<Claim>(editor, 'POST', '/api/claims', { articleId: article.id, start, end: start + 21, type: 'statistic' }, 201);
    claim = await call<Claim>(
      editor,
      'PATCH',
      `/api/claims/${claim.id}`,
      { version: claim.version, verdictId: 2, rationale: 'The count says so.' },
      200,
    );
    claim = (
      await call<{ claim: Claim }>(
        editor,
        'POST',
        `/api/claims/${claim.id}/sources`,
        { url: 'https://example.org/count', relation: 'supports', version: claim.version },
        201,
      )
    ).claim;
    await call(editor, 'POST', `/api/claims/${claim.id}/transitions`, { action: 'submit', version: claim.version }, 200);
    await call(admin, 'POST', '/api/notifications/read', { all: true }, 200);

    const reviewer = await pageAt(1440, 900, 'reviewer@example.com');
    await reviewer.goto(`${app.baseUrl}/claims/${claim.id}`);
    await reviewer.getByRole('button', { name: 'Request changes' }).click();
    const box = reviewer.getByRole('textbox', { name: /Comment for request changes/ });
    await box.pressSequentially('Please recount; @adm');
    const option = reviewer.getByRole('listbox', { name: 'People to mention' }).getByRole('option', { name: /@admin/ });
    await option.waitFor();
    await expect(option.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(box.getAttribute('aria-activedescendant')).resolves.toBe(await option.getAttribute('id'));
    await screenshot(reviewer, 'mention-autocomplete-1440');
    await reviewer.keyboard.press('Enter');
    await box.pressSequentially('has the source.');
    await expect(box.inputValue()).resolves.toBe('Please recount; @admin has the source.');
    await reviewer.getByRole('button', { name: 'Request changes' }).click();
    await reviewer.getByText('Sent back to the author with your comment.').waitFor();

    // The author heard of it too, with the comment.
    const authorView = await call<Notifications>(editor, 'GET', '/api/notifications', undefined, 200);
    expect(authorView.items[0]).toMatchObject({
      type: 'sent_back',
      claimId: claim.id,
      excerpt: 'Please recount; @admin has the source.',
      read: false,
    });

    // On a phone the bell is in the menu, named with the count; the folded menu's button shows the count too.
    const phone = await pageAt(390, 844, 'admin@example.com');
    const menu = phone.getByRole('button', { name: 'Menu (1 unread notification)', exact: true });
    await expect(menu.locator('.bell-count').textContent()).resolves.toBe('1');
    await menu.click();
    const bell = phone.getByRole('link', { name: 'Notifications, 1 unread' });
    await bell.click();
    await phone.waitForURL(`${app.baseUrl}/notifications`);
    const item = phone.locator('li.notification.unread');
    await expect(item.count()).resolves.toBe(1);
    await item.getByText('Please recount; @admin has the source.').waitFor();
    await expect(item.getByRole('link').getAttribute('href')).resolves.toBe(`/claims/${claim.id}`);
    await screenshot(phone, 'notifications-390');
    await item.getByRole('button', { name: 'Mark read' }).click();
    await phone.locator('li.notification:not(.unread)').waitFor();
    await phone.getByRole('button', { name: 'Menu', exact: true }).click();
    await phone.getByRole('link', { name: 'Notifications, none unread' }).waitFor();
    expect((await call<Notifications>(admin, 'GET', '/api/notifications', undefined, 200)).unread).toBe(0);
  });
});
