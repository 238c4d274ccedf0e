/**
 * Server-rendered pages keep a hidden draft hidden: with `editors_see_drafts` off, editor A's draft (its text,
 * claimant, source excerpt, rationale and comment) appears on none of the pages editor B opens in Chromium,
 * while A sees it on the same pages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiLogin, setSetting } from './harness';
import { appUnderTest } from './app-under-test';

const MARKERS = ['Quarnaxite', 'Velloridge', 'Mumbleton', 'Ospreyfold', 'Gantrywhisk'];
const [TEXT_WORD, CLAIMANT_WORD, EXCERPT_WORD, RATIONALE_WORD, COMMENT_WORD] = MARKERS;
const B = { email: `bea-${Date.now()}@example.com`, password: 'sturdy-lantern-88' };

const app = appUnderTest();
let hidden: { claim: number; article: number; source: number };

async function api(cookie: string, path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') {
  const res = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown> & { id: number };
}

beforeAll(async () => {
  const [admin, a] = await Promise.all([apiLogin(app.baseUrl, 'admin@example.com'), apiLogin(app.baseUrl, 'editor@example.com')]);
  await api(admin, '/api/users', { email: B.email, name: 'Bea Second', role: 'editor', password: B.password });
  const article = await api(a, '/api/articles', {
    format: 'text',
    content: 'Harbour notes\n\nThe new tunnel cost 40 million pounds, officials said.',
  });
  const text = (article as unknown as { text: string }).text;
  const phrase = 'The new tunnel cost 40 million pounds';
  const start = text.indexOf(phrase);
  let claim = await api(a, '/api/claims', {
    articleId: article.id,
    start,
    end: start + phrase.length,
    type: 'statistic',
    claimText: `${TEXT_WORD} tunnel cost`,
    claimant: `Mayor ${CLAIMANT_WORD}`,
  });
  claim = await api(a, `/api/claims/${claim.id}`, { version: claim.version, rationale: `Per the ${RATIONALE_WORD} filing.` }, 'PATCH');
  const link = (await api(a, `/api/claims/${claim.id}/sources`, {
    url: 'https://hidden.example/tunnel-filing',
    title: 'Tunnel filing',
    relation: 'supports',
    excerpt: `The ${EXCERPT_WORD} line`,
    version: claim.version,
  })) as unknown as { sourceId: number };
  await api(a, `/api/claims/${claim.id}/events`, { comment: `Check ${COMMENT_WORD} again` });
  hidden = { claim: claim.id, article: article.id, source: link.sourceId };
  await setSetting(app, 'editors_see_drafts', 'false');
});

/** Search pages echo the query; a prefix still matches (search is by word prefix) but never spells the whole marker. */
const prefix = (marker: string) => marker.slice(0, 6);

const pages = () => [
  '/',
  '/claims',
  `/claims?q=${prefix(TEXT_WORD)}`,
  '/claims?status=draft',
  '/claims?mine=needs_changes',
  `/claims/${hidden.claim}`,
  '/sources',
  `/sources/${hidden.source}`,
  ...MARKERS.map((m) => `/search?q=${prefix(m)}`),
  '/search?q=tunnel',
  '/articles',
  `/articles/${hidden.article}`,
  `/articles/${hidden.article}?claim=${hidden.claim}`,
  '/review',
  '/export',
  '/export?status=all',
];

/** Opens each page once the network is quiet (client fetches such as suggestions and export counts included). */
async function visit(page: Page, path: string): Promise<{ status: number; html: string }> {
  const res = await page.goto(`${app.baseUrl}${path}`, { waitUntil: 'networkidle' });
  return { status: res?.status() ?? 0, html: await page.content() };
}

const found = (html: string) => MARKERS.filter((m) => html.toLowerCase().includes(m.toLowerCase()));

describe('pages with a hidden draft', () => {
  it('show the draft to its author', async () => {
    const page = await app.newPage({ as: 'editor@example.com' });
    const seen = new Set<string>();
    for (const path of [`/claims/${hidden.claim}`, `/sources/${hidden.source}`, `/search?q=${prefix(TEXT_WORD)}`])
      for (const m of found((await visit(page, path)).html)) seen.add(m);
    expect([...seen].sort()).toEqual([...MARKERS].sort());
  });

  it('show none of it to another editor, and the claim page is a 404', async () => {
    const page = await app.newPage({ as: B.email, password: B.password });
    const problems: string[] = [];
    for (const path of pages()) {
      const { status, html } = await visit(page, path);
      if (found(html).length) problems.push(`${path} shows ${found(html).join(', ')}`);
      if (path === `/claims/${hidden.claim}` && status !== 404) problems.push(`${path} answered ${status}`);
      if (path !== `/claims/${hidden.claim}` && status !== 200) problems.push(`${path} answered ${status}`);
    }
    expect(problems).toEqual([]);
  });
});
