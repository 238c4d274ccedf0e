/**
 * Stand-in for '@/lib/auth/current-actor' in tests that call route handlers: only the session lookup is replaced (set
 * `session.sid`); actors still come from the real sessions and users tables. Use with
 * `vi.mock('@/lib/auth/current-actor', () => import('./session-actor-mock'))`.
 */
import { actorForSession } from '@/lib/auth/sessions';
import { Unauthorized } from '@/lib/errors';

export const session = { sid: null as string | null };

export const getActor = async () => (session.sid ? actorForSession(session.sid) : null);

export const currentSessionId = async () => session.sid;

export async function requireActor() {
  const actor = await getActor();
  if (!actor) throw Unauthorized();
  return actor;
}

export async function actorRecheck() {
  const sid = session.sid;
  return async () => (sid ? actorForSession(sid) : null);
}
