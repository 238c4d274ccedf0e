import { describe, expect, it } from 'vitest';
import { appUnderTest } from './app-under-test';
import { postSignIn } from './harness';

// Behind an HTTPS reverse proxy NEXTAUTH_URL is https://...; next-auth then marks its cookies Secure.
const app = appUnderTest({ env: { NEXTAUTH_URL: 'https://claimdesk.example' }, browser: false });

describe('session cookie behind HTTPS', () => {
  it('is Secure, HttpOnly and SameSite=Lax', async () => {
    const res = await postSignIn(app.baseUrl, 'editor@example.com');
    const cookie = res.headers.getSetCookie().find((c) => /^__Secure-next-auth\.session-token=/.test(c));
    expect(cookie, res.headers.getSetCookie().join('\n')).toBeDefined();
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
  });
});
