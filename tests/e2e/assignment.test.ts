import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { withAppDb } from './app-db';
import { apiLogin, callApi, importSample, launchBrowser, login, screenshot, startApp, type App } from './harness';

// Issue 18: assign from the board to a reviewer, who finds it in "My work" and the queue's "assigned to me";
// a tag added with autocomplete. Claims are made through the API; only the assigning and tagging are clicked.

type Claim = { id: number; version: number; claimText: string; tags: string[]; assigneeName: string | null };

let app: App;
let browser: Browser;
let admin: Page;
let reviewer: Page;
let editorCookie: string;
let claim: Claim;
let article: number;

beforeAll(async () => {
  app = await startApp();
  editorCookie = await apiLogin(app.baseUrl, 'editor@example.com');
  const imported = await importSample(app.baseUrl, editorCookie);
  article = imported.id;
  // Own claim texts: the demo data holds claims on the same story.
  const mark = async (phrase: string) => {
    const start = imported.text.indexOf(phrase);
    const body = { articleId: article, start, end: start + phrase.length, type: 'statistic', claimText: `Assignment test: ${phrase}` };
    return (await callApi<Claim>(app.baseUrl, editorCookie, 'POST', '/api/claims', body, 201)).data;
  };
  claim = await mark('40,000 vehicles a day');
  // A claim in review (the reviewer-stage case); the workflow itself is tested elsewhere.
  await withAppDb(app, (db) => db.exec(`update claims set status = 'in_review', verdict_id = 1, rationale = 'Model.' where id = ?`, [claim.id]));
  // Another claim carries the tag the autocomplete should offer.
  const other = await mark('1.2 billion euro');
  await callApi(app.baseUrl, editorCookie, 'PATCH', `/api/claims/${other.id}`, { version: other.version, tags: ['Harbor Bridge'] }, 200);
  browser = await launchBrowser();
  admin = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  reviewer = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await login(admin, app.baseUrl, 'admin@example.com');
  await login(reviewer, app.baseUrl, 'reviewer@example.com');
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('assignment and tags', () => {
  it('assigns from the board to a reviewer, who sees it in My work and in the queue filtered to them', async () => {
    await admin.goto(`${app.baseUrl}/claims?status=in_review`);
    await admin
      .getByRole('checkbox', { name: /^Select: / })
      .first()
      .check();
    const bar = admin.getByRole('group', { name: 'Assign selected claims' });
    await bar.getByText('1 selected').waitFor();
    await bar.getByLabel('Assign to').selectOption({ label: 'Riley Reviewer' });
    await bar.getByRole('button', { name: 'Assign' }).click();
    await admin.getByTestId('toasts').getByText('1 claim assigned to Riley Reviewer.').waitFor();
    await admin.locator('.board-table td', { hasText: 'Riley Reviewer' }).waitFor();
    await screenshot(admin, 'assign-board-1440');

    await reviewer.goto(`${app.baseUrl}/`);
    const work = reviewer.locator('section.my-work');
    await work.getByRole('heading', { name: /In review/ }).waitFor();
    await expect(work.getByRole('link', { name: claim.claimText }).count()).resolves.toBe(1);
    await screenshot(reviewer, 'assign-dashboard-390');

    await reviewer.goto(`${app.baseUrl}/review?assignee=me`);
    const mine = reviewer.getByRole('listbox', { name: 'Claims in review' });
    await mine.getByText(claim.claimText, { exact: true }).waitFor();
    await mine.getByText('Assigned to you').waitFor();
    await screenshot(reviewer, 'assign-queue-390');
    await reviewer.goto(`${app.baseUrl}/claims?assignee=me`);
    await reviewer.getByText(claim.claimText, { exact: true }).waitFor();
    await screenshot(reviewer, 'assign-board-390');
    await reviewer.goto(`${app.baseUrl}/review?assignee=none`);
    await reviewer.locator('.queue-list, .empty-queue').first().waitFor();
    await expect(reviewer.getByText(claim.claimText, { exact: true }).count()).resolves.toBe(0);
  });

  it('adds a tag picked from the autocomplete in the claim editor', async () => {
    await admin.goto(`${app.baseUrl}/articles/${article}?claim=${claim.id}`);
    const editor = admin.locator('.claim-editor');
    await editor.getByRole('textbox', { name: /^Tags/ }).fill('harb');
    await editor
      .getByRole('list', { name: 'Suggested tags' })
      .getByRole('button', { name: /harbor bridge/ })
      .click();
    await editor.getByRole('list', { name: 'Current tags' }).getByText('harbor bridge').waitFor();
    await screenshot(admin, 'assign-annotate-1440');
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await admin
      .getByTestId('toasts')
      .getByText(/Claim saved/)
      .waitFor();
    const saved = (await callApi<Claim>(app.baseUrl, editorCookie, 'GET', `/api/claims/${claim.id}`, undefined, 200)).data;
    expect(saved.tags).toEqual(['harbor bridge']);
    expect(saved.assigneeName).toBe('Riley Reviewer');
    await admin.goto(`${app.baseUrl}/claims/${claim.id}`);
    await admin.locator('.claim-badges .tag', { hasText: 'harbor bridge' }).waitFor();
    await screenshot(admin, 'assign-claim-1440');
  });
});
