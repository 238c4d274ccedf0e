import { describe, expect, it } from 'vitest';
import { apiLogin, DEMO_PASSWORD, postSignIn } from './harness';
import { appUnderTest } from './app-under-test';

// No NEXTAUTH_URL: every redirect must come from the origin the request came to (a random port, never 3000).
const app = appUnderTest({ env: { NEXTAUTH_URL: '' } });

// Raw query values, as a phishing link would carry them.
const HOSTILE_CALLBACKS = [
  '/%5Cevil.example',
  '/%5C/evil.example',
  '/%09/evil.example',
  '/%0a/evil.example',
  '//evil.example',
  '%2F%2Fevil.example',
  'https://evil.example/',
  'javascript:alert(document.domain)',
];

async function signInWithCallback(callback: string): Promise<string> {
  const page = await app.newPage();
  // Nothing may leave for another host; an attempt shows up as a final URL off the app origin.
  await page.route('**/*', (route) => (new URL(route.request().url()).origin === app.baseUrl ? route.continue() : route.abort()));
  await page.goto(`${app.baseUrl}/login?callbackUrl=${callback}`);
  await page.getByLabel('Email').fill('editor@example.com');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !(u.origin === app.baseUrl && u.pathname === '/login'), { waitUntil: 'commit' });
  const final = page.url();
  // close() otherwise waits for route handlers still running for the landing page's requests (its live stream never
  // ends), which can hang until the test times out.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.close();
  return final;
}

describe('after sign-in', () => {
  it.each(HOSTILE_CALLBACKS)('callbackUrl=%s lands on the app origin', async (callback) => {
    const final = await signInWithCallback(callback);
    expect(new URL(final).origin).toBe(app.baseUrl);
  });

  it('a same-origin callbackUrl is followed', async () => {
    expect(await signInWithCallback(encodeURIComponent('/sources?q=x'))).toBe(`${app.baseUrl}/sources?q=x`);
  });
});

describe('sign out on a port other than 3000 without NEXTAUTH_URL', () => {
  it('returns to this app’s login page, and next-auth does not warn about NEXTAUTH_URL', async () => {
    expect(new URL(app.baseUrl).port).not.toBe('3000');
    const page = await app.newPage({ as: 'reviewer@example.com' });
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${app.baseUrl}/login`);
    await expect(page.getByRole('button', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    await page.close();
    expect(app.logs()).not.toMatch(/NEXTAUTH_URL/);
  });
});

async function signInWithForwardedFor(base: string, email: string, password: string, forwardedFor: string): Promise<boolean> {
  const res = await postSignIn(base, email, password, { 'x-forwarded-for': forwardedFor });
  return res.headers.getSetCookie().some((c) => c.startsWith('next-auth.session-token='));
}

/** Five failures, each for another (unknown) account and with another client-written X-Forwarded-For entry. */
async function guessAcrossAccounts(base: string, forwardedFor: (i: number) => string) {
  for (let i = 0; i < 5; i++) expect(await signInWithForwardedFor(base, `nobody${i}@example.com`, 'guess-guess', forwardedFor(i))).toBe(false);
}

// Own servers with a per-address limit of 5: the lock they provoke must not touch the other tests' server.
describe('the per-address limit under client-chosen X-Forwarded-For', () => {
  describe('with TRUST_PROXY_HOPS=0 (default)', () => {
    const direct = appUnderTest({ env: { LOGIN_MAX_FAILURES_PER_IP: '5' }, browser: false });
    it('counts the socket address, whatever the header says', async () => {
      await guessAcrossAccounts(direct.baseUrl, (i) => `10.1.${i}.1`);
      expect(await signInWithForwardedFor(direct.baseUrl, 'editor@example.com', DEMO_PASSWORD, '10.2.0.1')).toBe(false);
    });
  });

  describe('with TRUST_PROXY_HOPS=1', () => {
    const proxied = appUnderTest({ env: { LOGIN_MAX_FAILURES_PER_IP: '5', TRUST_PROXY_HOPS: '1' }, browser: false });
    it('counts the address the proxy appended and ignores what the client wrote before it', async () => {
      await guessAcrossAccounts(proxied.baseUrl, (i) => `6.6.6.${i}, 203.0.113.5`);
      expect(await signInWithForwardedFor(proxied.baseUrl, 'editor@example.com', DEMO_PASSWORD, '7.7.7.7, 203.0.113.5')).toBe(false);
      expect(await signInWithForwardedFor(proxied.baseUrl, 'editor@example.com', DEMO_PASSWORD, '203.0.113.6')).toBe(true);
    });
  });
});

describe('the same-origin check', () => {
  it('a forged X-Forwarded-Host does not make another origin pass the same-origin check', async () => {
    const cookie = await apiLogin(app.baseUrl, 'editor@example.com');
    const post = (headers: Record<string, string>) =>
      fetch(`${app.baseUrl}/api/tokens`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ name: 'origin check' }),
      });
    expect((await post({ origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' })).status).toBe(403);
    expect((await post({ origin: app.baseUrl.replace(/:\d+$/, ':1'), 'x-forwarded-host': new URL(app.baseUrl).host })).status).toBe(403);
    expect((await post({ origin: app.baseUrl })).status).toBe(201);
  });
});

describe('admin users page', () => {
  it('shows each user’s API tokens and revokes one', async () => {
    const editor = await apiLogin(app.baseUrl, 'editor@example.com');
    const created = await fetch(`${app.baseUrl}/api/tokens`, {
      method: 'POST',
      headers: { cookie: editor, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'leaky laptop script' }),
    });
    const { token } = (await created.json()) as { token: string };
    const asToken = () => fetch(`${app.baseUrl}/api/claims`, { headers: { authorization: `Bearer ${token}` } });
    expect((await asToken()).status).toBe(200);
    const page = await app.newPage({ as: 'admin@example.com' });
    await page.goto(`${app.baseUrl}/admin/users`);
    const row = page.locator('tr[data-user="editor@example.com"]');
    await row.getByText('leaky laptop script').waitFor();
    await row.getByRole('button', { name: 'Revoke token leaky laptop script of Erin Editor' }).click();
    await row.getByText('leaky laptop script').waitFor({ state: 'detached' });
    await page.close();
    expect((await asToken()).status).toBe(401);
  });

  it('a password reset asks first, shows the one-time link and ends the old password at once', async () => {
    const admin = await apiLogin(app.baseUrl, 'admin@example.com');
    const email = `reset-${Date.now()}@example.com`;
    const res = await fetch(`${app.baseUrl}/api/users`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ email, name: 'Rosa Reset', role: 'editor', password: 'sturdy-lantern-88' }),
    });
    expect(res.status).toBe(201);
    const before = await apiLogin(app.baseUrl, email, 'sturdy-lantern-88');
    const page = await app.newPage({ as: 'admin@example.com' });
    await page.goto(`${app.baseUrl}/admin/users`);
    const row = page.locator(`tr[data-user="${email}"]`);
    const dialogs: string[] = [];
    page.once('dialog', (d) => {
      dialogs.push(d.message());
      void d.accept();
    });
    await row.getByRole('button', { name: 'Reset password' }).click();
    await row.getByLabel('One-time set-password link').waitFor();
    await page.close();
    expect(dialogs[0]).toMatch(/Rosa Reset/);
    await expect(apiLogin(app.baseUrl, email, 'sturdy-lantern-88')).rejects.toThrow(/Login failed/);
    expect((await fetch(`${app.baseUrl}/api/claims`, { headers: { cookie: before } })).status).toBe(401);
  });
});
