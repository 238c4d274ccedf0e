import { cookies, headers } from 'next/headers';
import { Unauthorized } from '@/lib/errors';
import { SESSION_COOKIES, sessionIdFromToken } from './session-cookie';
import { actorForSession } from './sessions';
import { actorForToken } from './actor-for-token';
import { bearerToken } from './bearer-token';
import type { Actor } from './permissions';

/**
 * The actor for this request, re-checked against the database on every call: a personal API token
 * (`Authorization: Bearer ...`) wins over the session cookie; disabled users, revoked tokens and sessions get null.
 */
export async function getActor(): Promise<Actor | null> {
  const authorization = (await headers()).get('authorization');
  if (authorization) {
    // A bad token is not silently downgraded to the cookie: the caller asked to be this token.
    const token = bearerToken(authorization);
    return token ? actorForToken(token) : null;
  }
  const sid = await cookieSessionId();
  return sid ? actorForSession(sid) : null;
}

/** The server-side session id of this request's session cookie, or null (none, invalid, or the request uses a token). */
export async function currentSessionId(): Promise<string | null> {
  if ((await headers()).get('authorization')) return null;
  return cookieSessionId();
}

async function cookieSessionId(): Promise<string | null> {
  // Read the cookie directly instead of getServerSession: the whole next-auth handler (and a re-encoded token)
  // per request was most of the cost of an API call, and only the session id is needed.
  const store = await cookies();
  const token = SESSION_COOKIES.map((name) => store.get(name)?.value).find(Boolean);
  return token ? sessionIdFromToken(token) : null;
}

/**
 * For a long-lived answer (the live stream): a check to run later, outside this request, of whether the same
 * credentials (this token, or this session) still hold; it gives the actor again (a role change shows) or null.
 */
export async function actorRecheck(): Promise<() => Promise<Actor | null>> {
  const authorization = (await headers()).get('authorization');
  if (authorization) {
    const token = bearerToken(authorization);
    return async () => (token ? actorForToken(token) : null);
  }
  const sid = await cookieSessionId();
  return async () => (sid ? actorForSession(sid) : null);
}

/** Like getActor but throws Unauthorized when nobody is signed in. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw Unauthorized();
  return actor;
}
