import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { apiLogin } from './harness';
import { appUnderTest } from './app-under-test';

const PAYLOADS: string[] = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/xss-payloads.json'), 'utf8'));

const app = appUnderTest();
const pages = { editor: [] as string[], admin: [] as string[] };

async function post(cookie: string, url: string, body: unknown, method = 'POST') {
  const res = await fetch(`${app.baseUrl}${url}`, { method, headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`${method} ${url} -> ${res.status}: ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown> & { id: number }>;
}

beforeAll(async () => {
  const admin = await apiLogin(app.baseUrl, 'admin@example.com');
  const editor = await apiLogin(app.baseUrl, 'editor@example.com');
  // User names: every payload as a user (admin list), and the editor who authors everything below.
  const users = (await (await fetch(`${app.baseUrl}/api/users`, { headers: { cookie: admin } })).json()) as { id: number; email: string }[];
  const editorId = users.find((u) => u.email === 'editor@example.com')!.id;
  await post(admin, `/api/users/${editorId}`, { name: PAYLOADS[1] }, 'PATCH');
  // Independent accounts, sent at once: hashing their passwords overlaps while the database takes the rows in turn.
  await Promise.all(PAYLOADS.map((name, i) => post(admin, '/api/users', { email: `xss${i}@example.com`, name, role: 'editor' })));
  // Imports: the same payloads as HTML, Markdown and plain text.
  const html = await post(editor, '/api/articles', {
    format: 'html',
    title: PAYLOADS[0],
    content: `<h1>HTML import</h1>${PAYLOADS.map((p) => `<p>${p}</p>`).join('')}`,
  });
  const md = await post(editor, '/api/articles', { format: 'markdown', content: `# Markdown import\n\n${PAYLOADS.join('\n\n')}` });
  const text = await post(editor, '/api/articles', { format: 'text', content: `Text import\n\n${PAYLOADS.join('\n\n')}` });
  // Claim text, claimant, note, rationale, comment and source fields, each claim anchored on a payload of the text article.
  const body = text.text as string;
  const claimIds: number[] = [];
  let from = 0;
  // One claim after another: sent at once, PostgreSQL answered some source links with a 500 (left to the engine work).
  for (const p of PAYLOADS) {
    const start = body.indexOf(p, from);
    if (start < 0) throw new Error(`payload not in the imported text: ${p}`);
    from = start + p.length;
    const claim = await post(editor, '/api/claims', {
      articleId: text.id,
      start,
      end: start + p.length,
      type: 'quote',
      claimText: p,
      claimant: p,
      note: p,
    });
    await post(editor, `/api/claims/${claim.id}`, { version: claim.version, rationale: p }, 'PATCH');
    await post(editor, `/api/claims/${claim.id}/events`, { comment: p });
    await post(editor, `/api/claims/${claim.id}/sources`, {
      url: `https://evil.example/s?x=${encodeURIComponent(p)}`,
      title: p,
      excerpt: p,
      relation: 'supports',
    });
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
}, 300_000);

/**
 * Waits until the page has no request in flight (but its live stream), still none two animation frames later: every client fetch
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
async function sweep(email: string, paths: string[]): Promise<string[]> {
  // The CSP bypassed: the page itself must keep every payload inert, not the browser's second line of defence.
  const page = await app.newPage({ as: email, bypassCSP: true });
  const problems: string[] = [];
  page.on('dialog', (d) => {
    problems.push(`dialog "${d.message()}" on ${page.url()}`);
    void d.dismiss();
  });
  const inFlight = new Set<Request>();
  // The live-updates stream (Server-Sent Events) stays open while the page is; every other request ends.
  page.on('request', (r) => !r.url().includes('/api/stream') && inFlight.add(r));
  page.on('requestfinished', (r) => inFlight.delete(r));
  page.on('requestfailed', (r) => inFlight.delete(r));
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

/**
 * Forces every payload into the page's main content as raw markup, as a rendering bug would, and resolves once one
 * ran (window.__xss set) or the CSP refused an inline event handler: which of the two came first.
 */
function forceIn(page: Page): Promise<'ran' | 'refused'> {
  return page.evaluate(
    (payloads) =>
      new Promise<'ran' | 'refused'>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => e.effectiveDirective === 'script-src-attr' && resolve('refused'));
        Object.defineProperty(window, '__xss', { configurable: true, set: () => resolve('ran') });
        const box = document.createElement('div');
        box.innerHTML = payloads.join('\n');
        document.querySelector('main')!.append(box);
      }),
    PAYLOADS,
  );
}

describe('XSS', () => {
  it(`renders ${PAYLOADS.length} payloads in every field without executing them, even with the CSP bypassed`, async () => {
    const problems = [...(await sweep('editor@example.com', pages.editor)), ...(await sweep('admin@example.com', pages.admin))];
    expect(problems).toEqual([]);
  }, 400_000);

  it('with the CSP on, a payload that did reach the page would not run (and with it bypassed, it would)', async () => {
    const results: string[] = [];
    for (const bypassCSP of [false, true]) {
      const page = await app.newPage({ as: 'editor@example.com', bypassCSP });
      // A payload's alert() may still be open when the page closes: its dismissal then fails, which is no finding.
      page.on('dialog', (d) => void d.dismiss().catch(() => undefined));
      await page.goto(`${app.baseUrl}/account`);
      results.push(await forceIn(page));
      await page.close();
    }
    expect(results).toEqual(['refused', 'ran']);
  });
});
