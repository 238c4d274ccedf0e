import { describe, expect, it } from 'vitest';
import { resolveForwarded, trustProxyHops } from '@/scripts/forwarded.mjs';

const spoofed = { host: 'app.example:8080', 'x-forwarded-for': '6.6.6.6', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

describe('resolveForwarded', () => {
  it('with no trusted proxy believes only the connection, whatever X-Forwarded-* say', () => {
    expect(resolveForwarded({ remoteAddress: '::ffff:198.51.100.4', headers: spoofed, hops: 0 })).toEqual({
      address: '198.51.100.4',
      host: 'app.example:8080',
      proto: 'http',
    });
  });

  it('with one proxy takes the address that proxy appended, ignoring what the client put left of it', () => {
    const headers = {
      host: 'internal:3000',
      'x-forwarded-for': '6.6.6.6, 203.0.113.9',
      'x-forwarded-host': 'claims.example.org',
      'x-forwarded-proto': 'https',
    };
    expect(resolveForwarded({ remoteAddress: '10.0.0.2', headers, hops: 1 })).toEqual({
      address: '203.0.113.9',
      host: 'claims.example.org',
      proto: 'https',
    });
  });

  it('with two proxies takes the second address from the right', () => {
    const headers = { host: 'internal', 'x-forwarded-for': '6.6.6.6, 203.0.113.9, 10.0.0.5' };
    expect(resolveForwarded({ remoteAddress: '10.0.0.2', headers, hops: 2 }).address).toBe('203.0.113.9');
  });

  it('with a proxy that sent no X-Forwarded-For falls back to what is there', () => {
    expect(resolveForwarded({ remoteAddress: '10.0.0.2', headers: { host: 'h' }, hops: 1 })).toEqual({
      address: '10.0.0.2',
      host: 'h',
      proto: 'http',
    });
  });

  it('ignores a forwarded scheme that is neither http nor https', () => {
    expect(resolveForwarded({ remoteAddress: '10.0.0.2', headers: { host: 'h', 'x-forwarded-proto': 'gopher' }, hops: 1 }).proto).toBe('http');
  });
});

describe('trustProxyHops', () => {
  it('defaults to 0 and refuses anything but a small whole number', () => {
    expect(trustProxyHops({})).toBe(0);
    expect(trustProxyHops({ TRUST_PROXY_HOPS: '2' })).toBe(2);
    expect(() => trustProxyHops({ TRUST_PROXY_HOPS: 'true' })).toThrow(/TRUST_PROXY_HOPS/);
    expect(() => trustProxyHops({ TRUST_PROXY_HOPS: '-1' })).toThrow(/TRUST_PROXY_HOPS/);
  });
});

describe('throttleAddress', () => {
  it('throttles IPv6 clients by their /64 and IPv4 clients by address', async () => {
    const { throttleAddress } = await import('@/lib/auth/login-throttle');
    expect(throttleAddress('203.0.113.9')).toBe('203.0.113.9');
    expect(throttleAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:db8::7')).toBe('2001:db8:0:0::/64');
    expect(throttleAddress('::1')).toBe('0:0:0:0::/64');
    expect(throttleAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(throttleAddress('not:an:address')).toBe('not:an:address');
  });
});
