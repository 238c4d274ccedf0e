import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedFetch, type GuardedFetchOptions, type Resolver } from '@/lib/net/guarded-fetch';
import { GuardedFetchError } from '@/lib/net/fetch-error';
import { startNewsServer, type NewsServer } from '../fixtures/news-server';

let site: NewsServer;
let allowed: GuardedFetchOptions;

beforeAll(async () => {
  site = await startNewsServer();
  allowed = { allowHosts: [`127.0.0.1:${site.port}`] };
});
afterAll(() => site.close());

/** Stands in for public DNS: `news.example` is a "public" site that is really the local test server. */
const publicDns = (): Resolver => async (host) => {
  if (host === 'news.example') return [{ address: '127.0.0.1', family: 4 }];
  if (host === 'mixed.example')
    return [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
  if (host === 'metadata.example') return [{ address: '169.254.169.254', family: 4 }];
  throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
};

async function failure(promise: Promise<unknown>): Promise<GuardedFetchError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof GuardedFetchError)) throw new Error(`expected a GuardedFetchError, got ${String(error)}`);
  return error;
}

describe('guardedFetch', () => {
  it('fetches an allowlisted page and decodes it', async () => {
    const page = await guardedFetch(`${site.origin}/news/harbour`, allowed);
    expect(page.contentType).toBe('text/html');
    expect(page.body).toContain('Port authority approves €40m harbour expansion');
  });

  it('refuses a loopback URL when the allowlist is empty (the production setting)', async () => {
    const error = await failure(guardedFetch(`${site.origin}/news/harbour`, { allowHosts: [] }));
    expect(error.kind).toBe('bad_url'); // a non-standard port is refused before the address is even looked at
    const onPort80 = await failure(guardedFetch('http://127.0.0.1/news/harbour', { allowHosts: [] }));
    expect(onPort80.kind).toBe('not_allowed');
    expect(onPort80.message).toMatch(/loopback/);
    const ipv6 = await failure(guardedFetch('http://[::ffff:127.0.0.1]/', { allowHosts: [] }));
    expect(ipv6.kind).toBe('not_allowed');
    const decimal = await failure(guardedFetch('http://2130706433/', { allowHosts: [] }));
    expect(decimal.kind).toBe('not_allowed');
  });

  it('refuses a "public" host that redirects to 127.0.0.1, and one that redirects to the metadata address', async () => {
    const options = { allowHosts: [`news.example:${site.port}`], resolve: publicDns() };
    // The same path without a redirect is fetched: only the redirect target is refused.
    await expect(guardedFetch(`http://news.example:${site.port}/news/rail`, options)).resolves.toMatchObject({ contentType: 'text/html' });
    const loopback = await failure(guardedFetch(`http://news.example:${site.port}/redirect/loopback`, options));
    expect(loopback.kind).toBe('bad_url'); // 127.0.0.1 on a test port: not allowlisted, so its port is refused
    const loopback80 = await failure(guardedFetch(`http://news.example:${site.port}/redirect/loopback-80`, options));
    expect(loopback80.kind).toBe('not_allowed');
    expect(loopback80.message).toMatch(/127\.0\.0\.1 points to a loopback address/);
    const metadata = await failure(guardedFetch(`http://news.example:${site.port}/redirect/metadata`, options));
    expect(metadata.kind).toBe('not_allowed');
    expect(metadata.message).toMatch(/metadata/);
    expect(site.hits('/news/harbour')).toBe(1); // only the first, allowlisted fetch reached the article
  });

  it('connects to the address it checked: one lookup per hop, never a second answer (DNS rebinding)', async () => {
    const answers: string[] = [];
    // A rebinding name: public-looking the first time, internal on every later lookup.
    const rebinding: Resolver = async () => {
      answers.push(answers.length === 0 ? '127.0.0.1' : '10.0.0.1');
      return [{ address: answers[answers.length - 1], family: 4 }];
    };
    const page = await guardedFetch(`http://rebind.example:${site.port}/news/rail`, {
      allowHosts: [`rebind.example:${site.port}`],
      resolve: rebinding,
    });
    expect(page.body).toContain('Rail fares to rise');
    expect(answers).toEqual(['127.0.0.1']); // rebind.example exists in no real DNS: the socket used the checked answer
    answers.length = 0;
    await guardedFetch(`http://rebind.example:${site.port}/redirect/chain/1`, {
      allowHosts: [`rebind.example:${site.port}`, `127.0.0.1:${site.port}`],
      resolve: async (host) => (answers.push(host), [{ address: '127.0.0.1', family: 4 }]),
    });
    expect(answers).toEqual(['rebind.example', 'rebind.example', 'rebind.example']); // three hops, three checks
  });

  it('refuses a host when any of its addresses is internal, and names that resolve to metadata', async () => {
    const mixed = await failure(guardedFetch('http://mixed.example/', { resolve: publicDns() }));
    expect(mixed.message).toMatch(/private network/);
    const metadata = await failure(guardedFetch('https://metadata.example/latest', { resolve: publicDns() }));
    expect(metadata.message).toMatch(/metadata/);
  });

  it('refuses other schemes, odd ports and credentials, and follows at most five redirects', async () => {
    expect((await failure(guardedFetch('file:///etc/passwd'))).kind).toBe('bad_url');
    expect((await failure(guardedFetch('ftp://files.example/a'))).kind).toBe('bad_url');
    expect((await failure(guardedFetch('http://news.example:8080/', { resolve: publicDns() }))).kind).toBe('bad_url');
    expect((await failure(guardedFetch('http://user:pw@news.example/', { resolve: publicDns() }))).kind).toBe('bad_url');
    expect((await failure(guardedFetch(`${site.origin}/redirect/ftp`, allowed))).kind).toBe('bad_url');
    await expect(guardedFetch(`${site.origin}/redirect/chain/4`, allowed)).resolves.toMatchObject({ url: `${site.origin}/news/rail` });
    expect((await failure(guardedFetch(`${site.origin}/redirect/chain/5`, allowed))).kind).toBe('too_many_redirects');
    expect((await failure(guardedFetch(`${site.origin}/redirect/loop`, allowed))).kind).toBe('too_many_redirects');
  });

  it('times out a page that never finishes, and stops reading past the size cap (also when compressed)', async () => {
    const slow = await failure(guardedFetch(`${site.origin}/slow`, { ...allowed, timeoutMs: 300 }));
    expect(slow.kind).toBe('timeout');
    const huge = await failure(guardedFetch(`${site.origin}/huge`, allowed));
    expect(huge.kind).toBe('too_large');
    const bomb = await failure(guardedFetch(`${site.origin}/huge.gz`, allowed));
    expect(bomb.kind).toBe('too_large');
    const declared = await failure(guardedFetch(`${site.origin}/declared-huge`, allowed));
    expect(declared.kind).toBe('too_large');
    const zstd = await failure(guardedFetch(`${site.origin}/news/zstd`, allowed));
    expect(zstd.message).toMatch(/encoding Claimdesk cannot read \(zstd\)/);
  });

  it('refuses files that are not web pages and reports a missing page', async () => {
    const pdf = await failure(guardedFetch(`${site.origin}/report.pdf`, allowed));
    expect(pdf.kind).toBe('unsupported_type');
    expect(pdf.message).toMatch(/application\/pdf/);
    const missing = await failure(guardedFetch(`${site.origin}/gone`, allowed));
    expect(missing).toMatchObject({ kind: 'not_found', status: 404 });
    const unknownHost = await failure(guardedFetch('https://nowhere.example/', { resolve: publicDns() }));
    expect(unknownHost.kind).toBe('network');
  });

  it('decompresses gzip and brotli and decodes a charset named only in <meta>', async () => {
    expect((await guardedFetch(`${site.origin}/news/harbour.gz`, allowed)).body).toContain('employ 300 people');
    expect((await guardedFetch(`${site.origin}/news/rail.br`, allowed)).body).toContain('£243 more a year');
    const cafe = await guardedFetch(`${site.origin}/news/cafe`, allowed);
    expect(cafe.body).toContain('Renée Dupré');
    expect(cafe.body).toContain('£180,000');
  });
});
