import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users, type NotifyPrefs } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { normalisePrefs } from './notify-prefs';

/** The notification kinds the actor turned off (none until they change it). */
export async function getNotifyPrefs({ actor }: { actor: Actor }): Promise<NotifyPrefs> {
  const [row] = await getDb().select({ prefs: users.notifyPrefs }).from(users).where(eq(users.id, actor.id));
  return normalisePrefs(row?.prefs);
}
