import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { apiLogin, launchBrowser, startApp, type App } from './harness';

// Apart from harness.ts because bench/ imports the harness under tsx, where vitest cannot be imported.

export type AppUnderTestOptions = {
  /**
   * Environment for the app over startApp's defaults (a budget, a lock time, SEED_DEMO=0...). A function is called in
   * beforeAll, after the hooks registered before appUnderTest (a server whose port the app is told).
   */
  env?: Record<string, string> | (() => Record<string, string>);
  /** Launch Chromium beside the app (default true); files that only call the API pass false. */
  browser?: boolean;
};

export type PageOptions = BrowserContextOptions & {
  /** Signs the page in as this account through the API (a session cookie, no login form and no dashboard load). */
  as?: string;
  password?: string;
};

/** The running app (an App, so setSetting, withAppDb and the rest take it) with the browser of its file. */
export type AppUnderTest = App & {
  readonly browser: Browser;
  /** A page in a browser context of its own (its own cookies), signed in with `as`; closing the page closes the context. */
  newPage(options?: PageOptions): Promise<Page>;
};

/**
 * Starts a fresh app (and Chromium) in beforeAll of the enclosing file or describe and stops both in afterAll.
 * The returned object is usable inside hooks and tests only: it throws before the app has started.
 */
export function appUnderTest(options: AppUnderTestOptions = {}): AppUnderTest {
  let app: App | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    // Both at once: the app's migration, seed and start take seconds, Chromium's launch about one.
    const [started, launched] = await Promise.allSettled([
      startApp(typeof options.env === 'function' ? options.env() : options.env),
      options.browser === false ? Promise.resolve(undefined) : launchBrowser(),
    ]);
    if (started.status === 'fulfilled') app = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const running = (): App => {
    if (!app) throw new Error('appUnderTest: the app starts in beforeAll; use it inside hooks and tests.');
    return app;
  };
  const chromium = (): Browser => {
    if (!browser)
      throw new Error(options.browser === false ? 'appUnderTest: started with browser: false.' : 'appUnderTest: Chromium starts in beforeAll.');
    return browser;
  };
  return {
    get baseUrl() {
      return running().baseUrl;
    },
    get dbFile() {
      return running().dbFile;
    },
    get env() {
      return running().env;
    },
    get browser() {
      return chromium();
    },
    logs: () => running().logs(),
    stop: () => running().stop(),
    kill: () => running().kill(),
    restart: () => running().restart(),
    newPage: async ({ as, password, ...contextOptions } = {}) => {
      const context = await chromium().newContext(contextOptions);
      if (as) {
        const [name, value] = splitCookie(await apiLogin(running().baseUrl, as, password));
        await context.addCookies([{ name, value, url: running().baseUrl, httpOnly: true, sameSite: 'Lax' }]);
      }
      const page = await context.newPage();
      // After the file's last test the browser may be closing already, and the context with it.
      page.once('close', () => void context.close().catch(() => undefined));
      return page;
    },
  };
}

function splitCookie(pair: string): [string, string] {
  const at = pair.indexOf('=');
  return [pair.slice(0, at), pair.slice(at + 1)];
}
