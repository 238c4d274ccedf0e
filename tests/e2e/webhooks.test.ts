import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiLogin, launchBrowser, login, screenshot, startApp, type App } from './harness';
import { writeClaim } from './write-claim';
import { startWebhookReceiver, type WebhookReceiver } from '../fixtures/webhook-receiver';
import { verifySignature } from '@/lib/webhooks/sign-payload';

let app: App;
let browser: Browser;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  // The app's sender may call the local receiver, and looks for due deliveries often.
  app = await startApp({ WEBHOOK_ALLOW_HOSTS: receiver.host, WEBHOOK_POLL_MS: '200' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await receiver?.close();
});

describe('Webhooks admin page', () => {
  it('registers a webhook, and shows the signed delivery of a claim approved afterwards in the log', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await login(page, app.baseUrl, 'admin@example.com');
    await page.goto(`${app.baseUrl}/admin/webhooks`);
    await page.getByLabel('Receiver URL').fill(receiver.url);
    await page.getByRole('button', { name: 'Generate' }).click();
    const secret = await page.getByLabel(/Signing secret/).inputValue();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Added ${receiver.url}` })
      .waitFor();
    await page.getByRole('heading', { name: receiver.url }).waitFor();

    // The claim goes through review by API: the click that matters here is on this page.
    const editor = await apiLogin(app.baseUrl, 'editor@example.com');
    const reviewer = await apiLogin(app.baseUrl, 'reviewer@example.com');
    const claimId = await writeClaim(app.baseUrl, editor, {
      articleId: 1,
      phrase: '28,000 vehicles',
      type: 'statistic',
      verdict: 'True',
      fields: { rationale: 'Traffic counts from the port authority.' },
      source: { url: 'https://example.org/counts', title: 'Counts', relation: 'supports' },
      approvedBy: reviewer,
    });
    await receiver.waitFor(1);
    const [delivery] = receiver.received;
    expect(verifySignature(secret, delivery.body, String(delivery.headers['x-claimdesk-signature']), Math.floor(Date.now() / 1000))).toBe(true);
    expect(JSON.parse(delivery.body)).toMatchObject({ event: 'claim.verified', claim: { id: claimId, status: 'verified' } });

    // The log shows it delivered with the receiver's 200 (reloaded until the sender has recorded the answer).
    const row = page.locator(`tr[data-delivery="${delivery.headers['x-claimdesk-delivery']}"]`);
    await expect
      .poll(
        async () => {
          await page.reload();
          return (await row.count()) ? row.innerText() : '';
        },
        { timeout: 30_000, interval: 300 },
      )
      .toMatch(/claim\.verified.*delivered\s+200\s+1/s);

    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      // axe audits this page (with a delivery in its log) in accessibility.test.ts with the other admin pages.
      await screenshot(page, `admin-webhooks-${width}`);
      // Nothing wider than the window: the log scrolls inside its box on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }

    // Send again: a second delivery of the same claim reaches the receiver.
    await page.setViewportSize({ width: 1440, height: 900 });
    await row.getByRole('button', { name: /^Send again: delivery \d+$/ }).click();
    await receiver.waitFor(2);
    expect(JSON.parse(receiver.received[1].body).claim).toEqual(JSON.parse(delivery.body).claim);
    await context.close();
  });
});
