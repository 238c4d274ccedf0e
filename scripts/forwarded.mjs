// Pure rules for forwarding headers, used by scripts/serve.mjs before Next.js sees a request (unit-tested).

/** TRUST_PROXY_HOPS: how many reverse proxies stand in front of the app (0 = clients connect directly). */
export function trustProxyHops(env = process.env) {
  const raw = env.TRUST_PROXY_HOPS?.trim();
  if (!raw) return 0;
  if (!/^\d{1,2}$/.test(raw)) throw new Error(`TRUST_PROXY_HOPS must be a whole number of proxies (0-99), not "${raw}".`);
  return Number(raw);
}

const list = (value) =>
  (Array.isArray(value) ? value.join(',') : (value ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) is `10.0.0.1`. */
const plainAddress = (a) => a.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');

/**
 * The client address, host and scheme of a request as the app should believe them. With `hops` = 0 only the
 * connection counts (socket address, Host header, TLS or not): any X-Forwarded-* a client sends is ignored.
 * With N hops, the Nth entry from the right of X-Forwarded-For (the address the outermost trusted proxy saw) and
 * likewise of X-Forwarded-Host / X-Forwarded-Proto; entries left of it were written by the client and are ignored.
 * @param {{ remoteAddress?: string, encrypted?: boolean, headers: Record<string, string | string[] | undefined>, hops: number }} req
 * @returns {{ address: string, host: string, proto: 'http' | 'https' }}
 */
export function resolveForwarded({ remoteAddress, encrypted = false, headers, hops }) {
  const socket = plainAddress(remoteAddress ?? 'unknown');
  const host = typeof headers.host === 'string' ? headers.host : '';
  const proto = encrypted ? 'https' : 'http';
  if (hops <= 0) return { address: socket, host, proto };
  // The chain as the app sees it: what the proxies wrote, then the proxy next to us (the socket).
  const chain = [...list(headers['x-forwarded-for']).map(plainAddress), socket];
  const address = chain[Math.max(0, chain.length - 1 - hops)];
  const nth = (values) => (values.length ? values[Math.max(0, values.length - hops)] : undefined);
  const fwdProto = nth(list(headers['x-forwarded-proto']))?.toLowerCase();
  return {
    address,
    host: nth(list(headers['x-forwarded-host'])) ?? host,
    proto: fwdProto === 'https' || fwdProto === 'http' ? fwdProto : proto,
  };
}
