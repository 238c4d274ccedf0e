import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { apiLogin, callApi, importSample, screenshot } from './harness';
import { appUnderTest } from './app-under-test';

// The editor and reviewer flow with the keyboard only: no click, no fill, no mouse. Text goes in as typing (or, for a
// whole article, as one paste through insertText); everything else is Tab, Shift+Tab, Enter, Space, Esc and letters.

const app = appUnderTest();

/** A page signed in as `email` (through the API: signing in is not what this file tests), on the dashboard. */
async function signedIn(email: string, password?: string): Promise<Page> {
  const page = await app.newPage({ as: email, password, viewport: { width: 1300, height: 900 } });
  await page.goto(`${app.baseUrl}/`);
  return page;
}

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));

/** Presses Tab until `target` has focus; fails when it is not reached in `max` presses (not reachable by keyboard). */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reachable with Tab: ${target}`);
}

const announcer = (page: Page) => page.getByTestId('announcer');
const toasts = (page: Page) => page.getByTestId('toasts');
const article = fs.readFileSync(path.join(__dirname, '../../db/sample/harbor-bridge.txt'), 'utf8');

describe('keyboard only', () => {
  it('an editor imports an article, marks claims from a suggestion and a keyboard selection, fills, sources and submits one; a reviewer approves through the confirm step', async () => {
    const editor = await signedIn('editor@example.com');

    // Import: from the dashboard's button to the pasted text and the Import button.
    await tabTo(editor, editor.getByRole('link', { name: 'Import article' }));
    await editor.keyboard.press('Enter');
    await editor.waitForURL(`${app.baseUrl}/articles/new`);
    await tabTo(editor, editor.getByLabel('Content'));
    await editor.keyboard.insertText(article);
    await tabTo(editor, editor.getByRole('button', { name: 'Import', exact: true }));
    await editor.keyboard.press('Enter');
    await editor.waitForURL(/\/articles\/\d+$/);
    const articleId = Number(new URL(editor.url()).pathname.split('/').pop());
    await editor.locator('.suggestions:not([data-loading])').waitFor();

    // Into the text, then n goes to the first highlight (a suggestion: the article has no claims) and says so.
    const text = editor.locator('.ProseMirror');
    await tabTo(editor, text);
    await editor.keyboard.press('n');
    await expect.poll(() => announcer(editor).textContent()).toMatch(/^suggested .+Highlight 1 of \d+; Enter opens it\./);
    // Enter opens that suggestion's card; a accepts it, and focus moves on to the next card, where the keys still work.
    await editor.keyboard.press('Enter');
    await expect.poll(() => isFocused(editor.locator('.suggestion-card').first())).toBe(true);
    const suggestionsBefore = await editor.locator('.suggestion-card').count();
    await editor.keyboard.press('a');
    await toasts(editor)
      .getByText(/^Claim created: ./)
      .waitFor();
    await expect.poll(() => editor.locator('.claim-card').count()).toBe(1);
    await expect.poll(() => editor.locator('.suggestion-card').count()).toBe(suggestionsBefore - 1);
    await expect.poll(() => editor.evaluate(() => document.activeElement?.classList.contains('suggestion-card'))).toBe(true);

    // Esc on a card goes back to its words in the text; Shift+arrows select words there, and Enter opens the new-claim form.
    await editor.keyboard.press('Escape');
    await expect.poll(() => isFocused(text)).toBe(true);
    await expect.poll(() => announcer(editor).textContent()).toMatch(/^In the text at the suggested /);
    // Twelve presses of Shift+ArrowRight select twelve characters: a highlight's status mark is no caret stop of its own.
    for (let i = 0; i < 12; i++) await editor.keyboard.press('Shift+ArrowRight');
    // The form follows the selection a render later: on a loaded machine it can still show an earlier press, so wait for it.
    const quote = editor.locator('.new-claim .selection-quote');
    await expect.poll(async () => (await quote.textContent())?.length).toBe(12);
    const selected = (await quote.textContent())!;
    await editor.keyboard.press('Enter');
    await expect.poll(() => isFocused(editor.locator('.new-claim select[name="type"]'))).toBe(true);
    await editor.keyboard.press('Tab');
    await editor.keyboard.type('Port authority');
    await tabTo(editor, editor.getByRole('button', { name: 'Create claim' }));
    await editor.keyboard.press('Enter');
    await toasts(editor).getByText('Claim created. Fill it in below.').waitFor();
    const card = editor.locator('.claim-card.selected');
    await expect.poll(() => isFocused(card.locator('.claim-card-head'))).toBe(true);
    await expect(card.locator('.claim-card-text').textContent()).resolves.toBe(selected);

    // Fill it: a verdict with the arrow keys, a rationale, Save (focus stays on Save).
    await tabTo(editor, card.getByLabel('Verdict'));
    await editor.keyboard.press('ArrowDown');
    await expect(card.getByLabel('Verdict').inputValue()).resolves.not.toBe('');
    await tabTo(editor, card.getByLabel(/^Rationale/));
    await editor.keyboard.type('The port authority filing says so.');
    await tabTo(editor, card.getByRole('button', { name: 'Save', exact: true }));
    await editor.keyboard.press('Enter');
    await toasts(editor).getByText('Claim saved.').waitFor();
    await expect.poll(() => isFocused(card.getByRole('button', { name: 'Save', exact: true }))).toBe(true);

    // Attach a new source: the form opens with the caret in its URL field, and focus returns to the sources after.
    await tabTo(editor, card.getByRole('button', { name: 'New source' }));
    await editor.keyboard.press('Enter');
    await expect.poll(() => isFocused(card.getByLabel('URL'))).toBe(true);
    await editor.keyboard.type('https://example.org/port-filing');
    await editor.keyboard.press('Tab');
    await editor.keyboard.type('Port authority filing');
    await tabTo(editor, card.getByRole('button', { name: 'Attach source' }));
    await editor.keyboard.press('Enter');
    await toasts(editor).getByText('Source attached.').waitFor();
    await expect.poll(() => isFocused(card.locator('.claim-sources h3'))).toBe(true);
    await card.getByRole('link', { name: 'Port authority filing' }).waitFor();

    // Submit; focus goes to the card, which now says In review.
    await tabTo(editor, card.getByRole('button', { name: 'Submit for review' }));
    await editor.keyboard.press('Enter');
    await toasts(editor).getByText('Submitted for review.').waitFor();
    await card.locator('.badge.status-in_review').waitFor();
    await expect.poll(() => isFocused(card.locator('.claim-card-head'))).toBe(true);
    await screenshot(editor, 'keyboard-submitted-1300');

    // Esc from the card back to its highlight, Enter from the highlight back to the card, each announced.
    await editor.keyboard.press('Escape');
    await expect.poll(() => isFocused(text)).toBe(true);
    await expect.poll(() => announcer(editor).textContent()).toMatch(/^In the text at the \w+ claim, In review, verdict True: /);
    await editor.keyboard.press('Enter');
    await expect.poll(() => isFocused(card.locator('.claim-card-head'))).toBe(true);
    await expect.poll(() => announcer(editor).textContent()).toMatch(/^Card of the \w+ claim, In review/);
    const claimId = Number(await card.getAttribute('data-claim-id'));

    // The reviewer: a asks first, Esc cancels, a then Enter on the focused Confirm button approves. Nothing is sent before.
    const reviewer = await signedIn('reviewer@example.com');
    const sent: string[] = [];
    reviewer.on('request', (r) => r.url().includes('/transitions') && sent.push(r.url()));
    await reviewer.goto(`${app.baseUrl}/review?articleId=${articleId}`);
    await reviewer.getByRole('option', { selected: true }).getByText(selected).waitFor();
    await reviewer.locator('.review-queue[data-keys-ready]').waitFor();
    await reviewer.keyboard.press('a');
    const confirm = reviewer.getByRole('button', { name: 'Confirm approval' });
    await expect.poll(() => isFocused(confirm)).toBe(true);
    await reviewer.getByText('Approve this claim as “True” and publish the verdict?').waitFor();
    await screenshot(reviewer, 'keyboard-confirm-approval-1300');
    await reviewer.keyboard.press('Escape');
    await reviewer.getByRole('button', { name: 'Approve' }).waitFor();
    expect(sent).toEqual([]);
    await reviewer.keyboard.press('a');
    await expect.poll(() => isFocused(confirm)).toBe(true);
    await reviewer.keyboard.press('Enter');
    await toasts(reviewer).getByText(`Approved: ${selected}`).waitFor();
    expect(sent).toHaveLength(1);
    await reviewer.getByText('Nothing waiting for review.').waitFor();
    const cookie = await apiLogin(app.baseUrl, 'editor@example.com');
    await expect(
      callApi<{ status: string }>(app.baseUrl, cookie, 'GET', `/api/claims/${claimId}`, undefined, 200).then((r) => r.data.status),
    ).resolves.toBe('verified');
    await editor.context().close();
    await reviewer.context().close();
  });

  it('single-key shortcuts can be turned off and remapped on the account page, and the queue follows', async () => {
    const [adminCookie, editorCookie] = await Promise.all([apiLogin(app.baseUrl, 'admin@example.com'), apiLogin(app.baseUrl, 'editor@example.com')]);
    const email = `keys-${Date.now()}@example.com`;
    const password = 'quiet-harbour-lantern-58';
    await callApi(app.baseUrl, adminCookie, 'POST', '/api/users', { email, name: 'Kim Keys', role: 'reviewer', password }, 201);
    const source = await importSample(app.baseUrl, editorCookie);
    const start = source.text.indexOf('40,000 vehicles a day');
    const call = <T>(method: string, p: string, body?: unknown, status?: number) => callApi<T>(app.baseUrl, editorCookie, method, p, body, status);
    type Claim = { id: number; version: number };
    let claim = (await call<Claim>('POST', '/api/claims', { articleId: source.id, start, end: start + 21, type: 'statistic' }, 201)).data;
    claim = (await call<Claim>('PATCH', `/api/claims/${claim.id}`, { version: claim.version, verdictId: 1, rationale: 'Counted.' }, 200)).data;
    claim = (
      await call<{ claim: Claim }>(
        'POST',
        `/api/claims/${claim.id}/sources`,
        { url: 'https://example.org/counts', relation: 'supports', version: claim.version },
        201,
      )
    ).data.claim;
    await call('POST', `/api/claims/${claim.id}/transitions`, { action: 'submit', version: claim.version }, 200);

    const page = await signedIn(email, password);
    const queue = `${app.baseUrl}/review?articleId=${source.id}`;
    const nextFrame = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));

    // Off: "a" does nothing, and the buttons and the page stop advertising keys.
    await page.goto(`${app.baseUrl}/account`);
    await tabTo(page, page.getByLabel('Use single-key shortcuts'));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Save shortcuts' }));
    await page.keyboard.press('Enter');
    await page.getByText('Shortcuts saved.').waitFor();
    await page.goto(queue);
    await page.locator('.review-queue[data-keys-ready]').waitFor();
    await page.getByText('Single-key shortcuts are off').waitFor();
    await page.keyboard.press('a');
    await nextFrame();
    expect(await page.locator('.confirm-question').count()).toBe(0);
    expect(await page.locator('.decision kbd').count()).toBe(0);

    // Two queue shortcuts on one key are refused, naming the field and keeping what was typed.
    await page.goto(`${app.baseUrl}/account`);
    await tabTo(page, page.getByLabel('Use single-key shortcuts'));
    await page.keyboard.press('Space');
    const approveKey = page.locator('input[name="key:queue.approve"]');
    await tabTo(page, approveKey);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('y');
    await tabTo(page, page.locator('input[name="key:queue.reject"]'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('y');
    await tabTo(page, page.getByRole('button', { name: 'Save shortcuts' }));
    await page.keyboard.press('Enter');
    await page.getByText('Also the key of “Approve (press again, or Enter, to confirm)”.').waitFor();
    await expect(approveKey.inputValue()).resolves.toBe('y');
    await screenshot(page, 'account-shortcuts-clash-1300');

    // Remapped: approve is y (its reject twin put back to r); a no longer approves.
    await tabTo(page, page.locator('input[name="key:queue.reject"]'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('r');
    await tabTo(page, page.getByRole('button', { name: 'Save shortcuts' }));
    await page.keyboard.press('Enter');
    await page.getByText('Shortcuts saved.').waitFor();
    await page.goto(queue);
    await page.locator('.review-queue[data-keys-ready]').waitFor();
    await page.getByRole('button', { name: 'Approve' }).locator('kbd', { hasText: 'y' }).waitFor();
    await page.keyboard.press('a');
    await nextFrame();
    expect(await page.locator('.confirm-question').count()).toBe(0);
    await page.keyboard.press('y');
    await page.getByText('Press y again or Enter to confirm, Esc to cancel.').waitFor();
    await page.keyboard.press('y');
    await toasts(page)
      .getByText(/^Approved: /)
      .waitFor();
    await page.context().close();
  });
});
