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
};

/**
 * Opens `url` and times the first highlighted paint and the editor becoming interactive (rAF polling, so each time is
 * the frame the condition first held in). `claims` is the number of highlight starts the page must show. With
 * `after`, runs it on the open page before closing it (e.g. scrolling).
 */
export async function timeLoad<T = undefined>(
  context: BrowserContext,
  url: string,
  claims: number,
  after?: (page: import('playwright-core').Page) => Promise<T>,
): Promise<LoadTimes & { after?: T }> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    // `all`: every highlight start is in the page; otherwise the first one (the server draws the first screens only).
    const waitFor = async (selector: string, all: boolean) => {
      const handle = await page.waitForFunction(
        ([sel, n, every]) => {
          const root = document.querySelector(sel as string);
          const starts = root ? root.querySelectorAll('.claim-hl.claim-start').length : 0;
          const ready = root && (root.textContent ?? '').length > 0 && (every ? starts === n : n === 0 || starts > 0);
          return ready ? performance.now() : 0;
        },
        [selector, claims, all] as const,
        { polling: 'raf', timeout: 120_000 },
      );
      return (await handle.jsonValue()) as number;
    };
    const firstPaint = await waitFor('#article-text', false);
    const interactive = await waitFor('.ProseMirror#article-text', true);
    const longTasks = await page.evaluate(() =>
      (window as unknown as { __longTasks: { duration: number }[] }).__longTasks.map((t) => Math.round(t.duration)).sort((a, b) => b - a),
    );
    return { firstPaint, interactive, longTasks, after: after ? await after(page) : undefined };
  } finally {
    await page.close();
  }
}
