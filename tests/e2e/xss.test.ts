import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { apiLogin, launchBrowser, login, startApp, type App } from './harness';

const PAYLOADS: string[] = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/xss-payloads.json'), 'utf8'));

let app: App;
let browser: Browser;
const pages = { editor: [] as string[], admin: [] as string[] };

async function post(cookie: string, url: string, body: unknown, method = 'POST') {
  const res = await fetch(`${app.baseUrl}${url}`, { method, headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`${method} ${url} -> ${res.status}: ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown> & { id: number }>;
}

beforeAll(async () => {
  app = await startApp();
  const admin = await apiLogin(app.baseUrl, 'admin@example.com');
  const editor = await apiLogin(app.baseUrl, 'editor@example.com');
  // User names: every payload as a user (admin list), and the editor who authors everything below.
  const users = (await (await fetch(`${app.baseUrl}/api/users`, { headers: { cookie: admin } })).json()) as { id: number; email: string }[];
  const editorId = users.find((u) => u.email === 'editor@example.com')!.id;
  await post(admin, `/api/users/${editorId}`, { name: PAYLOADS[1] }, 'PATCH');
  for (const [i, name] of PAYLOADS.entries()) await post(admin, '/api/users', { email: `xss${i}@example.com`, name, role: 'editor' });
  // Imports: the same payloads as HTML, Markdown and plain text.
  const html = await post(editor, '/api/articles', { format: 'html', title: PAYLOADS[0], content: `<h1>HTML import</h1>${PAYLOADS.map((p) => `<p>${p}</p>`).join('')}` });
  const md = await post(editor, '/api/articles', { format: 'markdown', content: `# Markdown import\n\n${PAYLOADS.join('\n\n')}` });
  const text = await post(editor, '/api/articles', { format: 'text', content: `Text import\n\n${PAYLOADS.join('\n\n')}` });
  // Claim text, claimant, note, rationale, comment and source fields, each claim anchored on a payload of the text article.
  const body = text.text as string;
  const claimIds: number[] = [];
  let from = 0;
  for (const p of PAYLOADS) {
    const start = body.indexOf(p, from);
    if (start < 0) throw new Error(`payload not in the imported text: ${p}`);
    from = start + p.length;
    const claim = await post(editor, '/api/claims', { articleId: text.id, start, end: start + p.length, type: 'quote', claimText: p, claimant: p, note: p });
    await post(editor, `/api/claims/${claim.id}`, { version: claim.version, rationale: p }, 'PATCH');
    await post(editor, `/api/claims/${claim.id}/events`, { comment: p });
    await post(editor, `/api/claims/${claim.id}/sources`, { url: `https://evil.example/s?x=${encodeURIComponent(p)}`, title: p, excerpt: p, relation: 'supports' });
    claimIds.push(claim.id);
  }
  pages.editor = [
    '/',
    '/articles',
    `/articles/${html.id}`,
    `/articles/${md.id}`,
    `/articles/${text.id}`,
    '/claims',
    '/review',
    '/search?q=script',
    '/export',
    '/account',
    ...claimIds.map((id) => `/claims/${id}`),
  ];
  pages.admin = ['/admin', '/admin/users', '/admin/settings', '/review', `/articles/${text.id}`];
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/**
 * Waits until the page has no request in flight, still none two animation frames later: every client fetch
 * (suggestions, checked-before sentences, a claim's full record) has been answered and rendered, and every image
 * has loaded or failed, so content that arrives late is in the DOM before it is scanned.
 */
async function settle(page: Page, inFlight: Set<Request>): Promise<void> {
  await expect
    .poll(
      async () => {
        if (inFlight.size) return inFlight.size;
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        return inFlight.size;
      },
      { timeout: 30_000 },
    )
    .toBe(0);
}

/** What executed (window.__xss) or what dangerous markup made it into the page's main content. */
function scan(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown };
    const out: string[] = [];
    if (w.__xss) out.push('window.__xss was set');
    const main = document.querySelector('main') ?? document.body;
    // Next's own scripts carry this response's nonce; an injected script cannot know it.
    const bad = [...main.querySelectorAll('script, iframe, object, embed, base, meta[http-equiv]')].filter(
      (e) => !(e instanceof HTMLScriptElement && (e.nonce || e.getAttribute('nonce'))),
    );
    if (bad.length) out.push(`injected elements: ${[...bad].map((e) => e.outerHTML.slice(0, 80)).join(' | ')}`);
    for (const el of main.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        const value = el.getAttribute(attr) ?? '';
        if (/^on/i.test(attr)) out.push(`event handler ${attr} on <${el.tagName.toLowerCase()}>`);
        if (/^(href|src|action|formaction|xlink:href|data)$/i.test(attr) && /^\s*(javascript|data|vbscript):/i.test(value)) {
          out.push(`${attr}="${value.slice(0, 60)}" on <${el.tagName.toLowerCase()}>`);
        }
      }
    }
    return out;
  });
}

/** Visits each path and returns what executed or what dangerous markup made it into the DOM. */
async function sweep(context: BrowserContext, email: string, paths: string[]): Promise<string[]> {
  const page: Page = await context.newPage();
  const problems: string[] = [];
  page.on('dialog', (d) => {
    problems.push(`dialog "${d.message()}" on ${page.url()}`);
    void d.dismiss();
  });
  const inFlight = new Set<Request>();
  page.on('request', (r) => inFlight.add(r));
  page.on('requestfinished', (r) => inFlight.delete(r));
  page.on('requestfailed', (r) => inFlight.delete(r));
  await login(page, app.baseUrl, email);
  for (const p of paths) {
    const res = await page.goto(`${app.baseUrl}${p}`, { waitUntil: 'load' });
    if (!res || res.status() >= 500) problems.push(`${p} answered ${res?.status()}`);
    await settle(page, inFlight);
    problems.push(...(await scan(page)).map((f) => `${p}: ${f}`));
    // On article pages, open claim cards one by one so each claim editor renders its fields too (claim pages show
    // them all). A card that does not open fails the sweep: its fields would go unchecked.
    if (!p.startsWith('/articles/')) continue;
    // eslint-disable-next-line no-restricted-syntax -- playwright's Locator.all(), not a SQLite query
    for (const card of (await page.locator('.claim-card').all()).slice(0, 12)) {
      await card.locator('.claim-card-head').click({ timeout: 15_000 });
      await card.locator('.claim-editor').waitFor({ timeout: 15_000 });
      await settle(page, inFlight);
      const id = await card.getAttribute('data-claim-id');
      problems.push(...(await scan(page)).map((f) => `${p} with claim ${id} open: ${f}`));
    }
  }
  await page.close();
  return problems;
}

describe('XSS', () => {
  it(`renders ${PAYLOADS.length} payloads in every field without executing them, even with the CSP bypassed`, async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const problems = [
      ...(await sweep(context, 'editor@example.com', pages.editor)),
      ...(await sweep(await browser.newContext({ bypassCSP: true }), 'admin@example.com', pages.admin)),
    ];
    await context.close();
    expect(problems).toEqual([]);
  }, 400_000);

  it('executes none of them with the CSP on either', async () => {
    const context = await browser.newContext();
    const problems = await sweep(context, 'editor@example.com', pages.editor.slice(0, 12));
    await context.close();
    expect(problems).toEqual([]);
  }, 200_000);
});
