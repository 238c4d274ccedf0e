import dns from 'node:dns';
import { readEnv } from '@/lib/env';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { refusedAddressReason } from './address-policy';
import { GuardedFetchError } from './fetch-error';
import { decodeBody, PAGE_TYPES, parseContentType, readCappedBody } from './read-body';

export type ResolvedAddress = { address: string; family: 4 | 6 };
/** Turns a host name into addresses; tests replace it to stand in for public DNS. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export type GuardedFetchOptions = {
  /** `host:port` pairs exempt from the address and port checks (tests' local servers). @default IMPORT_ALLOW_HOSTS */
  allowHosts?: string[];
  /** @default dns.lookup with all addresses */
  resolve?: Resolver;
  /** @default 5 */
  maxRedirects?: number;
  /** Time to open the TCP connection of each hop. @default 5000 */
  connectTimeoutMs?: number;
  /** Time for the whole fetch, redirects and body included. @default 20000 */
  timeoutMs?: number;
  /** Cap on the decoded body. @default 5 MB */
  maxBytes?: number;
};

export type FetchedPage = {
  /** The URL that answered, after redirects. */
  url: string;
  contentType: string;
  body: string;
};

const FETCH_DEFAULTS = { maxRedirects: 5, connectTimeoutMs: 5_000, timeoutMs: 20_000, maxBytes: 5 * 1024 * 1024 };
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'Mozilla/5.0 (compatible; Claimdesk article import)';

/** The IMPORT_ALLOW_HOSTS setting: comma-separated `host:port` pairs, empty in production. */
function allowHostsFromEnv(): string[] {
  return readEnv().IMPORT_ALLOW_HOSTS;
}

export const systemResolver: Resolver = async (hostname) => {
  const found = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

export const portOf = (url: URL) => Number(url.port || (url.protocol === 'https:' ? 443 : 80));

/** Checks scheme, port and every resolved address of `url`; returns the one address to connect to. */
export async function vetTarget(url: URL, allowHosts: string[], resolve: Resolver): Promise<ResolvedAddress> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new GuardedFetchError('bad_url', 'Only http:// and https:// links can be imported.');
  }
  if (url.username || url.password) throw new GuardedFetchError('bad_url', 'Links with a user name or password cannot be imported.');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const allowed = allowHosts.includes(`${url.hostname}:${portOf(url)}`.toLowerCase());
  if (!allowed && url.port && portOf(url) !== 80 && portOf(url) !== 443) {
    throw new GuardedFetchError('bad_url', `Links to port ${url.port} cannot be imported; only the standard web ports 80 and 443.`);
  }
  let addresses: ResolvedAddress[];
  try {
    // An address literal is its own answer; only names go to DNS.
    addresses = ipaddr.isValid(host) ? [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }] : await resolve(host);
  } catch {
    throw new GuardedFetchError('network', `The site ${url.hostname} could not be found.`);
  }
  if (addresses.length === 0) throw new GuardedFetchError('network', `The site ${url.hostname} could not be found.`);
  if (!allowed) {
    // Every address is checked, not only the first: a name must not mix a public and an internal address.
    for (const { address } of addresses) {
      const reason = refusedAddressReason(address);
      if (reason) throw new GuardedFetchError('not_allowed', `This address is not allowed: ${url.hostname} points to ${reason}.`);
    }
  }
  return addresses[0];
}

/** Opens one request connected to exactly `target`, with a connect timeout; resolves at the response headers. */
function requestHop(url: URL, target: ResolvedAddress, connectTimeoutMs: number, signal: AbortSignal): Promise<IncomingMessage> {
  // The connection goes to the address that was checked: no second DNS answer can swap in an internal one.
  const pinned = ((_host, options, callback) => {
    if (options.all) callback(null, [target]);
    else callback(null, target.address, target.family);
  }) as LookupFunction;
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      method: 'GET',
      agent: false,
      lookup: pinned,
      signal,
      headers: {
        'user-agent': USER_AGENT,
        accept: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8',
        'accept-encoding': 'gzip, deflate, br',
      },
    });
    req.on('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(
        () => req.destroy(new GuardedFetchError('timeout', `The site ${url.hostname} did not answer in time.`)),
        connectTimeoutMs,
      );
      socket.once('connect', () => clearTimeout(timer));
      socket.once('close', () => clearTimeout(timer));
    });
    req.on('response', resolve);
    req.on('error', reject);
    req.end();
  });
}

/**
 * GETs a web page for import or any other outgoing request (webhooks): http(s) only, ports 80/443, every hop's host
 * resolved and refused when any address is loopback, private, link-local, multicast, CGNAT, unique-local or metadata,
 * then connected to that checked address; at most `maxRedirects` redirects, connect and total timeouts, a body cap,
 * HTML/XHTML/plain text only, decompressed and decoded. Throws GuardedFetchError (never a raw socket error).
 */
export async function guardedFetch(rawUrl: string, options: GuardedFetchOptions = {}): Promise<FetchedPage> {
  const { maxRedirects, connectTimeoutMs, timeoutMs, maxBytes } = { ...FETCH_DEFAULTS, ...options };
  const allowHosts = (options.allowHosts ?? allowHostsFromEnv()).map((h) => h.toLowerCase());
  const resolve = options.resolve ?? systemResolver;
  const controller = new AbortController();
  const timeout = new GuardedFetchError('timeout', `The site took longer than ${Math.round(timeoutMs / 1000)} seconds to send the page.`);
  const timer = setTimeout(() => controller.abort(timeout), timeoutMs);
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new GuardedFetchError('bad_url', 'That is not a complete link (it should start with https://).');
  }
  try {
    for (let hop = 0; ; hop++) {
      const target = await vetTarget(url, allowHosts, resolve);
      const res = await requestHop(url, target, connectTimeoutMs, controller.signal);
      const location = res.headers.location;
      if (REDIRECTS.has(res.statusCode ?? 0) && location) {
        res.destroy();
        if (hop >= maxRedirects) throw new GuardedFetchError('too_many_redirects', `The link redirects more than ${maxRedirects} times.`);
        url = new URL(location, url);
        continue;
      }
      const status = res.statusCode ?? 0;
      if (status === 404 || status === 410) {
        res.destroy();
        throw new GuardedFetchError('not_found', `The page was not found (the site answered ${status}).`, status);
      }
      if (status < 200 || status >= 300) {
        res.destroy();
        throw new GuardedFetchError('http_status', `The site refused to send the page (it answered ${status}).`, status);
      }
      const { type, charset } = parseContentType(res.headers['content-type']);
      if (!(PAGE_TYPES as readonly string[]).includes(type)) {
        res.destroy();
        throw new GuardedFetchError('unsupported_type', `The link points to ${type || 'a file of unknown type'}, not a web page.`);
      }
      const bytes = await readCappedBody(res, maxBytes);
      return { url: url.toString(), contentType: type, body: decodeBody(bytes, charset, type !== 'text/plain') };
    }
  } catch (error) {
    if (controller.signal.aborted) throw timeout;
    if (error instanceof GuardedFetchError) throw error;
    throw new GuardedFetchError(
      'network',
      `The site ${url.hostname} could not be reached (${(error as { code?: string }).code ?? 'connection failed'}).`,
    );
  } finally {
    clearTimeout(timer);
  }
}
