import { readEnv } from '@/lib/env';

/**
 * The public base URL for permalinks in exports: NEXTAUTH_URL when set (the canonical address behind
 * proxies), else the origin the request came to, else http://localhost:3000 (CLI without either).
 */
export function publicOrigin(requestUrl?: string): string {
  const configured = readEnv().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  return requestUrl ? new URL(requestUrl).origin : 'http://localhost:3000';
}

/** publicOrigin for a server page, from the request's Host and X-Forwarded-Proto headers. */
export function publicOriginFromHeaders(headers: Headers): string {
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  const proto = headers.get('x-forwarded-proto')?.split(',')[0].trim() || 'http';
  return publicOrigin(host ? `${proto}://${host}` : undefined);
}
