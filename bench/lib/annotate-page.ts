import Database from 'better-sqlite3';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from '@/tests/e2e/harness';
import type { BenchContext } from './context';
import type { Server } from './server';

/** Adds a copy of `articleId` with no claims (same text and document) and returns its id. */
export function copyWithoutClaims(file: string, articleId: number): number {
  const sqlite = new Database(file);
  const info = sqlite
    .prepare(
      `insert into articles (title, publisher, published_at, body_json, body_text, content_hash, created_by)
       select title || ' (no claims)', publisher, published_at, body_json, body_text, content_hash, created_by from articles where id = ?`,
    )
    .run(articleId);
  sqlite.close();
  return Number(info.lastInsertRowid);
}

/** Chromium with the reviewer's session on `server`; close the browser when done. */
export async function reviewerBrowser(ctx: BenchContext, server: Server): Promise<{ browser: Browser; context: BrowserContext }> {
  const cookie = await ctx.cookie(server, 'reviewer@example.com');
  const [name, value] = [cookie.slice(0, cookie.indexOf('=')), cookie.slice(cookie.indexOf('=') + 1)];
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name, value, domain: '127.0.0.1', path: '/' }]);
    // Long tasks from the very start of each page (the Long Tasks API is Chromium's).
    await context.addInitScript(() => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    return { browser, context };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

export type LoadTimes = {
  /** ms from navigation start to the first frame with text and (when the article has claims) highlights in the page. */
  firstPaint: number;
  /** ...to the first frame where the editor (.ProseMirror) is in the page with all `claims` highlight starts: a selection can be made. */
  interactive: number;
  /** Long tasks (ms) until then, longest first. */
  longTasks: number[];
  /** With `settle`: ms from navigation start until the page's own requests after it (suggestions, checked-before) were done. */
  settled?: number;
};

/** Requests the page makes after it has loaded: API fetches and server actions (not EventSource streams, which stay open). */
const BACKGROUND = new Set(['fetch', 'xhr']);
const QUIET_MS = 500;

/**
 * Opens `url` and times the first highlighted paint and the editor becoming interactive (each the animation frame the
 * condition first held in). `claims` is the number of highlight starts the page must show. With
 * `after`, runs it on the open page before closing it (e.g. scrolling). With `settle`, then waits until the page's
 * background requests are done, so the next load does not start on a server still busy with this one's (a
 * 200,000-word article's suggestions and checked-before take many seconds of server CPU).
 */
export async function timeLoad<T = undefined>(
  context: BrowserContext,
  url: string,
  claims: number,
  after?: (page: import('playwright-core').Page) => Promise<T>,
  { settle = false }: { settle?: boolean } = {},
): Promise<LoadTimes & { after?: T }> {
  const page = await context.newPage();
  let inFlight = 0;
  let lastDone = 0;
  const done = () => {
    inFlight--;
    lastDone = Date.now();
  };
  page.on('request', (r) => void (BACKGROUND.has(r.resourceType()) && inFlight++));
  page.on('requestfinished', (r) => void (BACKGROUND.has(r.resourceType()) && done()));
  page.on('requestfailed', (r) => void (BACKGROUND.has(r.resourceType()) && done()));
  try {
    // Timed by the page itself: every DOM change schedules a check in the next animation frame, so each time is the
    // frame that first painted the condition (no polling from outside, which a busy main thread would delay).
    // Plain JavaScript text: a function would be serialised with the helpers tsx adds to named functions (__name).
    await page.addInitScript({
      content: `(() => {
        const n = ${claims};
        const times = (window.__annotate = {});
        let queued = false;
        function check() {
          queued = false;
          const root = document.querySelector('#article-text');
          if (!root || !(root.textContent || '').length) return;
          // Once the article is there, every frame until the editor shows every highlight.
          if (times.interactive == null) {
            queued = true;
            requestAnimationFrame(check);
          }
          const starts = root.querySelectorAll('.claim-hl.claim-start').length;
          if (times.firstPaint == null && (n === 0 || starts > 0)) times.firstPaint = performance.now();
          if (times.interactive == null && root.classList.contains('ProseMirror') && starts === n) times.interactive = performance.now();
          if (times.interactive != null) observer.disconnect();
        }
        const observer = new MutationObserver(() => {
          if (queued) return;
          queued = true;
          requestAnimationFrame(check);
        });
        observer.observe(document, { childList: true, subtree: true });
      })();`,
    });
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    const handle = await page.waitForFunction(
      () => (window as unknown as { __annotate: { interactive?: number } }).__annotate?.interactive != null,
      undefined,
      {
        polling: 100,
        timeout: 120_000,
      },
    );
    await handle.dispose();
    const { firstPaint, interactive } = await page.evaluate(
      () => (window as unknown as { __annotate: { firstPaint: number; interactive: number } }).__annotate,
    );
    const longTasks = await page.evaluate(() =>
      (window as unknown as { __longTasks: { duration: number }[] }).__longTasks.map((t) => Math.round(t.duration)).sort((a, b) => b - a),
    );
    const afterResult = after ? await after(page) : undefined;
    let settled: number | undefined;
    if (settle) {
      const deadline = Date.now() + 300_000;
      while (Date.now() < deadline && (inFlight > 0 || Date.now() - lastDone < QUIET_MS)) await new Promise((r) => setTimeout(r, 100));
      settled = Math.round((await page.evaluate(() => performance.now())) - (Date.now() - lastDone));
    }
    return { firstPaint, interactive, longTasks, settled, after: afterResult };
  } finally {
    await page.close();
  }
}
