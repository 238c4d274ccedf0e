import { beforeAll, describe, expect, it, vi } from 'vitest';
import { apiLogin, login, postSignIn } from './harness';
import { appUnderTest } from './app-under-test';

const app = appUnderTest({ env: { LOGIN_LOCK_SECONDS: '2' } });
let admin: string;
let editor: string;

beforeAll(async () => {
  [admin, editor] = await Promise.all([apiLogin(app.baseUrl, 'admin@example.com'), apiLogin(app.baseUrl, 'editor@example.com')]);
});

type Init = { method?: string; body?: unknown; cookie?: string; headers?: Record<string, string> };
const call = (path: string, init: Init = {}) =>
  fetch(`${app.baseUrl}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    redirect: 'manual',
    headers: {
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });

async function createUser(name: string, role = 'editor') {
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now()}@example.com`;
  const res = await call('/api/users', { cookie: admin, body: { email, name, role, password: 'sturdy-lantern-88' } });
  expect(res.status).toBe(201);
  const { user } = (await res.json()) as { user: { id: number } };
  return { id: user.id, email };
}

describe('authorization does not depend on the proxy', () => {
  it('an x-middleware-subrequest header still gets 401 from an API route', async () => {
    const spoof = 'proxy:proxy:proxy:proxy:proxy:middleware:middleware:middleware:middleware:middleware';
    const res = await call('/api/claims', { headers: { 'x-middleware-subrequest': spoof } });
    expect(res.status).toBe(401);
    expect((await call('/api/users', { headers: { 'x-middleware-subrequest': spoof } })).status).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing API call from another origin even with a valid session', async () => {
    const body = { articleId: 1, start: 0, end: 5, type: 'other' };
    const evil = await call('/api/claims', { cookie: editor, body, headers: { origin: 'http://evil.example' } });
    expect(evil.status).toBe(403);
    const same = await call('/api/claims', { cookie: editor, body, headers: { origin: app.baseUrl } });
    expect(same.status).toBe(201);
  });
});

describe('sessions and cookies', () => {
  it('sets the session cookie HttpOnly and SameSite=Lax (not Secure over plain http)', async () => {
    const res = await postSignIn(app.baseUrl, 'reviewer@example.com');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('next-auth.session-token='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it('signing out makes the old cookie get 401', async () => {
    const cookie = await apiLogin(app.baseUrl, 'reviewer@example.com');
    expect((await call('/api/claims', { cookie })).status).toBe(200);
    const csrf = await fetch(`${app.baseUrl}/api/auth/csrf`, { headers: { cookie } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const out = await fetch(`${app.baseUrl}/api/auth/signout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${cookie}; ${csrfCookie}` },
      body: new URLSearchParams({ csrfToken, json: 'true' }),
    });
    expect(out.status).toBeLessThan(400);
    // The client would have dropped the cookie; an attacker who copied it replays it.
    expect((await call('/api/claims', { cookie })).status).toBe(401);
  });

  it('a role change takes effect at the next request, and disabling ends the session', async () => {
    const user = await createUser('Rita Role');
    const cookie = await apiLogin(app.baseUrl, user.email, 'sturdy-lantern-88');
    expect((await call('/api/users', { cookie })).status).toBe(403);
    expect((await call(`/api/users/${user.id}`, { method: 'PATCH', cookie: admin, body: { role: 'admin' } })).status).toBe(200);
    expect((await call('/api/users', { cookie })).status).toBe(200);
    expect((await call(`/api/users/${user.id}`, { method: 'PATCH', cookie: admin, body: { disabled: true } })).status).toBe(200);
    expect((await call('/api/claims', { cookie })).status).toBe(401);
  });
});

describe('personal API tokens', () => {
  it('authenticate as their user with a Bearer header, and stop working when revoked or the user is disabled', async () => {
    const user = await createUser('Toby Token', 'reviewer');
    const cookie = await apiLogin(app.baseUrl, user.email, 'sturdy-lantern-88');
    const created = await call('/api/tokens', { cookie, body: { name: 'script' } });
    expect(created.status).toBe(201);
    const { id, token } = (await created.json()) as { id: number; token: string };
    const bearer = { authorization: `Bearer ${token}` };
    const list = await call('/api/claims', { headers: bearer });
    expect(list.status).toBe(200);
    // The token carries the user's role: a reviewer is not an admin.
    expect((await call('/api/users', { headers: bearer })).status).toBe(403);
    const second = (await (await call('/api/tokens', { cookie, body: { name: 'other' } })).json()) as { token: string };
    expect((await call(`/api/tokens/${id}`, { method: 'DELETE', cookie })).status).toBe(204);
    expect((await call('/api/claims', { headers: bearer })).status).toBe(401);
    expect((await call('/api/claims', { headers: { authorization: `Bearer ${second.token}` } })).status).toBe(200);
    await call(`/api/users/${user.id}`, { method: 'PATCH', cookie: admin, body: { disabled: true } });
    expect((await call('/api/claims', { headers: { authorization: `Bearer ${second.token}` } })).status).toBe(401);
    expect((await call('/api/claims', { headers: { authorization: 'Bearer cdk_forged' } })).status).toBe(401);
  });
});

describe('login brute force', () => {
  it('refuses the 11th attempt in a minute even with the right password, until the lock expires', async () => {
    const user = await createUser('Bruno Force');
    for (let i = 0; i < 10; i++) {
      await expect(apiLogin(app.baseUrl, user.email, `wrong-guess-${i}`)).rejects.toThrow(/Login failed/);
    }
    await expect(apiLogin(app.baseUrl, user.email, 'sturdy-lantern-88')).rejects.toThrow(/Login failed/);
    // The lock lasts LOGIN_LOCK_SECONDS (2): wait for the condition, not for a fixed time.
    const cookie = await vi.waitFor(() => apiLogin(app.baseUrl, user.email, 'sturdy-lantern-88'), { timeout: 15_000, interval: 500 });
    expect(cookie).toMatch(/^next-auth\.session-token=/);
  });
});

describe('headers', () => {
  it('pages get a nonce CSP without unsafe-inline scripts, nosniff, a referrer policy and no framing', async () => {
    const res = await call('/login');
    const csp = res.headers.get('content-security-policy') ?? '';
    const script = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(script).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(script).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const again = (await call('/login')).headers.get('content-security-policy');
    expect(again).not.toBe(csp); // a fresh nonce per request
  });

  it('the app works in Chromium with the CSP on: no violations while signing in and using pages', async () => {
    const page = await app.newPage();
    try {
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      await login(page, app.baseUrl, 'editor@example.com');
      await page.goto(`${app.baseUrl}/articles/1`);
      await page.locator('.article-body').waitFor();
      await page.goto(`${app.baseUrl}/account`);
      await page.getByLabel('New token name').fill('from the browser');
      await page.getByRole('button', { name: 'Create token' }).click();
      await page.getByLabel('New API token').waitFor();
      expect(await page.getByLabel('New API token').inputValue()).toMatch(/^cdk_/);
      expect(violations).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('input limits', () => {
  it('answers 413 for an oversized body and 400 for an overlong field', async () => {
    const huge = JSON.stringify({ articleId: 1, start: 0, end: 5, type: 'other', note: 'x'.repeat(400_000) });
    const big = await call('/api/claims', { cookie: editor, body: huge });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('too_large');
    const long = await call('/api/claims', { cookie: editor, body: { articleId: 1, start: 0, end: 5, type: 'other', claimant: 'y'.repeat(5000) } });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty('claimant');
    const article = await call('/api/articles', { cookie: editor, body: { format: 'text', content: 'z '.repeat(1_200_000) } });
    expect([400, 413]).toContain(article.status);
    const weak = await call('/api/account/password', { cookie: editor, body: { currentPassword: 'claimdesk-demo', newPassword: 'password123' } });
    expect(weak.status).toBe(400);
  });
});
