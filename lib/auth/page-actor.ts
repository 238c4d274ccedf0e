import { redirect } from 'next/navigation';
import { getActor } from './current-actor';
import type { Actor } from './permissions';

/** For server pages: the signed-in actor, or a redirect to the login page. */
export async function pageActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  return actor;
}
