import { describe, expect, it } from 'vitest';
import { apiLogin, importSample, screenshot, selectPhrase } from './harness';
import { appUnderTest } from './app-under-test';

const app = appUnderTest();

describe('claim suggestions', () => {
  it('proposes claims on open; accept by click and by key, dismiss, and both are remembered after reload', async () => {
    // A fresh copy of the sample article: no claims and no dismissals yet, so the panel suggests on open.
    const article = await importSample(app.baseUrl, await apiLogin(app.baseUrl, 'editor@example.com'));
    const page = await app.newPage({ as: 'editor@example.com' });
    await page.goto(`${app.baseUrl}/articles/${article.id}`);
    const cards = page.locator('.suggestion-card');
    await cards.first().waitFor();
    const total = await cards.count();
    expect(total).toBeGreaterThan(3);
    expect(await page.locator('.ProseMirror .suggestion-hl').count()).toBeGreaterThan(0);
    await screenshot(page, 'suggestions');
    // The bulk buttons by type, without their counts: their order must not change as cards go.
    const bulkOrder = async () => (await page.locator('.accept-all button').allTextContents()).map((t) => t.replace(/ \(\d+\)$/, ''));
    const bulk = await bulkOrder();
    expect(bulk.length).toBeGreaterThan(1);

    // Accept the first quote with a click: it becomes a draft quote claim credited to its speaker.
    const quote = cards.filter({ has: page.locator('.badge.type-quote') }).first();
    const speaker = await quote.locator('.claimant').textContent();
    await quote.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => page.locator('.claim-card').count()).toBe(1);
    expect(await page.locator('.claim-card .claimant').first().textContent()).toContain(speaker!);
    await expect.poll(() => cards.count()).toBe(total - 1);
    await page
      .getByTestId('toasts')
      .getByText(/^Claim created: /)
      .waitFor();
    expect(await bulkOrder()).toEqual(bulk);

    // Keyboard triage: focus one card, then a, d, a without touching anything else. After each key the next card
    // has focus (not the page), so the next key acts on it.
    const focusedIndex = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.index ?? null);
    await cards.first().focus();
    await page.keyboard.press('a');
    await expect.poll(() => page.locator('.claim-card').count()).toBe(2);
    await expect.poll(focusedIndex).toBe('0');
    const dismissedText = await cards.first().locator('.suggestion-text').textContent();
    await page.keyboard.press('d');
    await expect.poll(() => cards.count()).toBe(total - 3);
    await page.getByTestId('toasts').getByText('Suggestion dismissed.').waitFor();
    await expect.poll(focusedIndex).toBe('0');
    await expect(cards.first().evaluate((el) => el.classList.contains('selected'))).resolves.toBe(true);
    await page.keyboard.press('a');
    await expect.poll(() => page.locator('.claim-card').count()).toBe(3);
    await expect.poll(() => cards.count()).toBe(total - 4);
    await expect.poll(focusedIndex).toBe('0');
    // At the end of the list focus steps back to the last card.
    const last = (await cards.count()) - 1;
    await cards.nth(last).focus();
    await page.keyboard.press('d');
    await expect.poll(() => cards.count()).toBe(total - 5);
    await expect.poll(focusedIndex).toBe(String(last - 1));
    expect(await bulkOrder()).toEqual(bulk);

    // Opened again, the article shows what is left straight away: no "Suggest claims" click needed.
    await page.reload();
    await expect.poll(() => cards.count()).toBe(total - 5);
    expect(await page.getByRole('button', { name: 'Suggest claims' }).count()).toBe(0);
    const remaining = await page.locator('.suggestion-text').allTextContents();
    expect(remaining).not.toContain(dismissedText);
    expect(await page.locator('.claim-card').count()).toBe(3);

    // A claim marked by hand inside a suggested sentence retires that suggestion.
    const before = await cards.count();
    const target = (await page.locator('.suggestion-text').first().textContent())!;
    await selectPhrase(page, target.slice(0, 40));
    await page.getByRole('button', { name: 'Create claim' }).click();
    await expect.poll(() => page.locator('.claim-card').count()).toBe(4);
    await expect.poll(() => cards.count()).toBe(before - 1);
    expect(await page.locator('.suggestion-text').allTextContents()).not.toContain(target);
    await page.close();
  });

  it('shows the speaker mention of the active card in the text, and credits an accepted claim to the speaker the editor picks', async () => {
    const article = await importSample(app.baseUrl, await apiLogin(app.baseUrl, 'editor@example.com'));
    const page = await app.newPage({ as: 'editor@example.com' });
    await page.goto(`${app.baseUrl}/articles/${article.id}`);
    const quote = page
      .locator('.suggestion-card')
      .filter({ has: page.locator('.badge.type-quote') })
      .first();
    await quote.waitFor();
    const before = (await quote.locator('.claimant').textContent())!;

    // Focusing the card marks the mention its speaker was taken from.
    await quote.focus();
    await expect.poll(() => page.locator('.ProseMirror .speaker-hl').count()).toBeGreaterThan(0);
    const marked = await page.locator('.ProseMirror .speaker-hl').allTextContents();
    expect(before).toContain(marked.join('').trim());
    await page.setViewportSize({ width: 1440, height: 900 });
    await screenshot(page, 'suggestions-speaker-1440');

    // Pick someone else from the people the article credits.
    await quote.getByRole('button', { name: 'Change speaker' }).click();
    const options = quote.getByRole('list', { name: 'Credit this claim to' }).getByRole('button');
    const names = await options.allTextContents();
    const other = names.find((n) => n !== before && n !== 'No speaker');
    expect(other).toBeDefined();
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'suggestions-speaker-390');
    await options.filter({ hasText: other! }).first().click();
    await expect.poll(() => quote.locator('.claimant').textContent()).toBe(other);

    await quote.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => page.locator('.claim-card .claimant').allTextContents()).toContainEqual(expect.stringContaining(other!));
    await page.close();
  });
});
