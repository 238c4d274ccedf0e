import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { newTestDatabaseUrl } from '../test-database';
import { withAppDb } from './app-db';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next-e2e';
export const DEMO_PASSWORD = 'claimdesk-demo';

const root = path.resolve(__dirname, '../..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

export type App = {
  baseUrl: string;
  /** The app's DATABASE_URL: a SQLite file path, or a postgres:// URL on a PostgreSQL run (open it with ./app-db). */
  dbFile: string;
  env: NodeJS.ProcessEnv;
  logs: () => string;
  stop: () => Promise<void>;
  kill: () => Promise<void>;
  restart: () => Promise<void>;
};

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Starts the production build on a free port with a fresh, migrated and seeded database (tests/test-database.ts:
 * a temp SQLite file, or a new database in the PostgreSQL test cluster), or on the DATABASE_URL in `extraEnv`.
 */
export async function startApp(extraEnv: Record<string, string> = {}): Promise<App> {
  // A DATABASE_URL given by the caller (a second instance on the same database) is theirs: used, never deleted.
  const ownDatabase = !extraEnv.DATABASE_URL;
  const dbFile = extraEnv.DATABASE_URL ?? (await newTestDatabaseUrl());
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: dbFile,
    NEXT_DIST_DIR: DIST_DIR,
    PORT: String(port),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    ...extraEnv,
  };
  const prepared = spawnSync(bin('tsx'), ['scripts/prepare-db.ts'], { cwd: root, env, encoding: 'utf8' });
  if (prepared.status !== 0) throw new Error(`prepare-db failed: ${prepared.stderr}`);
  let child: ChildProcess | null = null;
  const logs: string[] = [];
  const baseUrl = `http://127.0.0.1:${port}`;
  const launch = async () => {
    // The same server `npm start` runs (scripts/serve.mjs), so forwarding headers are resolved as in production.
    child = spawn(process.execPath, ['scripts/serve.mjs'], {
      cwd: root,
      env: { ...env, LISTEN_HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => logs.push(String(d)));
    child.stderr!.on('data', (d) => logs.push(String(d)));
    await waitForHttp(`${baseUrl}/login`, 60_000, () => logs.join(''));
  };
  const stopChild = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  await launch();
  return {
    baseUrl,
    dbFile,
    env,
    logs: () => logs.join(''),
    kill: () => stopChild('SIGKILL'),
    restart: async () => {
      await stopChild('SIGTERM');
      await launch();
    },
    stop: async () => {
      await stopChild('SIGTERM');
      // The temp folder newTestDatabaseUrl made for this SQLite file (its WAL and the generated auth secret sit beside
      // it). PostgreSQL test databases stay: they go with the throwaway cluster.
      if (ownDatabase && !/^postgres(ql)?:\/\//i.test(dbFile)) fs.rmSync(path.dirname(dbFile), { recursive: true, force: true });
    },
  };
}

async function waitForHttp(url: string, timeoutMs: number, logs: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Server did not answer ${url} in ${timeoutMs} ms.\n${logs()}`);
}

/** Debian Chromium through playwright-core with the flags this sandbox needs (playwright gives each launch a fresh temp profile). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Logs in through the login form and waits for the dashboard. */
export async function login(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}/`);
}

/**
 * Posts email and password to next-auth's credentials callback with a fresh CSRF token, as the login form does, and
 * returns the answer unread (its Set-Cookie says whether it signed in); `headers` go along (X-Forwarded-For...).
 */
export async function postSignIn(baseUrl: string, email: string, password = DEMO_PASSWORD, headers: Record<string, string> = {}): Promise<Response> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  return fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(csrfRes), ...headers },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
}

/** Logs in through next-auth's API (no browser) and returns the session cookie header for fetch(). */
export async function apiLogin(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await postSignIn(baseUrl, email, password);
  const session = cookiesOf(res)
    .split('; ')
    .find((c) => c.startsWith('next-auth.session-token='));
  if (!session) throw new Error(`Login failed for ${email} (${res.status}).`);
  return session;
}

function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** Calls the JSON API with a session cookie; with `expectStatus`, throws naming the call and the answer on any other status. */
export async function callApi<T>(
  baseUrl: string,
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
  expectStatus?: number,
): Promise<{ status: number; data: T }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = res.status === 204 ? null : await res.json();
  if (expectStatus !== undefined && res.status !== expectStatus) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
  return { status: res.status, data: data as T };
}

export type ImportedArticle = { id: number; title: string; text: string };

/**
 * Imports a fresh copy of a sample article (db/sample; the harbour story is the seeded article 1) through the API,
 * so a test owns every claim on it whatever ran before.
 */
export async function importSample(baseUrl: string, cookie: string, file = 'harbor-bridge.txt'): Promise<ImportedArticle> {
  const content = fs.readFileSync(path.join(root, 'db/sample', file), 'utf8');
  return (await callApi<ImportedArticle>(baseUrl, cookie, 'POST', '/api/articles', { format: 'text', content }, 201)).data;
}

/** A draft claim on the first `phrase` of `article`, created through the API (`fields` adds to or overrides the body). */
export async function claimOnPhrase<T>(
  baseUrl: string,
  cookie: string,
  article: ImportedArticle,
  phrase: string,
  fields: Record<string, unknown> = {},
): Promise<T> {
  const start = article.text.indexOf(phrase);
  if (start < 0) throw new Error(`phrase not in article ${article.id}: ${phrase}`);
  const body = { articleId: article.id, start, end: start + phrase.length, type: 'statistic', ...fields };
  return (await callApi<T>(baseUrl, cookie, 'POST', '/api/claims', body, 201)).data;
}

/** Sets an organisation setting in the app's database (the app reads settings on every request). */
export async function setSetting(app: App, key: string, value: string): Promise<void> {
  await withAppDb(app, (db) =>
    db.exec('insert into settings ("key", "value") values (?, ?) on conflict ("key") do update set "value" = excluded."value"', [key, value]),
  );
}

/** Saves a screenshot under test-results/ (for looking at pages; never asserted on). */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
  // Full-page shots of a scrolled page misplace the sticky top bar.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(root, 'test-results', `${name}.png`), fullPage: true });
}

/** Selects `phrase` in the article with a real mouse drag from its first to its last character. */
export async function selectPhrase(page: Page, phrase: string) {
  // Suggestions arrive asynchronously and redraw the text they underline; a drag in progress would lose its ends.
  await page.locator('.suggestions:not([data-loading])').waitFor();
  const { from, to, scrollY } = await page.evaluate((p) => {
    const body = document.querySelector('.ProseMirror')!;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const nodes: { node: Text; at: number }[] = [];
    let text = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node: node as Text, at: text.length });
      text += node.textContent;
    }
    const start = text.indexOf(p);
    if (start < 0) throw new Error(`phrase not found: ${p}`);
    const charRange = (offset: number) => {
      const hit = [...nodes].reverse().find((n) => n.at <= offset)!;
      const range = document.createRange();
      range.setStart(hit.node, offset - hit.at);
      range.setEnd(hit.node, offset - hit.at + 1);
      return range;
    };
    charRange(start).startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const charRect = (offset: number) => charRange(offset).getBoundingClientRect();
    const first = charRect(start);
    const last = charRect(start + p.length - 1);
    return {
      from: { x: first.left + 1, y: first.top + first.height / 2 },
      to: { x: last.right - 1, y: last.top + last.height / 2 },
      scrollY: window.scrollY,
    };
  }, phrase);
  // A scroll still under way (smooth scrolling, or one the previous action started) would move the text away from
  // the measured points: wait until the page keeps still for a few frames, and measure again if it had moved.
  if ((await scrollSettled(page)) !== scrollY) return selectPhrase(page, phrase);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}

/** Resolves with window.scrollY once it has stayed the same for five animation frames in a row. */
async function scrollSettled(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let last = window.scrollY;
        let still = 0;
        const check = () => {
          still = window.scrollY === last ? still + 1 : 0;
          last = window.scrollY;
          if (still >= 5) resolve(last);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );
}
