import { describe, expect, it } from 'vitest';
import { appUnderTest } from './app-under-test';

// Behind an HTTPS reverse proxy NEXTAUTH_URL is https://...; next-auth then marks its cookies Secure.
const app = appUnderTest({ env: { NEXTAUTH_URL: 'https://claimdesk.example' }, browser: false });

describe('session cookie behind HTTPS', () => {
  it('is Secure, HttpOnly and SameSite=Lax', async () => {
    const csrf = await fetch(`${app.baseUrl}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const res = await fetch(`${app.baseUrl}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
      body: new URLSearchParams({ csrfToken, email: 'editor@example.com', password: 'claimdesk-demo', json: 'true' }),
    });
    const cookie = res.headers.getSetCookie().find((c) => /^__Secure-next-auth\.session-token=/.test(c));
    expect(cookie, res.headers.getSetCookie().join('\n')).toBeDefined();
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
  });
});
