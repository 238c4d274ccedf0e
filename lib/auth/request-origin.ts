import { Forbidden } from '@/lib/errors';
import { readEnv } from '@/lib/env';

type HeaderSource = Headers | Record<string, unknown> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() ? first.trim() : undefined;
}

/** The last entry of a comma list: the one written closest to the app. */
const last = (value: string | undefined) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .pop();

/**
 * The client address of a request. scripts/serve.mjs (what `npm start` runs) writes X-Forwarded-For as exactly one
 * address chosen by TRUST_PROXY_HOPS, so a client cannot pick it. Under a bare `next start`/`next dev` the last
 * entry is the best guess (Next.js fills the header with the socket address only when the client sent none).
 */
export function clientAddress(headers: HeaderSource): string {
  return last(header(headers, 'x-forwarded-for')) ?? 'unknown';
}

/**
 * The public origin (scheme://host[:port]) of this app for a request: NEXTAUTH_URL when set, else the origin the
 * request came to as resolved by scripts/serve.mjs (X-Forwarded-Proto/-Host, falling back to Host over http).
 */
export function appOrigin(headers: HeaderSource): string | null {
  const configured = readEnv().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = last(header(headers, 'x-forwarded-host')) ?? header(headers, 'host');
  if (!host) return null;
  const proto = last(header(headers, 'x-forwarded-proto')) === 'https' ? 'https' : 'http';
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}

/**
 * Refuses a state-changing request whose Origin is not this app's origin (scheme, host and port all compared),
 * so cookies riding along from another site do nothing. Requests without Origin (curl, scripts) pass.
 */
export function assertSameOrigin(req: Request): void {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
  const origin = req.headers.get('origin');
  if (!origin) return;
  let sent: string;
  try {
    sent = new URL(origin).origin;
  } catch {
    throw Forbidden('Cross-origin request refused.');
  }
  if (sent === 'null' || sent !== appOrigin(req.headers)) throw Forbidden('Cross-origin request refused.');
}
