import { afterEach, describe, expect, it } from 'vitest';
import { appOrigin, assertSameOrigin, clientAddress } from '@/lib/auth/request-origin';

const saved = process.env.NEXTAUTH_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = saved;
});

const post = (headers: Record<string, string>) => new Request('http://localhost:3000/api/claims', { method: 'POST', headers });
const refused = (req: Request) => {
  try {
    assertSameOrigin(req);
    return false;
  } catch {
    return true;
  }
};

describe('appOrigin', () => {
  it('is NEXTAUTH_URL when set, else the resolved scheme and host of the request', () => {
    delete process.env.NEXTAUTH_URL;
    expect(appOrigin(new Headers({ host: 'localhost:3400', 'x-forwarded-host': 'localhost:3400', 'x-forwarded-proto': 'http' }))).toBe(
      'http://localhost:3400',
    );
    expect(appOrigin({ host: 'claims.example.org', 'x-forwarded-proto': 'https' })).toBe('https://claims.example.org');
    process.env.NEXTAUTH_URL = 'https://claims.example.org/app';
    expect(appOrigin(new Headers({ host: 'localhost:3400' }))).toBe('https://claims.example.org');
  });
});

describe('assertSameOrigin', () => {
  it('compares scheme, host and port with the configured origin', () => {
    process.env.NEXTAUTH_URL = 'https://claims.example.org';
    expect(refused(post({ origin: 'https://claims.example.org', host: 'claims.example.org' }))).toBe(false);
    expect(refused(post({ origin: 'http://claims.example.org', host: 'claims.example.org' }))).toBe(true);
    expect(refused(post({ origin: 'https://claims.example.org:8443', host: 'claims.example.org' }))).toBe(true);
    // A forged X-Forwarded-Host cannot make another site look like ours once the origin is configured.
    expect(refused(post({ origin: 'https://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }))).toBe(true);
  });

  it('without NEXTAUTH_URL compares with the request’s own resolved origin, port included', () => {
    delete process.env.NEXTAUTH_URL;
    const headers = { host: 'localhost:3400', 'x-forwarded-host': 'localhost:3400', 'x-forwarded-proto': 'http' };
    expect(refused(post({ ...headers, origin: 'http://localhost:3400' }))).toBe(false);
    expect(refused(post({ ...headers, origin: 'http://localhost:3401' }))).toBe(true);
    expect(refused(post({ ...headers, origin: 'https://localhost:3400' }))).toBe(true);
    expect(refused(post({ ...headers, origin: 'null' }))).toBe(true);
  });

  it('lets requests without Origin (scripts) and safe methods through', () => {
    delete process.env.NEXTAUTH_URL;
    expect(refused(post({ host: 'localhost:3400' }))).toBe(false);
    expect(refused(new Request('http://x/api/claims', { headers: { origin: 'https://evil.example' } }))).toBe(false);
  });
});

describe('clientAddress', () => {
  it('reads the one address the server wrote (the last entry when there are several)', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.9' }))).toBe('203.0.113.9');
    expect(clientAddress({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9' })).toBe('203.0.113.9');
    expect(clientAddress(undefined)).toBe('unknown');
  });
});
