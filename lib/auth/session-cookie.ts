import { decode } from 'next-auth/jwt';
import { loadAuthSecret } from './secret';

/** next-auth's session cookie names: the __Secure- one is used when NEXTAUTH_URL is https. */
export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'] as const;

const MAX_CACHED = 5000;
// Decoding derives a key and decrypts a JWE, yet the same cookie arrives on every request of a session:
// remember what each valid token said until it expires. Revocation is still checked per request (sessions table).
const decoded = new Map<string, { sid: string; exp: number }>();

/** The server-side session id inside a session cookie value; null when it does not decode, has no id or has expired. */
export async function sessionIdFromToken(token: string): Promise<string | null> {
  const now = Date.now() / 1000;
  const hit = decoded.get(token);
  if (hit) return hit.exp > now ? hit.sid : null;
  const payload = await decode({ token, secret: await loadAuthSecret() }).catch(() => null);
  const sid = typeof payload?.sid === 'string' ? payload.sid : null;
  const exp = typeof payload?.exp === 'number' ? payload.exp : 0;
  if (!sid || exp <= now) return null;
  if (decoded.size >= MAX_CACHED) decoded.delete(decoded.keys().next().value!);
  decoded.set(token, { sid, exp });
  return sid;
}
