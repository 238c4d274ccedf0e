import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { Unauthorized } from '@/lib/errors';
import { authOptions } from './options';
import { actorForSession } from './sessions';
import { actorForToken, bearerToken } from './api-tokens';
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
  const session = await getServerSession(authOptions);
  return session?.sid ? actorForSession(session.sid) : null;
}

/** Like getActor but throws Unauthorized when nobody is signed in. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw Unauthorized();
  return actor;
}
