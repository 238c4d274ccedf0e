import { getServerSession } from 'next-auth';
import { Unauthorized } from '@/lib/errors';
import { authOptions } from './options';
import { actorForSession } from './sessions';
import type { Actor } from './permissions';

/** The signed-in actor for this request, re-checked against the database (disabled users and revoked sessions get null). */
export async function getActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  return session?.sid ? actorForSession(session.sid) : null;
}

/** Like getActor but throws Unauthorized when nobody is signed in. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw Unauthorized();
  return actor;
}
