import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiLogin, callApi, selectPhrase, setSetting } from './harness';
import { appUnderTest } from './app-under-test';
import { withAppDb } from './app-db';

// axe-core's own source, evaluated in the page through the DevTools protocol: the app's nonce CSP blocks injected
// <script> tags, not evaluation (and @axe-core/playwright needs Node 22).
const AXE_SOURCE = fs.readFileSync(path.resolve(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [1440, 390];

type Finding = { id: string; impact: string | null; help: string; nodes: string[] };
type Target = { path: string; ready?: string; prepare?: (page: Page) => Promise<void> };

const app = appUnderTest();
const ids = { draft: 0, inReview: 0, needsChanges: 0, verified: 0, source: 0, newVersion: 0, article: 0 };
let setPasswordLink = '';
const checked: string[] = [];
const violations: string[] = [];
const incomplete: string[] = [];

beforeAll(async () => {
  const editor = await apiLogin(app.baseUrl, 'editor@example.com');
  // The seeded build-up sample carries one demo claim per status (db/seed-demo-claims.ts).
  const { data: claims } = await callApi<{ items: { id: number; status: string; articleId: number }[] }>(
    app.baseUrl,
    editor,
    'GET',
    '/api/claims?limit=100',
    undefined,
    200,
  );
  const byStatus = (status: string) => claims.items.find((c) => c.status === status)!;
  ids.draft = byStatus('draft').id;
  ids.inReview = byStatus('in_review').id;
  ids.needsChanges = byStatus('needs_changes').id;
  ids.verified = byStatus('verified').id;
  ids.article = byStatus('draft').articleId;
  ids.source = (await callApi<{ items: { id: number }[] }>(app.baseUrl, editor, 'GET', '/api/sources', undefined, 200)).data.items[0].id;
  // A second version of the harbour story (a word changed, a paragraph added), for the "changes" page.
  const text = fs.readFileSync(path.resolve(__dirname, '../../db/sample/harbor-bridge.txt'), 'utf8');
  const content = text.replace('when it opens in 2030.\n', "when it opens in 2031.\nEditor's note: updated with the port authority's figures.\n");
  ids.newVersion = (await callApi<{ id: number }>(app.baseUrl, editor, 'POST', '/api/articles/1/versions', { format: 'text', content }, 201)).data.id;
  await setSetting(app, 'publish_fact_checks', 'true');
  // A valid one-time link (a user created without a password), and a webhook with one delivery in its log: written
  // straight into the database, as registering one through the API resolves its host name.
  const admin = await apiLogin(app.baseUrl, 'admin@example.com');
  const user = { email: 'axe-link@example.com', name: 'Ada Link', role: 'editor' };
  setPasswordLink = (await callApi<{ setPasswordLink: string }>(app.baseUrl, admin, 'POST', '/api/users', user, 201)).data.setPasswordLink;
  await withAppDb(app, async (db) => {
    const [{ id: adminId }] = await db.query<{ id: number }>('select id from users where email = ?', ['admin@example.com']);
    const [{ id: webhookId }] = await db.query<{ id: number }>(
      'insert into webhooks (url, secret, events, created_by, created_at) values (?, ?, ?, ?, ?) returning id',
      ['https://hooks.example.com/claimdesk', 'a'.repeat(64), '["claim.verified"]', adminId, new Date()],
    );
    await db.exec(
      `insert into webhook_deliveries (webhook_id, event, claim_id, payload, status, attempts, next_attempt_at, last_status_code,
        last_attempt_at, delivered_at, created_at) values (?, 'claim.verified', ?, '{}', 'delivered', 1, ?, 200, ?, ?, ?)`,
      [webhookId, ids.verified, new Date(), new Date(), new Date(), new Date()],
    );
  });
});

/** Runs axe-core on the page as it is now and records what it found under `label`. */
async function audit(page: Page, label: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
    const slim = (list: typeof r.violations) =>
      list.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ').slice(0, 200)})` : ''}`),
      }));
    return { violations: slim(r.violations), incomplete: slim(r.incomplete) };
  }, TAGS);
  const lines = (list: Finding[]) =>
    list.map(
      (f) =>
        `${label}: ${f.id} [${f.impact}] ${f.help}\n    ${f.nodes.slice(0, 6).join('\n    ')}${f.nodes.length > 6 ? `\n    … ${f.nodes.length - 6} more` : ''}`,
    );
  violations.push(...lines(result.violations));
  incomplete.push(
    ...result.incomplete.map(
      (f) => `${label}: ${f.id} (${f.nodes.length} node${f.nodes.length === 1 ? '' : 's'}) ${f.help}\n      e.g. ${f.nodes[0]}`,
    ),
  );
  checked.push(`${label}: ${result.violations.length} violations, ${result.incomplete.length} incomplete`);
}

/** Opens each target and audits it at every width (one load: the layout follows the viewport through CSS). */
async function auditAll(page: Page, who: string, targets: Target[]): Promise<void> {
  for (const target of targets) {
    await page.setViewportSize({ width: WIDTHS[0], height: 900 });
    const res = await page.goto(`${app.baseUrl}${target.path}`);
    expect(res, target.path).not.toBeNull();
    await page
      .locator(target.ready ?? 'h1')
      .first()
      .waitFor();
    // Next.js may stream a page's <title> after its body (it did for a 404 under load): audit the settled page.
    await page.waitForFunction(() => document.title.trim() !== '');
    await target.prepare?.(page);
    // Folded parts (chart tables, the claim page's edit form, filters on a phone) are checked opened.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
      await audit(page, `${who} ${width}px ${target.path}`);
    }
  }
}

/**
 * The annotate page with its suggestions listed, a claim card open (with its new-source form, where the actor may
 * edit the claim) and words selected for a new claim.
 */
const annotate = (claimId: number): Target => ({
  path: `/articles/${ids.article}?claim=${claimId}`,
  ready: `.claim-card.selected .claim-editor, .claim-card.selected form`,
  prepare: async (page) => {
    await page.locator('.suggestions:not([data-loading])').waitFor();
    const suggest = page.getByRole('button', { name: /^Suggest (claims|again)$/ });
    if ((await page.locator('.suggestion-card').count()) === 0) await suggest.click();
    await page.locator('.suggestion-card').first().waitFor();
    await page.locator('.suggestions:not([data-loading])').waitFor();
    const card = page.locator('.claim-card.selected');
    const newSource = card.getByRole('button', { name: 'New source' });
    if (await newSource.count()) {
      await newSource.click();
      await card.getByLabel('URL', { exact: true }).waitFor();
    }
    await selectPhrase(page, 'three armoured brigades');
    await page.getByRole('button', { name: 'Create claim' }).waitFor();
  },
});

/** The review queue with its first claim selected and the request-changes comment open. */
const reviewQueue: Target = {
  path: '/review',
  ready: '.review-item',
  prepare: async (page) => {
    // The seeded claim's Markdown rationale is shown formatted, not as asterisks.
    await expect(page.locator('.review-item strong', { hasText: 'Lenna Observation Mission' }).count()).resolves.toBe(1);
    await expect(page.locator('.review-item').innerText()).resolves.not.toContain('**');
    await page.locator('.review-item').getByRole('button', { name: 'Request changes' }).click();
    await page.locator('.review-item textarea').waitFor();
  },
};

/** The export page warns that ClaimReview falls back to a placeholder author (no organisation name is set here). */
const orgNameWarning = async (page: Page) => {
  await expect(page.getByRole('note').filter({ hasText: 'No organisation name is set' }).count()).resolves.toBe(1);
};

/**
 * The claim page of the claim in review: its history shows the Markdown rationale formatted, and its status badge
 * carries the status's shape (not told by colour alone).
 */
const claimInReview = (): Target => ({
  path: `/claims/${ids.inReview}`,
  ready: '#history',
  prepare: async (page) => {
    const history = page.locator('section:has(> #history)');
    await expect(history.locator('ins strong', { hasText: 'Lenna Observation Mission' }).count()).resolves.toBe(1);
    await expect(history.innerText()).resolves.not.toContain('**');
    const shape = await page
      .locator('.badge.status-in_review')
      .first()
      .evaluate((el) => getComputedStyle(el, '::before').content);
    expect(shape).toContain('◐');
  },
});

/**
 * The pages that differ by role (what the dashboard, a source, the export notes, the shortcut settings and the open
 * claim offer the actor), each audited for every role, with the claim `openClaim` open on the annotate page.
 */
function rolePages(openClaim: number): Target[] {
  return [
    { path: '/' },
    annotate(openClaim),
    { path: `/claims/${ids.needsChanges}`, ready: '#history' },
    { path: `/sources/${ids.source}` },
    { path: '/export', prepare: orgNameWarning },
    { path: '/account' },
  ];
}

/** The pages every signed-in role sees alike (the same markup but for the top bar, which every page audits): audited once. */
function sharedPages(): Target[] {
  return [
    { path: '/articles' },
    { path: '/articles/new' },
    { path: `/claims/${ids.verified}/family` },
    { path: '/claims' },
    { path: '/search?q=troops', ready: '.search-results li' },
    { path: '/sources' },
    { path: '/notifications' },
    { path: `/articles/${ids.newVersion}/changes` },
  ];
}

/** Role, name and description of the first element matching `selector`, as Chromium exposes them to screen readers. */
async function accessibleOf(page: Page, selector: string): Promise<{ role: string; name: string; description: string }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`nothing matches ${selector}`);
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    const value = (v?: { value?: unknown }) => String(v?.value ?? '');
    return { role: value(nodes[0].role), name: value(nodes[0].name), description: value(nodes[0].description) };
  } finally {
    await cdp.detach();
  }
}

const signedIn = (email: string): Promise<Page> => app.newPage({ as: email, viewport: { width: WIDTHS[0], height: 900 } });

describe('accessibility (axe-core, WCAG 2.2 AA) at 1440 and 390 px', () => {
  it('finds no violations on any page, logged out and as editor, reviewer and admin', async () => {
    const visitor = await app.newPage({ viewport: { width: WIDTHS[0], height: 900 } });
    await auditAll(visitor, 'logged out', [
      { path: '/login' },
      { path: '/set-password?token=expired' },
      { path: setPasswordLink },
      { path: `/fact-checks/${ids.verified}` },
      { path: '/no-such-page' },
    ]);
    await visitor.close();

    const editor = await signedIn('editor@example.com');
    await auditAll(editor, 'editor', [
      ...rolePages(ids.draft),
      ...sharedPages(),
      { path: `/articles/${ids.newVersion}/new-version` },
      { path: '/admin' },
      { path: '/claims/999999' },
    ]);
    // The folded menu on a phone, opened.
    await editor.setViewportSize({ width: 390, height: 844 });
    await editor.goto(`${app.baseUrl}/`);
    await editor.getByRole('button', { name: 'Menu' }).click();
    await audit(editor, 'editor 390px / menu open');
    await editor.close();

    const reviewer = await signedIn('reviewer@example.com');
    await auditAll(reviewer, 'reviewer', [reviewQueue, claimInReview(), ...rolePages(ids.inReview)]);
    await reviewer.close();

    const admin = await signedIn('admin@example.com');
    await auditAll(admin, 'admin', [
      { path: '/admin' },
      { path: '/admin/users' },
      { path: '/admin/verdicts' },
      { path: '/admin/settings' },
      { path: '/admin/activity' },
      { path: '/admin/webhooks', ready: 'tr[data-delivery]' },
      reviewQueue,
      ...rolePages(ids.needsChanges),
    ]);
    await admin.close();

    console.log(`Pages checked with axe-core (${TAGS.join(', ')}):\n  ${checked.join('\n  ')}`);
    console.log(incomplete.length ? `Incomplete (needs review by a person):\n  ${incomplete.join('\n  ')}` : 'Incomplete: none');
    if (violations.length) console.log(`Violations:\n  ${violations.join('\n  ')}`);
    expect(violations).toEqual([]);
  }, 600_000);

  it('describes each highlight (type, status, verdict), names key-hint buttons in full, and skips to the article and the sidebar', async () => {
    const page = await signedIn('reviewer@example.com');
    await page.goto(`${app.baseUrl}/articles/${ids.article}`);
    const mark = `.ProseMirror mark.claim-hl[data-claim-ids="${ids.needsChanges}"]`;
    await page.locator(mark).first().waitFor();
    const highlight = await accessibleOf(page, mark);
    expect(highlight.role).toBe('mark');
    expect(highlight.description).toBe('Claim: statistic, needs changes, verdict Mostly true');
    const draft = await accessibleOf(page, `.ProseMirror mark.claim-hl[data-claim-ids="${ids.draft}"]`);
    expect(draft.description).toBe('Claim: statistic, draft, no verdict yet');

    // The skip links come first in the tab order: main content, then the article and the claims sidebar.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to main content');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to the article');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('article-text');
    // The article text shows it has focus with the app's ring, not only a caret; also when Tab walks onto it.
    const ring = () => page.evaluate(() => getComputedStyle(document.activeElement!).outline);
    await expect(ring()).resolves.toBe('rgb(11, 92, 173) solid 2px');
    await page.getByRole('link', { name: 'Skip to the claims sidebar' }).focus();
    const focusedId = () => page.evaluate(() => document.activeElement?.id);
    for (let i = 0; i < 60 && (await focusedId()) !== 'article-text'; i++) await page.keyboard.press('Tab');
    await expect(focusedId()).resolves.toBe('article-text');
    await expect(ring()).resolves.toBe('rgb(11, 92, 173) solid 2px');
    await page.getByRole('link', { name: 'Skip to the claims sidebar' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('claims-panel');
    // The next Tab goes on into the sidebar, not back to the top of the page.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => !!document.activeElement?.closest('#claims-panel'))).resolves.toBe(true);

    await page.goto(`${app.baseUrl}/review`);
    await page.locator('.review-item').waitFor();
    const approve = await accessibleOf(page, '.review-item .decision button.primary');
    expect([approve.role, approve.name.trim()]).toEqual(['button', 'Approve']);
    await expect(page.locator('.review-item .decision button.primary').getAttribute('aria-keyshortcuts')).resolves.toBe('a');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await page.close();
  });
});
