import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { GuardedFetchError } from './fetch-error';
import { portOf, systemResolver, vetTarget, type Resolver } from './guarded-fetch';

export type GuardedPostOptions = {
  /** `host:port` pairs exempt from the address and port checks (tests' local receivers). */
  allowHosts: string[];
  /** @default dns.lookup with all addresses */
  resolve?: Resolver;
  /** Time for the whole request, answer included. @default 10000 */
  timeoutMs?: number;
};

/** The receiver's answer: its status code and the start of its body (for the delivery log). */
export type PostResult = { status: number; body: string };

/** Kept of an answer's body: enough for an error message in the log. */
const BODY_KEEP = 1024;
const USER_AGENT = 'Claimdesk-Webhooks/1';

/**
 * POSTs `body` to `rawUrl` under the same rules as every outgoing request (guardedFetch's vetTarget: http(s) only,
 * ports 80/443, every resolved address checked against private, loopback, link-local and metadata ranges, then
 * connected to that checked address). Redirects are not followed: a 3xx is an answer like any other. Resolves with
 * any status; throws GuardedFetchError when the request is refused, cannot connect or times out.
 */
export async function guardedPost(rawUrl: string, body: string, headers: Record<string, string>, options: GuardedPostOptions): Promise<PostResult> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new GuardedFetchError('bad_url', 'Not a complete URL.');
  }
  const allowHosts = options.allowHosts.map((h) => h.toLowerCase());
  // vetTarget's own messages speak of importing; these two are worded for any request.
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new GuardedFetchError('bad_url', 'Only http:// and https:// URLs are allowed.');
  if (!allowHosts.includes(`${url.hostname}:${portOf(url)}`.toLowerCase()) && ![80, 443].includes(portOf(url))) {
    throw new GuardedFetchError('bad_url', `Port ${url.port} is not allowed; only the standard web ports 80 and 443.`);
  }
  const target = await vetTarget(url, allowHosts, options.resolve ?? systemResolver);
  const pinned = ((_host, opts, callback) => {
    if (opts.all) callback(null, [target]);
    else callback(null, target.address, target.family);
  }) as LookupFunction;
  const timeout = new GuardedFetchError('timeout', `No answer within ${Math.round(timeoutMs / 1000)} seconds.`);
  return new Promise<PostResult>((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      method: 'POST',
      agent: false,
      lookup: pinned,
      signal: AbortSignal.timeout(timeoutMs),
      headers: { 'user-agent': USER_AGENT, 'content-length': String(Buffer.byteLength(body)), ...headers },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        // Only the start is kept; the rest is read and dropped so the connection ends normally.
        if (size < BODY_KEEP) chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, BODY_KEEP) }));
      res.on('error', (error) => reject(toFetchError(error, url, timeout)));
    });
    req.on('error', (error) => reject(toFetchError(error, url, timeout)));
    req.end(body);
  });
}

function toFetchError(error: Error, url: URL, timeout: GuardedFetchError): GuardedFetchError {
  if (error instanceof GuardedFetchError) return error;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return timeout;
  return new GuardedFetchError('network', `${url.host} could not be reached (${(error as { code?: string }).code ?? 'connection failed'}).`);
}
